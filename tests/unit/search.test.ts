import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Article, Quote } from '../../src/model.js';
import { fold, words } from '../../src/text/fold.js';
import { parseQuery, QueryError } from '../../src/search/query.js';
import { searchArticles, type SearchHit, type Snippet } from '../../src/search/match.js';

function article(slug: string, fields: Partial<Article> = {}): Article {
  return {
    slug,
    headline: `Headline of ${slug}`,
    section: null,
    source: null,
    author: null,
    date: null,
    dateline: null,
    url: null,
    tags: [],
    body: [],
    quotes: [],
    path: `articles/${slug}.md`,
    ...fields,
  };
}

function quote(speaker: string | null, paragraph: number, text = 'Something was said.'): Quote {
  return { text, speaker, paragraph };
}

function search(articles: readonly Article[], query: string, limit?: number): SearchHit[] {
  return searchArticles(articles, parseQuery(query), limit === undefined ? {} : { limit });
}

function slugs(articles: readonly Article[], query: string): string[] {
  return search(articles, query).map((hit) => hit.article.slug);
}

/** The snippet with its highlights in brackets, to read assertions at a glance. */
function marked(snippet: Snippet): string {
  let out = '';
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    out += `${snippet.text.slice(at, start)}[${snippet.text.slice(start, end)}]`;
    at = end;
  }
  return out + snippet.text.slice(at);
}

function numbered(from: number, to: number): string {
  return Array.from({ length: to - from + 1 }, (_, k) => `w${from + k}`).join(' ');
}

describe('fold and words', () => {
  it('folds case and diacritics, keeping separators', () => {
    expect(fold('Zürich, SÃO Paulo; Łódź & Straße')).toBe('zurich, sao paulo; lodz & strasse');
  });

  it('gives folded words with offsets into the original text', () => {
    expect(words("Assad's  Zürich-bound")).toEqual([
      { word: 'assad', start: 0, end: 5 },
      { word: 's', start: 6, end: 7 },
      { word: 'zurich', start: 9, end: 15 },
      { word: 'bound', start: 16, end: 21 },
    ]);
  });

  it('keeps a decomposed combining mark inside its word', () => {
    expect(words('Zu\u0308rich!')).toEqual([{ word: 'zurich', start: 0, end: 7 }]);
  });

  it('splits at curly apostrophes and emoji, counting UTF-16 offsets', () => {
    expect(words('Iran’s 🇮🇷 2014')).toEqual([
      { word: 'iran', start: 0, end: 4 },
      { word: 's', start: 5, end: 6 },
      { word: '2014', start: 12, end: 16 },
    ]);
  });

  it('has no words in punctuation', () => {
    expect(words(' -- ... «»')).toEqual([]);
  });
});

