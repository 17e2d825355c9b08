// Snippets of the articles too large for FTS5's snippet() (SNIPPET_BYTES),
// cut here by FTS5's own rules: the same windows of SNIPPET_TOKENS words,
// scored alike (1000 for each phrase of the query a window holds, 1 for each
// further match, 100 for starting at a sentence, 120 at the column's start),
// the same '…' ends and the same marked matches. FTS5 weighs the window around every
// match of an article against all its matches, which grows with the square
// of the matches; here only the windows around the first MAX_CANDIDATES
// matches of each column, within SCAN_AFTER words of its first, are weighed,
// and a column is read no further than that: the cost grows with where the
// first match stands, not with the article.
import { SNIPPET_TOKENS, type ColumnPieces } from '../index/article-index.js';
import type { Snippet } from '../model.js';
import { fold, words, type Word } from '../text/fold.js';
import type { FtsPhrase } from './fts.js';

/** Matches of a column whose windows are weighed, at most. */
const MAX_CANDIDATES = 64;
/** Words after a column's first match within which its matches' windows are weighed. */
const SCAN_AFTER = 1000;
/** Text is split into words about this many characters at a time (cut at white space). */
const CHUNK = 1 << 15;
/** Of a chunk without a word of the query, only about this many last characters are read. */
const TAIL = 1 << 10;

const hasWord = (text: string) => /[a-z0-9]/i.test(text) || words(text).length > 0;

interface Token {
  word: string;
  /** Offsets in the column's text. */
  start: number;
  end: number;
  /** Whether it starts a sentence, as FTS5's snippet() sees one. */
  sentence: boolean;
}

interface Instance {
  /** Index of the phrase in the query. */
  phrase: number;
  /** Position of its first word in the column, and its word count. */
  at: number;
  size: number;
}

/** What was read of a column. */
interface Scan {
  /** The chunks of the column's text read (chunks()), with their offsets. */
  read: Array<readonly [number, string]>;
  /** The words read, from position `first` on (words far before a match are let go). */
  tokens: Token[];
  first: number;
  /** The column's word count; Infinity when it was not read to its end. */
  size: number;
  /** The matches read, by position. */
  instances: Instance[];
  /** The first `candidates` of `instances` are those whose windows are weighed. */
  candidates: number;
}

/** FTS5's white space, around the end of a sentence. */
const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/** The offset of a white space character at or before `at` (after `from`), else at or after it, else the text's end. */
function spaceNear(text: string, at: number, from: number): number {
  for (let k = at; k > from; k--) if (isSpace(text.charCodeAt(k))) return k;
  const space = /[ \t\n\r]/g;
  space.lastIndex = at;
  return space.exec(text)?.index ?? text.length;
}

/**
 * A column's text (its pieces joined by line breaks), a chunk of about
 * CHUNK characters at a time, each cut at white space (so between words),
 * with its offset: only what is read is joined.
 */
function* chunks(pieces: readonly string[]): Generator<[offset: number, chunk: string]> {
  let offset = 0;
  let buffer = '';
  for (let piece = 0; piece < pieces.length; piece++) {
    buffer += (piece > 0 ? '\n' : '') + pieces[piece]!;
    while (buffer.length > CHUNK) {
      const cut = spaceNear(buffer, CHUNK, 0);
      // No white space after the first CHUNK characters yet: the next piece's line break is some.
      if (cut >= buffer.length) break;
      yield [offset, buffer.slice(0, cut)];
      offset += cut;
      buffer = buffer.slice(cut);
    }
  }
  yield [offset, buffer];
}

/** The column's text from `from` to `to`, out of the chunks read. */
function textOf(read: ReadonlyArray<readonly [number, string]>, from: number, to: number): string {
  let text = '';
  for (const [offset, chunk] of read) {
    if (offset + chunk.length <= from) continue;
    if (offset >= to) break;
    text += chunk.slice(Math.max(0, from - offset), to - offset);
  }
  return text;
}

/**
 * The white space and punctuation between two words, as much as a sentence
 * start depends on: whether it ends in white space, and the last other
 * character before that.
 */
interface Gap {
  spaceAtEnd: boolean;
  lastOther: string | null;
}

/** The gap with `text` after it; reads only the white space `text` ends with. */
function extend(gap: Gap, text: string): Gap {
  let i = text.length - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  if (i < 0) return text.length === 0 ? gap : { spaceAtEnd: true, lastOther: gap.lastOther };
  return { spaceAtEnd: i < text.length - 1, lastOther: text[i]! };
}

