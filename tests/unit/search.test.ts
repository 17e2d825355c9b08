// The search users run, in process: article files in a temporary library,
// indexed into a temporary cache, searched through src/search/ as `news
// search` and the library API both do.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleFile, indexedLibraries, marked, numbered } from './index-fixtures.js';
import type { ArticleIndex } from '../../src/index/article-index.js';
import type { Article, SearchHit } from '../../src/model.js';
import { fold, words } from '../../src/text/fold.js';
import { parseQuery, QueryError } from '../../src/search/query.js';
import { eachSearchHit, searchIndex } from '../../src/search/search.js';
import { articlesQuoting, personOf, selectQuotes, speakerMatches, speakerWords } from '../../src/search/speakers.js';

const libraryIndex = indexedLibraries('news-search-');

const slugsOf = (hits: readonly SearchHit[]) => hits.map((hit) => hit.article.slug);

describe('fold and words', () => {
  it('folds case and diacritics, keeping separators', () => {
    expect(fold('Zürich, SÃO Paulo; Łódź & Straße')).toBe('zurich, sao paulo; lodz & strasse');
  });

  it('gives folded words with offsets into the original text', () => {
    expect(words("Dijk's  Zürich-bound")).toEqual([
      { word: 'dijk', start: 0, end: 4 },
      { word: 's', start: 5, end: 6 },
      { word: 'zurich', start: 8, end: 14 },
      { word: 'bound', start: 15, end: 20 },
    ]);
  });

  it('keeps a decomposed combining mark inside its word', () => {
    expect(words('Zu\u0308rich!')).toEqual([{ word: 'zurich', start: 0, end: 7 }]);
  });

  it('splits at curly apostrophes and emoji, counting UTF-16 offsets', () => {
    expect(words('Bergen’s 🚢 2031')).toEqual([
      { word: 'bergen', start: 0, end: 6 },
      { word: 's', start: 7, end: 8 },
      { word: '2031', start: 12, end: 16 },
    ]);
  });

  it('has no words in punctuation', () => {
    expect(words(' -- ... «»')).toEqual([]);
  });
});

describe('searchIndex: matching', () => {
  let index: ArticleIndex;
  const slugs = (query: string) => slugsOf(searchIndex(index, query));
  beforeAll(async () => {
    index = await libraryIndex({
      harbour: articleFile({ title: 'Ferry talks in Zürich and Bergen' }, 'Vellmar was worried about Dijk’s harbour plan.', 'Ferry talks resumed on Tuesday.'),
      strike: articleFile(
        { title: 'Dock strike in Osterby' },
        "The crews of harbour master Lena van-Dijk's port were not paid.",
        'Talks were about ferry fares.',
      ),
      markets: articleFile({ title: 'Herring prices fall' }, 'Traders in Zurich sold herring from Straße 9.'),
    });
  });

  it('requires every word, in any case', () => {
    expect(slugs('VELLMAR dijk')).toEqual(['harbour']);
    expect(slugs('talks').sort()).toEqual(['harbour', 'strike']);
  });

  it('ignores diacritics on both sides, and folds ß', () => {
    expect(slugs('zurich').sort()).toEqual(['harbour', 'markets']);
    expect(slugs('ZÜRICH').sort()).toEqual(['harbour', 'markets']);
    expect(slugs('Zürich herring')).toEqual(['markets']);
    expect(slugs('strasse')).toEqual(['markets']);
  });

  it("finds a word before a possessive 's (straight or curly), and the possessive as a phrase", () => {
    expect(slugs('dijk').sort()).toEqual(['harbour', 'strike']);
    expect(slugs("van-dijk's")).toEqual(['strike']);
    expect(slugs('dijk’s').sort()).toEqual(['harbour', 'strike']);
  });

  it('wants a phrase adjacent and in order', () => {
    expect(slugs('"ferry talks"')).toEqual(['harbour']);
    expect(slugs('"talks ferry"')).toEqual([]);
    expect(slugs('"harbour master"')).toEqual(['strike']);
  });

  it('excludes words and phrases', () => {
    expect(slugs('talks -vellmar')).toEqual(['strike']);
    expect(slugs('dijk -"harbour master"')).toEqual(['harbour']);
    expect(slugs('zurich -"harbour master"').sort()).toEqual(['harbour', 'markets']);
  });

  it('takes either side of OR, OR binding tighter than AND', () => {
    expect(slugs('herring OR dock').sort()).toEqual(['markets', 'strike']);
    expect(slugs('herring OR dock zurich')).toEqual(['markets']);
  });

  it('matches prefixes, alone and at the end of a phrase', () => {
    expect(slugs('oster*')).toEqual(['strike']);
    expect(slugs('trad*')).toEqual(['markets']);
    expect(slugs('"ferry tal"*')).toEqual(['harbour']);
    expect(slugs('"ferry tal"')).toEqual([]);
  });

  it('searches the headline and the body, not the file name', () => {
    expect(slugs('resumed')).toEqual(['harbour']);
    expect(slugs('osterby')).toEqual(['strike']);
    expect(slugs('markets')).toEqual([]);
  });

  it('returns nothing when nothing matches, or the library is empty', async () => {
    expect(slugs('whale')).toEqual([]);
    expect(searchIndex(await libraryIndex({}), 'ferry')).toEqual([]);
  });
});

