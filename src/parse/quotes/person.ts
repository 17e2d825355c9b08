// Who a quote's speaker is, as one name per person in the article: the
// fullest name the article gives them, without titles or descriptions, so
// that "Sen. Jo Varga", "Varga" and "Mr. Varga" are all "Jo Varga". The
// speaker itself stays as the article names them; this is what a library
// counts and matches people by (src/search/speakers.ts).
import type { Quote } from '../../model.js';
import { genderOf } from './speakers.js';
import { isCapitalized, lower, tokenize, type Token } from './tokens.js';
import { CAPITAL_FUNCTION_WORDS, DESCRIPTION_OPENERS, GROUP_HEADS, NAME_PARTICLES, ORG_HEADS, PRONOUNS, ROLE_WORDS, TITLES } from './words.js';

type Gender = 'm' | 'f' | null;

/** A speaker phrase or a mention read as a name: its words without titles, and the sex its titles tell. */
export interface NameParts {
  words: string[];
  /** Where the name proper starts in the phrase as written: its title, when it has one. */
  titled: string | null;
  gender: Gender;
}

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/**
 * Capitalised words that describe the person a name follows, as titles and
 * role words do ("Democrat Jo Varga", "Rival Jo Varga"): never a first name.
 */
const AFFILIATIONS = new Set(['democrat', 'democratic', 'republican', 'gop', 'labour', 'tory', 'independent', 'rival', 'presumptive', 'neither', 'nor']);
const MALE_PRONOUNS = new Set(['he', 'him', 'his', 'himself']);
const FEMALE_PRONOUNS = new Set(['she', 'her', 'hers', 'herself']);

