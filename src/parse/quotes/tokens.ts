// A small word tokenizer for attribution: words keep their abbreviation
// full stops ("Sen.", "U.S.") so sentence ends can be told from them.
import { ABBREVIATIONS, NAME_PARTICLES } from './words.js';

export interface Token {
  text: string;
  /** Offset of the token's first character in the text it came from. */
  start: number;
  end: number;
  /** True for punctuation; false for words and numbers. */
  punct: boolean;
  /** True for a full stop, question or exclamation mark that ends a sentence. */
  stop: boolean;
}

// Linear: every alternative consumes at least one character and the word
// pattern has no nested quantifiers that could backtrack.
const TOKEN = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;

/** Whether a token is a word: ASCII is told by its code, the rest by its Unicode class. */
function startsWord(token: string): boolean {
  const code = token.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /^[\p{L}\p{N}]/u.test(token);
}

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index + offset;
    let word = m[0];
    const isWord = startsWord(word);
    if (isWord && word.endsWith('.') && !keepsStop(word)) {
      word = word.slice(0, -1);
      tokens.push({ text: word, start, end: start + word.length, punct: false, stop: false });
      tokens.push({ text: '.', start: start + word.length, end: start + word.length + 1, punct: true, stop: true });
      continue;
    }
    tokens.push({ text: word, start, end: start + word.length, punct: !isWord, stop: !isWord && (word === '.' || word === '!' || word === '?') });
  }
  // A stop before a comma or a lower-case word ("R-Wis., said") ends an
  // abbreviation, not a sentence.
  for (let k = 0; k + 1 < tokens.length; k++) {
    const t = tokens[k] as Token;
    const next = tokens[k + 1] as Token;
    if (t.stop && t.text === '.' && (next.text === ',' || next.text === ';' || (!next.punct && /^\p{Ll}/u.test(next.text)))) {
      t.stop = false;
    }
  }
  return tokens;
}

function keepsStop(word: string): boolean {
  const bare = word.slice(0, -1);
  if (bare.includes('.')) return true; // U.S., D.C.
  if (/^\p{Lu}$/u.test(bare)) return true; // an initial: "John F. Kennedy"
  return ABBREVIATIONS.has((bare.split('-').pop() ?? bare).toLowerCase());
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
  const folded = word.toLowerCase();
  return folded.endsWith('.') ? folded.slice(0, -1) : folded;
}

/** Does this token end a sentence (a stop, question or exclamation mark)? */
export const endsSentence = (t: Token | undefined): boolean => t !== undefined && t.stop;
