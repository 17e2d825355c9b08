import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frontMatterYaml, parseArticle } from '../../src/parse/article.js';
import { markdownToParagraphs } from '../../src/parse/markdown.js';
import { collapseSpace } from '../../src/text/space.js';
import { articleFileText, escapeMarkdown, escapeParagraph, yamlString } from '../../src/parse/markdown-escape.js';
import type { RawArticle } from '../../src/parse/raw.js';

// Text that is mostly Markdown syntax, to meet the cases plain random text rarely does.
const SYNTAX = [...'\\*_[]()<>`~|&#;!-+=.:/@^ 0123456789aZé\t\u00a0'].concat([
  '&amp;',
  '&#96;',
  '&#x2014;',
  '&nbsp;',
  '&frac12;',
  '&CounterClockwiseContourIntegral;',
  '<b>',
  '</b>',
  '<!--',
  '-->',
  '](http://x)',
  '![',
  '[^1]',
  ']: ',
  '^[',
  ':-',
  '```',
  '~~~',
  '***',
  '___',
  '1. ',
  '- ',
  '> ',
  '# ',
  '\ufdd0',
  '\ufdef',
  '  ',
]);

const markdownish = fc.string({ unit: fc.constantFrom(...SYNTAX), maxLength: 40 });
// No text holding NUL reaches the writer (raw text and article files with NUL
// are refused as binary), and CommonMark reads NUL as U+FFFD.
const withoutNul = (text: string) => !text.includes('\0');
const anyText = fc.oneof(markdownish, fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 })).filter(withoutNul);

const expected = (text: string) => (collapseSpace(text) === '' ? [] : [collapseSpace(text)]);
const wordsOf = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

