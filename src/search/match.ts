// Searching articles held in memory: which match a parsed query, how well
// (BM25F), and a snippet showing where. Each call tokenises every article
// once; that is fine for the few thousand articles a library of files holds.
import type { Article } from '../model.js';
import { words, type Word } from '../text/fold.js';
import type { Field, Match, Query } from './query.js';

/** Text around a match; `highlights` are [start, end) offsets into `text`. */
export interface Snippet {
  text: string;
  highlights: Array<[start: number, end: number]>;
}

export interface SearchHit {
  article: Article;
  score: number;
  snippet: Snippet;
}

export interface SearchOptions {
  /** At most this many hits, the best first. */
  limit?: number;
}

// BM25 constants as usually tuned for prose. A headline word counts three
// times a body word, so a story *about* Iran outranks one that mentions it.
const K1 = 1.2;
const B = 0.75;
const HEADLINE_WEIGHT = 3;

// Snippet window in words: a whole paragraph up to WHOLE words, otherwise
// WINDOW words starting LEAD words before the match.
const WHOLE = 30;
const WINDOW = 25;
const LEAD = 6;

/** An article's words, tokenised once per search. */
interface Tokens {
  headline: Word[];
  body: Word[][];
  bodyLength: number;
  /** One list per quote, in quote order. */
  speakers: Word[][];
  section: Word[];
  source: Word[];
}

/** A match found at word indices [start, end) of one word list. */
interface Span {
  start: number;
  end: number;
  /** Which query match found it, and in which OR group, to count how much of the query it shows. */
  match: number;
  group: number;
}

/** A positive match of the query, numbered, with the index of its OR group. */
interface Wanted {
  match: Match;
  index: number;
  group: number;
}

function tokenize(article: Article): Tokens {
  const body = article.body.map((p) => words(p));
  return {
    headline: words(article.headline),
    body,
    bodyLength: body.reduce((n, p) => n + p.length, 0),
    speakers: article.quotes.map((q) => (q.speaker === null ? [] : words(q.speaker))),
    section: words(article.section ?? ''),
    source: words(article.source ?? ''),
  };
}

function wordMatches(word: string, wanted: string, prefix: boolean): boolean {
  return prefix ? word.startsWith(wanted) : word === wanted;
}

/** Where the match occurs in a list of words, as [start, end) word indices. */
function occurrences(match: Match, list: readonly Word[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const wanted = match.kind === 'term' ? [match.word] : match.words;
  const last = wanted.length - 1;
  for (let i = 0; i + last < list.length; i++) {
    let k = 0;
    while (k <= last && wordMatches(list[i + k]?.word ?? '', wanted[k] ?? '', match.prefix && k === last)) k++;
    if (k > last) spans.push([i, i + last + 1]);
  }
  return spans;
}

function count(match: Match, lists: readonly (readonly Word[])[]): number {
  let n = 0;
  for (const list of lists) n += occurrences(match, list).length;
  return n;
}

/** Occurrences per field of one match in one article; only its own field(s) are looked at. */
interface Frequencies {
  headline: number;
  body: number;
  /** Quotes, section or source: the fields without length normalisation. */
  other: number;
}

function frequencies(match: Match, tokens: Tokens): Frequencies {
  const field: Field | null = match.field;
  switch (field) {
    case null:
      return { headline: count(match, [tokens.headline]), body: count(match, tokens.body), other: 0 };
    case 'headline':
      return { headline: count(match, [tokens.headline]), body: 0, other: 0 };
    case 'speaker':
      // A quote counts once however often its speaker's name has the word.
      return { headline: 0, body: 0, other: tokens.speakers.filter((s) => count(match, [s]) > 0).length };
    case 'section':
      return { headline: 0, body: 0, other: count(match, [tokens.section]) };
    case 'source':
      return { headline: 0, body: 0, other: count(match, [tokens.source]) };
  }
}

function found(f: Frequencies): boolean {
  return f.headline + f.body + f.other > 0;
}

/** Sorted, with overlapping ranges joined, so a caller can highlight them in one pass. */
function merge(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const previous = out[out.length - 1];
    if (previous && start < previous[1]) previous[1] = Math.max(previous[1], end);
    else out.push([start, end]);
  }
  return out;
}

