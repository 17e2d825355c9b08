// Properties over arbitrary, hostile input: what example tests miss. Text is
// built from pieces a stranger's article may hold (escape sequences, C0 and C1
// controls, bidirectional controls, lone surrogates, emoji, combining marks,
// wide CJK text, very long words) mixed with the syntax each reader cares
// about (YAML, Markdown, quotation marks, datelines, the query language).
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutFor } from '../../src/cli/context.js';
import { selectQuotes } from '../../src/search/speakers.js';
import { createSchema } from '../../src/index/schema.js';
import type { Article, Quote } from '../../src/model.js';
import { ArticleError, parseArticle, readArticle } from '../../src/parse/article.js';
import { decodeEntities } from '../../src/text/entities.js';
import { collapseSpace } from '../../src/text/space.js';
import { articleFileText, yamlString } from '../../src/parse/markdown-escape.js';
import { articleFromJson, StoredArticle, toStoredJson, VERBATIM_BODY } from '../../src/index/row.js';
import { extractQuotes } from '../../src/parse/quotes/extract.js';
import { parseRawText, RawTextError } from '../../src/parse/raw.js';
import { compileTemplate } from '../../src/render/fields.js';
import type { Layout } from '../../src/render/layout.js';
import { renderListTsv } from '../../src/render/list.js';
import { renderQuotesTerminal, renderQuotesTsv } from '../../src/render/quotes.js';
import { renderSearchTerminal, renderSearchTsv, type DisplayHit } from '../../src/render/search.js';
import { renderArticles } from '../../src/render/show.js';
import { renderListTable } from '../../src/render/table.js';
import { parseQuery, QueryError } from '../../src/search/query.js';
import { toFtsQuery } from '../../src/search/fts.js';
import { sanitizeArticle, sanitizeHighlighted, toJsonLine, type Highlighted } from '../../src/text/sanitize.js';
import { displayWidth } from '../../src/text/width.js';

// ---------------------------------------------------------------------------
// Hostile text

const ESCAPES = [
  '\u001b[31m',
  '\u001b[0m',
  '\u001b[2J\u001b[1;1H',
  '\u001b]8;;http://x\u0007',
  '\u001b]8;;\u0007',
  '\u001b]52;c;aGVsbG8=\u0007',
  '\u001b]0;title\u001b\\',
  '\u001bP1$r0m\u001b\\',
  '\u001bc',
  '\u009b31m',
  '\u009d0;x\u009c',
  '\u0090q\u009c',
];
const CONTROLS = ['\u0000', '\u0007', '\b', '\t', '\n', '\r', '\r\n', '\n\n', '\u000b', '\f', '\u001b', '\u007f', '\u0080', '\u0085', '\u009f'];
const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\u2028', '\u2029'];
const UNICODE = [
  '😀',
  '👩‍👩‍👧',
  '🇯🇵',
  '👍🏽',
  'e\u0301',
  '\u0301\u0302',
  'ﾃﾚﾋﾞ',
  '東京で記者会見が開かれた',
  '한국어',
  'Ｆｕｌｌｗｉｄｔｈ',
  'Zürich',
  'Straße',
  '\u00a0',
  '\ufeff',
  '\ud800',
  '\udfff',
  'x'.repeat(130),
  'Anticonstitutionnellement'.repeat(5),
  '漢'.repeat(70),
];
const PROSE = [
  ' ',
  // Text of no width after a space: wrap-ansi once counted such a word as no room at all.
  ' \ufeff',
  ' \u0301',
  ' \u200b',
  '  ',
  'the',
  'Ann Lee',
  'said',
  'told reporters',
  'WASHINGTON (AP) — ',
  'LONDON, Sept. 24 (Reuters) - ',
  '"',
  '“',
  '”',
  "'",
  '’',
  ',',
  '.',
  ':',
  ';',
  '-',
  '*',
  '_',
  '`',
  '~~',
  '#',
  '> ',
  '1. ',
  '[x](http://y)',
  '<b>',
  '&amp;',
  '&#x1b;',
  '\\',
  '|',
  '---',
];