const AFTER_WORD: Gap = { spaceAtEnd: false, lastOther: null };

/** FTS5's rule: a word after white space after a full stop or a colon starts a sentence. */
const startsSentence = (gap: Gap) => gap.spaceAtEnd && (gap.lastOther === '.' || gap.lastOther === ':');

/**
 * Whether a text may hold a word of the phrases: every word of a match, or
 * the start of it, is in the text as folded. A word of ASCII letters is
 * looked for as it is, without case; the runs of text (between white space)
 * with other characters in them are folded to be looked in.
 */
function mayHold(text: string, any: RegExp, words: readonly string[]): boolean {
  if (any.test(text)) return true;
  const other = /[^\x00-\x7f]/g;
  for (let found = other.exec(text); found !== null; found = other.exec(text)) {
    let start = found.index;
    while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
    let end = found.index + 1;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    const folded = fold(text.slice(start, end));
    if (words.some((word) => folded.includes(word))) return true;
    other.lastIndex = end;
  }
  return false;
}

function scanColumn(pieces: readonly string[], column: number, phrases: readonly FtsPhrase[], length: number): Scan {
  const mine = phrases.flatMap((phrase, id) => (phrase.columns.includes(column) ? [{ ...phrase, id }] : []));
  const longest = mine.reduce((most, phrase) => Math.max(most, phrase.words.length), 1);
  const scan: Scan = { read: [], tokens: [], first: 0, size: Infinity, instances: [], candidates: 0 };
  const { read, tokens, instances } = scan;
  const wanted = [...new Set(mine.flatMap((phrase) => phrase.words))];
  const any = new RegExp(wanted.join('|'), 'i');
  // Before the first match, only the words a window around it may start at are kept.
  const keep = 2 * length + longest;
  // Matches starting before `weighUntil` are candidates; words up to `readUntil` are read.
  let weighUntil = Infinity;
  // Without phrases, the first window, and whether a word follows it.
  let readUntil = mine.length === 0 ? length + 1 : Infinity;
  let position = 0;
  let gap = AFTER_WORD;
  const endsHere = (words: readonly string[], prefix: boolean) =>
    words.every((want, k) => {
      const word = tokens[tokens.length - words.length + k]?.word;
      return word !== undefined && (prefix && k === words.length - 1 ? word.startsWith(want) : word === want);
    });
  for (const [offset, chunk] of chunks(pieces)) {
    read.push([offset, chunk]);
    let from = 0;
    let found: Word[] | null = null;
    // A chunk with no word of the phrases before the first match: only its last words are read.
    if (instances.length === 0 && mine.length > 0 && chunk.length > TAIL && !mayHold(chunk, any, wanted)) {
      const cut = spaceNear(chunk, chunk.length - TAIL, 0);
      const last = words(chunk.slice(cut));
      const skipped = chunk.slice(0, cut);
      if (last.length > keep && hasWord(skipped)) {
        gap = extend(gap, skipped);
        // Its words are not counted: positions need only be right from one another, and not 0.
        position++;
        tokens.length = 0;
        read.splice(0, read.length - 1);
        scan.first = position;
        from = cut;
        found = last;
      }
    }
    let after = from;
    for (const word of found ?? words(chunk)) {
      const start = from + word.start;
      gap = extend(gap, chunk.slice(after, start));
      after = from + word.end;
      tokens.push({ word: word.word, start: offset + start, end: offset + after, sentence: position === 0 || startsSentence(gap) });
      gap = AFTER_WORD;
      for (const phrase of mine) {
        if (position + 1 < phrase.words.length || !endsHere(phrase.words, phrase.prefix)) continue;
        const at = position + 1 - phrase.words.length;
        instances.push({ phrase: phrase.id, at, size: phrase.words.length });
        if (at >= weighUntil) continue;
        scan.candidates++;
        if (scan.candidates === 1) weighUntil = at + SCAN_AFTER;
        if (scan.candidates === MAX_CANDIDATES) weighUntil = at + 1;
        // Every window of a candidate ends within two windows after it.
        readUntil = weighUntil + 2 * length + longest;
      }
      position++;
      if (position >= readUntil) return finish(scan);
      if (instances.length === 0 && tokens.length > 4 * keep) {
        const drop = tokens.length - keep;
        tokens.splice(0, drop);
        scan.first += drop;
        while (read.length > 1 && read[1]![0] <= tokens[0]!.start) read.shift();
      }
    }
    gap = extend(gap, chunk.slice(after));
  }
  scan.size = position;
  return finish(scan);
}

