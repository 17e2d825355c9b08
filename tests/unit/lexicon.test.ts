// Evidence from the lexicon (parse/quotes/lexicon.ts) where an article gives
// none: the sex of a first name, that a capitalised word before a name is a
// description, that a place or a header names no one. Every name here is
// invented; the first names are common ones any lexicon of English knows.
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/parse/quotes/extract.js';
import { firstNameGender, isFirstName, namesNoPerson } from '../../src/parse/quotes/lexicon.js';
import { nameParts } from '../../src/parse/quotes/person.js';

const speakers = (body: string[]) => extractQuotes(body).map((q) => q.speaker);

describe('the lexicon', () => {
  it('knows the sex of common first names, and not of words that are none', () => {
    expect(firstNameGender('Margaret')).toBe('f');
    expect(firstNameGender('robert')).toBe('m');
    expect(firstNameGender('Harbour')).toBeNull();
    expect(isFirstName('Helen')).toBe(true);
    expect(isFirstName('Boss')).toBe(false);
  });

  it('knows places, days and months as no one', () => {
    for (const phrase of ['New Zealand', 'Ohio', 'Saturday', 'October']) expect(namesNoPerson(phrase), phrase).toBe(true);
    for (const phrase of ['Margaret Kell', 'Kell']) expect(namesNoPerson(phrase), phrase).toBe(false);
  });
});

describe('a pronoun and the sex of a first name', () => {
  it('gives "she" to the woman named, not to the man who is the subject before her', () => {
    expect(speakers(['Robert Lund introduced Margaret Kell at the town hall.', '"We will open the new wing in the spring," she said.'])).toEqual([
      'Margaret Kell',
    ]);
  });

  it('gives "he" to the man though a woman was named after him', () => {
    expect(speakers(['Peter Quill met Nora Fenn before the vote.', '"The count was fair and it was quick," he said.'])).toEqual(['Peter Quill']);
  });

  it("lets the article's own pronoun overrule the lexicon's guess", () => {
    // The lexicon takes "Adel" for a woman's name; the article says he is a man.
    expect(
      speakers([
        'Adel Varo said he had taught at the school for twenty years.',
        'Nora Fenn, who runs the parents\u2019 group, was not at the meeting.',
        '"Nobody asked the teachers what they wanted," he said.',
      ]),
    ).toEqual(['Adel Varo']);
  });

  it('does not give "she" to a name that is a common phrase rather than a person', () => {
    expect(
      speakers([
        'Ruth Amsel opened the show at the Grand.',
        'Golden Lantern, the paper, praised the staging.',
        '"It was the best night we have had," she said.',
      ]),
    ).toEqual(['Ruth Amsel']);
  });
});

describe('a person without the description before the name', () => {
  it('leaves out a role or a people the lexicon knows, and words before a first name', () => {
    for (const [phrase, name] of [
      ['Boss Peter Quill', 'Peter Quill'],
      ['Broadcaster Helen Marsh', 'Helen Marsh'],
      ['Harbour Radio DJ Sam Tolle', 'Sam Tolle'],
      ['Kell Brothers Margaret Kell', 'Margaret Kell'],
    ]) {
      expect(nameParts(phrase!)?.words.join(' '), phrase).toBe(name);
    }
  });

  it('keeps a first name the lexicon does not know, and a name that is no person', () => {
    expect(nameParts('Ole Gunnar Brekke')?.words.join(' ')).toBe('Ole Gunnar Brekke');
    expect(nameParts('South Harbour Republican')?.words.join(' ')).not.toBe('Harbour Republican');
  });

  it('finds no person in a place, a header in capitals or a people', () => {
    for (const phrase of ['New Zealand', 'Ohio', 'COUNCIL VOTES TO CLOSE THE PARK', 'WHY THE HARBOUR MATTERS Today', 'Harbour Americans']) {
      expect(nameParts(phrase), phrase).toBeNull();
    }
  });
});