const controlChar = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).map((c) => String.fromCharCode(c));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROSE) },
  { weight: 2, arbitrary: fc.constantFrom(...ESCAPES, ...CONTROLS, ...BIDI) },
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE) },
  { weight: 1, arbitrary: controlChar },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);
const hostile = (maxLength = 20) => fc.array(piece, { maxLength }).map((parts) => parts.join(''));
const hostileNonEmpty = (maxLength = 20) => fc.array(piece, { minLength: 1, maxLength }).map((parts) => parts.join(''));

/** Runs of letters and digits, lower-cased: what "every word kept" compares. */
const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

// ---------------------------------------------------------------------------
// 1. The article parser

// Values that YAML reads as something other than a string, beside hostile text.
const YAML_VALUES = [
  '',
  '~',
  'null',
  '123',
  '1e400',
  'true',
  '2014-09-24',
  '2014-13-45',
  '2014-09-24T25:61:00Z',
  '[a, b]',
  '[1, [2]]',
  '{place: LONDON}',
  '{place: ""}',
  '{toString: 1}',
  '{valueOf: 1, toString: 2}',
  '{__proto__: x}',
  '{constructor: 1}',
  '!!binary aGk=',
  '!!set {a, b}',
  '!!omap [a: 1]',
  '!!js/function "f() {}"',
  '&a x',
  '*a',
  '|\n  block\n  text',
  '>-\n  folded',
  '"unterminated',
  '- a\n- b',
  '? complex\n: key',
];
const KEYS = ['section', 'source', 'author', 'date', 'dateline', 'url', 'tags', 'other', '<<'];
const yamlValue = fc.oneof(hostile(8).map(yamlString), hostile(8), fc.constantFrom(...YAML_VALUES));
// Mostly well-formed YAML (distinct keys), so that values reach the reader's
// checks rather than stopping at a YAML error; now and then a hostile line.
const frontMatterLines = fc
  .tuple(fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), yamlValue), { selector: ([key]) => key, maxLength: 6 }), fc.array(hostile(8), { maxLength: 1 }))
  .map(([pairs, junk]) => [...pairs.map(([key, value]) => `${key}: ${value}`), ...junk]);
const articleFile = fc.oneof(
  { weight: 1, arbitrary: hostile(40) },
  {
    weight: 6,
    arbitrary: fc
      .record({
        bom: fc.constantFrom('', '\ufeff'),
        open: fc.constantFrom('---', '---', '---', '--- ', '---js', '---yaml', '-- -'),
        title: fc.oneof(
          hostile(8).map((t) => [`title: ${yamlString(t)}`]),
          fc.constant([]),
        ),
        lines: frontMatterLines,
        close: fc.constantFrom('---', '---', '---', '...', '--- ', ''),
        body: fc.array(hostile(30), { maxLength: 5 }),
        eol: fc.constantFrom('\n', '\r\n', '\r'),
      })
      .map(({ bom, open, title, lines, close, body, eol }) => bom + [open, ...title, ...lines, close, '', ...body].join(eol)),
  },
);

describe('property: the article parser', () => {
  it('readArticle never throws, and returns an article exactly when it finds no problem', () => {
    fc.assert(
      fc.property(articleFile, (text) => {
        const { article, problems } = readArticle(text, 'a/x.md');
        expect(article === null).toBe(problems.length > 0);
        for (const p of problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(text.split(/\r\n?|\n/).length);
        }
        if (article) {
          expect(typeof article.headline).toBe('string');
          expect(article.headline.trim()).not.toBe('');
          for (const field of [article.section, article.source, article.author, article.date, article.url]) {
            expect(field === null || typeof field === 'string').toBe(true);
          }
          expect(article.tags.every((t) => typeof t === 'string')).toBe(true);
          expect(article.body.every((p) => typeof p === 'string' && p !== '')).toBe(true);
        }
      }),
      { numRuns: 4000 },
    );
  });

  it('parseArticle throws nothing but ArticleError', () => {
    fc.assert(
      fc.property(articleFile, (text) => {
        try {
          parseArticle(text, 'x.md');
        } catch (error) {
          if (!(error instanceof ArticleError)) throw error;
        }
      }),
      { numRuns: 3000 },
    );
  });
});

