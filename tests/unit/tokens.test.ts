import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lower, tokenize } from '../../src/parse/quotes/tokens.js';
import { collapseSpace } from '../../src/text/space.js';

// The tokenizer and collapseSpace scan character codes for speed; these pin
// them to the patterns they stand for.

/** The words as the pattern in tokens.ts reads them, before abbreviation stops are split off. */
const PATTERN = /[\p{L}\p{N}]+(?:(?:['’.-]|(?<=[A-Z])&(?=[A-Z]))[\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;

const pieces = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'Smith',
      'said',
      'S&P',
      'a&b',
      'U.S.',
      'Sen.',
      'R-Wis.',
      'J.',
      'mr.',
      "it's",
      'don’t',
      'well-known',
      '3.5',
      'é',
      'İ',
      'ǅ',
      '١٢',
      '𝐀',
      '😀',
    ),
  },
  {
    weight: 4,
    arbitrary: fc.constantFrom(' ', '  ', '.', ',', ';', ':', '!', '?', '"', '“', '”', '(', ')', '-', '—', "'", '’', '\t', '\n', '\u00a0', '\u2003', '\ufeff'),
  },
  { weight: 1, arbitrary: fc.constantFrom('\ud800', '\udc00', '\u0301', '\u200b', '\u180e', '\u0085') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);
const text = fc.array(pieces, { maxLength: 16 }).map((parts) => parts.join(''));

describe('tokenize', () => {
  it('reads the words and marks the pattern matches, each with its lower-case form', () => {
    fc.assert(
      fc.property(text, fc.nat(5), (s, offset) => {
        const tokens = tokenize(s, offset);
        const words = [...s.matchAll(PATTERN)].map((m) => ({ text: m[0], start: m.index + offset }));
        // A stop split off a word (it ended a sentence, not an abbreviation) joins it again.
        const read: { text: string; start: number }[] = [];
        tokens.forEach((t, k) => {
          const prev = tokens[k - 1];
          const split = t.text === '.' && prev !== undefined && !prev.punct && prev.end === t.start && !prev.text.endsWith('.');
          if (split) read[read.length - 1]!.text += '.';
          else read.push({ text: t.text, start: t.start });
        });
        expect(read).toEqual(words);
        for (const t of tokens) {
          // An initial keeps its stop in lower case, so that it is never read as a word ("A." is no article).
          expect(t.low).toBe(t.text.length === 2 && /^\p{Lu}\.$/u.test(t.text) ? t.text.toLowerCase() : lower(t.text));
          expect(t.end - t.start).toBe(t.text.length);
          expect(s.slice(t.start - offset, t.end - offset)).toBe(t.text);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('splits a sentence stop from a word but keeps abbreviations and initials', () => {
    expect(tokenize('Sen. John F. Kennedy of the U.S. spoke.').map((t) => t.text)).toEqual([
      'Sen.',
      'John',
      'F.',
      'Kennedy',
      'of',
      'the',
      'U.S.',
      'spoke',
      '.',
    ]);
    expect(tokenize('Ron Kind, D-Wis., said 😀 Élan.').map((t) => [t.text, t.low, t.punct, t.stop])).toEqual([
      ['Ron', 'ron', false, false],
      ['Kind', 'kind', false, false],
      [',', ',', true, false],
      ['D-Wis.', 'd-wis', false, false],
      [',', ',', true, false],
      ['said', 'said', false, false],
      ['😀', '😀', true, false],
      ['Élan', 'élan', false, false],
      ['.', '', true, true],
    ]);
  });

  it('keeps capitals joined by an ampersand as one word, and splits other ampersands', () => {
    expect(tokenize('Rex&Co rated Harbour A&B, said Lind & Varga.').map((t) => t.text)).toEqual([
      'Rex',
      '&',
      'Co',
      'rated',
      'Harbour',
      'A&B',
      ',',
      'said',
      'Lind',
      '&',
      'Varga',
      '.',
    ]);
  });
});

describe('collapseSpace', () => {
  it('gives what replacing runs of white space and trimming gives', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(collapseSpace(s)).toBe(s.replace(/[\s\u00a0]+/g, ' ').trim());
      }),
      { numRuns: 3000 },
    );
  });

  it('returns text that is already collapsed as it is', () => {
    expect(collapseSpace('one two three')).toBe('one two three');
    expect(collapseSpace(' one  two\tthree\u3000')).toBe('one two three');
    expect(collapseSpace('a\u2028b\ufeff')).toBe('a b');
    expect(collapseSpace('')).toBe('');
  });
});
