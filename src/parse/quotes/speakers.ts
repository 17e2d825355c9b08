// The article's cast: the people, organisations and groups it names, in the
// order it names them, so a pronoun or a surname used as a speaker can be
// turned back into the name the article gave in full.
import { firstNameGender, isFirstNameClass, isNoNameWord, lowerClass, namesNoPerson, wordClass } from './lexicon.js';
import { endsSentence, hostsName, isCapitalized, lower, type Token } from './tokens.js';
import {
  AUXILIARIES,
  CAPITAL_FUNCTION_WORDS,
  CLAUSE_CONJUNCTIONS,
  CLAUSE_WORDS,
  CUE_MODIFIERS,
  CUE_VERBS,
  DESCRIPTION_OPENERS,
  FEMALE_TITLES,
  GROUP_HEADS,
  IRREGULAR_PAST,
  MALE_TITLES,
  OBJECT_DETERMINERS,
  OBJECT_MARKERS,
  PERSON_NOUNS,
  PLACE_HEADS,
  POSSESSIVE_DETERMINERS,
  ORG_HEADS,
  PLACE_PREPOSITIONS,
  PREPOSITIONS,
  PRONOUNS,
  ROLE_WORDS,
  TIME_WORDS,
  SUBJECT_PRONOUNS,
  SUBORDINATORS,
  MAIN_CLAUSE_OPENERS,
  UNNAMED_SUBJECTS,
  TITLES,
} from './words.js';

/** A thing is what a description that names no one stands for ("the charge said"): no pronoun's. */
export type EntityKind = 'person' | 'org' | 'group' | 'thing';
type Gender = 'm' | 'f' | null;

interface Entity {
  /** The fullest form the article has used so far, title included. */
  name: string;
  kind: EntityKind;
  gender: Gender;
  /** The gender is the lexicon's guess from a first name, which the article's own titles and pronouns overrule ("Adel" is a man's name too). */
  guessed: boolean;
  /** A run of capitals no title, first name or pronoun has shown to be a person ("Wall Street"): no "he" or "she" stands for it. */
  unsure: boolean;
  /** The article shows it to be someone: a title, a first name the lexicon knows, a role before it, or a cue verb it is the subject of. */
  shown: boolean;
}

interface Mention {
  entity: Entity;
  /** Position in the whole body (paragraph offsets laid end to end). */
  at: number;
  /** True when the mention is the subject of its sentence or of a speech verb: what a later "he" or "she" most likely stands for. */
  subject: boolean;
  /** True when the mention is the object of a preposition, or joined to one by "and" ("a win against Vale and Harbour Rovers"). */
  object: boolean;
}

// How far back a pronoun looks: enough for a long article, and a bound on
// the work one pronoun can cost.
const LOOKBACK = 400;

/**
 * How many characters before the latest fitting mention a sentence subject
 * may stand and still be preferred for a pronoun: "Owen inspired a win over
 * Real Betis. He said: …" means Owen. About two news sentences; further back
 * the latest mention is the safer guess.
 */
const SUBJECT_REACH_CHARS = 300;

/** Most role words between an organisation and the name of the one who holds the role: "Acme chief executive Jo Roe". */
const ROLE_RUN = 4;
/** Most tokens in a bracket between a place and the title after it: "(Ariz.)", "(R-Texas)". */
const BRACKET_REACH = 5;

export class Cast {
  private readonly bySurname = new Map<string, Entity>();
  private readonly byName = new Map<string, Entity>();
  private readonly mentions: Mention[] = [];
  /** The first description of someone not named, by its last word: "a BaFin spokeswoman" for "spokeswoman". */
  private readonly byHead = new Map<string, string>();
  /** The person last named after each role word ("Dunmore boss Jo Munro"), and where. */
  private readonly byRole = new Map<string, { entity: Entity; at: number }>();

