/**
 * The query language of `news search`, parsed into a small AST.
 *
 * Syntax:
 * - `iran assad`: every term must match (implicit AND).
 * - `"nuclear talks"`: a phrase, its words adjacent and in order. A quote left
 *   open runs to the end of the input.
 * - `-syria`, `-"state department"`: exclude articles that match.
 * - `iran OR syria`: either. Only upper-case `OR` is the operator; `or` is a
 *   word. OR binds tighter than the implicit AND, as in web search engines:
 *   `iran OR syria assad` means (iran OR syria) AND assad.
 * - `headline:`, `speaker:`, `section:`, `source:` followed directly by a word
 *   or a "quoted phrase" restrict a term to that field (`speaker:rouhani`: a
 *   quote's speaker contains the word). Field names are case-insensitive.
 * - `iran*`, `"nuclear tal"*`: the (last) word is a prefix.
 *
 * Decisions:
 * - Words are what `words()` in text/fold.ts makes of the input, exactly as
 *   for article text: runs of letters and digits after folding (lowercase,
 *   NFKD without combining marks). So "Zurich" finds "Zürich", and "Assad's"
 *   in an article holds the words assad and s.
 * - An unquoted token that splits into several words is a phrase: `Assad's`
 *   → "assad s", `al-Assad` → "al assad", and an unknown field such as
 *   `foo:bar` is no error but the phrase "foo bar". A quoted phrase of one
 *   word is a term, so every phrase in the AST has at least two words.
 *   Tokens with no word at all (`!!`, `""`, a lone `-`) are ignored.
 * - Parentheses are not syntax: they are punctuation, like everywhere else.
 * - The AST is a conjunction of OR groups plus a list of exclusions, with each
 *   term carrying its own field. It says nothing about how it is matched:
 *   fts.ts writes it as an SQLite FTS5 expression (phrases, `word*`, OR, NOT,
 *   column filters), which search.ts runs on the index.
 *   An exclusion cannot sit inside an OR group (FTS5's NOT is binary and
 *   "a OR NOT b" means little to a reader), so `-iran OR syria` is an error.
 * - Malformed input throws only `QueryError`: an empty query, a query of only
 *   exclusions, an OR without a term on each side, an exclusion joined by OR,
 *   a field with nothing after its colon.
 */
import { words } from '../text/fold.js';

/** The fields a term can be restricted to, as written before the colon. */
export const FIELDS = ['headline', 'speaker', 'section', 'source'] as const;

export type Field = (typeof FIELDS)[number];

/** One folded word; with `prefix`, any word starting with it. */
export interface Term {
  kind: 'term';
  word: string;
  prefix: boolean;
  /** The field it must match in, or null for the headline and the body. */
  field: Field | null;
}

/** Two or more folded words, adjacent and in order; with `prefix`, the last word is a prefix. */
export interface Phrase {
  kind: 'phrase';
  words: string[];
  prefix: boolean;
  field: Field | null;
}

export type Match = Term | Phrase;

export interface Query {
  /** Every group must match; a group matches when any of its members does (OR). Never empty. */
  must: Match[][];
  /** An article matching any of these is left out. */
  mustNot: Match[];
}

/** A query that cannot be searched for; the message says why and shows the input. */
export class QueryError extends Error {
  override readonly name = 'QueryError';

  constructor(
    readonly reason: string,
    readonly input: string,
  ) {
    super(`Invalid query ${JSON.stringify(input)}: ${reason}`);
  }
}

type Token = { kind: 'or' } | { kind: 'match'; negated: boolean; match: Match | null };

const FIELD_PREFIX = new RegExp(`(${FIELDS.join('|')}):`, 'iy');
const SPACE = /\s/;

function toMatch(found: string[], prefix: boolean, field: Field | null): Match | null {
  const [first] = found;
  if (first === undefined) return null;
  if (found.length === 1) return { kind: 'term', word: first, prefix, field };
  return { kind: 'phrase', words: found, prefix, field };
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const at = (k: number): string => input[k] ?? '';
  while (i < input.length) {
    if (SPACE.test(at(i))) {
      i++;
      continue;
    }
    let negated = false;
    if (at(i) === '-' && at(i + 1) !== '' && !SPACE.test(at(i + 1))) {
      negated = true;
      i++;
    }
    let field: Field | null = null;
    FIELD_PREFIX.lastIndex = i;
    const named = FIELD_PREFIX.exec(input);
    if (named) {
      field = (named[1] ?? '').toLowerCase() as Field;
      i = FIELD_PREFIX.lastIndex;
      if (at(i) === '' || SPACE.test(at(i))) {
        throw new QueryError(`${field}: needs a value right after the colon, as in ${field}:iran or ${field}:"nuclear talks"`, input);
      }
    }
    if (at(i) === '"') {
      const close = input.indexOf('"', i + 1);
      const end = close < 0 ? input.length : close;
      const text = input.slice(i + 1, end);
      i = close < 0 ? input.length : close + 1;
      let prefix = false;
      while (at(i) === '*') {
        prefix = true;
        i++;
      }
      tokens.push({
        kind: 'match',
        negated,
        match: toMatch(
          words(text).map((w) => w.word),
          prefix,
          field,
        ),
      });
      continue;
    }
    const start = i;
    while (i < input.length && at(i) !== '"' && !SPACE.test(at(i))) i++;
    const text = input.slice(start, i);
    if (text === 'OR' && !negated && field === null) {
      tokens.push({ kind: 'or' });
      continue;
    }
    const found = words(text).map((w) => w.word);
    const prefix = text.endsWith('*');
    tokens.push({ kind: 'match', negated, match: toMatch(found, prefix, field) });
  }
  // Wordless tokens vanish here, so `iran OR !! syria` is `iran OR syria`.
  return tokens.filter((t) => t.kind === 'or' || t.match !== null);
}

/** Parses a `news search` query; throws `QueryError` when it cannot be searched for. */
export function parseQuery(input: string): Query {
  const tokens = tokenize(input);
  const must: Match[][] = [];
  const mustNot: Match[] = [];
  const bothSides = 'OR needs a term on each side, as in iran OR syria';
  const noExclusion = 'an exclusion cannot be part of OR: write iran -syria, not -syria OR iran';
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    if (token === undefined) continue;
    const before = tokens[k - 1];
    if (token.kind === 'or') {
      const after = tokens[k + 1];
      if (before === undefined || before.kind === 'or' || after === undefined || after.kind === 'or') {
        throw new QueryError(bothSides, input);
      }
      if (before.negated || after.negated) throw new QueryError(noExclusion, input);
      continue;
    }
    if (token.match === null) continue;
    if (token.negated) {
      mustNot.push(token.match);
    } else if (before?.kind === 'or') {
      must[must.length - 1]?.push(token.match);
    } else {
      must.push([token.match]);
    }
  }
  if (must.length === 0) {
    throw new QueryError(
      mustNot.length > 0 ? 'it only excludes: add a word to search for, as in syria -iran' : 'there is nothing to search for: give at least one word',
      input,
    );
  }
  return { must, mustNot };
}
