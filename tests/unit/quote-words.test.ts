// The quote extractor's word lists (src/parse/quotes/words.ts). A list is a
// set, which would hide a word written twice, so each keeps its words as
// written and these tests read that.
import { describe, expect, it } from 'vitest';
import * as words from '../../src/parse/quotes/words.js';

type Written = { readonly written: readonly string[] };
const isList = (value: unknown): value is Written => typeof value === 'object' && value !== null && 'written' in value;
const lists = Object.entries(words).flatMap(([name, value]): [string, Written][] => (isList(value) ? [[name, value]] : []));
const named = new Map(lists);
const writtenOf = (name: string): readonly string[] => {
  const list = named.get(name);
  if (!list) throw new Error(`no word list ${name}`);
  return list.written;
};

describe('quote word lists', () => {
  it('are all found by these tests', () => {
    expect(lists.map(([name]) => name)).toEqual(expect.arrayContaining(['CUE_VERBS', 'PHRASAL_CUES', 'TITLES', 'ABBREVIATIONS', 'TITLE_SMALL_WORDS']));
  });

  it.each(lists)('%s holds no word twice', (_name, list) => {
    const seen = new Set<string>();
    const twice = list.written.filter((word) => seen.has(word) || !seen.add(word));
    expect(twice).toEqual([]);
  });

  it.each(lists)('%s is written in lower case, one word an entry, as the lookups expect', (_name, list) => {
    expect(list.written.length).toBeGreaterThan(0);
    expect(list.written.filter((word) => word !== word.toLowerCase() || /\s/.test(word) || word === '')).toEqual([]);
  });
});

describe('quote word lists that the code reads as exclusive', () => {
  it.each([
    ['MALE_TITLES', 'FEMALE_TITLES', 'a title tells one sex: male titles are read first, so one in both would never make a person "she"'],
    ['PRONOUNS', 'DETERMINERS', 'pronouns are tried first, so a word in both would never open a description'],
    ['CUE_VERBS', 'CUE_PARTICIPLES', 'cue verbs are tried first, so a participle among them would never hang on its clause subject'],
    ['CUE_VERBS', 'ROLE_WORDS', 'role words carry a name over to the next capital: a verb among them would give "Lee said Park" to Park'],
    ['CUE_VERBS', 'PHRASAL_CUES', 'a two-word cue needs its second word: its verb alone would already be a cue'],
  ])('%s and %s share no word (%s)', (a, b) => {
    const other = new Set(writtenOf(b));
    expect(writtenOf(a).filter((word) => other.has(word))).toEqual([]);
  });

  it.each(['MALE_TITLES', 'FEMALE_TITLES'])('every word of %s is also a title, so the cast reads it as one', (name) => {
    const titles = new Set(writtenOf('TITLES'));
    expect(writtenOf(name).filter((word) => !titles.has(word))).toEqual([]);
  });
});
