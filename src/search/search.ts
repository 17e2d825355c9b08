// Searching a library: the one search, shared by `news search` and the
// library API. A query is parsed (query.ts), written as an FTS5 expression
// (fts.ts) and run on the library's index, which ranks by BM25 and cuts the
// snippets (those of articles too large for FTS5's: snippet.ts).
import type { ArticleIndex, HitOrder, HitRead } from '../index/article-index.js';
import type { JsonPiece } from '../text/sanitize.js';
import type { SearchHit } from '../model.js';
import { FTS_WEIGHTS, ftsPhrases, toFtsQuery } from './fts.js';
import { parseQuery, type Query } from './query.js';
import { cutSnippet } from './snippet.js';

export interface SearchOptions {
  /** At most this many hits, the first in the order asked (the best first); all when not given. */
  limit?: number;
  /**
   * The order of the hits: by relevance, best first (the default), or by the
   * articles' date, headline, slug or source, as `news list` orders them.
   * The limit takes the first hits of that order among every match.
   */
  sort?: HitOrder['sort'];
  /** The order reversed (undated articles, and those without a source, stay last). */
  reverse?: boolean;
  /**
   * Hits whose articles lack their body and quotes (both empty): enough for
   * output that shows slug, headline and snippet, and far cheaper for
   * large articles. `--json` prints whole articles, so it reads them whole.
   */
  light?: boolean;
}

/**
 * The articles of the index matching `query` (the query language's text, or
 * a query parsed by `parseQuery`), best first (ties by slug) unless another
 * order is asked, read one at a
 * time: a search for a common word in a large library is never held whole.
 * Nothing else may use the index until the hits are read or the iteration
 * is ended. Text that is no query throws `QueryError`, before the index is
 * read.
 */
export function eachSearchHit(index: ArticleIndex, query: string | Query, options: SearchOptions = {}): Generator<SearchHit> {
  return hitsOf(index, query, options, options.light === true ? 'head' : 'whole');
}

/**
 * The hits of `eachSearchHit` as `--json` prints them: each article's head
 * (body and quotes empty) and its whole JSON text (toJsonLine's), which for
 * an article of megabytes is the index's own bytes, never made a string.
 */
export function eachSearchHitJson(
  index: ArticleIndex,
  query: string | Query,
  options: Omit<SearchOptions, 'light'> = {},
): Generator<SearchHit & { json: JsonPiece }> {
  return hitsOf(index, query, options, 'json') as Generator<SearchHit & { json: JsonPiece }>;
}

function hitsOf(index: ArticleIndex, query: string | Query, options: SearchOptions, read: HitRead): Generator<SearchHit & { json?: JsonPiece }> {
  const { limit, sort = 'relevance', reverse = false } = options;
  // SQLite reads a negative LIMIT as none at all, and refuses a fraction.
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
    throw new RangeError(`a search limit is a whole number of hits, 0 or more, not ${limit}`);
  }
  const parsed = typeof query === 'string' ? parseQuery(query) : query;
  // FTS5 cuts the snippets of most articles; those of the largest are cut by its rules here.
  const phrases = ftsPhrases(parsed);
  return index.eachHit(toFtsQuery(parsed), FTS_WEIGHTS, limit ?? null, (columns) => cutSnippet(columns, phrases), read, { sort, reverse });
}

/** The hits of `eachSearchHit`, all read. */
export function searchIndex(index: ArticleIndex, query: string | Query, options: SearchOptions = {}): SearchHit[] {
  return [...eachSearchHit(index, query, options)];
}

/** How many articles a query matches in all, whatever a search's limit. */
export function countSearchHits(index: ArticleIndex, query: string | Query): number {
  return index.countMatching(toFtsQuery(typeof query === 'string' ? parseQuery(query) : query));
}