// ---------------------------------------------------------------------------
// 2. The quote extractor

const quotePiece = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '"',
      '“',
      '”',
      '„',
      '’’',
      '"',
      ' "',
      '" ',
      ',"',
      '."',
      ' he said',
      ' Ann Lee said:',
      ' told',
      ' - ',
      '\n',
      ' (1998)',
      ' by ',
      ' 60 percent',
    ),
  },
  { weight: 4, arbitrary: piece },
);
const quoteBody = fc.array(
  fc.array(quotePiece, { maxLength: 30 }).map((parts) => parts.join('')),
  { maxLength: 6 },
);

describe('property: the quote extractor', () => {
  it('only returns quotes that stand in the paragraph they point at', () => {
    fc.assert(
      fc.property(quoteBody, (body) => {
        for (const q of extractQuotes(body)) {
          expect(Number.isInteger(q.paragraph)).toBe(true);
          expect(q.paragraph).toBeGreaterThanOrEqual(0);
          expect(q.paragraph).toBeLessThan(body.length);
          expect(q.text).not.toBe('');
          expect(body[q.paragraph]).toContain(q.text);
        }
      }),
      { numRuns: 2000 },
    );
  });

  // Hostile paragraphs around it must not stop the extractor from finding a
  // plain quotation (state carried from one paragraph to the next could).
  it('still finds a plain quotation among hostile paragraphs', () => {
    const plain = 'Ann Lee said: "We will rebuild the harbour before the winter."';
    fc.assert(
      fc.property(quoteBody, fc.nat(), (body, at) => {
        const k = at % (body.length + 1);
        const withQuote = [...body.slice(0, k), plain, ...body.slice(k)];
        expect(extractQuotes(withQuote)).toContainEqual(expect.objectContaining({ text: 'We will rebuild the harbour before the winter.', paragraph: k }));
      }),
      { numRuns: 1000 },
    );
  });
});

// ---------------------------------------------------------------------------
// 3. The human-readable renderers, fed the way src/cli feeds them

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const articleModel: fc.Arbitrary<Article> = fc
  .record({
    slug: hostileNonEmpty(6),
    headline: hostileNonEmpty(12),
    section: optional(hostile(6)),
    source: optional(hostile(6)),
    author: optional(hostile(6)),
    date: optional(fc.oneof(fc.constant('2015-03-02'), fc.constant('2015-03-02T10:00:00Z'), hostile(4))),
    dateline: optional(fc.record({ place: hostileNonEmpty(8), date: optional(hostile(4)), agency: optional(hostile(4)) })),
    url: optional(hostile(6)),
    tags: fc.array(hostile(4), { maxLength: 3 }),
    body: fc.array(hostile(30), { maxLength: 4 }),
    quoteSeeds: fc.array(fc.record({ p: fc.nat(), from: fc.nat(), length: fc.nat({ max: 40 }), own: optional(hostile(6)), speaker: optional(hostile(6)) }), {
      maxLength: 4,
    }),
    path: hostile(6),
  })
  .map(({ quoteSeeds, ...a }) => {
    // Quotes are mostly stretches of their paragraph, as the parser makes them.
    const quotes: Quote[] =
      a.body.length === 0
        ? []
        : quoteSeeds.map(({ p, from, length, own, speaker }) => {
            const paragraph = p % a.body.length;
            const text = a.body[paragraph]!;
            const start = text.length === 0 ? 0 : from % text.length;
            return { text: own ?? text.slice(start, start + length), speaker, person: speaker, paragraph };
          });
    return { ...a, quotes };
  });

const snippet: fc.Arbitrary<Highlighted> = hostile(30).chain((text) =>
  fc
    .array(fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length })), { maxLength: 4 })
    .map((pairs) => ({ text, highlights: pairs.map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]) })),
);

// The renderer's own colour codes; anything else that is a control character came from the input.
const SGR = /\u001b\[[0-9;]*m/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\p{Bidi_Control}\u2028\u2029]/u;

