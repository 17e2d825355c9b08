// The article's cast: the people, organisations and groups it names, in the
// order it names them, so a pronoun or a surname used as a speaker can be
// turned back into the name the article gave in full.
import { isCapitalized, lower, type Token } from './tokens.js';
import {
  CAPITAL_FUNCTION_WORDS,
  DESCRIPTION_OPENERS,
  FEMALE_TITLES,
  GROUP_HEADS,
  MALE_TITLES,
  ORG_HEADS,
  PLACE_PREPOSITIONS,
  PRONOUNS,
  TIME_WORDS,
  TITLES,
} from './words.js';

export type EntityKind = 'person' | 'org' | 'group';
type Gender = 'm' | 'f' | null;

interface Entity {
  /** The fullest form the article has used so far, title included. */
  name: string;
  kind: EntityKind;
  gender: Gender;
}

interface Mention {
  entity: Entity;
  /** Position in the whole body (paragraph offsets laid end to end). */
  at: number;
}

// How far back a pronoun looks: enough for a long article, and a bound on
// the work one pronoun can cost.
const LOOKBACK = 400;

export class Cast {
  private readonly bySurname = new Map<string, Entity>();
  private readonly byName = new Map<string, Entity>();
  private readonly mentions: Mention[] = [];

  /**
   * Records the names in a stretch of narrative (quoted words excluded:
   * people named inside a quote are rarely the ones speaking).
   */
  observe(tokens: readonly Token[], base: number): void {
    let i = 0;
    while (i < tokens.length) {
      if (!isNameWord(tokens[i])) {
        i++;
        continue;
      }
      let j = i;
      while (j < tokens.length && isNameWord(tokens[j])) j++;
      this.observeRun(tokens, i, j, base);
      i = j;
    }
  }

  /** Notes a speaker phrase the attribution found, and returns its best name. */
  resolve(phrase: string, at: number): string | null {
    const words = phrase.split(/\s+/).filter(Boolean);
    const first = words[0];
    if (first === undefined) return null;
    if (words.length === 1) {
      const p = lower(first);
      if (p === 'he' || p === 'she') return this.lastPerson(at, p === 'he' ? 'm' : 'f');
      if (p === 'they') return this.lastGroup(at);
      // "it", "we", "I", "you", "who": no one the cast can name.
      if (PRONOUNS.has(p)) return null;
    }
    // A description ("the Iranian official", "a Nevada Democrat") stays as
    // written: its last word is a role, not a surname to match on.
    if (DESCRIPTION_OPENERS.has(lower(first)) || !words.some((w) => isCapitalized(w) && !CAPITAL_FUNCTION_WORDS.has(lower(w)))) {
      this.remember(phrase, 'person', null, at);
      return phrase;
    }
    const entity = this.nameEntity(words, at);
    return entity ? entity.name : phrase;
  }

  private observeRun(tokens: readonly Token[], from: number, to: number, base: number): void {
    let i = from;
    while (i < to && isSkippable(tokens[i])) i++;
    let j = to;
    while (j > i && TIME_WORDS.has(lower(tokens[j - 1]?.text ?? ''))) j--;
    if (i >= j) return;
    const words = tokens.slice(i, j).map((t) => t.text);
    const before = tokens[from - 1];
    const titled = words.some((w, k) => TITLES.has(lower(w)) && k < words.length - 1);
    if (!titled && before && !before.punct && PLACE_PREPOSITIONS.has(before.text)) return;
    const at = base + (tokens[i]?.start ?? 0);
    // People are not "the …": "the United States", "the White House".
    if (!titled && lower(tokens[i - 1]?.text ?? '') === 'the') {
      this.remember(words.map(stripPossessive).join(' '), 'org', null, at);
      return;
    }
    this.nameEntity(words, at, words.length === 1 && !titled);
  }

  /** Finds or creates the entity a run of capitalised words names. */
  private nameEntity(words: string[], at: number, knownOnly = false): Entity | null {
    const clean = words.map(stripPossessive);
    const lows = clean.map(lower);
    const last = lows[lows.length - 1] ?? '';
    if (lows.length === 1 && GROUP_HEADS.has(last)) return this.remember(clean.join(' '), 'group', null, at);
    if (ORG_HEADS.has(last) || isAcronym(clean[clean.length - 1] ?? '')) {
      return this.remember(clean.join(' '), 'org', null, at);
    }
    const titleAt = lows.findIndex((w, k) => TITLES.has(w) && k < lows.length - 1);
    const bare = lows.filter((w) => !TITLES.has(w));
    if (bare.length === 0) return null;
    const known = this.bySurname.get(last);
    if (known && known.kind === 'person') {
      // A later, fuller mention ("Hillary Clinton" after "Clinton") upgrades the name.
      if (bare.length > 1 && wordCount(known.name) < clean.length) known.name = clean.join(' ');
      if (titleAt >= 0 && known.gender === null) known.gender = genderOf(lows);
      this.mentions.push({ entity: known, at });
      return known;
    }
    if (knownOnly) return null;
    const name = clean.slice(Math.max(0, titleAt)).join(' ');
    return this.remember(name, 'person', genderOf(lows), at, last);
  }

  private remember(name: string, kind: EntityKind, gender: Gender, at: number, surname?: string): Entity {
    const key = name.toLowerCase();
    let entity = this.byName.get(key);
    if (!entity) {
      entity = { name, kind, gender };
      this.byName.set(key, entity);
      if (surname !== undefined && !this.bySurname.has(surname)) this.bySurname.set(surname, entity);
    }
    this.mentions.push({ entity, at });
    return entity;
  }

  private lastPerson(at: number, gender: 'm' | 'f'): string | null {
    const hit = this.lastWhere(at, (e) => e.kind === 'person' && e.gender !== (gender === 'm' ? 'f' : 'm'));
    return hit ? hit.name : null;
  }

  private lastGroup(at: number): string | null {
    const hit = this.lastWhere(at, (e) => e.kind !== 'person');
    return hit ? hit.name : null;
  }

  private lastWhere(at: number, fits: (e: Entity) => boolean): Entity | null {
    // Mentions arrive nearly in order (speakers are noted after their
    // paragraph's names), so the latest one is sought among the last few.
    let best: Mention | null = null;
    const stop = Math.max(0, this.mentions.length - LOOKBACK);
    for (let k = this.mentions.length - 1; k >= stop; k--) {
      const m = this.mentions[k];
      if (!m || m.at >= at || !fits(m.entity)) continue;
      if (!best || m.at > best.at) best = m;
    }
    return best ? best.entity : null;
  }
}

function isNameWord(t: Token | undefined): t is Token {
  return t !== undefined && !t.punct && isCapitalized(t.text);
}

function isSkippable(t: Token | undefined): boolean {
  if (!t) return false;
  const w = lower(t.text);
  return CAPITAL_FUNCTION_WORDS.has(w) || TIME_WORDS.has(w);
}

const stripPossessive = (w: string): string => w.replace(/['’]s?$/u, '');
const isAcronym = (w: string): boolean => /^\p{Lu}[\p{Lu}.]+$/u.test(w) && !TITLES.has(lower(w));
const wordCount = (s: string): number => s.split(/\s+/).length;

function genderOf(lows: readonly string[]): Gender {
  if (lows.some((w) => MALE_TITLES.has(w))) return 'm';
  if (lows.some((w) => FEMALE_TITLES.has(w))) return 'f';
  return null;
}