  /**
   * Records the names in a stretch of narrative (quoted words excluded:
   * people named inside a quote are rarely the ones speaking).
   */
  observe(tokens: readonly Token[], base: number): void {
    // Per sentence: whether a subject has been seen, and the people named so
    // far, so that "Lee said she …" can tell Lee's gender.
    let sentence: { subjectSeen: boolean; people: Entity[]; pronounFirst: boolean } = { subjectSeen: false, people: [], pronounFirst: false };
    // Where the last run of capitals that was a preposition's object ended.
    let objectEnd = -1;
    let modifierEnd = -1;
    // Where a clause that opens the sentence ends: the names in it are no subject of the sentence.
    let openingEnd = -1;
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i] as Token;
      if (endsSentence(t)) sentence = { subjectSeen: false, people: [], pronounFirst: false };
      const opensSentence = i === 0 || endsSentence(tokens[i - 1]);
      if (opensSentence && SUBORDINATORS.has(t.low)) openingEnd = openingClauseEnd(tokens, i);
      // A sentence whose person is a pronoun before any name ("He said he could win a Kessel Bay deal because he …") tells no name's sex.
      if (sentence.people.length === 0 && (t.low === 'he' || t.low === 'she')) {
        sentence.pronounFirst = true;
        // A pronoun as its sentence's subject names again whom it stands for: "So he is full of admiration for Maldini. "…," he said" is still the one before.
        const at = base + t.start;
        const entity = this.lastPersonEntity(at, t.low === 'he' ? 'm' : 'f');
        if (entity) this.mentions.push({ entity, at, subject: true, object: false });
        sentence.subjectSeen = true;
      }
      // A sentence whose subject names no one ("This in turn would make Aston Martin …", "They included … Ozzy gave her") has the names after it as objects.
      if (opensSentence && UNNAMED_SUBJECTS.has(t.low) && !isNameWord(tokens[i + 1])) sentence.subjectSeen = true;
      // So does one that opens with a description of no name ("The seventh seed, who … meet Roddick …, is looking forward").
      if (opensSentence && t.low === 'the' && describesNoName(tokens, i + 1)) sentence.subjectSeen = true;
      if (!isNameWord(tokens[i])) {
        if (!t.punct && !sentence.pronounFirst) this.learnGender(t.low, sentence.people);
        i++;
        continue;
      }
      let j = i;
      while (j < tokens.length && isNameWord(tokens[j])) j++;
      // "Wenger's Bayern counterpart Felix Magath": Wenger, then whose the counterpart is.
      for (let k = i + 1; k < j; k++) if (endsPossessive(tokens[k - 1] as Token) && isAffiliation(tokens, k, j)) j = k;
      // A name inside a description of no one named ("the former Rangers and Liverpool boss is") is whose the role is, not the subject; the description itself fills the subject's place.
      const described = inDescription(tokens, i, j);
      if (described?.subject && i > openingEnd && !sentence.subjectSeen) {
        sentence.subjectSeen = true;
        // "The England coach said …" after "England coach Jo Roe": a "he" later stands for Jo Roe.
        const meant = this.roleHolder(described.words, described.head, base + t.start);
        if (meant) this.mentions.push({ entity: meant, at: base + t.start, subject: true, object: false });
      }
      const subject =
        described === null &&
        i > openingEnd &&
        (((!sentence.subjectSeen || opensClause(tokens, i, j)) && canBeSubject(tokens, i, j) && !isAffiliation(tokens, i, j) && !beforeTitledName(tokens, j)) ||
          speaksInRelative(tokens, j));
      // "his second Grand Slam title", "their British and Irish Lions party": a name used as a
      // modifier, no one to point back to; so is one joined to such a name by "and".
      const joined = modifierEnd === i - 1 && (tokens[i - 1]?.low === 'and' || tokens[i - 1]?.low === 'or');
      if (joined || isModifier(tokens, i)) {
        modifierEnd = j;
        i = j;
        continue;
      }
      const before = tokens[i - 1];
      const object =
        before !== undefined && !before.punct && (OBJECT_MARKERS.has(before.low) || ((before.low === 'and' || before.low === 'or') && objectEnd === i - 1));
      const mentions = this.mentions.length;
      const entity = this.observeRun(tokens, i, j, base, subject);
      if (object) {
        objectEnd = j;
        if (this.mentions.length > mentions) (this.mentions[this.mentions.length - 1] as Mention).object = true;
      }
      // A name the cast does not take ("Hassall", spelt anew) still fills the
      // subject's place: the object named after it is not the subject.
      // A common word or a role capitalised to open the sentence ("Best actress winner Imelda Staunton") leaves the place to the name after it.
      const opener = j - i === 1 && (lowerClass(t.low) === 'c' || lowerClass(t.low) === 'r');
      if (subject && !opener && !allSkippable(tokens, i, j)) sentence.subjectSeen = true;
      // A name set off after "her husband," is the husband: a pronoun later in the sentence is the other one's.
      if (entity?.kind === 'person' && !sentence.people.includes(entity) && !namesRelation(tokens, i)) sentence.people.push(entity);
      i = j;
    }
  }

  /**
   * A personal pronoun in the sentence of exactly one named person, after
   * that name, is theirs ("Lee said she would run"): the article's own
   * evidence of a gender no title gave. Not "him": an object in the name's
   * own clause is someone else ("Lee hoped a road would be named after him").
   */
  private learnGender(word: string, people: readonly Entity[]): void {
    const gender: Gender = word === 'he' || word === 'his' ? 'm' : word === 'she' || word === 'her' ? 'f' : null;
    const only = people.length === 1 ? people[0] : undefined;
    if (gender && only && (only.gender === null || only.guessed)) {
      only.gender = gender;
      only.guessed = false;
    }
  }

  /** Notes a speaker phrase the attribution found, and returns its best name. */
  resolve(phrase: string, at: number): string | null {
    const words = phrase.split(/\s+/).filter(Boolean);
    // An age before a name is no part of it: "19-year-old Hurst".
    if (words.length > 1 && /-year-old$/iu.test(words[0] as string) && isCapitalized(words[1] as string)) return this.resolve(words.slice(1).join(' '), at);
    const first = words[0];
    if (first === undefined) return null;
    // "the Irish he claimed": a phrase ending in a personal pronoun is the pronoun's.
    const final = words[words.length - 1] as string;
    if (words.length > 1 && SUBJECT_PRONOUNS.has(lower(final))) return this.resolve(final, at);
    if (words.length === 1) {
      const p = lower(first);
      if (p === 'he' || p === 'she') return this.lastPerson(at, p === 'he' ? 'm' : 'f');
      if (p === 'they') return this.lastGroup(at);
      if (p === 'it') return this.lastOrganisation(at);
      // "it", "we", "I", "you", "who": no one the cast can name.
      if (PRONOUNS.has(p)) return null;
    }
    // A description ("the Iranian official", "a Nevada Democrat") stays as
    // written: its last word is a role, not a surname to match on.
    if (DESCRIPTION_OPENERS.has(lower(first)) || !words.some((w) => isCapitalized(w) && !CAPITAL_FUNCTION_WORDS.has(lower(w)))) {
      const head = lower(final).replace(/[^\p{L}-]+$/u, '');
      const opener = lower(first);
      const meant = this.describedPerson(words, opener, head, at);
      if (meant !== null) return meant;
      if ((opener === 'a' || opener === 'an') && words.length > 2 && !this.byHead.has(head)) this.byHead.set(head, phrase);
      // A group ("police", "officials") is what a later "they" stands for; so is "The Tigers", "the Gunners": a team or a band.
      const plural = opener === 'the' && isCapitalized(final) && /[^s']s$/u.test(final);
      this.remember(phrase, GROUP_HEADS.has(head) || plural ? 'group' : headsPerson(words) ? 'person' : 'thing', null, at, undefined, true).shown = true;
      return phrase;
    }
    const entity = this.nameEntity(words, at, false, true);
    if (entity) entity.shown = true;
    return entity ? entity.name : phrase;
  }

  /**
   * The name a description of someone stands for, when the article has told
   * it, else null: "the spokeswoman" after "a BaFin spokeswoman" is that one,
   * as first described; "the Democrat senator" is the one last named with that
   * title ("New York Senator Charles Schumer"); "this remarkably active senior
   * citizen" is the person the article is speaking of.
   */
  private describedPerson(words: readonly string[], opener: string, head: string, at: number): string | null {
    const described = this.byHead.get(head);
    if (opener === 'the' && words.length === 2 && described !== undefined) return described;
    if (opener === 'this' && words.length > 2 && namesSomeone(head)) return this.lastPersonEntity(at, null)?.name ?? null;
    return opener === 'the' ? (this.roleHolder(words.length, head, at)?.name ?? null) : null;
  }

  /**
   * The person "the … <role>" of `length` words stands for: the one last
   * named with that title ("the Democrat senator" after "New York Senator
   * Charles Schumer"), or, for a longer description, the one last named
   * after that role ("the former Vale and Harbour boss" after "Dunmore boss
   * Jo Munro"); else null.
   */
  private roleHolder(length: number, head: string, at: number): Entity | null {
    if (TITLES.has(head)) {
      // The title as a word of the name before its last, in one test a mention: this runs over the last few hundred of them.
      const before = new RegExp(`(?:^| )${head} `, 'i');
      const titled = this.lastWhere(at, (e) => e.kind === 'person' && before.test(e.name));
      if (titled) return titled;
    }
    const holder = length > 2 ? this.byRole.get(head) : undefined;
    return holder && holder.at < at ? holder.entity : null;
  }

  private observeRun(tokens: readonly Token[], from: number, to: number, base: number, subject: boolean): Entity | null {
    let i = from;
    while (i < to && isSkippable(tokens[i])) i++;
    let j = to;
    while (j > i && TIME_WORDS.has(tokens[j - 1]?.low ?? '')) j--;
    // Whose a full name is stays out of it: "Vale's Jo Varga" is Jo Varga.
    for (let k = j - 3; k >= i; k--) {
      if (endsPossessive(tokens[k] as Token)) {
        i = k + 1;
        break;
      }
    }
    // A title that owns what follows names no one by it: "the Governor's Ball" is a thing.
    for (let k = i; k < j - 1; k++) if (endsPossessive(tokens[k] as Token) && TITLES.has(stripPossessive((tokens[k] as Token).low))) return null;
    if (i >= j) return null;
    const words = tokens.slice(i, j).map((t) => t.text);
    const before = tokens[from - 1];
    let titled = false;
    for (let k = i; k < j - 1 && !titled; k++) titled = TITLES.has((tokens[k] as Token).low);
    if (!titled && before && !before.punct && PLACE_PREPOSITIONS.has(before.text)) return null;
    const at = base + (tokens[i]?.start ?? 0);
    // People are not "the …": "the United States", "the White House".
    if (!titled && (tokens[i - 1]?.low ?? '') === 'the') {
      return this.remember(words.map(stripPossessive).join(' '), 'org', null, at, undefined, subject);
    }
    // A role before a lone surname ("Celtic manager O'Neill") makes it someone, as a title does.
    const roled =
      before !== undefined &&
      !before.punct &&
      ((ROLE_WORDS.has(before.low) && (wordClass(before.low) === 'r' || DOER_ENDING.test(before.low))) || PERSON_NOUNS.has(before.low));
    const entity = this.nameEntity(words, at, words.length === 1 && !titled && !roled, subject);
    if (entity && roled) {
      if (entity.kind === 'person' && words.length > 1 && before) this.byRole.set(before.low, { entity, at });
      entity.shown = true;
      // "Edwards' sister Rachel makes an appeal": a role or a kin word makes a lone first name a subject a pronoun can take, of the sex the name tells.
      const last = this.mentions[this.mentions.length - 1];
      if (subject && last?.entity === entity) last.subject = true;
      if (entity.gender === null && words.length === 1) {
        entity.gender = firstNameGender(lower(words[0] as string));
        entity.guessed = entity.gender !== null;
      }
    }
    return entity;
  }

  /** Finds or creates the entity a run of capitalised words names. */
  private nameEntity(words: string[], at: number, knownOnly = false, subject = false): Entity | null {
    const clean = words.map(stripPossessive);
    const lows = clean.map(lower);
    const last = lows[lows.length - 1] ?? '';
    if (lows.length === 1 && GROUP_HEADS.has(last)) return this.remember(clean.join(' '), 'group', null, at);
    if (lows.length > 1 && PLACE_HEADS.has(last)) return this.remember(clean.join(' '), 'thing', null, at);
    // An organisation's word may open its name too: "Team Trump", "Club Med".
    if (ORG_HEADS.has(last) || isAcronym(clean[clean.length - 1] ?? '') || (lows.length === 2 && ORG_HEADS.has(lows[0] ?? '')))
      return this.remember(clean.join(' '), 'org', null, at);
    // One pass for the first title (one the name goes on after) and the count of other words.
    let titleAt = -1;
    let bare = 0;
    for (let k = 0; k < lows.length; k++) {
      if (!TITLES.has(lows[k] as string)) bare++;
      else if (titleAt < 0 && k < lows.length - 1) titleAt = k;
    }
    const known = this.bySurname.get(last);
    // A title alone names no one, unless it is the surname of someone the article named: "King says" after "Jason King".
    if (bare === 0 && !(lows.length === 1 && known?.kind === 'person')) return null;
    // Another person of a known surname ("Dorothy Woods, whose husband, Ty Woods") is not the one known.
    // Nor is one a title gives the other sex ("Mrs. Lind" beside "Per Lind").
    // A title before a possessive is the possessor's ("Mr Varo's daughter Emily" is no man).
    const owner = words.findLastIndex((w, k) => k < words.length - 1 && stripPossessive(w) !== w);
    const titled = titleAt >= 0 ? genderOf(lows.slice(owner + 1)) : null;
    const otherSex = titled !== null && known !== undefined && known.gender !== null && !known.guessed && known.gender !== titled;
    if (known && known.kind === 'person' && !otherSex && (bare === 1 || sameFirstNames(known.name, lows))) {
      // A later, fuller mention ("Hillary Clinton" after "Clinton") upgrades the name, if it holds the name's words.
      // A common word that opens the sentence is no part of it: "Top Sanders strategists".
      if (bare > 1 && wordCount(known.name) < clean.length && holdsName(known.name, lows) && !addsCommonWord(known.name, lows)) known.name = clean.join(' ');
      if (titleAt >= 0) known.shown = true;
      if (titled !== null && (known.gender === null || known.guessed)) {
        known.gender = titled;
        known.guessed = false;
      }
      this.mentions.push({ entity: known, at, subject, object: false });
      return known;
    }
    if (knownOnly) return null;
    // A place, a team, a day or a month is no one (asked only here, of a new name: the lexicon costs a lookup a run).
    if (namesNoPerson(lows.length === 1 ? last : lows.join(' '))) return this.remember(clean.join(' '), 'org', null, at);
    const name = clean.slice(Math.max(0, titleAt)).join(' ');
    // A lone capitalised word ("Farmers met Ken Abe") may be no one: only a
    // full name or a title makes a new entity a subject a pronoun can take.
    const asSubject = subject && (bare > 1 || titleAt >= 0);
    const seen = this.byName.get(name.toLowerCase());
    if (seen) {
      this.mentions.push({ entity: seen, at, subject: asSubject, object: false });
      return seen;
    }
    // A title tells the sex; else a full name's first name may, by the lexicon, until the article says otherwise.
    const titledGender = genderOf(lows.slice(owner + 1));
    // The first first name of the run: "Senate Democrat Dianne Feinstein" is a woman's.
    let firstName: string | undefined;
    for (let k = titleAt + 1; bare > 1 && k < lows.length - 1 && firstName === undefined; k++)
      if (isFirstNameClass(lowerClass(lows[k] as string))) firstName = lows[k];
    const guess = titledGender === null && firstName !== undefined ? firstNameGender(firstName) : null;
    const entity = this.remember(name, 'person', titledGender ?? guess, at, last, asSubject);
    entity.guessed = guess !== null && titledGender === null;
    entity.shown = titleAt >= 0 || firstName !== undefined;
    entity.unsure = titleAt < 0 && bare > 1 && firstName === undefined && (isNoNameWord(lows[0] ?? '') || isAcronym(clean[0] ?? ''));
    return entity;
  }

  private remember(name: string, kind: EntityKind, gender: Gender, at: number, surname?: string, subject = false): Entity {
    const key = name.toLowerCase();
    let entity = this.byName.get(key);
    if (!entity) {
      entity = { name, kind, gender, guessed: false, unsure: false, shown: false };
      this.byName.set(key, entity);
      if (surname !== undefined && !this.bySurname.has(surname)) this.bySurname.set(surname, entity);
    }
    this.mentions.push({ entity, at, subject, object: false });
    return entity;
  }

  /**
   * "He" and "she" stand for the person of that gender the narrative last
   * made its subject, when that is recent; an object, a possessive or a
   * bystander named after it ("Ellis praised Rivera. "…," he said") does not
   * take the pronoun from the subject.
   */
  private lastPerson(at: number, gender: 'm' | 'f'): string | null {
    return this.lastPersonEntity(at, gender)?.name ?? null;
  }

  private lastPersonEntity(at: number, gender: Gender): Entity | null {
    const other = gender === 'm' ? 'f' : gender === 'f' ? 'm' : undefined;
    const fits = (e: Entity): boolean => e.kind === 'person' && e.gender !== other && !(e.unsure && e.gender === null);
    // A preposition's object of no known sex ("good displays against Vale Rovers") is seldom who "he" is.
    const counts = (m: Mention): boolean => !(m.object && m.entity.gender === null);
    const [latest, subject] = this.lastMentions(at, fits, counts);
    if (!latest) return null;
    const chosen = subject && latest.at - subject.at <= SUBJECT_REACH_CHARS ? subject : latest;
    if (chosen.entity.gender !== null || chosen.entity.shown) return chosen.entity;
    // A run of capitals the article never shows to be someone may be no one ("Wall Street", "Six Nations"): one it does, just before, is surer.
    const [shownLatest, shownSubject] = this.lastMentions(at, (e) => fits(e) && (e.shown || e.gender !== null), counts);
    if (!shownLatest) return chosen.entity;
    const sure = shownSubject && shownLatest.at - shownSubject.at <= SUBJECT_REACH_CHARS ? shownSubject : shownLatest;
    return chosen.at - sure.at <= SUBJECT_REACH_CHARS ? sure.entity : chosen.entity;
  }

  /**
   * "It said" speaks for the organisation the narrative last made its
   * subject, when that is recent ("The Chamber welcomed the plan. "…," it
   * said"); otherwise for no one the cast can name.
   */
  private lastOrganisation(at: number): string | null {
    const [, subject] = this.lastMentions(at, (e) => e.kind === 'org');
    return subject && at - subject.at <= SUBJECT_REACH_CHARS ? subject.entity.name : null;
  }

  private lastGroup(at: number): string | null {
    const hit = this.lastWhere(at, (e) => e.kind === 'org' || e.kind === 'group');
    return hit ? hit.name : null;
  }

  private lastWhere(at: number, fits: (e: Entity) => boolean): Entity | null {
    return this.lastMentions(at, fits)[0]?.entity ?? null;
  }

  /** The latest fitting mention before `at`, and the latest of those that is a subject, in one pass. */
  private lastMentions(at: number, fits: (e: Entity) => boolean, counts: (m: Mention) => boolean = () => true): [Mention | null, Mention | null] {
    // Mentions arrive nearly in order (speakers are noted after their
    // paragraph's names), so the latest one is sought among the last few.
    let best: Mention | null = null;
    let subject: Mention | null = null;
    const stop = Math.max(0, this.mentions.length - LOOKBACK);
    for (let k = this.mentions.length - 1; k >= stop; k--) {
      const m = this.mentions[k];
      if (!m || m.at >= at || !fits(m.entity) || !counts(m)) continue;
      if (!best || m.at > best.at) best = m;
      if (m.subject && (!subject || m.at > subject.at)) subject = m;
    }
    return [best, subject];
  }
}