function unsafeIn(output: string, allowed: string): string | null {
  const stripped = output.replace(SGR, '');
  for (const char of stripped) if (!allowed.includes(char) && CONTROL.test(char)) return char;
  return null;
}

function expectSafe(output: string, allowed = '\n'): void {
  const bad = unsafeIn(output, allowed);
  expect(bad, `control character U+${bad?.codePointAt(0)?.toString(16).padStart(4, '0')} in ${JSON.stringify(output)}`).toBeNull();
}

function expectWithin(output: string, width: number): void {
  for (const line of output.replace(SGR, '').split('\n')) {
    expect(displayWidth(line), `line wider than ${width}: ${JSON.stringify(line)}`).toBeLessThanOrEqual(width);
  }
}

/** Tab-separated output: every line has exactly `fields` fields. */
function expectFields(output: string, fields: number): void {
  for (const line of output.replace(SGR, '').split('\n').slice(0, -1)) expect(line.split('\t')).toHaveLength(fields);
}

describe('property: human-readable output', () => {
  // As src/cli/context.ts builds them: colour levels 0-3; a terminal always
  // has a width (at least 20, as --width demands); --plain may still have one.
  const styled: Layout[] = [];
  beforeAll(async () => {
    for (const color of [0, 1, 2, 3] as const) styled.push(await layoutFor({ terminal: true, color, width: 80, rows: null }));
  });
  const layout = fc
    .record({ color: fc.constantFrom(0, 1, 2, 3), terminal: fc.boolean(), width: fc.option(fc.integer({ min: 20, max: 120 }), { nil: null }) })
    .map(({ color, terminal, width }) => ({ color, terminal, width: terminal ? (width ?? 80) : width }));
  const toLayout = (l: { color: number; terminal: boolean; width: number | null }): Layout => {
    const base = styled[l.color]!;
    return { ...base, terminal: l.terminal, width: l.width, wrap: l.width === null ? null : base.wrap };
  };
  const articles = fc.array(articleModel, { minLength: 1, maxLength: 3 });

  /** A renderer's output on a terminal (within the width) or in a pipe (three tab-separated fields a line), free of input controls either way. */
  const expectRendered = (lay: Layout, terminal: (lay: Layout) => string, tsv: (lay: Layout) => string) => {
    if (lay.terminal) {
      const out = terminal(lay);
      expectSafe(out);
      expectWithin(out, lay.width!);
    } else {
      const out = tsv(lay);
      expectSafe(out, '\n\t');
      expectFields(out, 3);
    }
  };

  it('show: no control character from an article, and every line within the width on a terminal', () => {
    fc.assert(
      fc.property(articles, layout, (list, l) => {
        const out = renderArticles(list.map(sanitizeArticle), toLayout(l));
        expectSafe(out);
        if (l.terminal) expectWithin(out, l.width!);
      }),
      { numRuns: 1500 },
    );
  });

  it('list: the same, and tab-separated lines stay three fields', () => {
    const template = compileTemplate('{slug}\\t{headline}\\t{dateline}\\t{tags}\\t{body}\\t{quotes}\\t{author}');
    fc.assert(
      fc.property(articles, layout, (list, l) => {
        const shown = list.map(sanitizeArticle);
        expectRendered(
          toLayout(l),
          (lay) => renderListTable(shown, lay),
          (lay) => renderListTsv(shown, lay.style),
        );
        const formatted = shown.map((a) => template(a) + '\n').join('');
        expectSafe(formatted, '\n\t');
        expectFields(formatted, 7);
      }),
      { numRuns: 1500 },
    );
  });

  it('quotes: the same, and tab-separated lines stay three fields', () => {
    fc.assert(
      fc.property(articles, layout, fc.option(hostile(4), { nil: undefined }), (list, l, speaker) => {
        let selected: Article[];
        try {
          selected = selectQuotes(list, speaker);
        } catch {
          selected = selectQuotes(list, undefined);
        }
        const rows = selected.map(sanitizeArticle).flatMap((article) => article.quotes.map((quote) => ({ article, quote })));
        expectRendered(
          toLayout(l),
          (lay) => renderQuotesTerminal(rows, lay),
          (lay) => renderQuotesTsv(rows, lay.style),
        );
      }),
      { numRuns: 1500 },
    );
  });

  it('search: the same, with highlights anywhere in the snippet', () => {
    const hits = fc.array(fc.record({ article: articleModel, snippet }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(hits, layout, (found, l) => {
        const shown: DisplayHit[] = found.map((h) => ({ article: sanitizeArticle(h.article), snippet: sanitizeHighlighted(h.snippet) }));
        expectRendered(
          toLayout(l),
          (lay) => renderSearchTerminal(shown, lay),
          (lay) => renderSearchTsv(shown, lay.style),
        );
      }),
      { numRuns: 1500 },
    );
  });
});

// ---------------------------------------------------------------------------
// 4. The query language against SQLite FTS5

describe("property: the index's stored JSON", () => {
  it('reads back as the article, compact or as printed, and gives its JSON line (the bytes themselves, as printed)', () => {
    fc.assert(
      fc.property(articleModel, fc.boolean(), (article, printed) => {
        const json = toStoredJson(article, printed ? 0 : VERBATIM_BODY);
        const whole = articleFromJson(json);
        expect(whole).toEqual(article);
        const stored = new StoredArticle(Buffer.from(json));
        expect(stored.head()).toEqual({ ...article, body: [], quotes: [] });
        expect([...stored.body()]).toEqual(article.body);
        const line = stored.json();
        expect(Buffer.from(line).toString()).toBe(toJsonLine(whole));
        // As printed, the row's bytes are the line: read as toStoredJson writes them, not by the fallback that parses the whole.
        expect(typeof line !== 'string').toBe(printed);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('property: queries', () => {
  const queryPiece = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        'iran',
        'Zürich',
        'Straße',
        'ǅ',
        'ﬁ',
        '½',
        '²',
        'ⅷ',
        '𝟘',
        'İ',
        '\u0301',
        'OR',
        'or',
        'AND',
        'NOT',
        'NEAR',
        'NEAR(',
        '-',
        '"',
        '""',
        '*',
        '^',
        ':',
        '(',
        ')',
        '{',
        '}',
        '+',
        'headline:',
        'speaker:',
        'section:',
        'SOURCE:',
        'body:',
        'foo:',
        'author:',
        'tag:',
        '10:30',
        '-(',
        'headline:(',
        ' ',
        "'s",
        '-"',
      ),
    },
    { weight: 2, arbitrary: piece },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  );
  // Queries built by the grammar (parentheses, AND, NOT, OR, -, fields before
  // words and groups), so that most parse and nest, as well as any text.
  const field = fc.oneof(
    { weight: 6, arbitrary: fc.constant('') },
    { weight: 2, arbitrary: fc.constantFrom('-', 'NOT ') },
    fc.constantFrom('headline:', 'speaker:', 'section:', 'Source:', '-headline:', 'author:', 'tag:', 'date:'),
  );
  const word = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('iran', 'zurich', 'Straße', '"ann lee"', '"10:30"', 'tal*') },
    fc.constantFrom('!!', '½', 'AND', 'NOT', 'or', ''),
  );
  const leaf = fc.tuple(field, word).map(([f, w]) => f + w);
  const { grammar } = fc.letrec<{ grammar: string }>((tie) => ({
    grammar: fc.oneof(
      { depthSize: 'medium', withCrossShrink: true },
      { weight: 2, arbitrary: leaf },
      fc.tuple(field, tie('grammar')).map(([f, g]) => `${f}(${g})`),
      {
        weight: 2,
        arbitrary: fc.tuple(tie('grammar'), fc.constantFrom(' ', ' OR ', ' AND ', ' NOT ', ' AND NOT '), tie('grammar')).map(([a, op, b]) => a + op + b),
      },
    ),
  }));
  // Groups that stay groups in the AST: AND or NOT inside OR, an excluded AND.
  const positive = fc.oneof(
    fc.tuple(fc.constantFrom('', 'headline:', 'section:'), word).map(([f, w]) => f + w),
    grammar,
  );
  const nested = fc.oneof(
    fc.tuple(positive, fc.constantFrom(' ', ' -', ' AND NOT ', ' NOT headline:'), positive, positive).map(([a, op, b, c]) => `(${a}${op}${b}) OR ${c}`),
    fc.tuple(positive, fc.constantFrom('-', 'NOT ', 'NOT speaker:'), positive, positive).map(([a, f, b, c]) => `${a} ${f}(${b} ${c})`),
  );
  const query = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.tuple(fc.array(queryPiece, { maxLength: 12 }), fc.constantFrom(' ', ' ', '')).map(([p, between]) => p.join(between)),
    { weight: 2, arbitrary: grammar },
    nested,
  );

  it('parses or throws QueryError, and every query it returns runs on the index without an SQLite error', () => {
    const db = new Database(':memory:');
    createSchema(db, 'test');
    // Rows straight into the FTS5 index: MATCH reads only the index.
    const insert = db.prepare('INSERT INTO fts (rowid, headline, body, speakers, section, source) VALUES (?, ?, ?, ?, ?, ?)');
    insert.run(1, 'iran zurich', 'strasse talks', 'ann lee', 'world', 'reuters');
    insert.run(2, '東京 news', 'fi ½ 2', '', '', '');
    const match = db.prepare('SELECT rowid FROM fts WHERE fts MATCH ?');
    let groups = 0;
    fc.assert(
      fc.property(query, (text) => {
        let parsed;
        try {
          parsed = parseQuery(text);
        } catch (error) {
          if (error instanceof QueryError) return;
          throw error;
        }
        const fts = toFtsQuery(parsed);
        if (JSON.stringify(parsed).includes('"group"')) groups++;
        expect(() => match.all(fts), fts).not.toThrow();
      }),
      { numRuns: 3000 },
    );
    // The grammar's queries reach the index, nested groups among them.
    expect(groups).toBeGreaterThan(100);
    db.close();
  });
});

// ---------------------------------------------------------------------------
// 5. Import → show keeps every word

describe('property: import then show keeps every word', () => {
  // tests/unit/markdown-escape.test.ts covers articleFileText → parseArticle
  // for a RawArticle; this starts from the raw text the user imports.
  const rawParagraph = fc
    .array(fc.oneof({ weight: 3, arbitrary: piece }, { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\t') }), {
      minLength: 1,
      maxLength: 25,
    })
    .map((p) => p.join(''));
  const rawArticle = fc.record({
    // A headline line without a word would make the next line the headline.
    headline: hostileNonEmpty(8).filter((h) => !/[\r\n\0]/.test(h) && /[\p{L}\p{N}]/u.test(h)),
    paragraphs: fc.array(rawParagraph, { minLength: 1, maxLength: 5 }),
    eol: fc.constantFrom('\n', '\r\n'),
  });

  it('every word of every paragraph reaches the article, in order', () => {
    fc.assert(
      fc.property(rawArticle, ({ headline, paragraphs, eol }) => {
        const text = [headline, '', ...paragraphs].join(eol);
        let raw;
        try {
          raw = parseRawText(text);
        } catch (error) {
          if (error instanceof RawTextError) return;
          throw error;
        }
        // The scraped form drops a repeated headline and counters, and moves
        // label lines and a site name out of the body, on purpose; this
        // property is about the common form.
        const firstLine = collapseSpace(
          paragraphs
            .join(eol)
            .split(/\r\n?|\n/)
            .find((line) => collapseSpace(line) !== '') ?? '',
        );
        fc.pre(raw.section === null && raw.source === null && firstLine !== collapseSpace(headline) && !/^\d{1,9}$/.test(firstLine));
        const article = parseArticle(articleFileText(raw), 'x.md');
        // Character references a scraper left in a headline are decoded ("&amp;" is "&").
        expect(wordsOf(article.headline)).toEqual(wordsOf(decodeEntities(headline)));
        const { place = '', date = '', agency = '' } = article.dateline ?? {};
        const shown = [place, date ?? '', agency ?? '', ...article.body].join(' ');
        expect(wordsOf(shown)).toEqual(wordsOf(paragraphs.join(' ')));
      }),
      { numRuns: 2000 },
    );
  });
});
