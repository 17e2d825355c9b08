// One person across the library (src/search/speakers.ts): the people of the
// articles joined where a surname stands alone, counted for `news speakers`
// and matched for `news quotes --speaker`, in process.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArticleIndex } from '../../src/index/article-index.js';
import { openUpdatedIndex } from '../../src/index/open.js';
import type { Article } from '../../src/model.js';
import { articlesQuoting, countSpeakers, LibraryPeople, personOf, selectQuotes } from '../../src/search/speakers.js';

/** An article quoting the given people (null: a description), one quote each. */
function article(slug: string, people: Array<string | null>): Article {
  return {
    slug,
    headline: slug,
    section: null,
    source: null,
    author: null,
    date: null,
    dateline: null,
    url: null,
    tags: [],
    body: ['Words.'],
    quotes: people.map((person, k) => ({ text: `Words ${k}`, speaker: person ?? 'a spokesman', person, paragraph: 0 })),
    path: `${slug}.md`,
  };
}

describe('LibraryPeople', () => {
  it("joins a surname alone to the library's one person of that surname", () => {
    const people = new LibraryPeople();
    for (const name of ['Jo Varga', 'Varga', 'Ana Lind', 'Per Lind', 'Lind', 'Odo']) people.add(name);
    expect(people.nameOf('Varga')).toBe('Jo Varga');
    expect(people.nameOf('VARGA')).toBe('Jo Varga');
    // Two Linds: the surname alone stays as written.
    expect(people.nameOf('Lind')).toBe('Lind');
    expect(people.nameOf('Odo')).toBe('Odo');
    // Full names, and names left with their title, are never joined.
    expect(people.nameOf('Ana Lind')).toBe('Ana Lind');
    expect(people.nameOf('Dr. Varga')).toBe('Dr. Varga');
  });

  it('joins a full name written with and without a middle name, an initial or a suffix, unless two middles tell two people', () => {
    const people = new LibraryPeople();
    for (const name of ['Ana Lind', 'Ana Lind', 'Ana Maria Lind', 'Per K. Dahl', 'Per K. Dahl', 'Per Dahl', 'Tom Berg Jr.', 'Tom Berg']) people.add(name);
    for (const name of ['Ola W. Vik', 'Ola H.W. Vik', 'Ola Vik']) people.add(name);
    expect(people.nameOf('Ana Maria Lind')).toBe('Ana Lind');
    expect(people.nameOf('Ana Lind')).toBe('Ana Lind');
    expect(people.nameOf('Per Dahl')).toBe('Per K. Dahl');
    expect(people.nameOf('Dahl')).toBe('Per K. Dahl');
    // Equal uses: the longer form names the person, whichever came first.
    expect(people.nameOf('Tom Berg')).toBe('Tom Berg Jr.');
    // Two different middles: three forms, three people, and the surname alone stays as written.
    expect(['Ola W. Vik', 'Ola H.W. Vik', 'Ola Vik'].map((name) => people.nameOf(name))).toEqual(['Ola W. Vik', 'Ola H.W. Vik', 'Ola Vik']);
    expect(people.nameOf('Vik')).toBe('Vik');
  });

  it('reads a quote made without a person by the name its speaker ends with', () => {
    expect(personOf({ text: 'x', speaker: 'Harbour Sen. Jo Varga', paragraph: 0 })).toBe('Jo Varga');
    expect(personOf({ text: 'x', speaker: 'a Varga spokesman', paragraph: 0 })).toBeNull();
    expect(personOf({ text: 'x', speaker: 'the mayor', person: 'Ana Lind', paragraph: 0 })).toBe('Ana Lind');
  });
});

