// Raw text articles → headline, section, source and paragraphs. Pure: the
// caller reads and decodes the file (src/text/encoding.ts).
//
// Two forms are read, told apart per file by the shape of its opening lines:
//
// - the common form of news archives: the headline on the first line, then
//   paragraphs separated by blank lines;
// - the scraped form of web pages: a few short label lines (a section name,
//   a bare counter), the headline repeated on consecutive lines, the body,
//   and the site's name on a line of its own at the end. The labels and the
//   site name become front matter; the counters and repeats are dropped.
import { decodeEntities } from '../text/entities.js';
import { dateLineDate, detectDateline, isoDateOf } from './dateline.js';
import { collapseSpace } from '../text/space.js';

export interface RawArticle {
  headline: string;
  /** The section a scraped page was filed under, e.g. "National"; null when not given. */
  section: string | null;
  /** The site a scraped page came from, as written, e.g. "Financialtribune.com"; null when not given. */
  source: string | null;
  /**
   * The date the opening lines give (a line that is only a date, "Published:
   * 3 March 2016", a dateline's date with its year) as an ISO date, the day
   * as written; null when they give none. Optional for articles made by hand.
   */
  date?: string | null;
  /** The body's paragraphs, white space inside each folded to single spaces. */
  paragraphs: string[];
}

/** Text that cannot be read as an article; the message says why. */
export class RawTextError extends Error {
  override name = 'RawTextError';
}

/** A headline longer than this is a paragraph, not a headline. */
export const MAX_HEADLINE_LENGTH = 300;

const COUNTER = /^\d{1,9}$/;
const SITE_NAME = /^(?:https?:\/\/)?(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\/?$/i;
const HAS_WORD = /[\p{L}\p{N}]/u;

/** A scraper's label line: a bare counter, or a short name such as "National" or "World News". */
function isLabel(line: string): boolean {
  if (COUNTER.test(line)) return true;
  return line.length <= 40 && line.split(' ').length <= 4 && /\p{L}/u.test(line) && !/[.!?:;,"“”]/.test(line);
}

function isHeadline(line: string): boolean {
  return line.length <= MAX_HEADLINE_LENGTH && HAS_WORD.test(line);
}

interface ScrapedOpening {
  /** Index in the non-blank lines of the (first) headline line. */
  headline: number;
  /** Index in the non-blank lines of the first body line. */
  body: number;
}

/**
 * The scraped form opens with at most three label lines, then the headline
 * repeated on consecutive non-blank lines (or, without the repeat, a section
 * name and a bare counter before it).
 */
function scrapedOpening(nonBlank: readonly string[]): ScrapedOpening | null {
  for (let i = 0; i <= 3 && i + 1 < nonBlank.length; i++) {
    if (i > 0 && !isLabel(nonBlank[i - 1]!)) break;
    const line = nonBlank[i]!;
    if (COUNTER.test(line) || !isHeadline(line) || nonBlank[i + 1] !== line) continue;
    let body = i + 1;
    while (nonBlank[body] === line) body++;
    return { headline: i, body };
  }
  if (nonBlank.length > 3 && !COUNTER.test(nonBlank[0]!) && isLabel(nonBlank[0]!) && COUNTER.test(nonBlank[1]!)) {
    return { headline: 2, body: 3 };
  }
  return null;
}

/**
 * Paragraphs from lines: blank lines separate them; with no blank line at
 * all, each line is one. Between blank lines, the lines of a hard-wrapped
 * paragraph are joined, but lines that end their sentences are paragraphs of
 * their own: archives often break paragraphs with a single line end.
 */
function paragraphsOf(all: readonly string[]): string[] {
  let start = 0;
  let end = all.length;
  while (start < end && all[start] === '') start++;
  while (end > start && all[end - 1] === '') end--;
  const lines = all.slice(start, end);
  if (!lines.includes('')) return lines;
  const out: string[] = [];
  let block: string[] = [];
  const flush = () => {
    if (isWrapped(block)) out.push(block.join(' '));
    // One line at a time: a block of 200,000 lines overflows the stack as push() arguments.
    else for (const line of block) out.push(line);
    block = [];
  };
  for (const line of lines) {
    if (line !== '') block.push(line);
    else if (block.length > 0) flush();
  }
  if (block.length > 0) flush();
  return out;
}

/** A date line is looked for among this many non-blank lines after the headline. */
const DATE_LINES = 3;
/** A line longer than this is a paragraph: no date line is looked for after it. */
const DATE_LINE_LENGTH = 80;

/**
 * The date the body's opening lines give: a line of only a date (taken out of
 * the body: it is front matter, not text) among the first few, else the date
 * of a dateline opening the body when it has a year (the dateline stays).
 */
function openingDate(body: readonly string[]): { date: string | null; body: readonly string[] } {
  let seen = 0;
  for (let i = 0; i < body.length && seen < DATE_LINES; i++) {
    const line = body[i]!;
    if (line === '') continue;
    seen++;
    const date = dateLineDate(line);
    if (date !== null) return { date, body: [...body.slice(0, i), ...body.slice(i + 1)] };
    if (line.length > DATE_LINE_LENGTH) break;
  }
  const first = body.find((line) => line !== '');
  const written = first === undefined ? null : (detectDateline(first)?.dateline.date ?? null);
  return { date: written === null ? null : isoDateOf(written), body };
}

const SENTENCE_END = /[.!?:;)\]"”’']$/;

/** Hard-wrapped text breaks lines mid-sentence: most of its lines, the last aside, do not end one. */
function isWrapped(block: readonly string[]): boolean {
  if (block.length < 2) return true;
  const inner = block.slice(0, -1);
  return inner.filter((line) => SENTENCE_END.test(line)).length * 2 < inner.length;
}

/**
 * Reads a raw text article (decoded; any line ends) in either form. Throws
 * RawTextError when the text has no headline or no body, or is not text.
 */
export function parseRawText(text: string): RawArticle {
  if (text.includes('\0')) throw new RawTextError('binary file (NUL bytes), not text');
  // No-break spaces and other Unicode spaces fold like spaces; a line of them is blank.
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n?|\n/)
    .map(collapseSpace);
  const nonBlank: string[] = [];
  const lineOf: number[] = [];
  lines.forEach((line, i) => {
    if (line !== '') {
      nonBlank.push(line);
      lineOf.push(i);
    }
  });
  if (nonBlank.length === 0) throw new RawTextError('empty: no text in the file');

  const scraped = scrapedOpening(nonBlank);
  if (scraped) {
    const labels = nonBlank.slice(0, scraped.headline).filter((line) => !COUNTER.test(line));
    let end = lines.length;
    let source: string | null = null;
    const last = nonBlank.length - 1;
    if (last >= scraped.body && SITE_NAME.test(nonBlank[last]!)) {
      source = nonBlank[last]!;
      end = lineOf[last]!;
    }
    const start = scraped.body < nonBlank.length ? lineOf[scraped.body]! : lines.length;
    const { date, body } = openingDate(lines.slice(start, end));
    const paragraphs = paragraphsOf(body);
    if (paragraphs.length === 0) throw new RawTextError('no body: nothing after the headline');
    return {
      headline: cleanHeadline(nonBlank[scraped.headline]!),
      section: labels.length > 0 ? labels.join(', ') : null,
      source,
      date,
      paragraphs,
    };
  }

  const first = nonBlank[0]!;
  if (first.length > MAX_HEADLINE_LENGTH) {
    throw new RawTextError(`no headline: the first line is ${first.length} characters long, a paragraph rather than a headline`);
  }
  if (!HAS_WORD.test(first)) throw new RawTextError('no headline: the first line has no letters or digits');
  const { date, body } = openingDate(lines.slice(lineOf[0]! + 1));
  const paragraphs = paragraphsOf(body);
  if (paragraphs.length === 0) throw new RawTextError('no body: nothing after the headline');
  return { headline: cleanHeadline(first), section: null, source: null, date, paragraphs };
}

