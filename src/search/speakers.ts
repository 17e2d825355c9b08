// Finding a person's quotes and counting who is quoted. A quote's person is
// the article's one name for its speaker (parse/quotes/person.ts); across the
// library, a person an article names by a surname alone ("Varga said", in an
// article that never gives the first name) is the library's one person of
// that surname with a full name, when it has exactly one. That joining is
// done here, when a command asks, from the people of the articles read: the
// index keeps each article's own people only, so that adding an article
// never changes another's row.
import { collapseSpace } from '../text/space.js';
import type { ArticleIndex } from '../index/article-index.js';
import { compareArticles } from '../library/files.js';
import type { Article, Quote } from '../model.js';
import { nameParts, surnameOf } from '../parse/quotes/person.js';
import { TITLES } from '../parse/quotes/words.js';
import { fold, words } from '../text/fold.js';
import { toFtsQuery } from './fts.js';
import { QueryError, type Query } from './query.js';

/**
 * The folded words of a speaker's name as asked for; a name without a word
 * (`!?`) throws `QueryError`, as a query without one does.
 */
export function speakerWords(name: string): string[] {
  const wanted = words(name).map((w) => w.word);
  if (wanted.length === 0) throw new QueryError('a speaker needs a name with letters or digits in it', name);
  return wanted;
}

/**
 * Whether a name is the person asked for: every word of `wanted` is a word
 * of it ("varga", "Jo Varga" and "sen. varga" all find "Jo Varga").
 */
export function speakerMatches(speaker: string | null, wanted: readonly string[]): boolean {
  if (speaker === null) return false;
  const have = new Set(words(speaker).map((w) => w.word));
  // A title the article did not use ("Mr. Rouhani") does not rule a person out.
  const names = wanted.filter((word) => !TITLES.has(word));
  return (names.length > 0 ? names : wanted).every((word) => have.has(word));
}

/**
 * A quote's person: the parser's, or, for a quote made without one (by
 * hand, from JavaScript through the API), the name its speaker phrase ends
 * with.
 */
export function personOf(quote: Omit<Quote, 'person'> & { person?: string | null }): string | null {
  if (quote.person !== undefined) return quote.person;
  return quote.speaker === null ? null : (nameParts(quote.speaker)?.words.join(' ') ?? null);
}

/** A name as one word: a surname or a first name standing alone. */
const isAlone = (name: string): boolean => !/\s/.test(name.trim());
const surnameKey = (name: string): string => fold(surnameOf(name) ?? '');
const nameKey = (name: string): string => fold(collapseSpace(name));

/** A full name's first name and what stands between it and the surname, suffix included ("Rodham" in "Hillary Rodham Clinton", "M." in "Harry M. Reid"), folded. */
function nameShape(name: string): { first: string; between: string } {
  const parts = words(name).map((w) => w.word);
  const surname = surnameKey(name);
  return {
    first: parts[0] ?? '',
    between: parts
      .slice(1)
      .filter((w) => w !== surname)
      .join(' '),
  };
}

/** The form to name a person by: the most used, then the longest, then the first in code-point order, whatever order the articles came in. */
function preferred(a: Form, b: Form): boolean {
  if (a.uses !== b.uses) return a.uses > b.uses;
  if (a.name.length !== b.name.length) return a.name.length > b.name.length;
  return a.name < b.name;
}

/** One way the library writes a full name, how often it is quoted so, and its shape. */
interface Form {
  name: string;
  uses: number;
  first: string;
  between: string;
}

/**
 * The people of a set of articles, named as the library names them. A full
 * name written with and without a middle name, an initial or a suffix
 * ("Hillary Rodham Clinton", "Hillary Clinton"; "Harry M. Reid", "Harry
 * Reid") is one person, named as the library most often writes them, unless
 * the library holds two different middles for that first name and surname
 * ("George W. Bush", "George H.W. Bush"): then each form is its own.
 */
export class LibraryPeople {
  /** Full names (a first name and a surname at least) by folded surname, then by folded name. */
  private readonly full = new Map<string, Map<string, Form>>();
  /** Names already given, by the person asked for: a command asks again for each quote. Emptied by `add`. */
  private readonly asked = new Map<string, string>();

  add(person: string): void {
    if (isAlone(person)) return;
    const surname = surnameKey(person);
    let named = this.full.get(surname);
    if (!named) this.full.set(surname, (named = new Map()));
    this.asked.clear();
    const key = nameKey(person);
    const form = named.get(key);
    if (form) form.uses++;
    else named.set(key, { name: person, uses: 1, ...nameShape(person) });
  }

  /**
   * The library's name for an article's person: a full name the one form of
   * its person the library uses most; a surname alone the one person of that
   * surname, when there is one.
   */
  nameOf(person: string): string {
    let name = this.asked.get(person);
    if (name === undefined) this.asked.set(person, (name = this.find(person)));
    return name;
  }

