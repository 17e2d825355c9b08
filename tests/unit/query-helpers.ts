// What the query tests build their expected parses from.
import { parseQuery, QueryError, type Field, type Match } from '../../src/search/query.js';

export function term(word: string, more: { prefix?: boolean; field?: Field } = {}): Match {
  return { kind: 'term', word, prefix: more.prefix ?? false, field: more.field ?? null };
}

export function phrase(words: string[], more: { prefix?: boolean; field?: Field } = {}): Match {
  return { kind: 'phrase', words, prefix: more.prefix ?? false, field: more.field ?? null };
}

/** The QueryError parseQuery throws for `input`; fails when it throws none. */
export function queryError(input: string): QueryError {
  try {
    parseQuery(input);
  } catch (error) {
    if (error instanceof QueryError) return error;
    throw error;
  }
  throw new Error(`parseQuery(${JSON.stringify(input)}) did not throw`);
}
