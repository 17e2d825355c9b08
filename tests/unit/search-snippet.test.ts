// Snippets of large articles (issue 12): cut by FTS5's rules in snippet.ts
// rather than by FTS5's snippet(), whose cost grows with the square of the
// matches. The cut must be the one FTS5 makes, checked against FTS5 itself on
// articles it still cuts, and a large article must be found with a snippet
// around its match.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleFile, indexedLibraries, marked, numbered } from './index-fixtures.js';
import { SNIPPET_BYTES, type ArticleIndex, type ColumnPieces } from '../../src/index/article-index.js';
import { ftsColumns } from '../../src/index/row.js';
import type { Article } from '../../src/model.js';
import { FTS_WEIGHTS, ftsPhrases, toFtsQuery } from '../../src/search/fts.js';
import { parseQuery } from '../../src/search/query.js';
import { searchIndex } from '../../src/search/search.js';
import { cutSnippet } from '../../src/search/snippet.js';

const libraryIndex = indexedLibraries('news-snippet-');

/** The columns of an article as the index gives them to the snippet cutter. */
function columnsOf(article: Article): ColumnPieces {
  const [headline, , speakers, section, source] = ftsColumns(article);
  return [[headline!], article.body, [speakers!], [section!], [source!]];
}

const cut = (article: Article, query: string) => cutSnippet(columnsOf(article), ftsPhrases(parseQuery(query)));

describe('cutSnippet cuts as FTS5 does', () => {
  // Articles of a few words, punctuation and line breaks, for queries of those words.
  const vocabulary = ['osterby', 'vellmar', 'ferry', 'talks', 'zürich', 'straße', 'dijk', 'pier'];
  const separators = [' ', ' ', ' ', ', ', '. ', ': ', '.', ' — ', '’s ', ' (', ') ', '\n'];
  const text = (min: number, max: number) =>
    fc
      .array(fc.tuple(fc.constantFrom(...vocabulary, 'the', 'a', 'Osterby', 'ZÜRICH'), fc.constantFrom(...separators)), { minLength: min, maxLength: max })
      .map((parts) => parts.map(([word, separator]) => word + separator).join(''));
  const article = fc.record({
    title: text(1, 6)
      .filter((t) => /\p{L}/u.test(t.replace(/\n/g, '')))
      .map((t) => t.replace(/\n/g, ' ').trim() || 'Notes'),
    section: fc.constantFrom('', 'Local News', 'Ferry pier'),
    paragraphs: fc.array(text(1, 30), { minLength: 1, maxLength: 4 }),
  });
  const word = fc.constantFrom(...vocabulary, 'zurich', 'strasse', 'tal*', 'os*');
  const match = fc.oneof(
    { weight: 3, arbitrary: word },
    fc.tuple(word, word).map(([a, b]) => `"${a.replace('*', '')} ${b}"`),
    word.map((w) => `headline:${w}`),
    word.map((w) => `section:${w}`),
  );
  const query = fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: match },
        fc.tuple(match, match).map(([a, b]) => `${a} OR ${b}`),
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((parts) => parts.join(' '));

  let index: ArticleIndex;
  beforeAll(async () => {
    const articles = fc.sample(article, { numRuns: 80, seed: 12 });
    index = await libraryIndex(
      Object.fromEntries(
        articles.map((a, k) => [
          `a${k}`,
          articleFile({ title: a.title, ...(a.section === '' ? {} : { section: a.section }) }, ...a.paragraphs.map((p) => p.trim() || 'pier')),
        ]),
      ),
    );
  });

  it('gives the snippet FTS5 gives, for any query', () => {
    let compared = 0;
    fc.assert(
      fc.property(query, (q) => {
        for (const hit of searchIndex(index, q)) {
          compared++;
          expect(marked(cut(hit.article, q)), `${q} in ${hit.article.slug}`).toBe(marked(hit.snippet));
        }
      }),
      { numRuns: 300, seed: 12 },
    );
    expect(compared).toBeGreaterThan(500);
  });

  it('cuts the examples of the search tests alike', async () => {
    const index = await libraryIndex({
      middle: articleFile({ title: 'Notes' }, `${numbered(1, 40)} Osterby said ${numbered(43, 80)}`),
      start: articleFile({ title: 'Notes' }, `Bergen said ${numbered(3, 80)}`),
      end: articleFile({ title: 'Notes' }, `${numbered(1, 40)} Vellmar said.`),
      together: articleFile({ title: 'Notes' }, `Osterby, Osterby, Osterby and Osterby. ${numbered(1, 40)}`, `Osterby met Vellmar. ${numbered(41, 80)}`),
      quoted: articleFile({ title: 'Notes', section: 'Local News' }, 'Leaders met.', '"We will talk," Mayor Ingrid Solberg said.'),
    });
    for (const q of ['osterby', 'bergen', 'vellmar', 'osterby vellmar', 'speaker:solberg', 'section:local', '"said w43"', 'w4*']) {
      const hits = searchIndex(index, q);
      expect(hits.length, q).toBeGreaterThan(0);
      for (const hit of hits) expect(marked(cut(hit.article, q)), `${q} in ${hit.article.slug}`).toBe(marked(hit.snippet));
    }
  });
});