const bare = (word: string): string => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '').replace(/['’]s$/u, '');
/** Titles of local office and the police, which the extractor's list leaves out. */
const MORE_TITLES = new Set(['councillor', 'councilor', 'cllr', 'alderman', 'inspector', 'detective', 'sergeant', 'constable', 'superintendent']);
const isTitle = (word: string): boolean => TITLES.has(lower(word)) || MORE_TITLES.has(lower(word));
/** A word that ends a description before a name: a title, a role, an affiliation. */
const describes = (word: string): boolean => isTitle(word) || ROLE_WORDS.has(lower(word)) || AFFILIATIONS.has(lower(word));
const isParticle = (word: string): boolean => NAME_PARTICLES.has(word);
const isShouted = (word: string): boolean => /^\p{Lu}[\p{Lu}.&-]+$/u.test(word);

/**
 * The surname of a person's name: its last word, a suffix ("Jr.") passed
 * over, lower case. Null for a name without a word.
 */
export function surnameOf(name: string): string | null {
  const words = name.split(/\s+/).map(bare).filter(Boolean);
  let k = words.length - 1;
  while (k > 0 && SUFFIXES.has(lower(words[k]!))) k--;
  return k >= 0 ? lower(words[k]!) : null;
}

/**
 * The name in a speaker phrase: the run of capitalised words it ends with,
 * after its last title or lower-case description word ("Texas Sen. Jo
 * Varga" → Jo Varga). Null when the phrase is a description ("a Varga
 * spokesman", "the city engineer"), a pronoun, an organisation or a group.
 */
export function nameParts(phrase: string): NameParts | null {
  const words = phrase.split(/\s+/).map(bare).filter(Boolean);
  const first = words[0];
  if (first === undefined || DESCRIPTION_OPENERS.has(lower(first))) return null;
  if (words.length === 1 && PRONOUNS.has(lower(first))) return null;
  let start = words.length;
  while (start > 0) {
    const w = words[start - 1]!;
    if (describes(w) || !(isCapitalized(w) || isParticle(w))) break;
    start--;
  }
  // A surname that is also a title ("Jo Major", "Ana King") ends the name it follows.
  const lastWord = words[words.length - 1]!;
  if (start === words.length && start >= 2 && isCapitalized(lastWord) && !describes(words[start - 2]!) && isCapitalized(words[start - 2]!)) {
    start -= 2;
    while (start > 0 && !describes(words[start - 1]!) && (isCapitalized(words[start - 1]!) || isParticle(words[start - 1]!))) start--;
  }
  let name = words.slice(start);
  // A particle opens a surname ("van Berg"), never a name on its own.
  while (name.length > 0 && isParticle(name[0]!)) name = name.slice(1);
  if (name.length === 0) return null;
  // "Secretary of State Jo Varga": the words after "of" name the office, and the person is the last two.
  if (start > 0 && lower(words[start - 1]!) === 'of' && name.length > 2) name = name.slice(-2);
  const core = name.filter((w, k) => k === 0 || !SUFFIXES.has(lower(w)));
  const last = core[core.length - 1]!;
  if (ORG_HEADS.has(lower(last)) || (name.length === 1 && GROUP_HEADS.has(lower(last)))) return null;
  // An acronym is an organisation ("NATO"); a name in capitals throughout is still a name.
  if (isShouted(last) && !core.every(isShouted)) return null;
  if (name.length === 1 && isShouted(last) && !/\p{Ll}/u.test(phrase)) return null;
  const titleAt = start - 1;
  const titled = titleAt >= 0 && isTitle(words[titleAt]!) ? [words[titleAt]!, ...name].join(' ') : null;
  return { words: name, titled, gender: genderOf(words.slice(0, start).map(lower)) };
}

/** One person of the article: the names it gives them that share a first name and surname. */
interface Person {
  name: string[];
  votes: { m: number; f: number };
}

/** The article's people by surname, read from its full names (a first name and a surname at least). */
class People {
  private readonly bySurname = new Map<string, Person[]>();
  /** People by first name, made on first use after the last add: an article of many speakers asks it for each. */
  private byFirstName: Map<string, Person[]> | null = null;

  add(words: readonly string[], gender: Gender): void {
    if (words.length < 2) return;
    this.byFirstName = null;
    const surname = surnameOf(words.join(' '));
    if (surname === null) return;
    const firstName = lower(words[0]!);
    let list = this.bySurname.get(surname);
    if (!list) this.bySurname.set(surname, (list = []));
    let person = list.find((p) => lower(p.name[0]!) === firstName);
    if (person) {
      if (words.length > person.name.length) person.name = [...words];
    } else {
      // A capitalised description before a name ("Democrat Jo Varga") is not a first name: the name it ends with is the person.
      person = list.find((p) => endsWith(words, p.name) || endsWith(p.name, words));
      if (!person) list.push((person = { name: [...words], votes: { m: 0, f: 0 } }));
      else if (endsWith(person.name, words)) person.name = [...words];
    }
    if (gender !== null) person.votes[gender]++;
  }

  withSurname(surname: string): Person[] {
    return this.bySurname.get(surname) ?? [];
  }

  withFirstName(word: string): Person[] {
    if (this.byFirstName === null) {
      this.byFirstName = new Map();
      for (const list of this.bySurname.values()) {
        for (const p of list) {
          const first = lower(p.name[0]!);
          const same = this.byFirstName.get(first);
          if (same) same.push(p);
          else this.byFirstName.set(first, [p]);
        }
      }
    }
    return this.byFirstName.get(word) ?? [];
  }

  find(words: readonly string[]): Person | undefined {
    const surname = surnameOf(words.join(' '));
    if (surname === null) return undefined;
    const list = this.withSurname(surname);
    return list.find((p) => lower(p.name[0]!) === lower(words[0]!)) ?? list.find((p) => endsWith(words, p.name) || endsWith(p.name, words));
  }
}

function endsWith(longer: readonly string[], shorter: readonly string[]): boolean {
  if (shorter.length >= longer.length) return false;
  const off = longer.length - shorter.length;
  return shorter.every((w, k) => lower(w) === lower(longer[off + k]!));
}

const genderOfPerson = ({ votes }: Person): Gender => (votes.m > votes.f ? 'm' : votes.f > votes.m ? 'f' : null);

/** A line of the body, and the body paragraph it is of (a quote's `paragraph`). */
export interface PersonLine {
  readonly text: string;
  readonly source: number;
}

/**
 * The article's quotes, each with its speaker's person. The body's lines
 * are read for the people of the speakers' surnames (only the lines holding
 * one of them): a surname alone is the one person of it the article names
 * in full, and when it names two ("Jo Varga", "Ana Varga"), the names in the
 * quote's own paragraph, with their titles and the sex the article gives
 * each, tell which one spoke.
 */
export function withPersons(
  quotes: readonly Quote[],
  lines: readonly PersonLine[],
  tokensOf: (line: number) => Token[] | undefined = () => undefined,
): Quote[] {
  const parts = new Map<string, NameParts | null>();
  for (const q of quotes) if (q.speaker !== null && !parts.has(q.speaker)) parts.set(q.speaker, nameParts(q.speaker));
  const people = new People();
  const alone = new Set<string>();
  const full = new Map<string, string>();
  for (const p of parts.values()) {
    if (p === null) continue;
    people.add(p.words, p.gender);
    const surname = surnameOf(p.words.join(' '));
    if (surname === null) continue;
    if (p.words.length > 1) full.set(surname, p.words.findLast((w) => lower(w) === surname) ?? surname);
    else alone.add(surname);
  }
  const surnames = new Set([...alone, ...otherFirstNames(lines, full, people)]);
  const mentions = surnames.size > 0 ? readMentions(lines, surnames, people, tokensOf) : new Map<number, NameParts[]>();
  const personOf = new Map<string, string | null>();
  for (const [speaker, p] of parts) personOf.set(speaker, p === null ? null : nameFor(p, people));
  return quotes.map(({ text, speaker, paragraph }) => {
    let person = speaker === null ? null : (personOf.get(speaker) ?? null);
    const surname = person === null ? null : surnameOf(person);
    if (surname !== null && people.withSurname(surname).length > 1) person = ownParagraph(mentions.get(paragraph), surname, people) ?? person;
    return { text, speaker, person, paragraph };
  });
}

/**
 * The surnames of speakers named in full that the body also writes after
 * a capitalised word that is none of their first names ("Ana Varga" beside
 * "Jo Varga"): only these need the body read word by word, and most
 * articles have none. Found by string search, which costs a fraction of
 * tokenising.
 */
function otherFirstNames(lines: readonly PersonLine[], full: ReadonlyMap<string, string>, people: People): string[] {
  if (full.size === 0) return [];
  if (full.size <= FEW_SURNAMES) return otherFirstNamesBySearch(lines, full, people);
  // One pass over the body, whatever the number of speakers: each pair of
  // capitalised words whose second is a surname as written.
  const surnameWritten = new Map<string, string>();
  for (const [surname, written] of full) surnameWritten.set(written, surname);
  const found = new Set<string>();
  const firstNames = new Map<string, Set<string>>();
  for (const { text } of lines) {
    for (const pair of text.matchAll(CAPITALISED_PAIR)) {
      const surname = surnameWritten.get(pair[2]!);
      if (surname === undefined || found.has(surname)) continue;
      let known = firstNames.get(surname);
      if (!known) firstNames.set(surname, (known = new Set(people.withSurname(surname).flatMap((p) => p.name.map(lower)))));
      const word = lower(pair[1]!);
      if (!known.has(word) && !describes(word) && !CAPITAL_FUNCTION_WORDS.has(word)) found.add(surname);
    }
  }
  return [...found];
}

/**
 * Up to this many surnames, the body is searched for each in turn: quicker
 * than reading it word by word, and bounded, since an article with more
 * speakers is read word by word once.
 */
const FEW_SURNAMES = 16;

/** otherFirstNames for a few surnames: each found by string search. */
function otherFirstNamesBySearch(lines: readonly PersonLine[], full: ReadonlyMap<string, string>, people: People): string[] {
  const found: string[] = [];
  for (const [surname, written] of full) {
    const firstNames = new Set(people.withSurname(surname).flatMap((p) => p.name.map(lower)));
    const other = lines.some(({ text }) => {
      for (let at = text.indexOf(written); at >= 0; at = text.indexOf(written, at + written.length)) {
        if (/^[\p{L}\p{N}]/u.test(text.slice(at + written.length, at + written.length + 1))) continue;
        const before = /(\p{Lu}[\p{L}'’.-]*)\s+$/u.exec(text.slice(Math.max(0, at - 40), at));
        const word = before ? lower(before[1]!) : null;
        if (word !== null && !firstNames.has(word) && !describes(word) && !CAPITAL_FUNCTION_WORDS.has(word)) return true;
      }
      return false;
    });
    if (other) found.push(surname);
  }
  return found;
}

/** A capitalised word, then (looked ahead at, so that pairs overlap) the capitalised word after it, whole. */
const CAPITALISED_PAIR = /(\p{Lu}[\p{L}'’.-]*)\s+(?=(\p{Lu}[\p{L}'’-]*)(?![\p{L}\p{N}]))/gu;

/**
 * The one person of a surname the paragraph names, if it names just one of
 * them: by full name, surname or first name ("Hillary shot back" names her,
 * though the paragraph names her husband too).
 */
function ownParagraph(named: readonly NameParts[] | undefined, surname: string, people: People): string | null {
  let found: Person | null = null;
  for (const p of named ?? []) {
    const person = personFor(p, people);
    if (person === null) {
      // A name the article does not tell apart leaves the paragraph undecided.
      if (surnameOf(p.words.join(' ')) === surname) return null;
      continue;
    }
    if (surnameOf(person.name.join(' ')) !== surname) continue;
    if (found !== null && person !== found) return null;
    found = person;
  }
  return found === null ? null : found.name.join(' ');
}

function nameFor(p: NameParts, people: People): string {
  const person = personFor(p, people);
  if (person !== null) return person.name.join(' ');
  // No one, or more than one the article does not tell apart: the name as written.
  if (p.words.length > 1) return p.words.join(' ');
  return people.withSurname(lower(p.words[0]!)).length > 1 && p.titled !== null ? p.titled : p.words[0]!;
}

function personFor(p: NameParts, people: People): Person | null {
  if (p.words.length > 1) return people.find(p.words) ?? null;
  const word = lower(p.words[0]!);
  let candidates = people.withSurname(word);
  // "Jo said" in an article that names one Jo.
  if (candidates.length === 0) candidates = people.withFirstName(word);
  if (candidates.length > 1 && p.gender !== null) {
    const other = p.gender === 'm' ? 'f' : 'm';
    const same = candidates.filter((c) => genderOfPerson(c) === p.gender);
    candidates = same.length > 0 ? same : candidates.filter((c) => genderOfPerson(c) !== other);
  }
  return candidates.length === 1 ? candidates[0]! : null;
}

/**
 * Notes the full names in the body whose surname is one of `surnames`,
 * with the sex the article gives them: by a title in the name, or by the
 * first pronoun after it in its sentence, before anyone else is named.
 * Returns every name of those surnames, full or not, by body paragraph.
 */
function readMentions(
  lines: readonly PersonLine[],
  surnames: ReadonlySet<string>,
  people: People,
  tokensOf: (line: number) => Token[] | undefined,
): Map<number, NameParts[]> {
  const bySource = new Map<number, NameParts[]>();
  for (const [at, { text: line, source }] of lines.entries()) {
    // Only lines with one of the surnames are tokenised: a few are searched
    // for as text, many looked up word by word (one pass a line).
    if (!mentionsOne(line, surnames)) continue;
    // The extractor's tokens of the line, when it kept them.
    const tokens = tokensOf(at) ?? tokenize(line);
    let i = 0;
    while (i < tokens.length) {
      if (!isNameToken(tokens[i])) {
        i++;
        continue;
      }
      let j = i;
      while (j < tokens.length && isNameToken(tokens[j])) j++;
      const words = tokens.slice(i, j).map((t) => t.text);
      while (words.length > 0 && CAPITAL_FUNCTION_WORDS.has(lower(words[0]!))) words.shift();
      const name = words.length > 0 ? nameParts(words.join(' ')) : null;
      const surname = name === null ? null : surnameOf(name.words.join(' '));
      if (name !== null && surname !== null && (surnames.has(surname) || surnames.has(lower(name.words[0]!)))) {
        if (name.words.length > 1) people.add(name.words, name.gender ?? pronounAfter(tokens, j));
        let named = bySource.get(source);
        if (!named) bySource.set(source, (named = []));
        named.push(name);
      }
      i = j;
    }
  }
  return bySource;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

function mentionsOne(line: string, surnames: ReadonlySet<string>): boolean {
  if (surnames.size <= FEW_SURNAMES) {
    const low = line.toLowerCase();
    for (const surname of surnames) if (low.includes(surname)) return true;
    return false;
  }
  for (const word of line.matchAll(WORD)) if (surnames.has(word[0].toLowerCase())) return true;
  return false;
}

function isNameToken(t: Token | undefined): boolean {
  return t !== undefined && !t.punct && (isCapitalized(t.text) || isParticle(t.text));
}

function pronounAfter(tokens: readonly Token[], from: number): Gender {
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.stop) return null;
    if (t.punct) continue;
    const w = t.text.toLowerCase();
    if (MALE_PRONOUNS.has(w)) return 'm';
    if (FEMALE_PRONOUNS.has(w)) return 'f';
    if (isCapitalized(t.text) && !CAPITAL_FUNCTION_WORDS.has(w)) return null;
  }
  return null;
}