/**
 * Can a run of capitals (lower case) name the person known by `name`? Not
 * when it holds a first name the known name does not: "Ty Woods" is not
 * "Dorothy Woods", while "Wasserman Schultz" is "Debbie Wasserman Schultz".
 */
function sameFirstNames(name: string, lows: readonly string[]): boolean {
  const known = name.toLowerCase().split(' ');
  for (let k = 0; k < lows.length - 1; k++) {
    const w = lows[k] as string;
    if (known.includes(w)) continue;
    const c = lowerClass(w);
    if (isFirstNameClass(c)) return false;
    // The word just before the surname is a first name the lexicon may lack ("Bill Clinton" beside "Hillary Clinton"),
    // unless it is a word of another kind: a title, a role, a common word, a verb form ("Following Sanders").
    if (
      k === lows.length - 2 &&
      c === undefined &&
      w.length > 1 &&
      !/[.]$|ing$/.test(w) &&
      !TITLES.has(w) &&
      !ROLE_WORDS.has(w) &&
      !CUE_VERBS.has(w) &&
      !CAPITAL_FUNCTION_WORDS.has(w)
    )
      return false;
  }
  return true;
}

/** Is the run (lower case) the name after one word the lexicon knows only as a common one, and no role ("top" in "Top Sanders strategists")? */
function addsCommonWord(name: string, lows: readonly string[]): boolean {
  const known = name.toLowerCase().split(' ');
  const first = lows[0] ?? '';
  // Not a word before a title: "House Speaker Jo Roe", "Labour Minister Jo Roe".
  if (TITLES.has((lows[1] ?? '').replace(/\.$/, ''))) return false;
  return lows.length === known.length + 1 && lowerClass(first) === 'c' && !namesSomeone(first) && known.every((w, k) => lows[k + 1] === w);
}

