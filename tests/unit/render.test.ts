import { describe, expect, expectTypeOf, it } from 'vitest';
import wrapAnsi from 'wrap-ansi';
import type { Article } from '../../src/model.js';
import { compileTemplate, TemplateError } from '../../src/render/fields.js';
import type { Layout } from '../../src/render/layout.js';
import { renderListTsv } from '../../src/render/list.js';
import { renderListTable } from '../../src/render/table.js';
import { renderQuotesTerminal, type QuoteRow } from '../../src/render/quotes.js';
import { renderSearchTerminal, renderSearchTsv, type DisplayHit } from '../../src/render/search.js';
import { metaLine, renderArticle, renderArticles } from '../../src/render/show.js';
import { colorStyle, plainStyle } from '../../src/render/style.js';
import { sanitize, sanitizeArticle, sanitizeHighlighted, type DisplayArticle, type DisplayQuote, type DisplaySnippet } from '../../src/text/sanitize.js';
import { displayWidth } from '../../src/text/width.js';

/** An article as the renderers take it: sanitised. */
function article(overrides: Partial<Article> = {}): DisplayArticle {
  return sanitizeArticle({
    slug: 'harbour-opens',
    headline: 'New Harbour Opens',
    section: 'Local',
    source: 'The Coast Gazette',
    author: null,
    date: '2015-03-02',
    dateline: { place: 'PORTSMOUTH', date: null, agency: 'AP' },
    url: null,
    tags: ['ports', 'trade'],
    body: ['The harbour opened on Monday after four years of work.', '"We are proud of it," the mayor said.'],
    quotes: [{ text: 'We are proud of it,', speaker: 'the mayor', person: null, paragraph: 1 }],
    path: 'articles/harbour-opens.md',
    ...overrides,
  });
}

/** The largest of a few numbers (not Math.max(...): the lint refuses spreads into calls). */
const widest = (values: readonly number[]) => values.reduce((most, value) => Math.max(most, value), 0);

const plain: Layout = { style: plainStyle, width: null, wrap: null, terminal: false };
const wrap = (text: string, width: number) => wrapAnsi(text, width, { hard: true, trim: true });

describe('renderers take only sanitised text', () => {
  const raw: Article = { ...article(), headline: 'Evil \u001b]0;pwned\u0007' };

  it('in their types: an Article is refused at compile time (npm run typecheck)', () => {
    expectTypeOf<Article>().not.toExtend<DisplayArticle>();
    expectTypeOf(renderArticle).parameter(0).toEqualTypeOf<DisplayArticle>();
    expectTypeOf(renderArticles).parameter(0).toEqualTypeOf<readonly DisplayArticle[]>();
    expectTypeOf(renderListTsv).parameter(0).toEqualTypeOf<readonly DisplayArticle[]>();
    expectTypeOf(renderListTable).parameter(0).toEqualTypeOf<readonly DisplayArticle[]>();
    expectTypeOf<QuoteRow>().toEqualTypeOf<{ article: DisplayArticle; quote: DisplayQuote }>();
    expectTypeOf<DisplayHit>().toEqualTypeOf<{ article: DisplayArticle; snippet: DisplaySnippet }>();
    expectTypeOf(compileTemplate('{slug}')).parameter(0).toEqualTypeOf<DisplayArticle>();
  });

  it('and only there: a renderer does not sanitise what it is given', () => {
    // @ts-expect-error an Article's strings are not Display text: sanitizeArticle first
    expect(renderArticle(raw, plain)).toContain('\u001b]0;pwned');
    expect(renderArticle(sanitizeArticle(raw), plain)).toContain('Evil ^[]0;pwned^G');
  });
});