/**
 * The text from word `from` up to word `to` (exclusive) of `text`, white space
 * squeezed to single spaces, `…` where cut, with the spans highlighted.
 */
function cut(text: string, list: readonly Word[], from: number, to: number, spans: readonly Span[]): Snippet {
  const begin = from === 0 ? 0 : (list[from]?.start ?? 0);
  const finish = to >= list.length ? text.length : (list[to - 1]?.end ?? text.length);
  const lead = from > 0 ? '…' : '';
  // Offsets of the original characters in the squeezed text; spans start and
  // end on word characters, never on white space, so every one is mapped.
  const at = new Map<number, number>();
  let out = lead;
  let gap = false;
  for (let i = begin; i < finish; i++) {
    const char = text[i] ?? '';
    if (/\s/.test(char)) {
      gap = out.length > lead.length;
      continue;
    }
    if (gap) out += ' ';
    gap = false;
    at.set(i, out.length);
    out += char;
  }
  const highlights: Array<[number, number]> = [];
  for (const span of spans) {
    if (span.start < from || span.end > to) continue;
    const start = at.get(list[span.start]?.start ?? -1);
    const end = at.get((list[span.end - 1]?.end ?? 0) - 1);
    if (start !== undefined && end !== undefined) highlights.push([start, end + 1]);
  }
  return { text: to < list.length ? out + '…' : out, highlights: merge(highlights) };
}

type Coverage = [groups: number, matches: number, spans: number];

/** How much of the query a set of spans shows: OR groups, then distinct matches, then occurrences. */
function coverage(spans: readonly Span[]): Coverage {
  return [new Set(spans.map((s) => s.group)).size, new Set(spans.map((s) => s.match)).size, spans.length];
}

function better(a: Coverage, b: Coverage): boolean {
  for (let k = 0; k < a.length; k++) {
    if (a[k] !== b[k]) return (a[k] ?? 0) > (b[k] ?? 0);
  }
  return false;
}

/** A snippet of one paragraph around its best cluster of spans. */
function around(text: string, list: readonly Word[], spans: readonly Span[]): Snippet {
  if (list.length <= WHOLE) return cut(text, list, 0, list.length, spans);
  // Windows that open a little before a span come first, so they win ties;
  // windows that close on a span catch matches too far apart for those.
  const starts = [...spans.map((s) => s.start - LEAD), ...spans.map((s) => s.end - WINDOW)];
  let bestStart = 0;
  let best: Coverage = [-1, -1, -1];
  for (const candidate of starts) {
    const start = Math.max(0, Math.min(candidate, list.length - WINDOW));
    const score = coverage(spans.filter((s) => s.start >= start && s.end <= start + WINDOW));
    if (better(score, best)) {
      best = score;
      bestStart = start;
    }
  }
  // A phrase that starts inside the window is shown whole.
  const end = spans.reduce(
    (e, s) => (s.start < bestStart + WINDOW && s.start >= bestStart ? Math.max(e, s.end) : e),
    Math.min(list.length, bestStart + WINDOW),
  );
  return cut(text, list, bestStart, end, spans);
}

function spansIn(wanted: readonly Wanted[], list: readonly Word[]): Span[] {
  return wanted.flatMap(({ match, index, group }) =>
    occurrences(match, list).map(([start, end]): Span => ({ start, end, match: index, group })),
  );
}

/**
 * The snippet, by preference: the body paragraph where the query's unfielded
 * words show best; the headline when they (or `headline:` terms) match only
 * there; the paragraph of a quote by a matching `speaker:`; the opening.
 */