describe('countSpeakers', () => {
  it('counts quotes and articles per person, most quoted first, descriptions left out', () => {
    const articles = [
      article('a', ['Jo Varga', 'Jo Varga', 'Ana Lind', null]),
      article('b', ['Varga', 'Ana Lind']),
      article('c', ['Ana Lind', 'Tom Berg']),
      article('d', ['JO VARGA']),
    ];
    expect(countSpeakers(articles)).toEqual([
      { name: 'Jo Varga', quotes: 4, articles: 3 },
      { name: 'Ana Lind', quotes: 3, articles: 3 },
      { name: 'Tom Berg', quotes: 1, articles: 1 },
    ]);
  });

  it('keeps a surname alone apart when the library has two people of it', () => {
    const counts = countSpeakers([article('a', ['Ana Lind']), article('b', ['Per Lind', 'Per Lind']), article('c', ['Lind'])]);
    expect(counts).toEqual([
      { name: 'Per Lind', quotes: 2, articles: 1 },
      { name: 'Ana Lind', quotes: 1, articles: 1 },
      { name: 'Lind', quotes: 1, articles: 1 },
    ]);
  });

  it('breaks ties by articles, then by name', () => {
    const counts = countSpeakers([
      article('a', ['Zed Roe', 'Zed Roe']),
      article('b', ['Amy Poe']),
      article('c', ['Amy Poe']),
      article('d', ['Bo Doe', 'Bo Doe']),
    ]);
    expect(counts.map((c) => c.name)).toEqual(['Amy Poe', 'Bo Doe', 'Zed Roe']);
  });
});

describe('selectQuotes: a person, not a word', () => {
  const articles = [article('a', ['Jo Varga', null]), article('b', ['Varga']), article('c', ['Ana Lind'])];

  it("finds a person's quotes by any part of their name, a surname alone among them, but not a description's", () => {
    for (const name of ['varga', 'Jo Varga', 'Sen. Varga']) {
      expect(
        selectQuotes(articles, name).map((a) => [a.slug, a.quotes.map((q) => q.person)]),
        name,
      ).toEqual([
        ['a', ['Jo Varga']],
        ['b', ['Varga']],
      ]);
    }
    expect(selectQuotes(articles, 'spokesman')).toEqual([]);
  });

  it('counts and finds a person written with a middle name as one, by any of their names', () => {
    const articles = [article('a', ['Ana Lind', 'Ana Lind']), article('b', ['Ana Maria Lind']), article('c', ['Lind'])];
    expect(countSpeakers(articles)).toEqual([{ name: 'Ana Lind', quotes: 4, articles: 3 }]);
    expect(selectQuotes(articles, 'maria').map((a) => a.slug)).toEqual(['b']);
    expect(selectQuotes(articles, 'ana lind').map((a) => a.slug)).toEqual(['a', 'b', 'c']);
  });

  it('does not give a surname alone to one of two people of it', () => {
    const two = [...articles, article('d', ['Ana Varga'])];
    expect(selectQuotes(two, 'Jo Varga').map((a) => a.slug)).toEqual(['a']);
    expect(selectQuotes(two, 'varga').map((a) => a.slug)).toEqual(['a', 'b', 'd']);
  });
});

describe('articlesQuoting: the index', () => {
  const home = mkdtempSync(join(tmpdir(), 'news-speakers-'));
  const open: ArticleIndex[] = [];
  afterAll(() => {
    for (const index of open) index.close();
    rmSync(home, { recursive: true, force: true });
  });

  async function libraryIndex(files: Record<string, string[]>): Promise<ArticleIndex> {
    const dir = mkdtempSync(join(home, 'library-'));
    for (const [slug, paragraphs] of Object.entries(files)) {
      writeFileSync(join(dir, `${slug}.md`), `---\ntitle: ${slug}\n---\n\n${paragraphs.join('\n\n')}\n`);
    }
    const index = await openUpdatedIndex({ XDG_CACHE_HOME: home }, [dir], () => {});
    open.push(index);
    return index;
  }

  it('brings the articles quoting a surname alone when the library has one person of it', async () => {
    const index = await libraryIndex({
      full: ['"The pier will hold through the storm," said Sen. Jo Varga.'],
      alone: ['"The count is close tonight, very close," Varga said.'],
      aide: ['"The senator has nothing more to say today," a Varga spokesman said.'],
      other: ['"The ferry will run all winter long," Ana Lind said.'],
    });
    const quoted = selectQuotes(articlesQuoting(index, 'Jo Varga'), 'Jo Varga');
    expect(quoted.map((a) => [a.slug, a.quotes.map((q) => q.speaker)]).sort()).toEqual([
      ['alone', ['Varga']],
      ['full', ['Sen. Jo Varga']],
    ]);
    expect(
      selectQuotes(articlesQuoting(index, 'varga'), 'varga')
        .map((a) => a.slug)
        .sort(),
    ).toEqual(['alone', 'full']);
  });
});
