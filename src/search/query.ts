/**
 * The query language of `news search`, parsed into a small AST.
 *
 * Syntax:
 * - `iran assad`, `iran AND assad`: every term must match. Only upper-case
 *   `AND` is the operator; `and` is a word.
 * - `"nuclear talks"`: a phrase, its words adjacent and in order. A quote left
 *   open runs to the end of the input.
 * - `-syria`, `-"state department"`, `iran NOT syria`: exclude articles that
 *   match. `NOT x` is `-x`.
 * - `iran OR syria`: either. Only upper-case `OR` is the operator; `or` is a
 *   word. OR binds tighter than AND, as in web search engines:
 *   `iran OR syria assad` means (iran OR syria) AND assad.
 * - `(iran assad) OR syria`, `iran -(syria OR iraq)`: parentheses group.
 * - `headline:`, `speaker:`, `section:`, `source:`, `author:`, `tag:` followed
 *   directly by a word, a "quoted phrase" or a parenthesised group restrict
 *   each term to that field (`speaker:rouhani`: a quote's speaker contains
 *   the word; `headline:(trump OR clinton)` is `headline:trump OR
 *   headline:clinton`). Field names are case-insensitive.
 * - `iran*`, `"nuclear tal"*`: the (last) word is a prefix.
 *
 * Decisions:
 * - Words are what `words()` in text/fold.ts makes of the input, exactly as
 *   for article text: runs of letters and digits after folding (lowercase,
 *   NFKD without combining marks). So "Zurich" finds "Zürich", and "Assad's"
 *   in an article holds the words assad and s.
 * - An unquoted token that splits into several words is a phrase: `Assad's`
 *   → "assad s", `al-Assad` → "al assad", `10:30` → "10 30". A quoted phrase
 *   of one word is a term, so every phrase in the AST has at least two
 *   words. Tokens with no word at all (`!!`, `""`, a lone `-`, `()`) are
 *   ignored.
 * - An unquoted token that starts with a letter and a colon names a field
 *   (`foo:bar`, `date:2016`, `https://…`): one the language does not know is
 *   an error, never a phrase search, and so is a field the index cannot
 *   search yet. Inside quotes a colon is text.
 * - The AST is a conjunction of OR groups plus a list of exclusions, with each
 *   term carrying its own field; a parenthesised group that cannot be
 *   flattened into that shape is a `Group`, the same shape again. A field
 *   before parentheses is carried to each term inside. The AST says nothing
 *   about how it is matched: fts.ts writes it as an SQLite FTS5 expression
 *   (phrases, `word*`, AND, OR, NOT, column filters), which search.ts runs
 *   on the index.
 *   An exclusion cannot sit inside an OR group (FTS5's NOT is binary and
 *   "a OR NOT b" means little to a reader), so `-iran OR syria` is an error;
 *   `(iraq -iran) OR syria` is not.
 * - Malformed input throws only `QueryError`: an empty query, a query or
 *   group of only exclusions where a term is needed, an operator without a
 *   term on each side, an exclusion joined by OR, a field with nothing after
 *   its colon, an unknown field, another field inside a field's parentheses,
 *   a parenthesis without its match.
 */
import type { FTS_COLUMNS } from '../index/schema.js';
import { words } from '../text/fold.js';

/** The fields a term can be restricted to, as written before the colon, and the index column each searches. */
export const FIELD_COLUMNS = {
  headline: 'headline',
  speaker: 'speakers',
  section: 'section',
  source: 'source',
  author: 'author',
  tag: 'tags',
} as const satisfies Record<string, (typeof FTS_COLUMNS)[number]>;

export type Field = keyof typeof FIELD_COLUMNS;

export const FIELDS = Object.keys(FIELD_COLUMNS) as Field[];

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

/** A parenthesised query inside another, where it cannot be flattened into it: `(iran assad) OR syria`. */
export interface Group {
  kind: 'group';
  /** As Query's: never empty. */
  must: Clause[][];
  mustNot: Clause[];
}

export type Clause = Match | Group;

