// Who a quote's speaker is, as one name per person in the article: the
// fullest name the article gives them, without titles or descriptions, so
// that "Sen. Jo Varga", "Varga" and "Mr. Varga" are all "Jo Varga". The
// speaker itself stays as the article names them; this is what a library
// counts and matches people by (src/search/speakers.ts).
import type { Quote } from '../../model.js';
import { isFirstName, isFirstNameClass, lowerClass, namesNoPerson, wordClass, type WordClass } from './lexicon.js';
import { genderOf } from './speakers.js';
import { isCapitalized, lower, tokenize, type Token } from './tokens.js';
import {
  ABBREVIATIONS,
  AFFILIATED_ROLES,
  AFFILIATIONS,
  CALENDAR_NAMES,
  DEMONYMS,
  DESCRIPTION_QUANTIFIERS,
  FEMALE_PRONOUNS,
  JOINING_WORDS,
  LOCAL_TITLES,
  MALE_PRONOUNS,
  NAME_SUFFIXES,
  OBJECT_PREPOSITIONS,
  PERSONAL_PRONOUNS,
  PLURAL_VERBS,
  THING_DETERMINERS,
  THING_PRONOUNS,
  GROUP_POSSESSIVES,
  HEADER_WORDS,
  CAPITAL_FUNCTION_WORDS,
  DESCRIPTION_OPENERS,
  CLAUSE_WORDS,
  CUE_VERBS,
  DETERMINERS,
  GROUP_HEADS,
  NAME_PARTICLES,
  ORG_HEADS,
  PLACE_HEADS,
  PREPOSITIONS,
  PRONOUNS,
  ROLE_WORDS,
  TITLES,
} from './words.js';

type Gender = 'm' | 'f' | null;

/** A speaker phrase or a mention read as a name: its words without titles, and the sex its titles tell. */
export interface NameParts {
  words: string[];
  /** Where the name proper starts in the phrase as written: its title, when it has one. */
  titled: string | null;
  gender: Gender;
}