describe('cutSnippet on large text', () => {
  it('gives the snippet FTS5 gives, where the first match is far into the text', async () => {
    // Chunks of text without a match are read only at their end: the words before a match must come out as FTS5 has them.
    const filler = (k: number) =>
      `Paragraph ${k} tells of ${k % 2 ? 'Zürich' : 'harbour'} fees and ferry fares: the weather was fine.${k % 7 === 0 ? '\n' : ''} Rain fell.`;
    const body = (at: readonly number[]) => Array.from({ length: 1200 }, (_, k) => (at.includes(k) ? `Osterby and Vellmar met. ${filler(k)}` : filler(k)));
    const places = [[0], [1], [500], [900, 901], [1199], [700, 1100]];
    const index = await libraryIndex(Object.fromEntries(places.map((at, k) => [`large${k}`, articleFile({ title: 'Notes' }, ...body(at))])));
    for (const q of ['osterby', 'vellmar osterby', '"and vellmar"', 'vellmar OR osterb*', 'osterby -rainbow']) {
      const phrases = ftsPhrases(parseQuery(q));
      // Without a cutter, the index has FTS5 cut every snippet, however large the article.
      const hits = index.search(toFtsQuery(parseQuery(q)), FTS_WEIGHTS, null);
      expect(hits.length, q).toBe(places.length);
      for (const hit of hits) {
        expect(hit.article.body.join('\n').length).toBeGreaterThan(SNIPPET_BYTES);
        expect(marked(cutSnippet(columnsOf(hit.article), phrases)), `${q} in ${hit.article.slug}`).toBe(marked(hit.snippet));
      }
    }
    // Where the words stand together is looked for near the first match only: FTS5 looks through the whole article.
    const [far] = index.search(toFtsQuery(parseQuery('weather osterby')), FTS_WEIGHTS, null).filter((hit) => hit.article.slug === 'large4');
    expect(marked(far!.snippet)).toContain('[Osterby]');
    expect(marked(cutSnippet(columnsOf(far!.article), ftsPhrases(parseQuery('weather osterby'))))).toBe(
      '…the [weather] was fine. Rain fell.\nParagraph 1 tells of Zürich fees and ferry fares: the [weather] was fine. Rain fell.\nParagraph 2 tells…',
    );
  });

  const filler = (n: number) => Array.from({ length: n }, (_, k) => `Paragraph ${k} tells of harbour fees, ferry fares and the weather.`);

  it('finds the first match far into a large body, and marks it', () => {
    const body = [
      ...filler(20_000),
      'The minister said: ferry fares will rise. And more words after it, one two three four five six seven eight nine ten.',
      ...filler(100),
    ];
    const snippet = cutSnippet([['Notes'], body, [''], [''], ['']], ftsPhrases(parseQuery('minister')));
    // From the start of its sentence, as FTS5 prefers when the match is near it.
    expect(marked(snippet)).toBe(
      '…The [minister] said: ferry fares will rise. And more words after it, one two three four five six seven eight nine ten.\nParagraph 0…',
    );
  });

  it('cuts one paragraph of megabytes, with no line break in it', () => {
    const body = [`${'word '.repeat(500_000)}Osterby ${'word '.repeat(1000)}`];
    const snippet = cutSnippet([['Notes'], body, [''], [''], ['']], ftsPhrases(parseQuery('osterby')));
    expect(marked(snippet)).toBe(`…${'word '.repeat(11)}[Osterby] ${'word '.repeat(12).trim()}…`);
  });

  it('shows the start of the headline when nothing matches', () => {
    const snippet = cutSnippet([[`Harbour ${numbered(1, 30)}`], ['Body.'], [''], [''], ['']], ftsPhrases(parseQuery('osterby')));
    expect(marked(snippet)).toBe(`Harbour ${numbered(1, 23)}…`);
    const whole = (title: string) => marked(cutSnippet([[title], ['Body.'], [''], [''], ['']], ftsPhrases(parseQuery('osterby'))));
    expect(whole(`Harbour ${numbered(1, 23)}!`)).toBe(`Harbour ${numbered(1, 23)}!`);
  });
});

describe('a search of a library with a large article', () => {
  it('finds it, with a snippet around its match, as quickly as the others', async () => {
    const paragraph = (k: number) => `Paragraph ${k}: the harbour board met again on Tuesday and talked about ferry fares.`;
    const paragraphs = Array.from({ length: 40_000 }, (_, k) =>
      k === 30_000 ? 'Mayor Ingrid Solberg opened the new pier, and the minister watched.' : paragraph(k),
    );
    const large = articleFile({ title: 'Harbour board minutes' }, ...paragraphs);
    expect(large.length).toBeGreaterThan(3_000_000);
    const index = await libraryIndex({
      large,
      small: articleFile({ title: 'Pier news' }, 'The new pier opened on Monday; the minister was there.'),
    });
    const hits = searchIndex(index, 'minister');
    expect(hits.map((hit) => hit.article.slug).sort()).toEqual(['large', 'small']);
    const hit = hits.find((h) => h.article.slug === 'large')!;
    expect(hit.score).toBeGreaterThan(0);
    expect(marked(hit.snippet)).toBe(
      '…Mayor Ingrid Solberg opened the new pier, and the [minister] watched.\nParagraph 30001: the harbour board met again on Tuesday and talked about ferry…',
    );
    // Every word of the harbour board's paragraphs is in all 40,000 of them.
    const [common] = searchIndex(index, '"harbour board" -monday');
    expect(common?.article.slug).toBe('large');
    // "0: the" starts a sentence, for FTS5.
    expect(marked(common!.snippet)).toBe(
      '…the [harbour board] met again on Tuesday and talked about ferry fares.\nParagraph 1: the [harbour board] met again on Tuesday and talked about…',
    );
    expect(large.length).toBeGreaterThan(SNIPPET_BYTES);
  });
});