export interface Query {
  /** Every group must match; a group matches when any of its members does (OR). Never empty. */
  must: Clause[][];
  /** An article matching any of these is left out. */
  mustNot: Clause[];
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

type Operator = 'OR' | 'AND' | 'NOT';

type Token =
  | { kind: 'operator'; operator: Operator }
  | { kind: 'open'; negated: boolean; field: Field | null }
  | { kind: 'close' }
  | { kind: 'match'; negated: boolean; match: Match | null };

const OPERATORS: readonly string[] = ['OR', 'AND', 'NOT'] satisfies Operator[];
// A field's name starts with a letter, so `10:30` is text.
const FIELD_NAME = /(\p{L}[\p{L}\p{N}_]*):/uy;
const SPACE = /\s/;
const ENDS_BARE = /[\s"()]/;
const FIELD_LIST = FIELDS.map((f) => `${f}:`).join(', ');

function toMatch(found: string[], prefix: boolean, field: Field | null): Match | null {
  const [first] = found;
  if (first === undefined) return null;
  if (found.length === 1) return { kind: 'term', word: first, prefix, field };
  return { kind: 'phrase', words: found, prefix, field };
}

function isField(name: string): name is Field {
  return Object.hasOwn(FIELD_COLUMNS, name);
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
    if (at(i) === ')') {
      tokens.push({ kind: 'close' });
      i++;
      continue;
    }
    let negated = false;
    if (at(i) === '-' && at(i + 1) !== '' && !SPACE.test(at(i + 1))) {
      negated = true;
      i++;
    }
    let field: Field | null = null;
    FIELD_NAME.lastIndex = i;
    const named = FIELD_NAME.exec(input);
    if (named) {
      const name = named[1] ?? '';
      const lower = name.toLowerCase();
      if (!isField(lower)) {
        const token = input.slice(i).split(/\s/, 1)[0] ?? '';
        throw new QueryError(`unknown field ${name}: the fields are ${FIELD_LIST}; to search for the text, quote it: "${token}"`, input);
      }
      field = lower;
      i = FIELD_NAME.lastIndex;
      if (at(i) === '' || SPACE.test(at(i)) || at(i) === ')') {
        throw new QueryError(`${field}: needs a value right after the colon, as in ${field}:iran or ${field}:"nuclear talks"`, input);
      }
    }
    if (at(i) === '(') {
      tokens.push({ kind: 'open', negated, field });
      i++;
      continue;
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
    while (i < input.length && !ENDS_BARE.test(at(i))) i++;
    const text = input.slice(start, i);
    if (OPERATORS.includes(text) && !negated && field === null) {
      tokens.push({ kind: 'operator', operator: text as Operator });
      continue;
    }
    const found = words(text).map((w) => w.word);
    const prefix = text.endsWith('*');
    tokens.push({ kind: 'match', negated, match: toMatch(found, prefix, field) });
  }
  return withoutEmpty(tokens, input);
}

/**
 * The tokens without those that hold no word: `iran OR !! syria` is `iran OR
 * syria`, and so is `iran OR () syria`. A field before empty parentheses is
 * the one error.
 */
function withoutEmpty(tokens: readonly Token[], input: string): Token[] {
  const kept: Token[] = [];
  for (const token of tokens) {
    if (token.kind === 'match' && token.match === null) continue;
    const last = kept[kept.length - 1];
    if (token.kind === 'close' && last?.kind === 'open') {
      if (last.field !== null) {
        throw new QueryError(`${last.field}: needs a value right after the colon, as in ${last.field}:iran or ${last.field}:(iran OR syria)`, input);
      }
      kept.pop();
      continue;
    }
    kept.push(token);
  }
  return kept;
}

/** What a term, a phrase or a parenthesised group parses to. */
type Unit = { negated: boolean } & ({ kind: 'match'; match: Match } | { kind: 'query'; query: Query });

// A query is as long as its input: no spread into a call.
function pushAll<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

const bothSides = (operator: Operator) => `${operator} needs a term on each side, as in iran ${operator} syria`;
const NO_EXCLUSION = 'an exclusion cannot be part of OR: write iran -syria, not -syria OR iran';
const ONLY_EXCLUDES = 'it only excludes: add a word to search for, as in syria -iran';

class Parser {
  private k = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly input: string,
  ) {}

  private fail(reason: string): never {
    throw new QueryError(reason, this.input);
  }

  private peek(): Token | undefined {
    return this.tokens[this.k];
  }

  private isOperator(token: Token | undefined, operator: Operator): boolean {
    return token?.kind === 'operator' && token.operator === operator;
  }

  /** The whole input. */
  query(): Query {
    const query = this.conjunction(null);
    if (this.peek()?.kind === 'close') this.fail(') without a matching (');
    if (query.must.length === 0) this.fail(query.mustNot.length > 0 ? ONLY_EXCLUDES : 'there is nothing to search for: give at least one word');
    return query;
  }

  /** Terms joined by AND (or a space), up to a `)` or the end; its terms take `field` unless they name one. */
  private conjunction(field: Field | null): Query {
    const must: Clause[][] = [];
    const mustNot: Clause[] = [];
    for (;;) {
      const token = this.peek();
      if (token === undefined || token.kind === 'close') break;
      if (token.kind === 'operator' && token.operator !== 'NOT') this.fail(bothSides(token.operator));
      this.orGroup(field, must, mustNot);
      if (this.isOperator(this.peek(), 'AND')) {
        this.k++;
        const next = this.peek();
        if (next === undefined || next.kind === 'close' || this.isOperator(next, 'AND') || this.isOperator(next, 'OR')) this.fail(bothSides('AND'));
      }
    }
    return { must, mustNot };
  }

  /** One unit, or several joined by OR, added to `must` or `mustNot`. */
  private orGroup(field: Field | null, must: Clause[][], mustNot: Clause[]): void {
    const first = this.unit(field);
    if (!this.isOperator(this.peek(), 'OR')) {
      if (first.negated) pushAll(mustNot, this.excluded(first));
      else this.addTo(first, must, mustNot);
      return;
    }
    if (first.negated) this.fail(NO_EXCLUSION);
    const members = this.members(first);
    while (this.isOperator(this.peek(), 'OR')) {
      this.k++;
      const next = this.peek();
      if (next === undefined || next.kind === 'close' || this.isOperator(next, 'OR') || this.isOperator(next, 'AND')) this.fail(bothSides('OR'));
      const unit = this.unit(field);
      if (unit.negated) this.fail(NO_EXCLUSION);
      pushAll(members, this.members(unit));
    }
    must.push(members);
  }

  /** A term, phrase or parenthesised group, with the - or NOT before it. */
  private unit(field: Field | null): Unit {
    let token = this.peek();
    let negated = false;
    if (this.isOperator(token, 'NOT')) {
      this.k++;
      token = this.peek();
      if (token === undefined || token.kind === 'operator' || token.kind === 'close' || token.negated) {
        this.fail('NOT needs a term after it, as in iran NOT syria');
      }
      negated = true;
    }
    if (token === undefined || token.kind === 'close' || token.kind === 'operator') {
      // conjunction() and orGroup() look ahead so that this cannot be reached.
      this.fail('there is nothing to search for: give at least one word');
    }
    this.k++;
    negated ||= token.negated;
    if (token.kind === 'match' && token.match !== null) {
      return { kind: 'match', negated, match: { ...token.match, field: this.fieldOf(token.match.field, field) } };
    }
    if (token.kind !== 'open') this.fail('there is nothing to search for: give at least one word');
    const inner = this.conjunction(this.fieldOf(token.field, field));
    if (this.peek()?.kind !== 'close') this.fail('( without a matching )');
    this.k++;
    return { kind: 'query', negated, query: inner };
  }

  /** The field of a term that names `own` inside parentheses that name `outer`. */
  private fieldOf(own: Field | null, outer: Field | null): Field | null {
    if (own !== null && outer !== null && own !== outer) this.fail(`${own}: inside ${outer}:( … ): a term can be in one field only`);
    return own ?? outer;
  }

  /** Adds a unit that must match: a group's terms join the ones around it (AND is associative). */
  private addTo(unit: Unit, must: Clause[][], mustNot: Clause[]): void {
    if (unit.kind === 'match') {
      must.push([unit.match]);
    } else {
      pushAll(must, unit.query.must);
      pushAll(mustNot, unit.query.mustNot);
    }
  }

  /** The members a unit gives an OR group: those of a group that is itself one OR group, else the unit. */
  private members(unit: Unit): Clause[] {
    if (unit.kind === 'match') return [unit.match];
    const { must, mustNot } = unit.query;
    if (must.length === 0) this.fail(NO_EXCLUSION);
    if (must.length === 1 && mustNot.length === 0) return [...must[0]!];
    return [{ kind: 'group', must, mustNot }];
  }

  /** The exclusions an excluded unit gives: `-(a OR b)` is `-a -b`. */
  private excluded(unit: Unit): Clause[] {
    if (unit.kind === 'match') return [unit.match];
    const { must, mustNot } = unit.query;
    if (must.length === 0) this.fail(`${ONLY_EXCLUDES}, and an exclusion of exclusions is no search`);
    if (must.length === 1 && mustNot.length === 0) return [...must[0]!];
    return [{ kind: 'group', must, mustNot }];
  }
}

/** Parses a `news search` query; throws `QueryError` when it cannot be searched for. */
export function parseQuery(input: string): Query {
  return new Parser(tokenize(input), input).query();
}
