// Front matter of `key: "text"` lines is read without gray-matter and the
// YAML parser (the form `news import` writes): it must give what they give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frontMatter, readArticle, simpleFrontMatter } from '../../src/parse/article.js';

/** The file's lines and its closing line's number, as readArticle finds them. */
function split(source: string): { lines: string[]; close: number } {
  const lines = source.split('\n');
  return { lines, close: lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(line)) };
}

const key = fc.constantFrom('title', 'source', 'section', 'author', 'date', 'url', 'source-hash', 'x_1', 'true', 'Null', 'a-b');
/** A value written as JSON writes it, or with raw characters and escapes YAML alone knows. */
const quoted = fc.oneof(
  fc.string({ unit: 'binary' }).map((s) => JSON.stringify(s)),
  fc.string({ unit: fc.constantFrom('a', ' ', '"', '\\', '\\x41', '\\t', '\\u00e9', '\\N', '\t', '\u0085', '\u2028', '#', ':') }).map((s) => `"${s}"`),
);
/** 32 hexadecimal digits, as a source hash, some of them all digits or digits around an e (numbers to YAML). */
const hash = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 }),
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 32, maxLength: 32 }),
  fc.integer({ min: 1, max: 30 }).map((at) => '7'.repeat(at) + 'e' + '3'.repeat(31 - at)),
);
const line = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(key, quoted).map(([k, v]) => `${k}: ${v}`) },
  { weight: 2, arbitrary: fc.tuple(key, hash).map(([k, v]) => `${k}: ${v}`) },
  { weight: 1, arbitrary: fc.constantFrom('tags: [a, b]', 'title: plain words', '# a comment', '', 'date: 2016-03-01', 'title: "a" # note') },
);
const closing = fc.constantFrom('---', '--- ', '...', '---\t');
const body = fc.constantFrom('', '\n', '\nOne paragraph.\n', '\n\nTwo.\n\nParagraphs.', 'No blank line first.');

describe('simpleFrontMatter', () => {
  it('gives what gray-matter and the YAML parser give, whenever it reads front matter at all', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), closing, body, (lines, close, rest) => {
        const source = `---\n${lines.join('\n')}\n${close}\n${rest}`;
        const found = split(source);
        const simple = simpleFrontMatter(found.lines, found.close);
        if (simple === null) return;
        expect(simple).toEqual(frontMatter(source, found.lines[found.close]!));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the form news import writes, any text in it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (title, source) => {
        const text = `---\ntitle: ${JSON.stringify(title)}\nsource: ${JSON.stringify(source)}\n---\n\nBody.\n`;
        const found = split(text);
        const simple = simpleFrontMatter(found.lines, found.close);
        const printable = !/[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/.test(title + source);
        if (printable) expect(simple).toEqual({ data: { title, source }, content: '\nBody.\n' });
        if (simple !== null) expect(simple).toEqual(frontMatter(text, '---'));
      }),
    );
  });

  it('leaves to the YAML parser what it does not read: a repeated key, a plain value, a comment, a closing line with spaces', () => {
    for (const text of ['---\ntitle: "a"\ntitle: "b"\n---\n', '---\ntitle: a\n---\n', '---\ntitle: "a" # b\n---\n', '---\ntitle: "a"\n--- \n']) {
      const found = split(text);
      expect(simpleFrontMatter(found.lines, found.close)).toBeNull();
    }
    // A repeated key stays the YAML parser's error.
    expect(readArticle('---\ntitle: "a"\ntitle: "b"\n---\n\nText.\n', 'a.md').problems[0]?.message).toMatch(/invalid YAML/);
  });
});
