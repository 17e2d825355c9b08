// Finding a person's quotes: which speakers a name asked for is, and the
// index search that narrows a library to the articles quoting them.
import type { ArticleIndex } from '../index/article-index.js';
import { FTS_COLUMNS } from '../index/schema.js';
import { compareArticles } from '../library/files.js';
import type { Article } from '../model.js';
import { TITLES } from '../parse/quotes/words.js';
import { words } from '../text/fold.js';
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
 * Whether a speaker is the person asked for: every word of `wanted` is a word
 * of the speaker as the article names them ("rouhani", "Hassan Rouhani" and
 * "president rouhani" all find "President Hassan Rouhani").
 */
export function speakerMatches(speaker: string | null, wanted: readonly string[]): boolean {
  if (speaker === null) return false;
  const have = new Set(words(speaker).map((w) => w.word));
  // A title the article did not use ("Mr. Rouhani") does not rule a person out.
  const names = wanted.filter((word) => !TITLES.has(word));
  return (names.length > 0 ? names : wanted).every((word) => have.has(word));
}

/**
 * The articles with only the quotes of `speaker` (every quote when it is
 * undefined); articles left with none are dropped. A name without a word
 * throws `QueryError`.
 */
export function selectQuotes(articles: readonly Article[], speaker: string | undefined): Article[] {
  const wanted = speaker === undefined ? null : speakerWords(speaker);
  return articles
    .map((article) => ({ ...article, quotes: article.quotes.filter((q) => wanted === null || speakerMatches(q.speaker, wanted)) }))
    .filter((article) => article.quotes.length > 0);
}

/** Only the speakers column counts: which article names the person most often does not matter here. */
const SPEAKER_WEIGHTS: readonly number[] = FTS_COLUMNS.map((column) => (column === 'speakers' ? 1 : 0));

/**
 * The query finding the articles that quote a speaker with any of the words:
 * a superset of those `speakerMatches` keeps (a title may be left out), which
 * `selectQuotes` then narrows.
 */
function speakerQuery(wanted: readonly string[]): Query {
  return { must: [wanted.map((word) => ({ kind: 'term', word, prefix: false, field: 'speaker' }))], mustNot: [] };
}

/**
 * The articles of the index quoting someone the name `speaker` may be, newest
 * first, with all their quotes: `selectQuotes` keeps that person's. A name
 * without a word throws `QueryError`.
 */
export function articlesQuoting(index: ArticleIndex, speaker: string): Article[] {
  const match = toFtsQuery(speakerQuery(speakerWords(speaker)));
  return index
    .search(match, SPEAKER_WEIGHTS, null)
    .map((hit) => hit.article)
    .sort(compareArticles);
}
