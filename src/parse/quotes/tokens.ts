// A small word tokenizer for attribution: words keep their abbreviation
// full stops ("Sen.", "U.S.") so sentence ends can be told from them.
import { ABBREVIATIONS, NAME_PARTICLES } from './words.js';

export interface Token {
  text: string;
  /** The text as `lower` gives it, worked out once: every reader of a word compares it in lower case. */
  low: string;
  /** Offset of the token's first character in the text it came from. */
  start: number;
  end: number;
  /** True for punctuation; false for words and numbers. */
  punct: boolean;
  /** True for a full stop, question or exclamation mark that ends a sentence. */
  stop: boolean;
}

// The tokenizer reads words as the pattern
//   [\p{L}\p{N}]+(?:(?:['’.-]|(?<=[A-Z])&(?=[A-Z]))[\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]
// matches them, scanning character codes itself: it runs over every word of
// every article, and a match object per word cost more than the rest of it.
// Each step consumes at least one character, so it stays linear.
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const SPACE_CHAR = /^\s$/u;

const OTHER = 0;
const WORD = 1;
const SPACE = 2;

/** The class of each UTF-16 code unit met so far, plus one (0: not yet known). */
const CLASSES = new Uint8Array(0x10000);

/** Class of a code point: a letter or digit, white space, or anything else. */
function classOf(code: number): number {
  if (code < 0x10000) {
    const known = CLASSES[code] as number;
    if (known !== 0) return known - 1;
  }
  const char = String.fromCodePoint(code);
  const kind = WORD_CHAR.test(char) ? WORD : SPACE_CHAR.test(char) ? SPACE : OTHER;
  if (code < 0x10000) CLASSES[code] = kind + 1;
  return kind;
}

/** The code point at `i` (a lone surrogate stands for itself). */
function codeAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff ? (text.codePointAt(i) as number) : code;
}

/** The end of the word that starts at `i` with a letter or digit. */
function wordEnd(text: string, i: number): number {
  const n = text.length;
  let j = i;
  for (;;) {
    // A run of letters and digits.
    while (j < n) {
      const code = codeAt(text, j);
      if (classOf(code) !== WORD) break;
      j += code > 0xffff ? 2 : 1;
    }
    // A joiner goes on with the word only when a letter or digit follows it.
    if (j + 1 < n) {
      const c = text.charCodeAt(j);
      if ((c === 0x27 || c === 0x2019 || c === 0x2e || c === 0x2d) && classOf(codeAt(text, j + 1)) === WORD) {
        j++;
        continue;
      }
      // Capitals joined by an ampersand are one name: "S&P", "AT&T", "M&S".
      if (c === 0x26 && isAsciiCapital(text.charCodeAt(j - 1)) && isAsciiCapital(text.charCodeAt(j + 1))) {
        j++;
        continue;
      }
    }
    break;
  }
  return j < n && text.charCodeAt(j) === 0x2e ? j + 1 : j;
}

const isAsciiCapital = (code: number): boolean => code >= 0x41 && code <= 0x5a;

function token(text: string, start: number, punct: boolean, stop: boolean): Token {
  // An initial keeps its full stop in lower case too: "Sonya A. Zoghlin" holds no article "a".
  const low = text.length === 2 && text.charCodeAt(1) === 0x2e && isInitial(text.slice(0, 1)) ? text.toLowerCase() : lower(text);
  return { text, low, start, end: start + text.length, punct, stop };
}

/** Plain lower-case ASCII without a full stop: a word `lower` gives back as it is, told without a call. */
function isPlainLowerCase(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c === 46 || c >= 128) return false;
  }
  return true;
}

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = codeAt(text, i);
    const kind = classOf(code);
    const width = code > 0xffff ? 2 : 1;
    if (kind === SPACE) {
      i += width;
      continue;
    }
    const start = i + offset;
    if (kind === OTHER) {
      const mark = text.slice(i, i + width);
      i += width;
      tokens.push(token(mark, start, true, mark === '.' || mark === '!' || mark === '?'));
      continue;
    }
    const end = wordEnd(text, i);
    let word = text.slice(i, end);
    i = end;
    if (word.charCodeAt(word.length - 1) === 0x2e && !keepsStop(word)) {
      word = word.slice(0, -1);
      tokens.push(token(word, start, false, false));
      tokens.push(token('.', start + word.length, true, true));
      continue;
    }
    tokens.push(token(word, start, false, false));
  }
  // A stop before a comma or a lower-case word ("R-Wis., said") ends an
  // abbreviation, not a sentence.
  for (let k = 0; k + 1 < tokens.length; k++) {
    const t = tokens[k] as Token;
    const next = tokens[k + 1] as Token;
    if (t.stop && t.text === '.' && (next.text === ',' || next.text === ';' || (!next.punct && startsLowerCase(next.text)))) {
      t.stop = false;
    }
  }
  return tokens;
}

function startsLowerCase(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 97 && code <= 122;
  return /^\p{Ll}/u.test(word);
}

function keepsStop(word: string): boolean {
  const bare = word.slice(0, -1);
  if (bare.includes('.')) return true; // U.S., D.C.
  if (isInitial(bare)) return true; // an initial: "John F. Kennedy"
  const dash = bare.lastIndexOf('-');
  return ABBREVIATIONS.has((dash < 0 ? bare : bare.slice(dash + 1)).toLowerCase());
}

/** Is the word one capital letter: an initial? */
function isInitial(bare: string): boolean {
  const code = bare.charCodeAt(0);
  if (bare.length === 1 && code < 128) return code >= 65 && code <= 90;
  return bare.length <= 2 && /^\p{Lu}$/u.test(bare);
}
const NAME_PARTICLE = new RegExp(`^(?:${[...NAME_PARTICLES].join('|')})-\\p{Lu}`, 'u');

// Called for nearly every word of every article: plain ASCII is decided
// without a regular expression.
export function isCapitalized(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code >= 0x41 && code <= 0x5a) return true;
  if (code < 0x80 && !(code >= 0x61 && code <= 0x7a && word.includes('-'))) return false;
  return /^\p{Lu}/u.test(word) || NAME_PARTICLE.test(word);
}

export function lower(word: string): string {
  if (isPlainLowerCase(word)) return word;
  const folded = word.toLowerCase();
  return folded.endsWith('.') ? folded.slice(0, -1) : folded;
}

/** Does this token end a sentence (a stop, question or exclamation mark)? */
export const endsSentence = (t: Token | undefined): boolean => t !== undefined && t.stop;

/** "host" before a full name is a role ("That's Life host Esther Rantzen"); before one name it is a verb ("Bolton host Arsenal"). */
export function hostsName(tokens: readonly Token[], k: number): boolean {
  const name = (t: Token | undefined): boolean => t !== undefined && !t.punct && isCapitalized(t.text);
  return tokens[k]?.low === 'host' && name(tokens[k + 1]) && name(tokens[k + 2]);
}