describe('searchArticles: matching', () => {
  const library = [
    article('geneva', {
      headline: 'Talks in Zürich and Geneva',
      body: ['Iran was concerned about Assad’s position.', 'Nuclear talks resumed on Tuesday.'],
    }),
    article('syria', {
      headline: 'Airstrikes in Syria',
      body: ["The forces of Syrian President Bashar al-Assad's government were not targeted.", 'Talks were nuclear.'],
    }),
    article('markets', { headline: 'Oil prices fall', body: ['Traders in Zurich sold oil.'] }),
  ];

  it('requires every word, in any case', () => {
    expect(slugs(library, 'IRAN assad')).toEqual(['geneva']);
    expect(slugs(library, 'talks')).toEqual(['geneva', 'syria']);
  });

  it('ignores diacritics on both sides', () => {
    expect(slugs(library, 'zurich')).toEqual(['geneva', 'markets']);
    expect(slugs(library, 'Zürich oil')).toEqual(['markets']);
  });

  it("finds a word before a possessive 's, and the possessive as a phrase", () => {
    expect(slugs(library, 'assad')).toEqual(['geneva', 'syria']);
    expect(slugs(library, "al-assad's")).toEqual(['syria']);
  });

  it('wants a phrase adjacent and in order, within one paragraph', () => {
    expect(slugs(library, '"nuclear talks"')).toEqual(['geneva']);
    expect(slugs(library, '"talks nuclear"')).toEqual([]);
    // "…on Tuesday." then "Airstrikes…" would be adjacent across paragraphs.
    expect(slugs(library, '"position nuclear"')).toEqual([]);
  });

  it('excludes words and phrases', () => {
    expect(slugs(library, 'talks -iran')).toEqual(['syria']);
    expect(slugs(library, 'assad -"syrian president"')).toEqual(['geneva']);
    expect(slugs(library, 'zurich -"syrian president"')).toEqual(['geneva', 'markets']);
  });

  it('takes either side of OR', () => {
    expect(slugs(library, 'oil OR airstrikes')).toEqual(['markets', 'syria']);
    expect(slugs(library, 'oil OR airstrikes zurich')).toEqual(['markets']);
  });

  it('matches prefixes, alone and at the end of a phrase', () => {
    expect(slugs(library, 'syria*')).toEqual(['syria']);
    expect(slugs(library, 'trad*')).toEqual(['markets']);
    expect(slugs(library, '"nuclear tal"*')).toEqual(['geneva']);
  });

  it('returns nothing when nothing matches', () => {
    expect(slugs(library, 'football')).toEqual([]);
    expect(searchArticles([], parseQuery('iran'))).toEqual([]);
  });
});

describe('searchArticles: field filters', () => {
  const library = [
    article('rouhani', {
      headline: 'Rouhani questions airstrikes',
      section: 'World News',
      source: 'Financial Tribune',
      body: ['The president spoke in New York.', '"The bombardment must have a framework," Hassan Rouhani said.'],
      quotes: [quote('President Hassan Rouhani', 1, 'The bombardment must have a framework,')],
    }),
    article('about-rouhani', {
      headline: 'Iran and the West',
      section: 'Opinion',
      source: 'Reuters',
      body: ['Analysts say Rouhani is cautious.', '"Nothing will change," an official said.'],
      quotes: [quote('an Iranian official', 1), quote(null, 0)],
    }),
    article('no-section', { headline: 'Rouhani at the UN', body: ['Rouhani spoke.'] }),
  ];

  it('restricts a word or phrase to the headline', () => {
    // Both headlines hold the word once: the shorter one ranks first.
    expect(slugs(library, 'headline:rouhani')).toEqual(['rouhani', 'no-section']);
    expect(slugs(library, 'headline:"questions airstrikes"')).toEqual(['rouhani']);
    expect(slugs(library, 'headline:president')).toEqual([]);
  });

  it("matches speaker: against quotes' speakers, not mentions", () => {
    expect(slugs(library, 'speaker:rouhani')).toEqual(['rouhani']);
    expect(slugs(library, 'speaker:"hassan rouhani"')).toEqual(['rouhani']);
    expect(slugs(library, 'speaker:official')).toEqual(['about-rouhani']);
    expect(slugs(library, 'speaker:irani*')).toEqual(['about-rouhani']);
  });

  it('matches section: and source:, never when the field is missing', () => {
    expect(slugs(library, 'section:world')).toEqual(['rouhani']);
    expect(slugs(library, 'section:"world news" rouhani')).toEqual(['rouhani']);
    expect(slugs(library, 'source:reuters')).toEqual(['about-rouhani']);
    expect(slugs(library, 'rouhani -section:opinion')).toEqual(['no-section', 'rouhani']);
  });

  it('excludes by field', () => {
    expect(slugs(library, 'rouhani -speaker:rouhani')).toEqual(['no-section', 'about-rouhani']);
  });
});