describe('escapeParagraph', () => {
  it('reads back as the same text, white space folded', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(markdownToParagraphs(escapeParagraph(text))).toEqual(expected(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('escapes only what a reader would take as syntax', () => {
    expect(escapeParagraph('Shares rose 5% to $1.13bn (£600m), a record.')).toBe('Shares rose 5% to $1.13bn (£600m), a record.');
    expect(escapeParagraph('AT&T and 5 * 3')).toBe('AT&T and 5 \\* 3');
    expect(escapeParagraph('*NSYNC and snake_case')).toBe('\\*NSYNC and snake\\_case');
    expect(escapeParagraph('see [the report](x) <b>now</b> `ls`')).toBe('see \\[the report\\](x) \\<b\\>now\\</b\\> &#96;ls&#96;');
    expect(escapeParagraph('&amp; is an entity, & is not')).toBe('&amp;amp; is an entity, & is not');
    expect(escapeParagraph('&frac12; and &there4; are entities too')).toBe('&amp;frac12; and &amp;there4; are entities too');
  });

  it('escapes block markers at the start of the paragraph', () => {
    for (const [text, escaped] of [
      ['# Not a heading', '\\# Not a heading'],
      ['- not a list item', '\\- not a list item'],
      ['+ not either', '\\+ not either'],
      ['1. Not a list', '1\\. Not a list'],
      ['2) Nor this', '2\\) Nor this'],
      ['1.5 million people', '1.5 million people'],
      ['> not a quote', '\\> not a quote'],
      ['---', '\\---'],
      ['===', '\\==='],
      ['| a | b |', '\\| a \\| b \\|'],
      ['```js', '&#96;&#96;&#96;js'],
      ['~~~', '\\~\\~\\~'],
      ['    indented code?', 'indented code?'],
    ] as const) {
      expect(escapeParagraph(text)).toBe(escaped);
      expect(markdownToParagraphs(escaped)).toEqual([collapseSpace(text)]);
    }
  });
});

describe('escapeMarkdown', () => {
  it('keeps a line of colons and hyphens from making the line above a table', () => {
    expect(escapeMarkdown('Rates | yields\n:--:')).toBe('Rates \\| yields\n\\:--:');
    expect(markdownToParagraphs(escapeMarkdown('Rates | yields\n:--:'))).toEqual(['Rates | yields :--:']);
  });

  it('keeps the lines of a paragraph one paragraph, whatever each line starts with', () => {
    const line = markdownish.filter((text) => text.trim() !== '');
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        expect(markdownToParagraphs(escapeMarkdown(lines.join('\n')))).toEqual(expected(lines.join(' ')));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('yamlString', () => {
  it('round-trips any title through YAML front matter', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), markdownish), (title) => {
        expect(frontMatterYaml(`\ntitle: ${yamlString(title)}`)).toEqual({ title });
      }),
      { numRuns: 2000 },
    );
  });

  it('reads titles that plain YAML would misread', () => {
    for (const title of [
      'Iran: What Now?',
      'Rates # up',
      '"Quoted"',
      "It's",
      '- leading dash',
      'yes',
      '2014-09-24',
      '1e3',
      '[x]',
      '{a: 1}',
      '&anchor',
      '*alias',
      '!tag',
      '@x',
      '`x`',
      '%YAML',
      'a\\b',
      '\u2028',
      '\u0085',
    ]) {
      expect(frontMatterYaml(`\ntitle: ${yamlString(title)}`)).toEqual({ title });
    }
  });
});

describe('articleFileText', () => {
  const nonBlank = (text: string) => collapseSpace(text) !== '';
  const raw: fc.Arbitrary<RawArticle> = fc.record({
    headline: anyText.filter(nonBlank).map(collapseSpace),
    section: fc.option(anyText.filter(nonBlank).map(collapseSpace)),
    source: fc.option(anyText.filter(nonBlank).map(collapseSpace)),
    paragraphs: fc.array(anyText.filter(nonBlank), { minLength: 1, maxLength: 6 }),
  });

  it('writes a file the reader reads back: front matter as given, every word of the body', () => {
    fc.assert(
      fc.property(raw, (article) => {
        const read = parseArticle(articleFileText(article), 'x.md');
        expect(read.headline).toBe(article.headline);
        expect(read.section).toBe(article.section);
        expect(read.source).toBe(article.source);
        expect(read.date).toBeNull();
        const paragraphs = article.paragraphs.map(collapseSpace);
        if (read.dateline === null) {
          expect(read.body).toEqual(paragraphs);
        } else {
          // The reader takes a wire dateline off the first paragraph.
          const { place, date, agency } = read.dateline;
          expect(read.body.slice(1)).toEqual(paragraphs.slice(1));
          expect(wordsOf([place, date ?? '', agency ?? '', read.body[0]].join(' '))).toEqual(wordsOf(paragraphs[0]!));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('writes paragraphs that the Markdown reader gives back one for one', () => {
    fc.assert(
      fc.property(raw, (article) => {
        const text = articleFileText(article);
        const body = text.slice(text.indexOf('\n---\n', 3) + 5);
        expect(markdownToParagraphs(body)).toEqual(article.paragraphs.map(collapseSpace));
      }),
      { numRuns: 1000 },
    );
  });

  it('writes the scraped seed as the hand-made article has it', () => {
    expect(
      articleFileText({ headline: 'US Informed Iran of Intent to Hit IS', section: 'National', source: 'Financialtribune.com', paragraphs: ['One.', 'Two.'] }),
    ).toBe('---\ntitle: "US Informed Iran of Intent to Hit IS"\nsection: "National"\nsource: "Financialtribune.com"\n---\n\nOne.\n\nTwo.\n');
  });

  it('keeps wire datelines for the reader to find', () => {
    const read = parseArticle(
      articleFileText({ headline: 'Vote', section: null, source: null, paragraphs: ['WASHINGTON (AP) — The vote was delayed.'] }),
      'x.md',
    );
    expect(read.dateline).toEqual({ place: 'WASHINGTON', date: null, agency: 'AP' });
    expect(read.body).toEqual(['The vote was delayed.']);
  });
});
