// Reading who a quote is attributed to from the narrative words around it.
// Everything here walks a bounded number of tokens from the quote, so a huge
// paragraph costs time in proportion to its quotes, never their square.
import { endsSentence, hostsName, isCapitalized, type Token } from './tokens.js';
import type { Vocabulary } from './vocabulary.js';
import {
  CAPITAL_FUNCTION_WORDS,
  CLAUSE_WORDS,
  CUE_MODIFIERS,
  CUE_PARTICIPLES,
  CUE_VERBS,
  DETERMINERS,
  GROUP_HEADS,
  IRREGULAR_PAST,
  JOINING_WORDS,
  NAMING_VERBS,
  NOUN_OPENERS,
  NUMBER_WORDS,
  PASSIVE_HELPERS,
  PHRASAL_CUES,
  PHRASE_LINKS,
  POSSESSIVE_DETERMINERS,
  OBJECT_MARKERS,
  PREPOSITIONS,
  PRONOUNS,
  QUOTING_VERBS,
  ROLE_WORDS,
  SETTING_PREPOSITIONS,
  TIME_ORDER,
  TIME_PREPOSITIONS,
  TIME_UNITS,
  TIME_WORDS,
  TITLES,
} from './words.js';

/** A speaker phrase as the article writes it, and where it stands. */
export interface Found {
  phrase: string;
  /** Offset of the phrase in the paragraph. */
  at: number;
}

// The bounds of those walks, each set well past what news copy needs.

/** Most words in a speaker phrase: "the senior US State Department official" has six. */
const MAX_PHRASE = 10;
/** Most words in a person's name: "Gustavo Parente Sanchez" has three. */
const MAX_NAME_WORDS = 5;
/**
 * Most tokens one step of the reading walks: from a quote to its cue verb
 * (`"…," Smith, a spokesman for the group, said`), over the adverbs, days and
 * bracketed party label between a subject and its verb, over an opening
 * phrase to its comma.
 */
const SUBJECT_REACH = 16;
/** Most tokens walked to find where a sentence starts or ends: news sentences are shorter, and a run of text without a stop is not one. */
const SENTENCE_REACH = 80;
/** Most tokens of commas and appositives walked back from a cue to the subject they follow: "Smith, 45, at a rally in Columbus, Ohio, said". */
const APPOSITIVE_REACH = 40;
/** Most lower-case description words carried over between capitals to a name: "Republican presidential nominee Jo Roe". */
const ROLE_RUN = 4;

/** Most words between "described" and its "as": "described the new plan as". */
const PHRASAL_OBJECT = 3;
const isCue = (t: Token | undefined): boolean => t !== undefined && !t.punct && CUE_VERBS.has(t.text);
/** The first token after the cue at `k`: a two-word cue ("points out") is passed whole. */
const afterCue = (tokens: readonly Token[], k: number): number => (isCue(tokens[k]) ? k + 1 : phrasalCueEnd(tokens, k));
const cueAt = (tokens: readonly Token[], k: number): boolean => isCue(tokens[k]) || phrasalCueEnd(tokens, k) > 0;

/**
 * The index after a cue of two words at `k`, or -1: the second word straight
 * after ("pointed out") or, for "as", after a short object ("described him
 * as", "described the plan as").
 */