describe('renderArticle', () => {
  it('colours each quotation in the body without breaking the colour codes of another', async () => {
    // The second quote's text is found inside the colour code put in for the first.
    const quoted = article({
      body: ['"a" then "[" and "36m"'],
      quotes: [
        { text: 'a', speaker: null, person: null, paragraph: 0 },
        { text: '[', speaker: null, person: null, paragraph: 0 },
        { text: '36m', speaker: null, person: null, paragraph: 0 },
      ],
    });
    const out = renderArticle(quoted, { style: await colorStyle(1), width: null, wrap: null, terminal: false });
    // Every escape opens a colour code, and taking the codes out leaves the text as written.
    expect(out.match(/\u001b(?!\[\d+m)/g)).toBeNull();
    const body = out
      .replace(/\u001b\[\d+m/g, '')
      .split('\n')
      .find((line) => line.startsWith('"a"'));
    expect(body).toBe('"a" then "[" and "36m"');
  });

  it('prints headline, dateline, meta line, url, tags, paragraphs and the quotes block in plain text', () => {
    expect(renderArticle(article({ url: 'https://gazette.example/harbour' }), plain)).toBe(
      [
        'New Harbour Opens',
        'PORTSMOUTH (AP)',
        'The Coast Gazette · Local · 2015-03-02',
        'https://gazette.example/harbour',
        'Tags: ports, trade',
        '',
        'The harbour opened on Monday after four years of work.',
        '',
        '"We are proud of it," the mayor said.',
        '',
        'Quotes',
        'the mayor: “We are proud of it,”',
        '',
      ].join('\n'),
    );
  });

  it('wraps to the width on a terminal and never exceeds it', () => {
    const layout: Layout = { style: plainStyle, width: 24, wrap, terminal: true };
    const lines = renderArticle(article(), layout).split('\n');
    expect(widest(lines.map((l) => l.length))).toBeLessThanOrEqual(24);
    expect(lines).toContain('The harbour opened on');
  });

  it('sets quoted speech off in colour on a terminal', async () => {
    const layout: Layout = { style: await colorStyle(1), width: 100, wrap, terminal: true };
    const out = renderArticle(article(), layout);
    expect(out).toContain('\u001b[36m"We are proud of it,"\u001b[39m the mayor said.');
    expect(out).toContain('\u001b[1mNew Harbour Opens\u001b[22m');
  });

  it('calls a quote with no speaker unattributed and leaves out unknown meta', () => {
    const a = article({ quotes: [{ text: 'x y z w', speaker: null, person: null, paragraph: 0 }], source: null, date: null });
    expect(renderArticle(a, plain)).toContain('unattributed: “x y z w”');
    expect(metaLine(a)).toBe('Local');
  });
});

describe('terminal width: cases found by tests/unit/properties.test.ts', () => {
  const narrow: Layout = { style: plainStyle, width: 20, wrap, terminal: true };
  const widths = (out: string) => out.split('\n').map(displayWidth);

  it('wraps a long dateline in show', () => {
    const out = renderArticle(article({ dateline: { place: 'WASHINGTON AND LONDON', date: 'Sept. 24', agency: 'Reuters' } }), narrow);
    expect(widest(widths(out))).toBeLessThanOrEqual(20);
  });

  it('wraps the slug and headline line of search and the speaker line of quotes', () => {
    const a = article({ slug: 'a-rather-long-article-name', headline: 'A Rather Long Headline' });
    const search = renderSearchTerminal([{ article: a, snippet: sanitizeHighlighted({ text: 'x', highlights: [] }) }], narrow);
    expect(widest(widths(search))).toBeLessThanOrEqual(20);
    const quote = article({ quotes: [{ text: 'x', speaker: 'Jane Roe-Richardson', person: 'Jane Roe-Richardson', paragraph: 0 }] });
    const quotes = renderQuotesTerminal([{ article: a, quote: quote.quotes[0]! }], narrow);
    expect(widest(widths(quotes))).toBeLessThanOrEqual(20);
  });

  it('puts a slug too long for a narrow terminal on a line of its own in list, whole', () => {
    const shown = [article({ slug: 'a-very-long-slug-indeed' }), article({ slug: 'b', date: null, headline: 'Short' })];
    expect(renderListTable(shown, { ...narrow, width: 35 })).toBe(
      '2015-03-02  a-very-long-slug-indeed\n            New Harbour Opens\n            b            Short\n',
    );
  });

  it('cuts a date wider than a narrow terminal in list, so that every row still fits', () => {
    // A date is whatever the front matter says; one of wide characters once pushed every row past the width.
    const shown = [article({ slug: '\u0301', headline: '' }), article({ slug: 'b', date: '\u6f22'.repeat(70), headline: 'Short' })];
    for (const line of renderListTable(shown, { ...narrow, width: 20 }).split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(20);
    // With no slug, such a date leaves the headline no room at all: then it is left out, not shown as "…" past the width.
    const bare = [article({ slug: '', headline: '\u{1f600}', date: '\uff26\uff55\uff4c\uff4c\uff57\uff49\uff44\uff54\uff48' })];
    for (const line of renderListTable(bare, { ...narrow, width: 20 }).split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(20);
  });

  it('caps the slug column in list, so that one long slug does not squeeze every headline', () => {
    const long = 'harbour-authority-approves-night-ferries-after-a-long-vote';
    const shown = [article({ slug: long }), article({ slug: 'short', headline: 'Ferry Timetable Changes For The Winter Season' })];
    const lines = renderListTable(shown, { ...narrow, width: 100 }).split('\n');
    expect(lines[0]).toBe('2015-03-02  harbour-authority-approves-nigh…  New Harbour Opens');
    expect(lines[1]).toBe('2015-03-02  short                             Ferry Timetable Changes For The Winter Season');
  });

  it('keeps a line within the width when a space and text of no width end it', () => {
    // wrap-ansi counts " \ufeff" after a full row as no room at all.
    for (const tail of [' \ufeff', ' \u0301']) {
      const out = renderArticle(article({ body: ['x'.repeat(20) + tail], quotes: [] }), narrow);
      expect(widest(widths(out))).toBeLessThanOrEqual(20);
    }
  });
});

describe('list renderers', () => {
  const articles = [article(), article({ slug: 'b', date: null, headline: 'Tab\there' })];

  it('prints SLUG<TAB>DATE<TAB>HEADLINE with an empty date when unknown', () => {
    expect(renderListTsv(articles)).toBe('harbour-opens\t2015-03-02\tNew Harbour Opens\nb\t\tTab here\n');
  });

  it('aligns columns and cuts headlines to the width on a terminal', () => {
    const layout: Layout = { style: plainStyle, width: 40, wrap, terminal: true };
    const shown = [article(), article({ slug: 'b', date: null, headline: 'Short' })];
    expect(renderListTable(shown, layout)).toBe('2015-03-02  harbour-opens  New Harbour…\n            b              Short\n');
  });
});

describe('list table: a large library', () => {
  it('renders 300,000 rows, measuring its columns without spreading the rows into a call', () => {
    const base = article();
    const rows = Array.from({ length: 300_000 }, (_, i) => ({ ...base, slug: sanitize(`story-${i}`) }));
    const lines = renderListTable(rows, { style: plainStyle, width: 80, wrap, terminal: true }).split('\n');
    expect(lines).toHaveLength(300_001);
    expect(lines[0]).toBe('2015-03-02  story-0       New Harbour Opens');
    expect(lines[299_999]).toBe('2015-03-02  story-299999  New Harbour Opens');
  });
});

describe('search renderers', () => {
  const hit = { article: article(), snippet: sanitizeHighlighted({ text: 'opened on Monday', highlights: [[0, 6]] }) };

  it('prints SLUG<TAB>HEADLINE<TAB>SNIPPET when piped', () => {
    expect(renderSearchTsv([hit])).toBe('harbour-opens\tNew Harbour Opens\topened on Monday\n');
  });

  it('highlights the match on a terminal', async () => {
    const layout: Layout = { style: await colorStyle(1), width: 80, wrap, terminal: true };
    expect(renderSearchTerminal([hit], layout)).toContain('\u001b[1m\u001b[31mopened\u001b[39m\u001b[22m on Monday');
  });
});

describe('compileTemplate', () => {
  it('fills any model field, joins lists, and understands \\t and braces', () => {
    const render = compileTemplate('{slug}\\t{date}: {headline} [{tags}] {{x}} {dateline}');
    expect(render(article())).toBe('harbour-opens\t2015-03-02: New Harbour Opens [ports, trade] {x} PORTSMOUTH (AP)');
    expect(compileTemplate('{author}|{quotes}')(article())).toBe('|“We are proud of it,” — the mayor');
  });

  it('rejects unknown fields', () => {
    expect(() => compileTemplate('{title}')).toThrow(TemplateError);
  });
});