describe('searchIndex: field filters', () => {
  let index: ArticleIndex;
  const slugs = (query: string) => slugsOf(searchIndex(index, query));
  beforeAll(async () => {
    index = await libraryIndex({
      mayor: articleFile(
        { title: 'Solberg opens the new pier', section: 'Local News', source: 'Coastal Gazette' },
        'The mayor spoke at the quay.',
        '"The pier must carry the trucks," Mayor Ingrid Solberg said.',
      ),
      opinion: articleFile(
        { title: 'Vellmar and the sea', section: 'Opinion', source: 'Harbour Wire' },
        'Analysts say Solberg is careful.',
        '"Nothing will change," a port official said.',
      ),
      brief: articleFile({ title: 'Solberg at the quay' }, 'Solberg spoke.'),
    });
  });

  it('restricts a word or phrase to the headline', () => {
    // Both headlines hold the word once: the shorter one ranks first.
    expect(slugs('headline:solberg')).toEqual(['brief', 'mayor']);
    expect(slugs('headline:"new pier"')).toEqual(['mayor']);
    expect(slugs('headline:mayor')).toEqual([]);
  });

  it('matches speaker: against the people quoted, not mentions or descriptions', () => {
    expect(slugs('speaker:solberg')).toEqual(['mayor']);
    expect(slugs('speaker:"ingrid solberg"')).toEqual(['mayor']);
    // A title is no part of a person's name: it is passed over.
    expect(slugs('speaker:"mayor solberg"')).toEqual(['mayor']);
    // "a port official" is a description, no one's name.
    expect(slugs('speaker:official')).toEqual([]);
    expect(slugs('speaker:offic*')).toEqual([]);
    expect(slugs('speaker:analysts')).toEqual([]);
  });

  it('matches section: and source:, never when the field is missing', () => {
    expect(slugs('section:local')).toEqual(['mayor']);
    expect(slugs('section:"local news" solberg')).toEqual(['mayor']);
    expect(slugs('source:wire')).toEqual(['opinion']);
    expect(slugs('SOURCE:"coastal gazette"')).toEqual(['mayor']);
    expect(slugs('solberg -section:opinion').sort()).toEqual(['brief', 'mayor']);
  });

  it('excludes by field', () => {
    expect(slugs('solberg -speaker:solberg').sort()).toEqual(['brief', 'opinion']);
    expect(slugs('solberg -headline:solberg')).toEqual(['opinion']);
  });
});

