// The query AST as an SQLite FTS5 query. Every word is written as a quoted FTS5
// string (a `"` inside doubled), so no user input can form FTS5 syntax, and
// the whole query is passed to SQLite as one bound parameter.
import { FTS_COLUMNS } from '../index/schema.js';
import { TITLES } from '../parse/quotes/words.js';
import { FIELD_COLUMNS, QueryError, type Clause, type Field, type Match, type Query } from './query.js';

/**
 * BM25 weights of the index's columns, in their order: a word in the
 * headline counts three times one elsewhere, so a story about Iran outranks
 * one that mentions it.
 */
export const FTS_WEIGHTS: readonly number[] = FTS_COLUMNS.map((column) => (column === 'headline' ? 3 : 1));

/** Indexes into FTS_COLUMNS of the columns a match may be in, by its field (none: the headline and the body). */
function columnsOf(field: Field | null): number[] {
  const columns: readonly string[] = field === null ? ['headline', 'body'] : [FIELD_COLUMNS[field]];
  return columns.map((column) => {
    const at = (FTS_COLUMNS as readonly string[]).indexOf(column);
    // parseQuery refuses such a field; a query made by hand can still hold one.
    if (at < 0) throw new QueryError(`${field}: cannot be searched yet: the index has no ${column} column`, `${field}:`);
    return at;
  });
}

function columnFilter(field: Field | null): string {
  const columns = columnsOf(field).map((at) => FTS_COLUMNS[at]!);
  return columns.length === 1 ? columns[0]! : `{${columns.join(' ')}}`;
}

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * The speakers column holds people by name, titles left out, so a title in a
 * `speaker:` phrase ("Mayor Solberg") is dropped, unless it is all the
 * phrase has. A prefix is kept on the phrase's last word, title or not.
 */
function wordsOf(match: Match): string[] {
  const words = match.kind === 'term' ? [match.word] : match.words;
  if (match.field !== 'speaker' || words.length < 2) return words;
  const names = words.filter((word, k) => !TITLES.has(word) || (match.prefix && k === words.length - 1));
  return names.length > 0 ? names : words;
}

function phrase(match: Match): string {
  const words = wordsOf(match);
  return `${columnFilter(match.field)} : ${quoted(words.join(' '))}${match.prefix ? ' *' : ''}`;
}

const clause = (c: Clause): string => (c.kind === 'group' ? `(${expression(c)})` : phrase(c));

const group = (clauses: readonly Clause[]) => (clauses.length === 1 ? clause(clauses[0]!) : `(${clauses.map(clause).join(' OR ')})`);

// Every operand is a phrase or in parentheses, so FTS5's precedence (NOT,
// then AND, then OR) never decides.
function expression(query: Query): string {
  const positive = query.must.map(group).join(' AND ');
  if (query.mustNot.length === 0) return positive;
  return `(${positive}) NOT ${group(query.mustNot)}`;
}

/** The FTS5 MATCH expression for a parsed query. */
export function toFtsQuery(query: Query): string {
  return expression(query);
}

/** A phrase of the FTS5 expression, as FTS5 matches it. */
export interface FtsPhrase {
  /** Folded words, adjacent and in order; with `prefix`, the last one is a prefix. */
  words: readonly string[];
  prefix: boolean;
  /** Indexes into FTS_COLUMNS of the columns it may match in. */
  columns: readonly number[];
}

/**
 * The phrases of `toFtsQuery(query)` that an article it finds can hold, in
 * the expression's order: its exclusions never match such an article.
 */
export function ftsPhrases(query: Query): FtsPhrase[] {
  return positiveMatches(query).map((match) => ({
    words: wordsOf(match),
    prefix: match.prefix,
    columns: columnsOf(match.field),
  }));
}

// The phrases excluded inside a group (`(iran -syria) OR iraq`) can be in an
// article found by another member of its OR group; they are left out too.
function positiveMatches(query: Query): Match[] {
  return query.must.flat().flatMap((c) => (c.kind === 'group' ? positiveMatches(c) : [c]));
}