const bare = (word: string): string => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '').replace(/['’]s$/u, '');
const isTitle = (word: string): boolean => TITLES.has(lower(word)) || LOCAL_TITLES.has(lower(word));
/** A word that ends a description before a name: a title, a role, an affiliation, a place of origin ("Texas-based"). */
const isRole = (word: string): boolean => isTitle(word) || ROLE_WORDS.has(lower(word));
const describes = (word: string): boolean => isRole(word) || AFFILIATIONS.has(lower(word)) || /-(based|born|bred)$/iu.test(word) || isCompoundTitle(word);

/** A title of joined words: "Editor-in-Chief", "Vice-President", "Director-General" (not a surname of two, "King-Smith"). */
function isCompoundTitle(word: string): boolean {
  const parts = word.split('-');
  if (parts.length < 2) return false;
  return parts.every(isRole) || (parts.some((p) => /^\p{Ll}/u.test(p)) && parts.some(isRole));
}
const isParticle = (word: string): boolean => NAME_PARTICLES.has(word);
const isShouted = (word: string): boolean => /^\p{Lu}[\p{Lu}.&-]+$/u.test(word);

/**
 * The surname of a person's name: its last word, a suffix ("Jr.") passed
 * over, lower case. Null for a name without a word.
 */
export function surnameOf(name: string): string | null {
  const words = name.split(/\s+/).map(bare).filter(Boolean);
  let k = words.length - 1;
  while (k > 0 && NAME_SUFFIXES.has(lower(words[k]!))) k--;
  return k >= 0 ? lower(words[k]!) : null;
}

/**
 * The name in a speaker phrase: the run of capitalised words it ends with,
 * after its last title or lower-case description word ("Texas Sen. Jo
 * Varga" → Jo Varga). Null when the phrase is a description ("a Varga
 * spokesman", "the city engineer"), a pronoun, an organisation or a group.
 */
export function nameParts(phrase: string): NameParts | null {
  const written = phrase.split(/\s+/).filter((w) => bare(w) !== '');
  const words = written.map(bare);
  const first = words[0];
  if (first === undefined || DESCRIPTION_OPENERS.has(lower(first)) || DESCRIPTION_QUANTIFIERS.has(lower(first))) return null;
  if (words.length === 1 && PRONOUNS.has(lower(first))) return null;
  // "Sen. Jo Varga of Harbour", "Jo Varga of the Harbour Institute for Sea Studies": the name before "of" or "at" is the person, what
  // follows their place. A name of one word takes no more than two after it ("Secretary of State Ana Lind" is Ana Lind), or a
  // place "the" opens with no role in it: "Varga of the Harbour Teachers", not "Passion of the Christ director Jo Varga".
  const place = words.findIndex((w, k) => k >= 1 && (w === 'of' || w === 'at'));
  const named = (w: string | undefined): boolean => w !== undefined && isCapitalized(w) && !describes(w);
  const after = words[place + 1];
  if (
    place >= 1 &&
    named(words[place - 1]) &&
    (named(words[place - 2]) || words.length - place <= 3 || (after === 'the' && !words.slice(place + 2).some(describes))) &&
    words.slice(place + 1).some(isCapitalized)
  ) {
    words.splice(place);
    written.splice(place);
  }
  let start = words.length;
  while (start > 0) {
    const w = words[start - 1]!;
    if (describes(w) || !(isCapitalized(w) || isParticle(w))) break;
    // A possessive before a name is whose the person is, never part of the name: "England's Jo Varga".
    if (start < words.length && /['’]s$/u.test(written[start - 1]!)) break;
    start--;
  }
  // The name of what an organisation is for is no one: "Nurses United for Patient Protection".
  if (start >= 2 && lower(words[start - 1]!) === 'for' && isCapitalized(words[start - 2]!) && !describes(words[start - 2]!)) return null;
  // A number that opens a name after a description: "rap star 50 Cent".
  if (start > 1 && start < words.length && /^\d+$/u.test(words[start - 1]!) && describes(words[start - 2]!)) start--;
  // A surname that is also a title ("Jo Major", "Ana King") ends the name it follows.
  const lastWord = words[words.length - 1]!;
  if (start === words.length && start >= 2 && isCapitalized(lastWord) && !describes(words[start - 2]!) && isCapitalized(words[start - 2]!)) {
    start -= 2;
    while (start > 0 && !describes(words[start - 1]!) && (isCapitalized(words[start - 1]!) || isParticle(words[start - 1]!))) start--;
  }
  let name = words.slice(start);
  // A particle opens a surname ("van Berg"), never a name on its own.
  while (name.length > 0 && isParticle(name[0]!)) name = name.slice(1);
  name = withoutDescription(name);
  name = withoutRunOn(name);
  // A sentence's full stop kept by an abbreviation ("… said chairman Norbert Ore."): a surname of more than an initial has none.
  const end = name[name.length - 1];
  if (name.length >= 2 && end !== undefined && end.length > 2 && end.endsWith('.') && !NAME_SUFFIXES.has(lower(end))) name[name.length - 1] = end.slice(0, -1);
  if (name.length === 0 || namesNoPerson(lower(name.length === 1 ? name[0]! : name.join(' ')))) return null;
  // A day or a month, or an abbreviation ("Colo."), alone names no one.
  const only = name.length === 1 ? lower(name[0]!) : null;
  if (only !== null && (CALENDAR_NAMES.has(only) || (name[0]!.endsWith('.') && ABBREVIATIONS.has(only)))) return null;
  // "Secretary of State Jo Varga": the words after "of" name the office, and the person is the last two.
  if (start > 0 && lower(words[start - 1]!) === 'of' && name.length > 2) name = name.slice(-2);
  const core = name.filter((w, k) => k === 0 || !NAME_SUFFIXES.has(lower(w)));
  const last = core[core.length - 1]!;
  if (ORG_HEADS.has(lower(last)) || (name.length === 1 && isGroup(lower(last))) || (name.length > 1 && PLACE_HEADS.has(lower(last)))) return null;
  // An acronym is an organisation ("NATO"); a name in capitals throughout is still a name.
  if (isShouted(last) && !core.every(isShouted)) return null;
  // So is one in capitals after a description: "Trump's potential VP" names a role.
  if (name.length === 1 && isShouted(last) && (start > 0 || !/\p{Ll}/u.test(phrase))) return null;
  // A line in capitals of many words is a header, not a name; a people ("African Americans") is a group.
  if (name.filter(isShouted).length >= 4 || (name.length === 2 && DEMONYMS.has(lower(last)))) return null;
  const titleAt = start - 1;
  const titled = titleAt >= 0 && isTitle(words[titleAt]!) ? [words[titleAt]!, ...name].join(' ') : null;
  return { words: name, titled, gender: genderOf(words.slice(0, start).map(lower)) };
}

/**
 * A name without the capitalised description the phrase opened with: a role
 * by the lexicon or a compound ("Boss Varga", "Man-of-the-match Varga"), a
 * people ("Swede Jo Varga"), or any words before the first first name when
 * none of them is one ("Virgin Radio DJ Jo Varga"); and without the rest of a
 * title-case header it runs into. Empty when it was all header.
 */
function withoutDescription(whole: string[]): string[] {
  let name = whole;
  // A title-case header runs on past the name: "Jo Varga On How Harbour Votes" is Jo Varga; one of many words before it names no one.
  if (name.length >= 3) {
    const header = name.findIndex((w, k) => k >= 2 && HEADER_WORDS.has(lower(w)) && w !== lower(w));
    if (header > 0) name = header > 3 ? [] : name.slice(0, header);
  }
  if (name.length < 2) return name;
  // Most names open with a first name: one lookup settles them.
  const opening = lowerClass(lower(name[0]!));
  if (isFirstNameClass(opening)) return name;
  // A role or a compound description before a surname: "Model Caprice", "Man-of-the-match Duff"; a people's word before a
  // full name: "Swede Jo Varga".
  if (opening === 'r' || COMPOUND_DESCRIPTION.test(name[0]!) || (opening === 'd' && name.length >= 3)) name = name.slice(1);
  // A doer's noun before a lone first name: "Guitarist Brian" is Brian.
  if (name.length === 2 && isFirstName(name[1]!) && (DOER.test(name[0]!) || describes(name[0]!))) return name.slice(1);
  if (name.length < 3 || isFirstName(name[0]!)) return name;
  const first = name.findIndex((w, k) => k > 0 && isFirstName(w));
  // What follows the first name must read as a name: "South Carolina Republican" is no Carolina.
  // A surname may be a role's word ("Simon Champion"), not a place's or a people's.
  const noName = (w: string): boolean => (NO_NAME_CLASSES.has(wordClass(w)) && wordClass(w) !== 'r') || describes(w);
  if (first < 1 || name.length - first < 2 || name.slice(first + 1).some(noName)) return name;
  // One word before it is a description only when the lexicon knows it as no name, or it ends as a doer's noun ("Broadcaster"); "Ole Gunnar Berg" keeps "Ole".
  // So is an acronym (not an initial: "J. Gerald Hebert") or a group before it: "EADS Philippe Camus", "Democrats Hillary Clinton".
  const one = name[0]!;
  if (
    first === 1 &&
    !NO_NAME_CLASSES.has(wordClass(one)) &&
    wordClass(one) !== 'c' &&
    !describes(one) &&
    !DOER.test(one) &&
    !(isShouted(one) && !/^\p{Lu}\.$/u.test(one)) &&
    !isGroup(lower(one))
  )
    return name;
  return name.slice(first);
}

/**
 * A name without the capitalised words the sentence ran on into: a place or
 * a day after a full name ("Mike Friday England"), a day after a surname
 * ("Pence Thursday"), a cue verb opening the sentence ("Continued Stone");
 * none at all when it is a place's role ("Argentina President") or a line
 * in capitals that opens with no first name ("MAKING THEM SMALLER").
 */
function withoutRunOn(name: string[]): string[] {
  if (name.length < 2) return name;
  const head = name[0]!;
  const last = name[name.length - 1]!;
  // A day or a month written out ("Jun" may be a given name: "Ai Jun").
  const tail = last.length >= 4 ? wordClass(last) : undefined;
  const firstNamed = isFirstName(head);
  if (!firstNamed && (name.every(isShouted) || (name.length === 2 && wordClass(head) === 'p' && describes(name[1]!)))) return [];
  if (CUE_VERBS.has(lower(head))) return name.slice(1);
  if (tail === 'w' && (name.length >= 3 || !firstNamed)) return name.slice(0, -1);
  if (tail === 'p' && name.length >= 3 && firstNamed) return name.slice(0, -1);
  return name;
}

/** A capitalised compound of lower-case parts: "Man-of-the-match", "Fly-half", "Film-maker". */
const COMPOUND_DESCRIPTION = /^\p{Lu}\p{Ll}*(?:-\p{Ll}+)+$/u;

/** Classes of words that are no part of a person's name: roles, peoples, places, teams, days and months. */
const NO_NAME_CLASSES = new Set<WordClass | undefined>(['r', 'd', 'p', 't', 'w']);
const DOER = /\p{Ll}(?:er|or|ist)$/u;

/**
 * A word alone that names a group: one of the usual group nouns, a people
 * ("Americans"), or the plural of a title or a role ("Judges", "Ministers").
 */
function isGroup(word: string): boolean {
  if (GROUP_HEADS.has(word) || DEMONYMS.has(word)) return true;
  if (!word.endsWith('s')) return false;
  const one = word.slice(0, -1);
  const roles = (w: string): boolean => TITLES.has(w) || ROLE_WORDS.has(w) || LOCAL_TITLES.has(w);
  return roles(one) || (one.endsWith('e') && roles(one.slice(0, -1)));
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
  const unsure = judgeNames(parts, lines, tokensOf);
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
  const surnames = new Set([...alone, ...otherFirstNames(lines, full, people, tokensOf)]);
  const mentions = surnames.size > 0 ? readMentions(lines, surnames, people, tokensOf) : new Map<number, NameParts[]>();
  const personOf = new Map<string, string | null>();
  for (const [speaker, p] of parts) {
    // A single word the article otherwise writes as no one's is a person only as the name of one it names in full ("Ban Ki-moon").
    const noOne = p !== null && unsure.has(speaker) && personFor(p, people) === null;
    personOf.set(speaker, p === null || noOne ? null : nameFor(p, people));
  }
  return quotes.map(({ text, speaker, paragraph }) => {
    let person = speaker === null ? null : (personOf.get(speaker) ?? null);
    const surname = person === null ? null : surnameOf(person);
    // A speaker named in full is that person; a surname two people share is the one the paragraph names.
    const oneWord = speaker !== null && (parts.get(speaker)?.words.length ?? 0) < 2;
    if (surname !== null && oneWord && people.withSurname(surname).length > 1) person = ownParagraph(mentions.get(paragraph), surname, people) ?? person;
    return { text, speaker, person, paragraph };
  });
}

/**
 * The surnames of speakers named in full that the body also writes after
 * a capitalised word that is none of their first names ("Ana Varga" beside
 * "Jo Varga"): only these need the body read for mentions, and most
 * articles have none. One pass over the body's tokens (the extractor's,
 * when it kept them), a map lookup a word.
 */
function otherFirstNames(
  lines: readonly PersonLine[],
  full: ReadonlyMap<string, string>,
  people: People,
  tokensOf: (line: number) => Token[] | undefined,
): string[] {
  if (full.size === 0) return [];
  const surnameWritten = new Map<string, string>();
  for (const [surname, written] of full) surnameWritten.set(written, surname);
  const found = new Set<string>();
  const firstNames = new Map<string, Set<string>>();
  for (const [at, { text }] of lines.entries()) {
    const tokens = tokensOf(at) ?? tokenize(text);
    for (let k = 1; k < tokens.length; k++) {
      const surname = surnameWritten.get(tokens[k]!.text);
      if (surname === undefined || found.has(surname)) continue;
      const before = tokens[k - 1]!;
      if (before.punct || !isCapitalized(before.text)) continue;
      let known = firstNames.get(surname);
      if (!known) firstNames.set(surname, (known = new Set(people.withSurname(surname).flatMap((p) => p.name.map(lower)))));
      const word = lower(before.text);
      if (!known.has(word) && !describes(word) && !CAPITAL_FUNCTION_WORDS.has(word)) found.add(surname);
    }
  }
  return [...found];
}

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
    // Only lines holding one of the surnames are read word by word.
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
      // What "the" names in capitals is a thing or a body ("the Trump Train", "the White House"), unless a title makes it someone.
      if (tokens[i - 1]?.low === 'the' && !words.some(isTitle)) {
        i = j;
        continue;
      }
      // A month or a weekday before a name is a date ("a June Trump rally"), never a first name.
      while (words.length > 0 && (CAPITAL_FUNCTION_WORDS.has(lower(words[0]!)) || CALENDAR_NAMES.has(lower(words[0]!)))) words.shift();
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

function mentionsOne(line: string, surnames: ReadonlySet<string>): boolean {
  const low = line.toLowerCase();
  for (const surname of surnames) if (low.includes(surname)) return true;
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
    const w = t.low;
    if (MALE_PRONOUNS.has(w)) return 'm';
    if (FEMALE_PRONOUNS.has(w)) return 'f';
    if (isCapitalized(t.text) && !CAPITAL_FUNCTION_WORDS.has(w)) return null;
  }
  return null;
}

/**
 * What the article's own text shows of a word or phrase a speaker's name
 * is or begins with: whether it writes it as a common word, as a thing
 * ("the Grand Slam", "for England") or as a person ("Sen. Varga", "Jo
 * Varga", "Varga said he").
 */
interface Uses {
  /** Written in lower case. */
  lower: number;
  /** Capitalised away from the start of a sentence. */
  inside: number;
  /** The whole run of capitals after a determiner: "the Grand Slam", "the Ohio primary". */
  determined: number;
  /** The whole run of capitals after a place or team preposition: "in Ohio", "against Chelsea". */
  object: number;
  /** After a title or a first name, or followed by "said he". */
  person: number;
  /** The subject of a plural verb on its own: "France were", "Ireland have". */
  plural: number;
  /** Without a capitalised word before it: a surname alone ("Varga said"), or a name's first word. */
  alone: number;
  /** Before another capitalised word, no possessive between: "Jo Varga". */
  named: number;
  /** Whose another name is: "England's Jo Varga". */
  owner: number;
  /** Followed by a speech verb ("Varga said", "Varga has said") or a colon: how an article writes a speaker. */
  cued: number;
  /** Before a role and a name, as whose the role is: "Harbour boss Jo Varga", "a Harbour spokesman said". */
  affiliation: number;
  /** Speaking of itself as "it": "Harbour said it had". */
  thing: number;
}

/** How far after a name its pronoun or its speech verb is looked for: "Varga, who ran the port, said she", "Varga went on to say". */
const CLAUSE_REACH = 8;
/** A word token as looked up: lower case, without a possessive or a trailing stop or dash. */
const keyOf = (t: Token): string => {
  const w = t.low;
  return /['’.-]/u.test(w) ? w.replace(/['’]s$/u, '').replace(/[.'’-]+$/u, '') : w;
};
const isPossessiveWord = (t: Token): boolean => /['’]s$/u.test(t.text);
/** Punctuation that ends a clause for a pronoun: "Varga left. She said" is no evidence of Varga's sex. */
const CLAUSE_END = new Set(['.', '!', '?', ';']);
/** Marks between a sentence's end and its first word: quotation marks and brackets. */
const OPENING = /^["“”'‘’([]$/u;

/**
 * Takes off the speakers' names what the article shows is not a person: a
 * name that is a place, a team or a competition (null), and a leading word
 * that is one, a month or a weekday, or a common word ("England Josh
 * Lewsey" → Josh Lewsey, "June Trump" → Trump). One pass over the body.
 */
function judgeNames(parts: Map<string, NameParts | null>, lines: readonly PersonLine[], tokensOf: (line: number) => Token[] | undefined): Set<string> {
  const unsure = new Set<string>();
  const phrases = new Map<string, string[][]>();
  const note = (words: readonly string[]): void => {
    const key = words.map(lower);
    let list = phrases.get(key[0]!);
    if (!list) phrases.set(key[0]!, (list = []));
    if (!list.some((k) => k.join(' ') === key.join(' '))) list.push(key);
  };
  for (const p of parts.values()) {
    if (p === null) continue;
    note(p.words);
    if (p.words.length > 1) note(p.words.slice(0, 1));
    if (p.words.length > 1) note(p.words.slice(-1));
  }
  if (phrases.size === 0) return unsure;
  const uses = readUses(lines, phrases, tokensOf);
  for (const [speaker, p] of parts) {
    if (p === null) continue;
    const judgement = judged(p, uses);
    if (judgement === 'unsure') unsure.add(speaker);
    else parts.set(speaker, judgement);
  }
  return unsure;
}

/** The name the article shows the speaker to have, null for none, or 'unsure' for a single word it writes as no one's (the people it names in full decide). */
function judged(p: NameParts, uses: ReadonlyMap<string, Uses>): NameParts | null | 'unsure' {
  const marked = p.titled !== null || p.gender !== null;
  const whole = uses.get(p.words.map(lower).join(' '));
  if (whole !== undefined && whole.person === 0 && !marked) {
    // A thing: after a determiner, or (a single word) a preposition's object or a plural verb's subject.
    // A person's surname is written alone too ("the Jo Varga campaign", "Varga said"); a competition's last word is not.
    const last = uses.get(lower(p.words[p.words.length - 1]!));
    if (p.words.length > 1 && whole.determined > 0 && (last === undefined || last.alone === 0)) return null;
    if (p.words.length === 1 && whole.determined + whole.object + whole.plural + whole.affiliation + whole.thing > 0) return 'unsure';
    // A common word: written in lower case, or capitalised only where a sentence starts and never as a speaker.
    if (p.words.length === 1 && whole.inside === 0 && (whole.lower > 0 || whole.cued === 0)) return 'unsure';
  }
  let words = p.words;
  while (words.length > 1) {
    const first = lower(words[0]!);
    // A number that opens a name is part of it ("50 Cent"), however the body writes it.
    if (/^\p{N}/u.test(first)) break;
    const u = uses.get(first);
    // A month or a weekday is never a first name, and a possessive before a name never part of it.
    if (!CALENDAR_NAMES.has(first) && !(u !== undefined && u.owner > 0)) {
      // A common word (lower case, capitalised only where a sentence starts) is no first name; a word with a
      // person's marks, or that the article writes before a surname, is one unless it is a thing.
      if (u === undefined || u.person > 0) break;
      const common = u.lower > 0 && u.inside === 0;
      if (!common && (u.named > 0 || u.determined + u.object === 0)) break;
    }
    words = words.slice(1);
  }
  return words === p.words ? p : { words, titled: null, gender: p.gender };
}

/**
 * How the body writes each phrase: one pass over its tokens (the
 * extractor's, when it kept them), a map lookup a word.
 */
function readUses(lines: readonly PersonLine[], phrases: ReadonlyMap<string, string[][]>, tokensOf: (line: number) => Token[] | undefined): Map<string, Uses> {
  const uses = new Map<string, Uses>();
  const lengths = new Set([...phrases.keys()].map((w) => w.length));
  // First letters in ASCII by their lower-case code (a capital's code with 0x20 set); a word opening with any other passes.
  const initials = new Set([...phrases.keys()].map((w) => w.charCodeAt(0)));
  const passes = (code: number): boolean => (code < 0x80 ? initials.has(code | 0x20) : true);
  for (const [at, { text }] of lines.entries()) {
    const tokens = tokensOf(at) ?? tokenize(text);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      // Most words are passed over by their first letter and length, without being lower-cased.
      const n = t.text.length;
      if (t.punct || !passes(t.text.charCodeAt(0)) || !(lengths.has(n) || lengths.has(n - 1) || lengths.has(n - 2))) continue;
      const list = phrases.get(keyOf(t));
      if (list === undefined) continue;
      for (const phrase of list) {
        const end = i + phrase.length - 1;
        if (!matches(tokens, i, phrase)) continue;
        const id = phrase.join(' ');
        let u = uses.get(id);
        if (!u)
          uses.set(
            id,
            (u = { lower: 0, inside: 0, determined: 0, object: 0, person: 0, plural: 0, alone: 0, named: 0, owner: 0, cued: 0, affiliation: 0, thing: 0 }),
          );
        noteUse(u, tokens, i, end);
      }
    }
  }
  return uses;
}

/** Whether the words from token `i` on are `phrase`'s, one after another with nothing but space between. */
function matches(tokens: readonly Token[], i: number, phrase: readonly string[]): boolean {
  for (let k = 1; k < phrase.length; k++) {
    const t = tokens[i + k];
    if (t === undefined || t.punct || keyOf(t) !== phrase[k]) return false;
  }
  return true;
}

/** The word token after token k with nothing but space between, or -1. */
const nextWord = (tokens: readonly Token[], k: number): number => (tokens[k + 1] !== undefined && !tokens[k + 1]!.punct ? k + 1 : -1);

/** Counts one use of a phrase, the words from token `i` to `end`. */
function noteUse(u: Uses, tokens: readonly Token[], i: number, end: number): void {
  const first = tokens[i]!;
  if (!isCapitalized(first.text)) {
    u.lower++;
    return;
  }
  const initial = startsSentence(tokens, i);
  if (!initial) u.inside++;
  const last = tokens[end]!;
  const after = nextWord(tokens, end);
  // "Varga, who …": a relative pronoun for a person.
  if (tokens[end + 1]?.text === ',' && tokens[end + 2] !== undefined && !tokens[end + 2]!.punct && keyOf(tokens[end + 2]!) === 'who') u.person++;
  if (tokens[end + 1]?.text === ':') u.cued++;
  else {
    // A speech verb in the clause it opens: "Varga said", "Varga has said", "Varga went on to say".
    for (let k = after; k >= 0 && k <= end + CLAUSE_REACH; k = nextWord(tokens, k)) {
      if (CUE_VERBS.has(keyOf(tokens[k]!))) {
        u.cued++;
        // "Harbour said it had": what speaks of itself as "it" is no person.
        const then = tokens[k + 1];
        if (then !== undefined && !then.punct && THING_PRONOUNS.has(keyOf(then))) u.thing++;
        break;
      }
      if (isCapitalized(tokens[k]!.text)) break;
    }
  }
  const runEnds = after < 0 || !isCapitalized(tokens[after]!.text);
  if (after >= 0 && !isPossessiveWord(last) && (AFFILIATED_ROLES.has(keyOf(tokens[after]!)) || isTitle(tokens[after]!.text))) u.affiliation++;
  if (!runEnds && isPossessiveWord(last)) u.owner++;
  else if (!runEnds) u.named++;
  const before = tokens[i - 1];
  const prev = !initial && before !== undefined && !before.punct ? before.text : null;
  const word = prev === null ? null : keyOf(before!);
  if (prev === null || !isCapitalized(prev) || CAPITAL_FUNCTION_WORDS.has(word!)) u.alone++;
  if (prev !== null) {
    if (isTitle(prev) || (isCapitalized(prev) && !CAPITAL_FUNCTION_WORDS.has(word!) && !describes(prev))) u.person++;
    else if (runEnds && THING_DETERMINERS.has(word!)) u.determined++;
    else if (runEnds && OBJECT_PREPOSITIONS.has(word!)) u.object++;
  }
  const alone = prev === null ? initial : !JOINING_WORDS.has(word!) && (CAPITAL_FUNCTION_WORDS.has(word!) || !isCapitalized(prev));
  if (alone && after >= 0 && !isPossessiveWord(last) && PLURAL_VERBS.has(keyOf(tokens[after]!))) u.plural++;
  // The first pronoun after it in the clause it opens, before anyone else is named, is its own: "Varga compared himself".
  const opens =
    word === null || (!THING_DETERMINERS.has(word) && !DETERMINERS.has(word) && !PREPOSITIONS.has(word) && (isCapitalized(prev!) || CLAUSE_WORDS.has(word)));
  if (opens) {
    let words = 0;
    for (let k = end + 1; k < tokens.length && words < CLAUSE_REACH; k++) {
      const t = tokens[k]!;
      if (t.punct) {
        if (CLAUSE_END.has(t.text)) break;
        continue;
      }
      words++;
      const w = keyOf(t);
      if (PERSONAL_PRONOUNS.has(w)) {
        u.person++;
        break;
      }
      if (GROUP_POSSESSIVES.has(w)) {
        u.thing++;
        break;
      }

      if (isCapitalized(t.text) && !CAPITAL_FUNCTION_WORDS.has(w)) break;
    }
  }
}

/** Whether token `i` opens a sentence: nothing but quotation marks and brackets after a stop, a colon or the line's start. */
function startsSentence(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && tokens[k]!.punct && OPENING.test(tokens[k]!.text)) k--;
  if (k < 0) return true;
  const t = tokens[k]!;
  return t.punct && (t.stop || t.text === ':' || t.text === ';' || t.text === '…');
}