describe('searchIndex: ranking', () => {
  const filler = 'Markets were calm and traders waited for news from the central bank on rates.';

  it('ranks a headline match above a body match', async () => {
    const index = await libraryIndex({
      body: articleFile({ title: 'Herring catch steady' }, 'Exports from Osterby rose slightly.', filler),
      headline: articleFile({ title: 'Osterby exports rise' }, 'Exports rose slightly.', filler),
      other: articleFile({ title: 'Quiet week' }, filler),
    });
    const hits = searchIndex(index, 'osterby');
    expect(slugsOf(hits)).toEqual(['headline', 'body']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('ranks more occurrences higher, and a rare word above a common one', async () => {
    const index = await libraryIndex({
      once: articleFile({ title: 'Notes' }, 'Osterby said little about it today.'),
      thrice: articleFile({ title: 'Notes' }, 'Osterby, Osterby and again Osterby today.'),
      rare: articleFile({ title: 'Notes' }, 'Bergen hosted the ferry talks today.'),
      common: articleFile({ title: 'Notes' }, 'The ferry talks went on today.'),
      ...Object.fromEntries(['p', 'q', 'r'].map((slug) => [slug, articleFile({ title: 'Notes' }, 'Nothing of the sort happened today.')])),
    });
    const hits = searchIndex(index, 'osterby');
    expect(slugsOf(hits)).toEqual(['thrice', 'once']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    // bergen is in one article, ferry in two: bergen decides.
    expect(slugsOf(searchIndex(index, 'bergen OR ferry'))).toEqual(['rare', 'common']);
  });

  it('breaks ties by slug and stops at the limit', async () => {
    const index = await libraryIndex(Object.fromEntries(['c', 'a', 'b'].map((slug) => [slug, articleFile({ title: 'Ferry news' }, 'Osterby talks.')])));
    expect(slugsOf(searchIndex(index, 'osterby'))).toEqual(['a', 'b', 'c']);
    expect(slugsOf(searchIndex(index, 'osterby', { limit: 2 }))).toEqual(['a', 'b']);
    expect(searchIndex(index, 'osterby', { limit: 0 })).toEqual([]);
  });

  it('keeps the best hits, not the first ones, under a limit', async () => {
    const index = await libraryIndex({
      a: articleFile({ title: 'Notes' }, `Osterby once. ${filler}`),
      b: articleFile({ title: 'Notes' }, `Osterby and Osterby. ${filler}`),
      z: articleFile({ title: 'Osterby harbour' }, 'Osterby, Osterby and Osterby.'),
    });
    expect(slugsOf(searchIndex(index, 'osterby', { limit: 1 }))).toEqual(['z']);
  });

  it('scores every hit positively and counts each OR member that matches', async () => {
    const index = await libraryIndex({
      both: articleFile({ title: 'Notes' }, 'Osterby and Bergen.'),
      one: articleFile({ title: 'Notes' }, 'Osterby alone here.'),
      none: articleFile({ title: 'Notes' }, 'Nothing here at all.'),
      more: articleFile({ title: 'Notes' }, 'Nothing there at all.'),
    });
    const hits = searchIndex(index, 'osterby OR bergen');
    expect(slugsOf(hits)).toEqual(['both', 'one']);
    expect(hits.every((h) => h.score > 0)).toBe(true);
  });
});

describe('searchIndex: snippets', () => {
  it('shows the words around the matches as written, highlighting each', async () => {
    const index = await libraryIndex({
      a: articleFile({ title: 'Notes' }, 'Nothing.', 'Vellmar 🚢 was worried about Dijk’s position in Zürich.'),
    });
    const [hit] = searchIndex(index, 'zurich dijk vellmar');
    expect(marked(hit!.snippet)).toBe('Nothing.\n[Vellmar] 🚢 was worried about [Dijk]’s position in [Zürich].');
  });

  it('highlights a phrase as one range, and words of the query one by one', async () => {
    const index = await libraryIndex({ a: articleFile({ title: 'Notes' }, 'The ferry talks resumed.') });
    expect(marked(searchIndex(index, '"ferry talks"')[0]!.snippet)).toBe('The [ferry talks] resumed.');
    expect(marked(searchIndex(index, 'talks ferry')[0]!.snippet)).toBe('The [ferry] [talks] resumed.');
  });

  it('cuts a long text to 24 words around the match, marking the cuts, and keeps its start or end when near', async () => {
    const index = await libraryIndex({
      middle: articleFile({ title: 'Notes' }, `${numbered(1, 40)} Osterby said ${numbered(43, 80)}`),
      start: articleFile({ title: 'Notes' }, `Bergen said ${numbered(3, 80)}`),
      end: articleFile({ title: 'Notes' }, `${numbered(1, 40)} Vellmar said.`),
    });
    expect(marked(searchIndex(index, 'osterby')[0]!.snippet)).toBe(`…${numbered(30, 40)} [Osterby] said ${numbered(43, 53)}…`);
    expect(marked(searchIndex(index, 'bergen')[0]!.snippet)).toBe(`[Bergen] said ${numbered(3, 24)}…`);
    expect(marked(searchIndex(index, 'vellmar')[0]!.snippet)).toBe(`…${numbered(19, 40)} [Vellmar] said.`);
  });

  it('shows the passage where the most of the query stands together', async () => {
    const index = await libraryIndex({
      a: articleFile({ title: 'Notes' }, `Osterby, Osterby, Osterby and Osterby. ${numbered(1, 40)}`, `Osterby met Vellmar. ${numbered(41, 80)}`),
    });
    const snippet = marked(searchIndex(index, 'osterby vellmar')[0]!.snippet);
    expect(snippet).toContain('[Osterby] met [Vellmar]');
  });

  it("shows the headline's words when only the headline matched", async () => {
    const index = await libraryIndex({ a: articleFile({ title: 'Solberg questions the pier' }, 'The mayor spoke.') });
    expect(marked(searchIndex(index, 'solberg*')[0]!.snippet)).toBe('[Solberg] questions the pier');
  });

  it('shows the speaker for a speaker: filter, and the section for section:', async () => {
    const index = await libraryIndex({
      a: articleFile({ title: 'Notes', section: 'Local News' }, 'Leaders met.', '"We will talk," Mayor Ingrid Solberg said.'),
    });
    expect(marked(searchIndex(index, 'speaker:solberg')[0]!.snippet)).toBe('Ingrid [Solberg]');
    expect(marked(searchIndex(index, 'section:local')[0]!.snippet)).toBe('[Local] News');
  });

  it('gives highlights inside the text for any query, or a QueryError', async () => {
    const index = await libraryIndex({
      a: articleFile({ title: 'Zürich talks' }, "Dijk's forces", '"Nothing," X said.'),
      b: articleFile({ title: 'Bergen', section: 'World' }, 'Osterby OR Vellmar "quoted"'),
    });
    const pieces = fc.constantFrom('osterby', 'zurich', 'dijk', 's', 'OR', '-', '"', '*', 'headline:', 'speaker:x', 'section:', 'world', ' ');
    const input = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.array(pieces, { maxLength: 10 }).map((p) => p.join('')),
    );
    fc.assert(
      // Plain booleans rather than expect(): fast-check reports the failing input.
      fc.property(input, (text) => {
        let hits: SearchHit[];
        try {
          hits = searchIndex(index, text);
        } catch (error) {
          return error instanceof QueryError;
        }
        return hits.every(
          ({ score, snippet }) =>
            Number.isFinite(score) && score > 0 && snippet.highlights.every(([start, end]) => 0 <= start && start < end && end <= snippet.text.length),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('the search function', () => {
  let index: ArticleIndex;
  beforeAll(async () => {
    index = await libraryIndex({
      a: articleFile({ title: 'Ferry news' }, 'Osterby talks.'),
      b: articleFile({ title: 'Ferry news' }, 'Osterby talks again.'),
    });
  });

  it('takes the query as text or parsed', () => {
    expect(searchIndex(index, parseQuery('osterby -again'))).toEqual(searchIndex(index, 'osterby -again'));
    expect(slugsOf(searchIndex(index, 'osterby -again'))).toEqual(['a']);
  });

  it('refuses text that is no query, and a limit that is no count', () => {
    expect(() => searchIndex(index, '-osterby')).toThrow(QueryError);
    expect(() => searchIndex(index, '!!')).toThrow(QueryError);
    for (const limit of [-1, 1.5, Number.NaN]) expect(() => searchIndex(index, 'osterby', { limit })).toThrow(RangeError);
  });

  it('reads hits one at a time, and leaves the index usable when stopped early', () => {
    const hits = eachSearchHit(index, 'osterby');
    expect(hits.next().value?.article.slug).toBeDefined();
    hits.return(undefined);
    expect(index.get('a')?.headline).toBe('Ferry news');
    expect([...eachSearchHit(index, 'osterby')]).toEqual(searchIndex(index, 'osterby'));
  });
});

describe('speakers', () => {
  const article = (slug: string, date: string, speakers: Array<string | null>): Article => ({
    slug,
    headline: slug,
    section: null,
    source: null,
    author: null,
    date,
    dateline: null,
    url: null,
    tags: [],
    body: ['Words.'],
    quotes: speakers.map((speaker) => ({ text: 'Words', speaker, person: personOf({ text: 'Words', speaker, paragraph: 0 }), paragraph: 0 })),
    path: `${slug}.md`,
  });

  it('matches a person by every name word, titles the article did not use aside', () => {
    const mayor = 'Mayor Ingrid Solberg';
    for (const name of ['solberg', 'Ingrid Solberg', 'mayor solberg', 'Mr. Solberg', 'SÖLBERG']) {
      expect(speakerMatches(mayor, speakerWords(name)), name).toBe(true);
    }
    for (const name of ['Lena Solberg', 'Ingrid Berg', 'solber']) expect(speakerMatches(mayor, speakerWords(name)), name).toBe(false);
    // Only titles: then the title must be there.
    expect(speakerMatches(mayor, speakerWords('Mayor'))).toBe(true);
    expect(speakerMatches('Ingrid Solberg', speakerWords('mayor'))).toBe(false);
    expect(speakerMatches(null, ['solberg'])).toBe(false);
  });

  it('refuses a name without a word', () => {
    expect(() => speakerWords('!?')).toThrow(QueryError);
    expect(() => selectQuotes([], ' -- ')).toThrow(QueryError);
  });

  it("keeps only the person's quotes, and drops articles left with none", () => {
    const articles = [article('x', '2031-01-02', ['Ingrid Solberg', 'a port official', null]), article('y', '2031-01-01', [null])];
    expect(selectQuotes(articles, 'solberg').map((a) => [a.slug, a.quotes.map((q) => q.speaker)])).toEqual([['x', ['Ingrid Solberg']]]);
    expect(selectQuotes(articles, undefined).map((a) => a.quotes.length)).toEqual([3, 1]);
    expect(selectQuotes(articles, 'Vellmar')).toEqual([]);
  });

  it('finds the articles of an index quoting someone so named, newest first', async () => {
    const index = await libraryIndex({
      older: articleFile({ title: 'Pier', date: '2031-03-01' }, '"The pier will hold," Mayor Ingrid Solberg said.'),
      newer: articleFile({ title: 'Quay', date: '2031-04-01' }, '"The quay is next," Solberg said.'),
      mention: articleFile({ title: 'Solberg', date: '2031-05-01' }, 'Solberg was not there.', '"It rained," a port official said.'),
    });
    expect(articlesQuoting(index, 'Solberg').map((a) => a.slug)).toEqual(['newer', 'older']);
    const mayor = selectQuotes(articlesQuoting(index, 'Mayor Solberg'), 'Mayor Solberg');
    expect(mayor.map((a) => [a.slug, a.quotes.map((q) => q.speaker)])).toEqual([
      ['newer', ['Solberg']],
      ['older', ['Mayor Ingrid Solberg']],
    ]);
    expect(articlesQuoting(index, 'Vellmar')).toEqual([]);
  });
});
