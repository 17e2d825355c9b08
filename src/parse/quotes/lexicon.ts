// What an English word alone most often is, by a maintained lexicon
// (lexicon-source.ts): a woman's or a man's first name, a role ("minister",
// "boss"), a people ("Swede"), a place, a sports team, a day or a month, or
// a common noun or adjective.
// The quote rules use it as evidence a single article may not give: the sex
// of "Dana" when no title or pronoun has told it, that "Broadcaster" before
// "Chris Evans" is no part of his name, that "Ohio" is no one.
import { lexiconText, type WordClass } from './lexicon-source.js';

export type { WordClass } from './lexicon-source.js';

let table: Map<string, WordClass> | null = null;

function classes(): Map<string, WordClass> {
  if (table !== null) return table;
  table = new Map();
  for (const pair of lexiconText().split(',')) {
    const colon = pair.lastIndexOf(':');
    table.set(pair.slice(0, colon), pair.slice(colon + 1) as WordClass);
  }
  return table;
}

/** The class of a word or phrase (any case, single spaces), or undefined when the lexicon does not know it. */
export function wordClass(word: string): WordClass | undefined {
  // Most callers pass a token's lower-case form: one lookup, and a second only for a word in capitals.
  const table = classes();
  const found = table.get(word);
  if (found !== undefined) return found;
  const low = word.toLowerCase();
  return low === word ? undefined : table.get(low);
}

/** The class of a word or phrase already in lower case with single spaces: one lookup, for the hot paths. */
export function lowerClass(low: string): WordClass | undefined {
  return classes().get(low);
}

/** The sex a first name most often has, or null when the lexicon does not say. */
export function firstNameGender(word: string): 'm' | 'f' | null {
  const c = wordClass(word);
  return c === 'm' ? 'm' : c === 'f' ? 'f' : null;
}

/** Is the class a first name's, of either sex? */
export function isFirstNameClass(c: WordClass | undefined): boolean {
  return c === 'm' || c === 'f' || c === 'n';
}

/** Is the word a first name, of either sex? */
export function isFirstName(word: string): boolean {
  return isFirstNameClass(wordClass(word));
}

/** Does the lexicon know the word as something other than a first name: a common word, a role, a people, a place, a team, a day? */
export function isNoNameWord(word: string): boolean {
  const c = wordClass(word);
  return c !== undefined && !isFirstNameClass(c);
}

/** Does the phrase (lower case, single spaces) name a place, a sports team, a day or a month: never a person speaking? */
export function namesNoPerson(low: string): boolean {
  const c = lowerClass(low);
  return c === 'p' || c === 't' || c === 'w';
}