// Archives that join a headline and its deck with "; " leave the semicolon at
// the end of the headline line.
// A headline scraped from a page's title may keep HTML's character references
// ("&#163;8m"); the body is kept word for word.
const cleanHeadline = (line: string) => decodeEntities(line).replace(/\s*;$/, '');

// Letters that Unicode decomposition does not take apart into ASCII.
const LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ŧ: 't',
  ħ: 'h',
};

/** Slugs are at most this many words and characters. */
export const SLUG_MAX_WORDS = 6;
export const SLUG_MAX_LENGTH = 60;

/**
 * A file name from a headline: its first few words in lower case, joined
 * by "-"; Latin letters folded to ASCII ("Zürich" → "zurich"), the letters
 * of other scripts kept as they are ("Новости дня" → "новости-дня"), so
 * that a headline in any script names its article; "article" when no
 * letter or digit is left.
 */
export function headlineSlug(headline: string): string {
  const folded = headline
    .normalize('NFKD')
    // Only a Latin letter's marks are taken off: in other scripts a mark is part of the letter ("й", Devanagari vowel signs).
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[ßæøœđðłþıŧħ]/g, (letter) => LETTERS[letter] ?? '')
    // "Iran's" → "irans", not "iran-s".
    .replace(/['’‘ʼ`]/g, '');
  const words = folded.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
  let slug = '';
  for (const word of words.slice(0, SLUG_MAX_WORDS)) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > SLUG_MAX_LENGTH) {
      if (slug === '') slug = word.slice(0, SLUG_MAX_LENGTH);
      break;
    }
    slug = next;
  }
  return slug === '' ? 'article' : slug;
}