/** Does the run (lower case) hold every word of the name, titles aside? */
function holdsName(name: string, lows: readonly string[]): boolean {
  for (const w of name.toLowerCase().split(' ')) if (!TITLES.has(w.replace(/\.$/, '')) && !lows.includes(w)) return false;
  return true;
}

/**
 * Does a description ("the woman", "his opponent", "a senior aide") stand
 * for someone? One with a name in it does ("the former Scotland
 * international"); else its last word tells: a role or a person by the
 * lexicon, a title, a role word, a group, a person noun, or a noun of a
 * doer's ending ("-er", "-ist", "-ant", "-year-old"). "The charge" and "the
 * piece" stand for no one.
 */
function headsPerson(words: readonly string[]): boolean {
  const head = lower(words[words.length - 1] ?? '').replace(/[^\p{L}-]+$/u, '');
  // A name that ends it, with no word for a person before, is what it names, a thing ("the BMW X5", "the Premiership"),
  // unless it names someone itself ("the Democrat", "the Frenchman"); "a spokesman for the BPI" is still someone.
  if (
    words.length > 1 &&
    isCapitalized(words[words.length - 1] ?? '') &&
    !namesSomeone(head) &&
    lowerClass(head) !== 'd' &&
    !words.some((w) => !isCapitalized(w) && namesSomeone(lower(w)))
  )
    return false;
  if (words.slice(1).some((w) => isCapitalized(w) && !CAPITAL_FUNCTION_WORDS.has(lower(w)))) return true;
  return GROUP_HEADS.has(head) || namesSomeone(head);
}

