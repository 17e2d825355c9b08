import { describe, expect, expectTypeOf, it } from 'vitest';
import { sanitize, sanitizeArticle, sanitizeHighlighted, toJsonLine, type Display, type DisplayArticle, type DisplaySnippet } from '../../src/text/sanitize.js';
import type { Article } from '../../src/model.js';

const ESC = '\u001b';

describe('sanitize', () => {
  it('shows escape sequences visibly instead of passing them through', () => {
    expect(sanitize(`${ESC}[31mred${ESC}[0m`)).toBe('^[[31mred^[[0m');
    expect(sanitize(`${ESC}]0;title\u0007`)).toBe('^[]0;title^G');
    expect(sanitize(`${ESC}]8;;http://x${ESC}\\link${ESC}]8;;${ESC}\\`)).toBe('^[]8;;http://x^[\\link^[]8;;^[\\');
    expect(sanitize(`${ESC}]52;c;aGk=\u0007`)).toBe('^[]52;c;aGk=^G');
    expect(sanitize(`${ESC}P1$r${ESC}\\`)).toBe('^[P1$r^[\\');
  });

  it('shows C1 controls, DEL and bidirectional overrides as code points', () => {
    expect(sanitize('a\u009b31mb\u007fc')).toBe('a<U+009B>31mb^?c');
    expect(sanitize('abc\u202edcba\u2066x\u2069')).toBe('abc<U+202E>dcba<U+2066>x<U+2069>');
  });

  it('turns tabs and line breaks into spaces so a field stays on one line', () => {
    expect(sanitize('one\ttwo\nthree\r\nfour')).toBe('one two three  four');
  });

  it('leaves ordinary text, accents and emoji alone', () => {
    const text = 'Zürich — “quoted” café 東京 🎉';
    expect(sanitize(text)).toBe(text);
  });

  it('reaches every string field of an article', () => {
    const dirty = `x${ESC}[2Jy`;
    const article: Article = {
      slug: dirty,
      headline: dirty,
      section: dirty,
      source: dirty,
      author: dirty,
      date: dirty,
      dateline: { place: dirty, date: dirty, agency: dirty },
      url: dirty,
      tags: [dirty],
      body: [dirty],
      quotes: [{ text: dirty, speaker: dirty, person: dirty, paragraph: 0 }],
      path: dirty,
    };
    expect(JSON.stringify(sanitizeArticle(article))).not.toContain(ESC);
    expect(JSON.stringify(sanitizeArticle(article)).match(/\^\[\[2J/g)).toHaveLength(16);
  });
});

describe('Display text', () => {
  it('is what the sanitisers make, and a string from anywhere else is not (checked by npm run typecheck)', () => {
    expectTypeOf(sanitize).returns.toEqualTypeOf<Display>();
    expectTypeOf(sanitizeArticle).returns.toEqualTypeOf<DisplayArticle>();
    expectTypeOf(sanitizeHighlighted).returns.toEqualTypeOf<DisplaySnippet>();
    expectTypeOf<string>().not.toExtend<Display>();
    // Display text is still text: anything taking a string takes it.
    expectTypeOf<Display>().toExtend<string>();
    expectTypeOf<DisplayArticle['quotes'][number]['speaker']>().toEqualTypeOf<Display | null>();
  });
});

describe('sanitize: cases found by tests/unit/properties.test.ts', () => {
  it('shows every bidirectional control, the Arabic letter mark too', () => {
    expect(sanitize('a\u061cb\u200fc')).toBe('a<U+061C>b<U+200F>c');
    expect(toJsonLine('\u061c')).toBe('"\\u061c"');
  });

  it('writes a lone surrogate as U+FFFD, as UTF-8 output would, and keeps pairs whole', () => {
    expect(sanitize('\ud800 \udc00x 😀')).toBe('\ufffd \ufffdx 😀');
  });
});

describe('sanitizeHighlighted', () => {
  it('moves highlights with the text they mark', () => {
    const result = sanitizeHighlighted({ text: `${ESC}x match ${ESC}y`, highlights: [[3, 8]] });
    expect(result.text).toBe('^[x match ^[y');
    expect(result.text.slice(result.highlights[0]![0], result.highlights[0]![1])).toBe('match');
  });
});

describe('toJsonLine', () => {
  it('keeps control characters as JSON escapes, never raw', () => {
    const line = toJsonLine({ text: `a${ESC}[31m\u009b\u202e` });
    expect(line).toBe('{"text":"a\\u001b[31m\\u009b\\u202e"}');
    expect(JSON.parse(line)).toEqual({ text: `a${ESC}[31m\u009b\u202e` });
  });
});
