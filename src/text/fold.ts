// Folding and word splitting shared by the query parser and the matcher: a
// query word and an article word are equal exactly when they fold alike, so
// both sides must go through this one module.

/** A word of a text: its folded form and where it stands in the original. */
export interface Word {
  /** The folded word: lowercase, diacritics removed. */
  word: string;
  /** UTF-16 offset of its first character in the original string. */
  start: number;
  /** UTF-16 offset just past its last character (combining marks included). */
  end: number;
}

// Letters NFKD leaves whole although readers treat them as a base letter with
// a mark (ø, ł) or as two letters (ß, æ). ς is here because a final sigma must
// equal σ whatever its position in the word.
const EXTRA: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ς: 'σ',
};

const MARKS = /\p{M}/gu;
const MARK = /^\p{M}$/u;
const WORD_TEXT = /^[\p{L}\p{N}]+$/u;

/**
 * A code point's folded text: '' for a combining mark (it belongs to the word
 * before it), null for a separator, otherwise letters and digits.
 */
type Folded = string | null;

const ascii: Folded[] = Array.from({ length: 128 }, (_, code) => {
  if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 0x20);
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return String.fromCharCode(code);
  return null;
});

const cache = new Map<number, Folded>();

function foldCodePoint(code: number): Folded {
  if (code < 128) return ascii[code] ?? null;
  const known = cache.get(code);
  if (known !== undefined) return known;
  const char = String.fromCodePoint(code);
  let folded = char.normalize('NFKD').replace(MARKS, '').toLowerCase();
  folded = EXTRA[folded] ?? folded;
  // A compatibility decomposition can mix word and non-word characters
  // (½ → 1⁄2); such a character is treated as a separator.
  const result: Folded = folded === '' ? (MARK.test(char) ? '' : null) : WORD_TEXT.test(folded) ? folded : null;
  cache.set(code, result);
  return result;
}

/**
 * The text folded for comparison: lowercase, diacritics removed (NFKD without
 * combining marks), separators kept as they are.
 */
export function fold(text: string): string {
  // Replacements build one flat string; adding a character at a time would
  // build a rope of one node a character, which holds many times the text's
  // memory until it is flattened.
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase()).replace(/[^\x00-\x7f]/gu, (char) => foldCodePoint(char.codePointAt(0) ?? 0) ?? char);
}

/**
 * The words of a text, folded, with their offsets in the original string so a
 * caller can highlight them. A word is a run of letters and digits after
 * folding: apostrophes, hyphens and all other punctuation separate words.
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  // An ASCII word is sliced and lowercased at its end rather than built one
  // character at a time: most words are ASCII, and it spares the garbage.
  let built: string | null = null;
  let start = -1;
  let end = -1;
  const finish = (): void => {
    if (start >= 0) out.push({ word: built ?? text.slice(start, end).toLowerCase(), start, end });
    built = null;
    start = -1;
  };
  for (let i = 0; i < text.length;) {
    const code = text.codePointAt(i) ?? 0;
    const size = code > 0xffff ? 2 : 1;
    const folded = foldCodePoint(code);
    if (folded === null) {
      finish();
    } else {
      if (start < 0 && folded !== '') start = i;
      if (start >= 0) {
        if (code >= 128 && built === null) built = text.slice(start, i).toLowerCase();
        if (built !== null) built += folded;
        end = i + size;
      }
    }
    i += size;
  }
  finish();
  return out;
}