function snippet(article: Article, tokens: Tokens, positives: readonly Wanted[]): Snippet {
  const anywhere = positives.filter((w) => w.match.field === null);
  let bestParagraph = -1;
  let bestSpans: Span[] = [];
  let best: Coverage = [0, 0, 0];
  tokens.body.forEach((list, index) => {
    const spans = spansIn(anywhere, list);
    const score = coverage(spans);
    if (better(score, best)) {
      best = score;
      bestParagraph = index;
      bestSpans = spans;
    }
  });
  const paragraph = article.body[bestParagraph];
  const paragraphWords = tokens.body[bestParagraph];
  if (paragraph !== undefined && paragraphWords !== undefined) return around(paragraph, paragraphWords, bestSpans);

  const inHeadline = spansIn(
    positives.filter((w) => w.match.field === null || w.match.field === 'headline'),
    tokens.headline,
  );
  if (inHeadline.length > 0) return cut(article.headline, tokens.headline, 0, tokens.headline.length, inHeadline);

  const speakers = positives.filter((w) => w.match.field === 'speaker');
  const quote = article.quotes.find((_, index) =>
    speakers.some((w) => count(w.match, [tokens.speakers[index] ?? []]) > 0),
  );
  const quoted = quote === undefined ? undefined : article.body[quote.paragraph];
  const quotedWords = quote === undefined ? undefined : tokens.body[quote.paragraph];
  if (quoted !== undefined && quotedWords !== undefined) {
    // The speaker's name in the paragraph ("Rouhani said") is what to show.
    return around(quoted, quotedWords, spansIn(speakers, quotedWords));
  }

  const opening = article.body.findIndex((_, index) => (tokens.body[index]?.length ?? 0) > 0);
  const first = article.body[opening];
  const firstWords = tokens.body[opening];
  if (first !== undefined && firstWords !== undefined) {
    return cut(first, firstWords, 0, Math.min(firstWords.length, WINDOW), []);
  }
  return cut(article.headline, tokens.headline, 0, tokens.headline.length, []);
}

/** BM25's inverse document frequency, in the form that is never negative. */
function idf(total: number, containing: number): number {
  return Math.log(1 + (total - containing + 0.5) / (containing + 0.5));
}

/**
 * The articles matching the query, best first (ties by slug), each with its
 * BM25F score and a snippet. Frequencies are counted over `articles`, so
 * scores compare within one call only.
 */
export function searchArticles(
  articles: readonly Article[],
  query: Query,
  options: SearchOptions = {},
): SearchHit[] {
  const positives = query.must
    .flatMap((group, index) => group.map((match) => ({ match, group: index })))
    .map((wanted, index): Wanted => ({ ...wanted, index }));
  const all = articles.map((article) => {
    const tokens = tokenize(article);
    return { article, tokens, frequencies: positives.map((w) => frequencies(w.match, tokens)) };
  });
  const total = all.length;
  const averageHeadline = all.reduce((n, a) => n + a.tokens.headline.length, 0) / Math.max(1, total) || 1;
  const averageBody = all.reduce((n, a) => n + a.tokens.bodyLength, 0) / Math.max(1, total) || 1;
  const weights = positives.map((_, index) => {
    const containing = all.filter((a) => {
      const f = a.frequencies[index];
      return f !== undefined && found(f);
    }).length;
    return idf(total, containing);
  });

  const scored: Array<{ article: Article; tokens: Tokens; score: number }> = [];
  for (const { article, tokens, frequencies: perMatch } of all) {
    const matches = query.must.every((_, group) =>
      perMatch.some((f, index) => positives[index]?.group === group && found(f)),
    );
    if (!matches || query.mustNot.some((m) => found(frequencies(m, tokens)))) continue;
    let score = 0;
    perMatch.forEach((f, index) => {
      const headline = f.headline / (1 - B + (B * tokens.headline.length) / averageHeadline);
      const body = f.body / (1 - B + (B * tokens.bodyLength) / averageBody);
      const weighted = HEADLINE_WEIGHT * headline + body + f.other;
      score += ((weights[index] ?? 0) * weighted) / (K1 + weighted);
    });
    scored.push({ article, tokens, score });
  }
  scored.sort((a, b) => b.score - a.score || compare(a.article.slug, b.article.slug));
  const kept = options.limit === undefined ? scored : scored.slice(0, Math.max(0, options.limit));
  return kept.map(({ article, tokens, score }) => ({ article, score, snippet: snippet(article, tokens, positives) }));
}

// Code-unit order, not localeCompare: the same order on every machine.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The snippet `searchArticles` would give this article for this query. */
export function snippetFor(article: Article, query: Query): Snippet {
  const positives = query.must
    .flatMap((group, index) => group.map((match) => ({ match, group: index })))
    .map((wanted, index): Wanted => ({ ...wanted, index }));
  return snippet(article, tokenize(article), positives);
}