  private find(person: string): string {
    const named = this.full.get(surnameKey(person));
    if (!named) return person;
    if (!isAlone(person)) return this.personOf(named, nameShape(person)) ?? person;
    const people = new Set<string>();
    for (const form of named.values()) people.add(this.personOf(named, form) ?? form.name);
    return people.size === 1 ? (people.values().next().value ?? person) : person;
  }

  /** The most used form of the person a full name is, among the forms of its surname; null when it has another of a different middle. */
  private personOf(named: ReadonlyMap<string, Form>, { first, between }: { first: string; between: string }): string | null {
    const middles = new Set<string>();
    let best: Form | null = null;
    for (const form of named.values()) {
      if (form.first !== first) continue;
      if (form.between !== '') middles.add(form.between);
      if (best === null || preferred(form, best)) best = form;
    }
    if (between !== '') middles.add(between);
    return middles.size <= 1 && best !== null ? best.name : null;
  }
}

/**
 * The articles with only the quotes of `speaker` (every quote when it is
 * undefined), matched by person as the given articles name them; articles
 * left with none are dropped. A name without a word throws `QueryError`.
 */
export function selectQuotes(articles: readonly Article[], speaker: string | undefined): Article[] {
  if (speaker === undefined) return articles.filter((article) => article.quotes.length > 0);
  const wanted = speakerWords(speaker);
  const people = new LibraryPeople();
  for (const article of articles) for (const quote of article.quotes) addPerson(people, quote);
  const matches = (quote: Quote) => {
    const person = personOf(quote);
    return person !== null && (speakerMatches(person, wanted) || speakerMatches(people.nameOf(person), wanted));
  };
  return articles.map((article) => ({ ...article, quotes: article.quotes.filter(matches) })).filter((article) => article.quotes.length > 0);
}

function addPerson(people: LibraryPeople, quote: Quote): void {
  const person = personOf(quote);
  if (person !== null) people.add(person);
}

/** The articles whose people have any of the words, by the index's speakers column (unranked: the caller sorts them). */
function quotingAny(index: ArticleIndex, any: readonly string[]): Article[] {
  const query: Query = { must: [any.map((word) => ({ kind: 'term', word, prefix: false, field: 'speaker' }))], mustNot: [] };
  return index.matching(toFtsQuery(query));
}

/**
 * The articles of the index quoting someone the name `speaker` may be, newest
 * first, with all their quotes: `selectQuotes` keeps that person's. With the
 * people the name finds come every article quoting someone of their
 * surnames, so that `selectQuotes` sees whether a surname alone is theirs. A
 * name without a word throws `QueryError`.
 */
export function articlesQuoting(index: ArticleIndex, speaker: string): Article[] {
  const wanted = speakerWords(speaker);
  const found = quotingAny(index, wanted);
  const asked = new Set(wanted);
  const surnames = new Set<string>();
  for (const article of found) {
    for (const quote of article.quotes) {
      const person = personOf(quote);
      if (person === null || isAlone(person) || !speakerMatches(person, wanted)) continue;
      for (const { word } of words(surnameOf(person) ?? '')) if (!asked.has(word)) surnames.add(word);
    }
  }
  const articles = new Map(found.map((article) => [article.slug, article]));
  if (surnames.size > 0) for (const article of quotingAny(index, [...surnames])) articles.set(article.slug, article);
  return [...articles.values()].sort(compareArticles);
}

/** A person quoted in the library: how many quotes, in how many articles. */
export interface SpeakerCount {
  name: string;
  quotes: number;
  articles: number;
}

/**
 * Who the articles quote, most quoted first (then by articles, then by
 * name), each person once as the library names them. Read an article at a
 * time: only the people are kept.
 */
export function countSpeakers(articles: Iterable<Article>): SpeakerCount[] {
  const people = new LibraryPeople();
  const byName = new Map<string, { name: string; quotes: number; articles: Set<number> }>();
  let n = 0;
  for (const article of articles) {
    n++;
    for (const quote of article.quotes) {
      const person = personOf(quote);
      if (person === null) continue;
      people.add(person);
      const key = nameKey(person);
      let entry = byName.get(key);
      if (!entry) byName.set(key, (entry = { name: person, quotes: 0, articles: new Set() }));
      entry.quotes++;
      entry.articles.add(n);
    }
  }
  const joined = new Map<string, { name: string; quotes: number; articles: Set<number> }>();
  for (const entry of byName.values()) {
    const name = people.nameOf(entry.name);
    const key = nameKey(name);
    const into = joined.get(key);
    if (!into) {
      joined.set(key, { ...entry, name });
      continue;
    }
    into.quotes += entry.quotes;
    for (const a of entry.articles) into.articles.add(a);
  }
  return [...joined.values()]
    .map(({ name, quotes, articles }) => ({ name, quotes, articles: articles.size }))
    .sort((a, b) => b.quotes - a.quotes || b.articles - a.articles || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