/** Is the lower-case noun someone's: a role by the lexicon, a title, a role word, a person noun, or a doer's ending? */
function namesSomeone(low: string): boolean {
  // A time is no one, whatever its ending ("This year marks …").
  if (TIME_WORDS.has(low)) return false;
  return ROLE_WORDS.has(low) || TITLES.has(low) || PERSON_NOUNS.has(low) || wordClass(low) === 'r' || DOER_ENDING.test(low);
}

const DOER_ENDING = /(?:er|or|ist|an|men|women|ant|ee|ar|old)s?$/u;

function isNameWord(t: Token | undefined): t is Token {
  return t !== undefined && !t.punct && isCapitalized(t.text);
}

function isSkippable(t: Token | undefined): boolean {
  if (!t) return false;
  const w = t.low;
  // So is an inverted cue that opens the sentence: "Said Jo Roe, who grew up with him, …".
  return CAPITAL_FUNCTION_WORDS.has(w) || TIME_WORDS.has(w) || CUE_VERBS.has(w);
}

/** Are all the tokens in [from, to) skippable? */
function allSkippable(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSkippable(tokens[k])) return false;
  return true;
}

/** The word without a possessive ending ("Smith's", "Jones'"); told by character codes, as it runs for every name word. */
function stripPossessive(w: string): string {
  const n = w.length;
  const last = w.charCodeAt(n - 1);
  if (isApostrophe(last)) return w.slice(0, -1);
  return last === 0x73 && isApostrophe(w.charCodeAt(n - 2)) ? w.slice(0, -2) : w;
}