function finish(scan: Scan): Scan {
  // Matches are found as their last word is read: a longer phrase's may start before a shorter one's.
  scan.instances.sort((a, b) => a.at - b.at || a.phrase - b.phrase);
  return scan;
}

/**
 * FTS5's score of the window of `length` words from `from`, and, when
 * `adjust`, where to start it so that its matches are in its middle.
 */
function weigh(scan: Scan, from: number, length: number, adjust: boolean): { score: number; start: number } {
  const seen = new Set<number>();
  let score = 0;
  let first = -1;
  let last = 0;
  for (const instance of scan.instances) {
    if (instance.at < from || instance.at >= from + length) continue;
    score += seen.has(instance.phrase) ? 1 : 1000;
    seen.add(instance.phrase);
    if (first < 0) first = instance.at;
    last = instance.at + instance.size;
  }
  if (!adjust) return { score, start: from };
  let start = first - Math.trunc((length - (last - first)) / 2);
  if (start + length > scan.size) start = scan.size - length;
  return { score, start: Math.max(0, start) };
}

/** The window FTS5's snippet() would show: its column and first word. */
function bestWindow(scans: readonly Scan[], length: number): { column: number; start: number } {
  let best = { score: 0, column: 0, start: 0 };
  scans.forEach((scan, column) => {
    const sentences = scan.tokens.flatMap((token, k) => (token.sentence ? [scan.first + k] : []));
    for (const instance of scan.instances.slice(0, scan.candidates)) {
      const around = weigh(scan, instance.at, length, true);
      if (around.score > best.score) best = { score: around.score, column, start: around.start };
      if (sentences.length === 0 || scan.size <= length) continue;
      // The sentence the match is in, from its start.
      const sentence = sentences.findLast((at) => at <= instance.at);
      if (sentence === undefined || sentence >= instance.at) continue;
      const from = weigh(scan, sentence, length, false);
      const score = from.score + (sentence === 0 ? 120 : 100);
      if (score > best.score) best = { score, column, start: sentence };
    }
  });
  return best;
}

/**
 * The snippet of an article's columns for a query's phrases (`ftsPhrases`),
 * as FTS5's snippet(fts, -1, …, '…', length) makes it, the matches marked.
 */
export function cutSnippet(columns: ColumnPieces, phrases: readonly FtsPhrase[], length = SNIPPET_TOKENS): Snippet {
  const scans = columns.map((pieces, column) => scanColumn(pieces, column, phrases, length));
  const { column, start } = bestWindow(scans, length);
  // With no match at all, the first column's first window: read again, from its start.
  const scan = scans[column]!.instances.length > 0 ? scans[column]! : scanColumn(columns[column] ?? [], column, [], length);
  const last = start + length - 1;
  const tokenAt = (position: number) => scan.tokens[position - scan.first];
  const first = tokenAt(start);
  const end = last >= scan.size - 1 ? undefined : tokenAt(last);
  if (first === undefined) return { text: '', highlights: [] };

  // The text from the window's first word (from the column's start, for the first window) to its last (or the column's end).
  const from = start === 0 ? 0 : first.start;
  const ellipsis = start > 0 ? '…' : '';
  const text = ellipsis + textOf(scan.read, from, end === undefined ? Infinity : end.end) + (end === undefined ? '' : '…');
  const offsetOf = (token: Token, edge: 'start' | 'end') => ellipsis.length + token[edge] - from;

  // Overlapping matches are marked as one; a match that starts before the window is not marked, one that runs past its end is cut there.
  const highlights: Array<[number, number]> = [];
  let open: { at: number; end: number } | null = null;
  const mark = () => {
    if (open === null || open.at < start || open.at > last) return;
    const a = tokenAt(open.at);
    const b = tokenAt(Math.min(open.end, last, scan.size - 1));
    if (a !== undefined && b !== undefined) highlights.push([offsetOf(a, 'start'), offsetOf(b, 'end')]);
  };
  for (const instance of scan.instances) {
    const instanceEnd = instance.at + instance.size - 1;
    if (open !== null && instance.at <= open.end) open.end = Math.max(open.end, instanceEnd);
    else {
      mark();
      open = { at: instance.at, end: instanceEnd };
    }
  }
  mark();
  return { text, highlights };
}