describe('searchArticles: ranking', () => {
  const filler = ['Markets were calm and traders waited for news from the central bank on rates.'];

  it('ranks a headline match above a body match', () => {
    const library = [
      article('body', { headline: 'Oil prices steady', body: ['Exports from Iran rose slightly.', ...filler] }),
      article('headline', { headline: 'Iran exports rise', body: ['Exports rose slightly.', ...filler] }),
    ];
    const hits = search(library, 'iran');
    expect(hits.map((h) => h.article.slug)).toEqual(['headline', 'body']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('ranks more occurrences higher, and a rare word above a common one', () => {
    const library = [
      article('once', { body: ['Iran said little about Syria.'] }),
      article('thrice', { body: ['Iran, Iran and again Iran.'] }),
      article('rare', { body: ['Geneva hosted talks about Iran.'] }),
      article('common', { body: ['Talks went on.'] }),
    ];
    expect(slugs(library, 'iran')).toEqual(['thrice', 'once', 'rare']);
    // geneva occurs in one article, talks in two: geneva decides.
    expect(slugs(library, 'geneva OR talks')).toEqual(['rare', 'common']);
  });

  it('breaks ties by slug and stops at the limit', () => {
    const library = ['c', 'a', 'b'].map((slug) => article(slug, { body: ['Iran talks.'] }));
    expect(slugs(library, 'iran')).toEqual(['a', 'b', 'c']);
    expect(search(library, 'iran', 2).map((h) => h.article.slug)).toEqual(['a', 'b']);
    expect(search(library, 'iran', 0)).toEqual([]);
  });

  it('scores every hit positively and sums OR members that match', () => {
    const library = [
      article('both', { body: ['Iran and Syria.'] }),
      article('one', { body: ['Iran alone.'] }),
      article('none', { body: ['Nothing here.'] }),
    ];
    const hits = search(library, 'iran OR syria');
    expect(hits.map((h) => h.article.slug)).toEqual(['both', 'one']);
    expect(hits.every((h) => h.score > 0)).toBe(true);
  });
});

describe('searchArticles: snippets', () => {
  it('shows a short paragraph whole, highlighting every match', () => {
    const [hit] = search(
      [article('a', { body: ['Nothing.', 'Iran was concerned about Assad’s position in Zürich.'] })],
      'zurich assad iran',
    );
    expect(hit!.snippet).toEqual({
      text: 'Iran was concerned about Assad’s position in Zürich.',
      highlights: [
        [0, 4],
        [25, 30],
        [45, 51],
      ],
    });
  });

  it('picks the paragraph showing the most of the query', () => {
    const [hit] = search(
      [article('a', { body: ['Iran, Iran, Iran and Iran.', 'Iran met Assad.', 'Assad spoke.'] })],
      'iran assad',
    );
    expect(marked(hit!.snippet)).toBe('[Iran] met [Assad].');
  });

  it('cuts a long paragraph around the match, marking the cuts', () => {
    const paragraph = `${numbered(1, 40)} Rouhani said ${numbered(43, 80)}.`;
    const [hit] = search([article('a', { body: [paragraph] })], 'rouhani');
    expect(marked(hit!.snippet)).toBe(`…${numbered(35, 40)} [Rouhani] said ${numbered(43, 59)}…`);
  });

  it('keeps the end of a paragraph when the match is near it, and its start when near that', () => {
    const end = search([article('a', { body: [`${numbered(1, 40)} Rouhani said.`] })], 'rouhani')[0]!;
    expect(marked(end.snippet)).toBe(`…${numbered(18, 40)} [Rouhani] said.`);
    const start = search([article('a', { body: [`Rouhani said ${numbered(3, 40)}`] })], 'rouhani')[0]!;
    expect(marked(start.snippet)).toBe(`[Rouhani] said ${numbered(3, 25)}…`);
  });

  it('prefers the window with the most distinct matches', () => {
    const paragraph = `Iran ${numbered(2, 40)} Iran met Assad ${numbered(44, 60)}`;
    const [hit] = search([article('a', { body: [paragraph] })], 'iran assad');
    expect(marked(hit!.snippet)).toBe(`…${numbered(35, 40)} [Iran] met [Assad] ${numbered(44, 59)}…`);
  });

  it('ends the window on a match when that is the only way to show two', () => {
    const paragraph = `${numbered(1, 10)} Iran ${numbered(12, 33)} Assad ${numbered(35, 50)}`;
    const [hit] = search([article('a', { body: [paragraph] })], 'iran assad');
    expect(marked(hit!.snippet)).toBe(`…w10 [Iran] ${numbered(12, 33)} [Assad]…`);
  });

  it('prefers a window satisfying more of the AND to one showing both sides of an OR', () => {
    const paragraph = `Iran ${numbered(2, 15)} Syria ${numbered(17, 35)} Assad ${numbered(37, 50)}`;
    const [hit] = search([article('a', { body: [paragraph] })], 'iran OR syria assad');
    expect(marked(hit!.snippet)).toBe(`…w12 w13 w14 w15 [Syria] ${numbered(17, 35)} [Assad]…`);
  });

  it('highlights a phrase as one range, and squeezes white space', () => {
    const [hit] = search([article('a', { body: ['The  nuclear\n talks\tresumed.'] })], '"nuclear talks"');
    expect(hit!.snippet).toEqual({ text: 'The nuclear talks resumed.', highlights: [[4, 17]] });
  });

  it("shows the headline's own words when only the headline matched", () => {
    const [hit] = search(
      [article('a', { headline: 'Rouhani questions airstrikes', body: ['The president spoke.'] })],
      'rouhani*',
    );
    expect(marked(hit!.snippet)).toBe('[Rouhani] questions airstrikes');
  });

  it("shows the quote's paragraph for a speaker: filter", () => {
    const [hit] = search(
      [
        article('a', {
          body: ['Leaders met.', '"We will talk," Rouhani said.'],
          quotes: [quote('Hassan Rouhani', 1, 'We will talk,')],
        }),
      ],
      'speaker:rouhani',
    );
    expect(marked(hit!.snippet)).toBe('"We will talk," [Rouhani] said.');
  });

  it('shows the opening for a filter that matched no words of the text', () => {
    const [hit] = search(
      [article('a', { section: 'World', body: ['', `Opening ${numbered(2, 40)}`] })],
      'section:world',
    );
    expect(hit!.snippet).toEqual({ text: `Opening ${numbered(2, 25)}…`, highlights: [] });
  });

  it('falls back to the headline for an article without a body', () => {
    const [hit] = search([article('a', { headline: 'Brief', source: 'AP' })], 'source:ap');
    expect(hit!.snippet).toEqual({ text: 'Brief', highlights: [] });
  });
});

describe('searchArticles: robustness', () => {
  it('gives results or a QueryError for any query, never another exception', () => {
    const library = [
      article('a', {
        headline: 'Zürich talks',
        body: ["Assad's forces", ''],
        quotes: [quote(null, 5), quote('X', 0)],
      }),
      article('b', { headline: '', section: 'World', body: ['Iran OR Syria "quoted"'] }),
    ];
    const pieces = fc.constantFrom(
      ...['iran', 'zurich', 'assad', 's', 'OR', '-', '"', '*', 'headline:', 'speaker:x', 'section:', ' '],
    );
    const input = fc.oneof(fc.string({ unit: 'binary' }), fc.array(pieces, { maxLength: 10 }).map((p) => p.join('')));
    fc.assert(
      // Plain booleans rather than expect(): fast-check reports the failing input.
      fc.property(input, (text) => {
        let hits: SearchHit[];
        try {
          hits = searchArticles(library, parseQuery(text));
        } catch (error) {
          return error instanceof QueryError;
        }
        return hits.every(
          ({ score, snippet }) =>
            Number.isFinite(score) &&
            snippet.highlights.every(([start, end]) => 0 <= start && start < end && end <= snippet.text.length),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