const isApostrophe = (code: number): boolean => code === 0x27 || code === 0x2019;

/** Does a word token end in "'s" ("Wenger's")? A word token never ends in a bare apostrophe: that is a token of its own. */
function endsPossessive(t: Token): boolean {
  return !t.punct && stripPossessive(t.text) !== t.text;
}
/** Capitals and full stops only ("NATO", "U.N."); a lower-case ASCII second letter, as in most names, settles it without the pattern. */
function isAcronym(w: string): boolean {
  const second = w.charCodeAt(1);
  if (second >= 0x61 && second <= 0x7a) return false;
  return /^\p{Lu}[\p{Lu}.]+$/u.test(w) && !TITLES.has(lower(w));
}
const wordCount = (s: string): number => s.split(/\s+/).length;

/** The sex a title among a name's words (lower case) gives, or null. */
export function genderOf(lows: readonly string[]): Gender {
  if (lows.some((w) => MALE_TITLES.has(w))) return 'm';
  if (lows.some((w) => FEMALE_TITLES.has(w))) return 'f';
  return null;
}

/**
 * Can the run of capitals in tokens [from, to) be its sentence's subject?
 * Not after a preposition ("a win over Real Betis") and not as a possessive
 * ("Jones' lawyer said").
 */
function canBeSubject(tokens: readonly Token[], from: number, to: number): boolean {
  const before = tokens[from - 1];
  if (before && !before.punct && PREPOSITIONS.has(before.low)) return false;
  // A name in a bracket is an aside: "Maricopa County (Ariz.) Sheriff Jo Roe", "Sen. Jo Roe (R-Texas)".
  if (before?.text === '(') return false;
  // "a nomination for actress Jo Roe", "since the World Cup final": a role or a determiner after a preposition.
  const twoBefore = tokens[from - 2];
  if (before !== undefined && !before.punct && twoBefore !== undefined && !twoBefore.punct) {
    const low = before.low;
    const marker = twoBefore.low;
    if (OBJECT_DETERMINERS.has(low) && (OBJECT_MARKERS.has(marker) || PREPOSITIONS.has(marker) || marker === 'since')) return false;
    if (PREPOSITIONS.has(marker) && (ROLE_WORDS.has(low) || TITLES.has(low) || wordClass(low) === 'r')) return false;
  }
  const last = tokens[to - 1];
  const next = tokens[to];
  if (last && /['’]s?$/u.test(last.text)) return false;
  return !(next && /^['’]s?$/u.test(next.text));
}

/**
 * Does a relative clause of speech follow the run of capitals ending at
 * `to`: "Staunton, 49, who told the BBC …", "Roe, who said …"? Then the
 * run is the subject of a speech verb, wherever it stands.
 */
function speaksInRelative(tokens: readonly Token[], to: number): boolean {
  let k = to;
  if (tokens[k]?.text !== ',') return false;
  k++;
  // An age or a number in apposition: "Staunton, 49, who".
  if (/^\d+$/.test(tokens[k]?.text ?? '') && tokens[k + 1]?.text === ',') k += 2;
  if (tokens[k]?.low !== 'who') return false;
  const verb = tokens[k + 1];
  const next = AUXILIARIES.has(verb?.text ?? '') ? tokens[k + 2] : verb;
  return next !== undefined && CUE_VERBS.has(next.text);
}

/**
 * Does the run of capitals at `from` follow a possessive determiner, alone
 * or with a lower-case word between that is no role ("his second Grand
 * Slam", not "his wife Ana Lind")?
 */
function isModifier(tokens: readonly Token[], from: number): boolean {
  const before = tokens[from - 1];
  if (!before || before.punct) return false;
  if (POSSESSIVE_DETERMINERS.has(before.low)) return true;
  const twoBefore = tokens[from - 2];
  if (!twoBefore || twoBefore.punct || !POSSESSIVE_DETERMINERS.has(twoBefore.low)) return false;
  return !namesSomeone(before.low);
}

/**
 * Is the run of capitals in tokens [from, to) part of a description with no
 * name in it, after "the" or "a" and before its role ("the former Rangers and
 * Liverpool boss is", "a Fenwick Bank economist warned")? Then it says whose
 * the role is, and stands for no one itself. Says whether the description
 * opens its sentence, its length in words and its role; null when the run is
 * no such part.
 */
function inDescription(tokens: readonly Token[], from: number, to: number): { subject: boolean; words: number; head: string } | null {
  // The opener may be the run's own first word: "The England coach said".
  let k = from + 1 < to && DESCRIPTION_OPENERS.has((tokens[from] as Token).low) ? from : from - 1;
  while (k >= 0 && k < from && from - k <= ROLE_RUN && isDescribing(tokens[k]) && !DESCRIPTION_OPENERS.has((tokens[k] as Token).low)) k--;
  const opener = tokens[k];
  if (opener === undefined || opener.punct || !DESCRIPTION_OPENERS.has(opener.low) || opener.low === 'one' || opener.low === 'another') return null;
  let m = to;
  // Another run joined by "and": "the Rangers and Liverpool boss".
  if ((tokens[m]?.low === 'and' || tokens[m]?.low === 'or') && isNameWord(tokens[m + 1])) {
    m++;
    while (isNameWord(tokens[m])) m++;
  }
  let role = false;
  for (const start = m; m < tokens.length && m - start < ROLE_RUN && isDescribing(tokens[m]); m++) role = namesSomeone((tokens[m] as Token).low);
  if (!role || isNameWord(tokens[m]) || (tokens[m]?.text === ',' && isNameWord(tokens[m + 1]))) return null;
  // It is the sentence's subject when it opens the sentence, or a conjunction does: "And the French defender believes …".
  const lead = CLAUSE_CONJUNCTIONS.has(tokens[k - 1]?.low ?? '') ? k - 1 : k;
  return { subject: lead === 0 || endsSentence(tokens[lead - 1]), words: m - k, head: (tokens[m - 1] as Token).low };
}

function isDescribing(t: Token | undefined): boolean {
  return t !== undefined && !t.punct && !isCapitalized(t.text) && mayDescribe(t);
}

/** Do lower-case words from `from` on make a whole noun phrase, with no name after them: "seventh seed, who", "weaker than expected growth figure makes"? */
function describesNoName(tokens: readonly Token[], from: number): boolean {
  let k = from;
  while (k < tokens.length && k - from < ROLE_RUN && !(tokens[k] as Token).punct && !isCapitalized((tokens[k] as Token).text)) k++;
  // "The unidentified woman's lawyer, Dolores Troiani, said": the name set off after it is the subject.
  return k > from && !isNameWord(tokens[k]) && !(tokens[k]?.text === ',' && isNameWord(tokens[k + 1]));
}

/** Marks after which a clause may open with its subject: a colon, a dash, a comma. */
const CLAUSE_OPENING_MARKS = new Set([':', '-', '–', '—', ',']);

/**
 * Is the run of capitals in tokens [from, to), opening its sentence or a
 * clause after a colon, a dash or a comma, whose the role after it is, with
 * the role holder named next ("Amnesty International spokesman Jo Roe
 * said", "Beach Boys veteran Jo Roe was")? Then the name after the role is
 * the subject, not the run.
 */
function isAffiliation(tokens: readonly Token[], from: number, to: number): boolean {
  const before = tokens[from - 1];
  // After a possessive too: "Wenger's Bayern counterpart Felix Magath".
  if (before !== undefined && !endsSentence(before) && !CLAUSE_OPENING_MARKS.has(before.text) && !endsPossessive(before)) return false;
  // The role may carry words of its own before it: "Renaissance Capital energy analyst Adam Landes".
  let k = to;
  let role = false;
  for (; k < tokens.length && k - to < ROLE_RUN; k++) {
    const t = tokens[k] as Token;
    if (t.punct || isCapitalized(t.text) || !mayDescribe(t)) break;
    // A role may end in what it is of: "Sale Sharks director of rugby Philippe Saint-Andre".
    role = namesSomeone(t.low) || hostsName(tokens, k) || (role && t.low === 'of') || (tokens[k - 1]?.low === 'of' && ROLE_WORDS.has(tokens[k - 2]?.low ?? ''));
  }
  return role && isNameWord(tokens[k]);
}

/** Does a bracket after a run of capitals come before a titled name, the run being where the title is ("Maricopa County (Ariz.) Sheriff Jo Roe")? */
function beforeTitledName(tokens: readonly Token[], to: number): boolean {
  if (tokens[to]?.text !== '(') return false;
  let c = to + 1;
  while (c < tokens.length && c - to <= BRACKET_REACH && tokens[c]?.text !== ')') c++;
  const title = tokens[c + 1];
  return tokens[c]?.text === ')' && isNameWord(title) && TITLES.has(title.low) && isNameWord(tokens[c + 2]);
}

/** Can a lower-case word stand in a description before a role ("energy" in "energy analyst")? Not a verb, an adverb or a function word. */
function mayDescribe(t: Token): boolean {
  const w = t.low;
  return !CLAUSE_WORDS.has(w) && !CUE_VERBS.has(w) && !CUE_MODIFIERS.has(w) && !AUXILIARIES.has(w) && !IRREGULAR_PAST.has(w) && !/(?:ed|ly|ing)$/.test(w);
}

/** Is the name at `from` set off after a possessive pronoun and a noun ("her husband, Milo Berg")? */
function namesRelation(tokens: readonly Token[], from: number): boolean {
  const noun = tokens[from - 2];
  const owner = tokens[from - 3]?.low;
  return (
    tokens[from - 1]?.text === ',' &&
    noun !== undefined &&
    !noun.punct &&
    !isCapitalized(noun.text) &&
    (owner === 'his' || owner === 'her' || owner === 'their')
  );
}

/**
 * The comma that ends a clause opening the sentence at `from`, when a subject
 * follows it (a name, a pronoun, "the"); else -1: without that, where the main
 * clause starts is not told ("When Lee held rallies he met protesters, some of whom …").
 */
function openingClauseEnd(tokens: readonly Token[], from: number): number {
  for (let k = from + 1; k < tokens.length && !endsSentence(tokens[k]); k++) {
    if (tokens[k]?.text !== ',') continue;
    return isNameWord(tokens[k + 1]) || MAIN_CLAUSE_OPENERS.has(tokens[k + 1]?.low ?? '') ? k : -1;
  }
  return -1;
}

/**
 * Does the run of capitals in tokens [from, to) open a clause of its own
 * after a conjunction, with a verb straight after it ("…, and Owen is
 * confident", "but Lee said")? Then it is that clause's subject, though the
 * sentence had one before.
 */
function opensClause(tokens: readonly Token[], from: number, to: number): boolean {
  const before = tokens[from - 1];
  const next = tokens[to];
  if (!before || before.punct || !CLAUSE_CONJUNCTIONS.has(before.low)) return false;
  if (!next || next.punct || isCapitalized(next.text)) return false;
  return AUXILIARIES.has(next.text) || CUE_VERBS.has(next.text) || /ed$/.test(next.text);
}