function phrasalCueEnd(tokens: readonly Token[], k: number): number {
  const second = PHRASAL_CUES.get(tokens[k]?.text ?? '');
  if (second === undefined) return -1;
  const reach = second === 'as' ? PHRASAL_OBJECT + 1 : 1;
  for (let j = k + 1; j <= k + reach; j++) {
    const t = tokens[j];
    if (t === undefined || t.punct) return -1;
    if (t.low === second) return j + 1;
  }
  return -1;
}
const isParticiple = (t: Token | undefined): boolean => t !== undefined && !t.punct && CUE_PARTICIPLES.has(t.text);
const isMark = (t: Token | undefined): boolean => t !== undefined && t.punct && /["“”„]/.test(t.text);
const text = (t: Token | undefined): string => (t ? t.low : '');
/** "Dawson's", "the senators'": a word that owns the noun after it. */
const isPossessive = (t: Token, before: Token | undefined): boolean =>
  t.punct ? /^['’]$/.test(t.text) && before !== undefined && !before.punct && /s$/i.test(before.text) : /\p{L}['’]s$/iu.test(t.text);

/** A paragraph's tokens, with those inside quotation marks flagged: cues and subjects are never read from them. */
export interface Paragraph {
  tokens: readonly Token[];
  quoted: Uint8Array;
  /** The article's words, to tell a name from a capitalised ordinary word. */
  vocabulary: Vocabulary;
}

/**
 * "his recent remarks", "the claims", "Dawson's remarks", "a series of
 * posts": a cue verb's -s form used as a plural noun. A verb never follows a
 * possessive or a preposition straight on.
 */
function isNounUse(tokens: readonly Token[], k: number): boolean {
  if (!/s$/.test(text(tokens[k]))) return false;
  const prev = tokens[k - 1];
  if (prev && (isPossessive(prev, tokens[k - 2]) || (!prev.punct && PREPOSITIONS.has(prev.low)))) return true;
  return (
    NOUN_OPENERS.has(text(tokens[k - 1])) ||
    (NOUN_OPENERS.has(text(tokens[k - 2])) && !(tokens[k - 1] as Token).punct && !isCapitalized((tokens[k - 1] as Token).text))
  );
}

/**
 * The attribution that follows a quote in its sentence: `"…," the official
 * said`, `"…," said Smith, a spokesman`, `"…," according to Smith`, `"…"
 * climate change, Axelrod said`, or, when the quote closed its sentence, a
 * next sentence that opens `He said …`. Tokens [from, to) lie between the
 * closing mark and the next opening mark.
 */
export function attributionAfter(tokens: readonly Token[], from: number, to: number): Found | null {
  let i = from;
  if (tokens[i]?.text === ',') i++;
  const end = Math.min(to, i + APPOSITIVE_REACH);
  for (let k = i; k < end; k++) {
    const t = tokens[k];
    if (!t || endsSentence(t) || isMark(t)) return null;
    if (text(t) === 'according' && text(tokens[k + 1]) === 'to') return phraseForward(tokens, k + 2, to);
    // "…," the agency quoted worker Jo Roe as saying: the one quoted speaks, not the one quoting.
    const quoted = QUOTING_VERBS.has(text(t)) ? quotedAsSaying(tokens, k, to) : null;
    if (quoted) return quoted;
    if (!cueAt(tokens, k)) continue;
    // Past the usual reach only a long appositive closed by a comma: `"…," Jo Roe, a scientist at … in Greenbelt, Maryland, said`.
    // So does a cue that ends the sentence after its subject's own clause: `"…" are needed for growth, the International Monetary Fund (IMF) has said.`
    if (k - i >= SUBJECT_REACH && tokens[k - 1]?.text !== ',' && !endsSentence(tokens[afterCue(tokens, k)])) continue;
    // Inverted only when the verb comes first (`"…," said Smith`); `"…,"
    // Smith, a spokesman, told Reuters` has its subject before the verb.
    const next = afterCue(tokens, k);
    if (k === i) return phraseForward(tokens, text(tokens[next]) === 'by' ? next + 1 : next, to);
    const subject = subjectBetween(tokens, i, k) ?? (tokens[k - 1]?.text === ',' ? phraseForward(tokens, next, to) : null);
    // Someone new whose cue reports new words ("Jo Roe, its chief, has said that her firm …") is not who spoke the quote before; "She also said that …" is.
    return subject !== null && text(tokens[next]) === 'that' && !PRONOUNS.has(subject.phrase.toLowerCase()) ? null : subject;
  }
  return null;
}

/** The verb of quoting before "as saying" at `saying` ("quoted Jo Roe as saying"), or -1. */
function quotingVerbBefore(tokens: readonly Token[], saying: number, from: number): number {
  if (text(tokens[saying - 1]) !== 'as') return -1;
  for (let v = saying - 3; v >= from && saying - v <= MAX_PHRASE + 1; v--) {
    const t = tokens[v] as Token;
    if (t.punct) return -1;
    if (QUOTING_VERBS.has(t.low)) return v;
  }
  return -1;
}

/** The phrase between the verb of quoting at `verb` and "as saying" ("quoted Jo Roe as saying", "reports a source as saying"). */
function quotedAsSaying(tokens: readonly Token[], verb: number, to: number): Found | null {
  for (let k = verb + 2; k < to - 1 && k - verb <= MAX_PHRASE; k++) {
    const t = tokens[k] as Token;
    if (t.punct) return null;
    if (t.low === 'as') return text(tokens[k + 1]) === 'saying' ? phraseForward(tokens, verb + 1, k) : null;
  }
  return null;
}

/**
 * The attribution before a quote in its sentence, reading past earlier
 * quotes in it: `Smith said: "…"`, `the official told Reuters, "…"`, `He
 * said … interventions "…"`, `according to Smith, "…"`, `…, saying "…"`.
 */
export function attributionBefore(p: Paragraph, to: number): Found | null {
  return lastCueIn(p, sentenceStart(p, to), to);
}

/** Does the quote opening at `to` follow the naming verb at `k` and its short object ("called it "…"", "branding the plan "…"")? */
function namesQuoteAt(tokens: readonly Token[], k: number, to: number): boolean {
  if (!isMark(tokens[to]) || to - k - 1 > PHRASAL_OBJECT) return false;
  // "was called", "being dubbed": the one named is not the one naming.
  if (PASSIVE_HELPERS.has(text(tokens[k - 1]))) return false;
  for (let j = k + 1; j < to; j++) if ((tokens[j] as Token).punct) return false;
  return true;
}

/** The attribution in tokens [from, to), the cue nearest the end first. */
export function lastCueIn(p: Paragraph, from: number, to: number): Found | null {
  const { tokens, quoted } = p;
  for (let k = to - 1; k >= from; k--) {
    if (quoted[k]) continue;
    const t = tokens[k];
    const naming = NAMING_VERBS.has(text(t)) && namesQuoteAt(tokens, k, to);
    if ((cueAt(tokens, k) && !isNounUse(tokens, k)) || (naming && !/ing$/.test(text(t)))) {
      // "described by Sharon as": the one after "by" speaks.
      if (text(tokens[k + 1]) === 'by') return phraseForward(tokens, k + 2, to);
      const next = afterCue(tokens, k);
      if (text(tokens[next]) === 'by') return phraseForward(tokens, next + 1, to);
      const found = subjectBefore(p, k, from);
      if (found) return found;
    } else if (isParticiple(t) || naming) {
      // "The agency quoted Jo Roe as saying": the one quoted speaks.
      const quoting = text(t) === 'saying' ? quotingVerbBefore(tokens, k, from) : -1;
      if (quoting >= 0) return quotedAsSaying(tokens, quoting, to) ?? clauseSubject(p, from, k);
      // "…, saying" hangs on the clause's subject; "with the union calling
      // her" on the phrase right before it.
      const hit = tokens[k - 1]?.text === ',' ? null : collectBackward(tokens, k - 1, from);
      if (hit && text(tokens[hit.index - 1]) === 'with') return hit.found;
      // "Smith said Monday, adding …": the participle shares the earlier cue's subject.
      if (tokens[k - 1]?.text === ',') {
        const earlier = lastCueIn(p, Math.max(from, k - SUBJECT_REACH), k - 1);
        if (earlier) return earlier;
      }
      return clauseSubject(p, from, k);
    } else if (text(t) === 'according' && text(tokens[k + 1]) === 'to') {
      return phraseForward(tokens, k + 2, to);
    }
  }
  return null;
}

/** `More from Jones: "…"`, `Rep. Smith (R-Ohio): "…"`: a name standing before a colon. */
export function colonSpeaker(p: Paragraph, to: number): Found | null {
  const { tokens } = p;
  let e = to - 1;
  if (tokens[e]?.text !== ':') return null;
  e--;
  if (tokens[e]?.text === ')') {
    while (e >= 0 && to - e < SUBJECT_REACH && tokens[e]?.text !== '(') e--;
    e--;
  }
  const start = sentenceStart(p, to);
  const hit = collectBackward(tokens, e, start);
  // "… at a loss to explain its popularity:": what someone owns is the object, not who speaks.
  if (!hit || POSSESSIVE_DETERMINERS.has(text(tokens[hit.index]))) return null;
  // "He also praised the film director:": the object of a verb in the sentence is not who speaks.
  const verb = tokens[hit.index - 1];
  if (hit.index > start && verb && !verb.punct && !isCapitalized(verb.text) && !PREPOSITIONS.has(verb.low) && verb.low !== 'and' && verb.low !== 'but')
    return null;
  if (opensClause(tokens, hit.index - 1, 0)) return hit.found;
  // "From the report:", "More from Jones:": the source a passage is taken from.
  const from = hit.index - 1;
  const lead = tokens[from - 1];
  const leads = from - 1 < start || !lead || lead.punct || text(lead) === 'more';
  return text(tokens[from]) === 'from' && leads ? hit.found : null;
}

/**
 * The subject of the sentence a quote stands in when no cue verb attributes
 * it (`Comey indicated that officials "should have known …"`). A quote inside
 * an opening phrase (`Citing the "…," Smith urged …`) takes the subject after
 * that phrase's comma.
 */
export function sentenceSubject(p: Paragraph, to: number): Found | null {
  const s = sentenceStart(p, to);
  if (s >= to) return null;
  if (opensWithAdverbial(p, s) && commaAfter(p, s, to) < 0) {
    const c = commaAfter(p, s, Math.min(p.tokens.length, s + SENTENCE_REACH));
    const after = c >= 0 ? clauseSubject(p, c + 1, sentenceEnd(p.tokens, c + 1)) : null;
    if (after) return after;
  }
  return clauseSubject(p, s, to);
}

/** The subject of the sentence before the one at `to` (`Clinton touted her record. "…"`). */
export function previousSentenceSubject(p: Paragraph, to: number): Found | null {
  const s = sentenceStart(p, to);
  if (s === 0 || p.quoted[s - 1]) return null;
  const prev = sentenceStart(p, s - 1);
  return clauseSubject(p, prev, s - 1);
}

/** The attribution in the sentence before the one at `to` (`She said she wished she had worn them. "…"`). */
export function previousSentenceCue(p: Paragraph, to: number): Found | null {
  const s = sentenceStart(p, to);
  if (s === 0 || p.quoted[s - 1]) return null;
  let from = sentenceStart(p, s - 1);
  // A sentence after a quote starts past the quote's closing mark: '"…." Lee said she would run.'
  while (from < s - 1 && isMark(p.tokens[from])) from++;
  // Narrative alone: a sentence that holds a quote has its cue for that quote ("…," Ash wrote in the email, first reported by …).
  if (p.quoted.subarray(from, s).includes(1)) return null;
  // A verb of speech, not a participle ("after claiming away draws").
  for (let k = from; k < s - 1; k++) if (cueAt(p.tokens, k) && !isNounUse(p.tokens, k)) return lastCueIn(p, from, s - 1);
  return null;
}

/** Sentence starts in tokens [from, to), for scanning narrative a sentence at a time. */
export function sentenceStarts(tokens: readonly Token[], from: number, to: number): number[] {
  const starts = [from];
  for (let k = from; k < to - 1; k++) if (endsSentence(tokens[k])) starts.push(k + 1);
  return starts;
}

function sentenceStart(p: Paragraph, to: number): number {
  let s = to;
  while (s > 0 && to - s < SENTENCE_REACH && !endsSentence(p.tokens[s - 1])) s--;
  return s;
}

/** The subject of the cue verb at `verb`, looking back no further than `floor`. */
function subjectBefore(p: Paragraph, verb: number, floor: number): Found | null {
  const { tokens, quoted } = p;
  const e = skipBetweenSubjectAndVerb(tokens, verb - 1, floor);
  if (e < floor) return null;
  if (tokens[e]?.text === ',') {
    // "Smith, a spokesman for the group, said", "Smith, 45, said", "Smith,
    // at a rally in Columbus, Ohio, said": the subject is the phrase before
    // a comma that opens its clause, not one a preposition governs.
    for (let c = e - 1; c >= floor && e - c < APPOSITIVE_REACH; c--) {
      // A comma inside a title in marks ('the co-author of "Going Viral," about …') sets off nothing.
      if (tokens[c]?.text !== ',' || quoted[c]) continue;
      const hit = collectBackward(tokens, c - 1, floor);
      if (hit && opensClause(tokens, hit.index - 1, floor)) return appositiveName(tokens.slice(c + 1, e), hit.found.phrase) ?? hit.found;
    }
    return null;
  }
  if (text(tokens[e]) === 'who' && tokens[e - 1]?.text === ',') return collectBackward(tokens, e - 2, floor)?.found ?? null;
  // "including actor George C Scott who said": a name right before "who", without a comma.
  if (text(tokens[e]) === 'who' && isCapitalized(tokens[e - 1]?.text ?? '') && !(tokens[e - 1] as Token).punct)
    return collectBackward(tokens, e - 1, floor)?.found ?? null;
  return collectBackward(tokens, e, floor)?.found ?? null;
}

/**
 * Walks back from `e` over what may stand between a subject and its verb:
 * adverbs ("also", "later"), times ("on Tuesday", "Thursday") and a
 * parenthesis ("(R-Ohio)").
 */
function skipBetweenSubjectAndVerb(tokens: readonly Token[], e: number, floor: number): number {
  for (let steps = 0; e >= floor && steps < SUBJECT_REACH; steps++) {
    const w = text(tokens[e]);
    if (CUE_MODIFIERS.has(w)) e--;
    else if (TIME_WORDS.has(w)) e -= TIME_PREPOSITIONS.has(text(tokens[e - 1])) ? 2 : 1;
    else if (tokens[e]?.text === ')') {
      let c = e - 1;
      while (c >= floor && e - c < SUBJECT_REACH && tokens[c]?.text !== '(' && tokens[c]?.text !== ')') c--;
      if (tokens[c]?.text !== '(') break;
      e = c - 1;
    } else break;
  }
  return e;
}

/**
 * A description's name set off by commas after it: in "Their president,
 * Gustavo Parente Sanchez, says", the name, not "Their president". Only a
 * run of capitalised words names someone, and only after a description (a
 * phrase opening in lower case or with a determiner): "Smith, a spokesman,
 * said" keeps Smith.
 */
function appositiveName(name: readonly Token[], description: string): Found | null {
  const words = description.split(' ');
  const opener = words[0] ?? '';
  // A description may open with whose the role is: "European Union ambassador to the WTO, Carlo Trojan, said".
  if (isCapitalized(opener) && !DETERMINERS.has(opener.toLowerCase()) && !words.some((w) => ROLE_WORDS.has(w))) return null;
  if (name.length < 1 || name.length > MAX_NAME_WORDS) return null;
  if (name.some((t) => t.punct || !isCapitalized(t.text) || CAPITAL_FUNCTION_WORDS.has(t.low))) return null;
  return shaped(name);
}

function opensClause(tokens: readonly Token[], k: number, floor: number): boolean {
  const t = tokens[k];
  if (k < floor || !t || t.punct) return true;
  return !PREPOSITIONS.has(t.low);
}

/**
 * `"…," the official said` and `"…" climate change, Axelrod said`: the
 * subject between a quote and its verb is the first comma-separated part
 * when that can name a speaker (`Smith, a spokesman, said`), else the last.
 */
function subjectBetween(tokens: readonly Token[], from: number, verb: number): Found | null {
  const e = skipBetweenSubjectAndVerb(tokens, verb - 1, from);
  const parts: Token[][] = [[]];
  let depth = 0;
  for (let k = from; k <= e; k++) {
    const t = tokens[k] as Token;
    // A parenthesis after a name ("Sen. Ann Cole (D-Ohio)") is left out of it.
    if (t.text === '(') depth++;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (t.text === ',') parts.push([]);
    else parts[parts.length - 1]?.push(t);
  }
  const first = parts[0] ?? [];
  const last = parts[parts.length - 1] ?? [];
  const described = asSubject(first);
  // `"…," the play's organiser in Uganda, Sarah Mukasa, told`: the name after the description.
  const second = parts[1];
  if (second && parts.length === 3 && last.length === 0 && DETERMINERS.has(text(first[0]))) {
    const named = appositiveName(second, first[0]?.text ?? '');
    if (named) return named;
  }
  return described ?? (parts.length > 1 ? asSubject(last) : null);
}

function asSubject(words: readonly Token[]): Found | null {
  const bad = (t: Token): boolean => t.punct || (!isCapitalized(t.text) && CLAUSE_WORDS.has(t.low) && !PHRASE_LINKS.has(t.low));
  if (!words.some(bad)) return shaped(words);
  // Two roles joined by "and" before a name: "Music Choice music and marketing manager Simon George".
  return words.every((t) => !bad(t) || JOINING_WORDS.has(t.low)) ? roleHolder(words) : null;
}

/** The name a role word ends a phrase with, whatever comes before the role. */
function roleHolder(words: readonly Token[]): Found | null {
  let k = words.length;
  while (k > 0 && words.length - k < MAX_NAME_WORDS && !(words[k - 1] as Token).punct && isCapitalized((words[k - 1] as Token).text)) k--;
  return words.length - k >= 2 && isRoleWord(words[k - 1]) ? shaped(words.slice(k)) : null;
}

function collectBackward(tokens: readonly Token[], end: number, floor: number): { found: Found; index: number } | null {
  const words: Token[] = [];
  let k = end;
  while (k >= floor && words.length < MAX_PHRASE) {
    const t = tokens[k] as Token;
    const w = t.low;
    if (t.punct) break;
    if (PRONOUNS.has(w)) {
      if (words.length === 0) words.push(t);
      break;
    }
    if (DETERMINERS.has(w)) {
      words.unshift(t);
      k--;
      // "the head of the agency": a determiner ends the phrase unless a link joins it on.
      if (k >= floor && isLink(tokens, k)) continue;
      // "in a letter posted on Twitter": the object of a preposition of place or time is no one speaking
      // (unlike "a story by the website", "a letter from the Legion", where the phrase goes on).
      if (k >= floor && SETTING_PREPOSITIONS.has(text(tokens[k]))) return null;
      break;
    }
    if (isCapitalized(t.text) ? CAPITAL_FUNCTION_WORDS.has(w) : CLAUSE_WORDS.has(w) && !isLink(tokens, k) && !joinsTitles(tokens, k, words)) break;
    if (TIME_WORDS.has(w) || isCue(t) || isParticiple(t)) break;
    words.unshift(t);
    k--;
  }
  while (words.length > 0 && PHRASE_LINKS.has(text(words[0]))) words.shift();
  const found = shaped(words);
  return found ? { found, index: k + 1 } : null;
}

/** Does the "and" at `k` join two names after "of" ("the star of Rain Man and Tootsie"), with `after` the words collected after it? */
function joinsTitles(tokens: readonly Token[], k: number, after: readonly Token[]): boolean {
  if (!JOINING_WORDS.has(text(tokens[k])) || after.length === 0 || !after.every((t) => isCapitalized(t.text))) return false;
  let j = k - 1;
  while (j >= 0 && k - j <= MAX_NAME_WORDS && !(tokens[j] as Token).punct && isCapitalized((tokens[j] as Token).text)) j--;
  return j < k - 1 && text(tokens[j]) === 'of';
}

/** A word joining a phrase on to the one before: "of", "for", or "to" after a role ("ambassador to the WTO"). */
function isLink(tokens: readonly Token[], k: number): boolean {
  const w = text(tokens[k]);
  return PHRASE_LINKS.has(w) || (w === 'to' && isRoleWord(tokens[k - 1]));
}

function phraseForward(tokens: readonly Token[], from: number, to: number): Found | null {
  const words: Token[] = [];
  for (let k = from; k < to && words.length < MAX_PHRASE; k++) {
    const t = tokens[k] as Token;
    const w = t.low;
    if (t.punct) break;
    if (TIME_WORDS.has(w)) {
      if (words.length === 0) continue;
      break;
    }
    if (PRONOUNS.has(w)) {
      if (words.length === 0) words.push(t);
      break;
    }
    if (DETERMINERS.has(w)) {
      const prev = words[words.length - 1];
      if (prev && !PHRASE_LINKS.has(prev.low)) break;
      words.push(t);
      continue;
    }
    if (PHRASE_LINKS.has(w) && words.length === 0) break;
    if (w === 'and' && !t.punct && words.length > 0 && !holdsName(words)) {
      // "Economic and Fiscal Policy Minister Jo Roe", "former Olympian and BBC pundit Jo Roe": one person's two roles, then the name.
      const name = describedName(tokens, k + 1, to);
      if (name && words.length + name.end - k <= MAX_PHRASE) for (let j = k; j < name.end; j++) words.push(tokens[j] as Token);
      break;
    }
    // A capitalised function word before a title is the title's: "Treasury Under Secretary Jo Roe".
    const titleNext = words.length > 0 && isCapitalized(tokens[k + 1]?.text ?? '') && TITLES.has(text(tokens[k + 1]));
    if (isCapitalized(t.text) ? CAPITAL_FUNCTION_WORDS.has(w) && !titleNext : CLAUSE_WORDS.has(w) && !PHRASE_LINKS.has(w)) break;
    words.push(t);
  }
  while (words.length > 0 && PHRASE_LINKS.has(text(words[words.length - 1]))) words.pop();
  return shaped(words);
}

/** Does a phrase hold a name: two capitalised words running, neither a function word nor a title? */
function holdsName(words: readonly Token[]): boolean {
  const named = (t: Token | undefined): boolean => t !== undefined && isCapitalized(t.text) && !CAPITAL_FUNCTION_WORDS.has(t.low) && !TITLES.has(t.low);
  for (let k = 1; k < words.length; k++) if (named(words[k - 1]) && named(words[k])) return true;
  return false;
}

/**
 * After the "and" that joins two descriptions of one person, the rest of the
 * description and the name it ends with: capitalised words and role words,
 * then a title or a role word and a name of two words or more ("Fiscal
 * Policy Minister Jo Roe", "BBC pundit Jo Roe"). `start` is where the run of
 * capitals holding the name begins; null when the words do not end so.
 */
function describedName(tokens: readonly Token[], from: number, to: number): { start: number; end: number } | null {
  let k = from;
  let runStart = -1;
  let nameStart = -1;
  for (; k < to && k - from < MAX_PHRASE; k++) {
    const t = tokens[k] as Token;
    if (t.punct) break;
    if (isCapitalized(t.text) && !CAPITAL_FUNCTION_WORDS.has(t.low)) {
      if (runStart < 0) runStart = k;
      if (TITLES.has(t.low)) nameStart = -1;
      else if (nameStart < 0 && (k > runStart ? TITLES.has(text(tokens[k - 1])) : k > from && isRoleWord(tokens[k - 1]))) nameStart = k;
      continue;
    }
    if (!isRoleWord(t)) break;
    runStart = -1;
    nameStart = -1;
  }
  if (runStart < 0 || nameStart < 0 || k - nameStart < 2) return null;
  return { start: runStart, end: k };
}

/**
 * The subject of the clause in tokens [from, to): a pronoun, a run of
 * capitalised words, or a determiner and the words up to the verb. An
 * opening adverbial ("In Washington,", "Addressing the crowd,", "Shortly
 * after the vote,") is skipped.
 */
function clauseSubject(p: Paragraph, from: number, to: number): Found | null {
  const { tokens, quoted } = p;
  let k = from;
  if (opensWithAdverbial(p, k)) {
    const c = commaAfter(p, k, Math.min(to, k + SUBJECT_REACH));
    if (c >= 0) k = c + 1;
  }
  const clauseStart = k;
  let objectEnd = -1;
  for (; k < to; k++) {
    const t = tokens[k] as Token;
    if (t.punct || quoted[k]) continue;
    const w = t.low;
    if (PRONOUNS.has(w) && w !== 'who') return shaped([t]);
    // "It's become such a presence that …": a pronoun with its verb is still the pronoun.
    const pronoun = w.replace(/['’]s$/u, '');
    if (pronoun !== w && PRONOUNS.has(pronoun) && pronoun !== 'who') return { phrase: t.text.slice(0, pronoun.length), at: t.start };
    // "the Wisconsin Republican" is a description to keep whole, not the name "Wisconsin Republican".
    // A determiner that opens the clause opens its subject: "…, the former mayor told the crowd".
    const opensIt = k === clauseStart && w !== 'this' && w !== 'one';
    if (DETERMINERS.has(w) && (opensIt || isCapitalized(t.text) || (w === 'the' && isCapitalized(tokens[k + 1]?.text ?? '') && !quoted[k + 1]))) {
      return determinedPhrase(tokens, k, to);
    }
    // "Name: Jo Roe": a form's label, not who the clause is about.
    if (isLabel(tokens, k)) continue;
    if (DETERMINERS.has(w) && isAge(tokens[k + 1]) && isCapitalized(tokens[k + 2]?.text ?? '') && !quoted[k + 2]) {
      // "the 25-year-old Dubliner": a description, whatever the word after the age.
      return determinedPhrase(tokens, k, to);
    }
    if (isCapitalized(t.text) && !CAPITAL_FUNCTION_WORDS.has(w) && !TIME_WORDS.has(w)) {
      // A name a preposition governs, or one joined to it by "and", is not the subject: "displays against Vale Rovers and Harbour have impressed".
      const before = tokens[k - 1];
      const governed =
        k > clauseStart &&
        before !== undefined &&
        !before.punct &&
        (OBJECT_MARKERS.has(before.low) || (objectEnd === k - 1 && (before.low === 'and' || before.low === 'or')));
      if (!governed) return namedSubject(tokens, k, to);
      while (k + 1 < to && !(tokens[k + 1] as Token).punct && isCapitalized((tokens[k + 1] as Token).text)) k++;
      objectEnd = k + 1;
    }
  }
  return null;
}

/**
 * A run of capitalised words, carried on over role words to the name they
 * describe: "Democratic candidate Jo Roe", "Acme chief executive Jo Roe".
 */
function namedSubject(tokens: readonly Token[], from: number, to: number): Found | null {
  const run = (at: number): number => {
    let j = at;
    while (
      j < to &&
      j - from < MAX_PHRASE &&
      !(tokens[j] as Token).punct &&
      isCapitalized((tokens[j] as Token).text) &&
      !(j > at && (isLabel(tokens, j) || isPossessive(tokens[j - 1] as Token, tokens[j - 2])))
    )
      j++;
    return j;
  };
  let start = from;
  let end = run(from);
  // "England's Jo Roe", "Wenger's Bayern counterpart Felix Magath": whose someone is comes before them and is not the subject.
  while (
    end < to &&
    end > start &&
    isPossessive(tokens[end - 1] as Token, tokens[end - 2]) &&
    !(tokens[end] as Token).punct &&
    isCapitalized((tokens[end] as Token).text)
  ) {
    start = end;
    end = run(end);
  }
  for (;;) {
    if (text(tokens[end]) === 'and' && !holdsName(tokens.slice(start, end))) {
      // "Only Fools and Horses star Jo Roe": the "and" is inside a title or a pair of roles, and the name ends the description.
      const name = describedName(tokens, end + 1, to);
      if (name) return shaped(tokens.slice(name.start, name.end));
      break;
    }
    let j = end;
    while (j < to && j - end < ROLE_RUN && (isRoleWord(tokens[j]) || hostsName(tokens, j))) j++;
    if (j > end && tokens[j]?.text === ',') {
      // "Acme's Ohio state director, Jo Roe, wrote": the name set off after the role is the person.
      const name = run(j + 1);
      if (name - (j + 1) >= 2 && tokens[name]?.text === ',') return shaped(tokens.slice(j + 1, name));
    }
    if (j === end || j >= to || !isCapitalized(tokens[j]?.text ?? '') || (tokens[j] as Token).punct) break;
    // The name and any title right before it stand for the person; the description stays out.
    start = j;
    end = run(j);
  }
  return shaped(tokens.slice(start, end));
}

/**
 * A lower-case word of a description: one of the usual roles, or a word with
 * the ending of a role noun or an adjective (strategist, consultant,
 * historian, political, executive).
 */
function isRoleWord(t: Token | undefined): boolean {
  if (!t || t.punct || isCapitalized(t.text)) return false;
  const w = t.low;
  if (ROLE_WORDS.has(w)) return true;
  if (CLAUSE_WORDS.has(w) || CUE_VERBS.has(w) || TIME_WORDS.has(w)) return false;
  return /(?:ist|ant|ent|ian|er|or|al|ic|ive|ary)s?$/.test(w) && w.length > 4;
}

/**
 * A capitalised word before a colon and a capitalised value: a form's label
 * ("Name: Jo Roe", "Age: 27"). A word in capitals throughout ("UN: …") is a
 * headline's source, not a label.
 */
function isLabel(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  const value = tokens[k + 2];
  if (t === undefined || t.punct || tokens[k + 1]?.text !== ':' || value === undefined || value.punct) return false;
  return t.text !== t.text.toUpperCase() && (isCapitalized(value.text) || /^\d/.test(value.text));
}

/** An age written as an adjective: "25-year-old". */
const isAge = (t: Token | undefined): boolean => t !== undefined && !t.punct && t.low.endsWith('-year-old');

/** Does a sentence open with a phrase before its subject: "After the vote,", "Citing …,", "Shortly after …,"? */
function opensWithAdverbial(p: Paragraph, at: number): boolean {
  const t = p.tokens[at];
  if (!t || t.punct || !isCapitalized(t.text)) return false;
  const w = t.low;
  if (DETERMINERS.has(w) || PRONOUNS.has(w)) return false;
  if (CAPITAL_FUNCTION_WORDS.has(w) || NUMBER_WORDS.has(w)) return true;
  // "Minutes later, …", "Years ago, …": a span of time, not who the sentence is about.
  if (TIME_UNITS.has(w) && TIME_ORDER.has(text(p.tokens[at + 1]))) return true;
  // "Band member Flea …" and "Carly Fiorina …" go on to a name; "Shortly after …" does not.
  const next = p.tokens[at + 1];
  if (next && !next.punct && (isCapitalized(next.text) || isRoleWord(next))) return false;
  return !p.vocabulary.canName(t.text);
}

/** The first comma outside quotation marks in tokens [from, to), or -1. */
function commaAfter(p: Paragraph, from: number, to: number): number {
  for (let c = from; c < to; c++) {
    const t = p.tokens[c] as Token;
    if (endsSentence(t)) return -1;
    if (t.text === ',' && !p.quoted[c]) return c;
  }
  return -1;
}

function sentenceEnd(tokens: readonly Token[], from: number): number {
  let e = from;
  while (e < tokens.length && e - from < SENTENCE_REACH && !endsSentence(tokens[e])) e++;
  return e;
}

/** "The retired neurosurgeon addressed …": the determiner's words up to the first verb-like word. */
function determinedPhrase(tokens: readonly Token[], from: number, to: number): Found | null {
  const words: Token[] = [tokens[from] as Token];
  for (let j = from + 1; j < to && words.length < MAX_PHRASE; j++) {
    const u = tokens[j] as Token;
    const w = u.low;
    // Two names joined in one description: "the former Vale and Harbour boss".
    const joins = (w === 'and' || w === 'or') && isCapitalized(tokens[j - 1]?.text ?? '') && isCapitalized(tokens[j + 1]?.text ?? '');
    if (!joins && (u.punct || CLAUSE_WORDS.has(w) || CUE_VERBS.has(w) || CUE_PARTICIPLES.has(w) || IRREGULAR_PAST.has(w))) break;
    // Right after the determiner an -ed word is an adjective ("the retired"); later it is the verb, as an -s word is, but not one in -ss ("boss", "actress").
    if (j > from + 1 && !isCapitalized(u.text) && /(?:ed|[^s]s)$/.test(w) && !GROUP_HEADS.has(w)) break;
    words.push(u);
  }
  // A comparison cut off before its "than" is no one: "The weaker than expected growth figure".
  if (text(tokens[from + words.length]) === 'than') return null;
  return shaped(words);
}

/** Keeps a phrase only if it can name a speaker: a pronoun, a name, or "the …" description. */
function shaped(all: readonly Token[]): Found | null {
  // An inverted cue that opens the sentence is no part of who spoke: "Said Wales coach Jo Roe: …".
  const words = all.length > 1 && isCapitalized(all[0]?.text ?? '') && CUE_VERBS.has(all[0]?.low ?? '') ? all.slice(1) : all;
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return null;
  const w0 = first.low;
  // "out of the U.S.", "for the EU", "hitting Trump for …", "Calling the plan a
  // disgrace": a phrase a preposition or a participle opens is not who spoke.
  const second = words[1];
  if (
    words.length > 1 &&
    ((!isCapitalized(first.text) && (PREPOSITIONS.has(w0) || /ing$/.test(w0))) || (/ing$/.test(w0) && second && !isCapitalized(second.text)))
  )
    return null;
  // "One of": a phrase cut off at a preposition names no one.
  if (words.length > 1 && !last.punct && !isCapitalized(last.text) && PREPOSITIONS.has(last.low)) return null;
  const ok =
    (words.length === 1 && PRONOUNS.has(w0)) ||
    words.some((t) => isCapitalized(t.text) && !CAPITAL_FUNCTION_WORDS.has(t.low)) ||
    (DETERMINERS.has(w0) && words.length >= 2) ||
    // "said another": the next of several unnamed speakers, never the last named one.
    (words.length === 1 && w0 === 'another') ||
    GROUP_HEADS.has(last.low);
  if (!ok) return null;
  return { phrase: words.map((t) => t.text).join(' '), at: first.start };
}
