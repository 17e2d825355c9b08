// Reading who a quote is attributed to from the narrative words around it.
// Everything here walks a bounded number of tokens from the quote, so a huge
// paragraph costs time in proportion to its quotes, never their square.
import { endsSentence, isCapitalized, lower, type Token } from './tokens.js';
import {
  CAPITAL_FUNCTION_WORDS,
  CLAUSE_WORDS,
  CUE_MODIFIERS,
  CUE_PARTICIPLES,
  CUE_VERBS,
  DETERMINERS,
  GROUP_HEADS,
  PHRASE_LINKS,
  PRONOUNS,
  TIME_WORDS,
} from './words.js';

/** A speaker phrase as the article writes it, and where it stands. */
export interface Found {
  phrase: string;
  /** Offset of the phrase in the paragraph. */
  at: number;
}

const MAX_PHRASE = 10;
const SUBJECT_REACH = 16;
const SENTENCE_REACH = 80;
const APPOSITIVE_REACH = 40;
const PREPOSITIONS = new Set('in on at from to by with into during near for of about after before over under across like'.split(' '));

const isCue = (t: Token | undefined): boolean => t !== undefined && !t.punct && CUE_VERBS.has(t.text);
const isParticiple = (t: Token | undefined): boolean => t !== undefined && !t.punct && CUE_PARTICIPLES.has(t.text);
const isMark = (t: Token | undefined): boolean => t !== undefined && t.punct && /["“”„]/.test(t.text);
const text = (t: Token | undefined): string => (t ? lower(t.text) : '');

/** A paragraph's tokens, with those inside quotation marks flagged: cues and subjects are never read from them. */
export interface Paragraph {
  tokens: readonly Token[];
  quoted: Uint8Array;
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
  const end = Math.min(to, i + SUBJECT_REACH);
  for (let k = i; k < end; k++) {
    const t = tokens[k];
    if (!t || endsSentence(t) || isMark(t)) return null;
    if (text(t) === 'according' && text(tokens[k + 1]) === 'to') return phraseForward(tokens, k + 2, to);
    if (!isCue(t)) continue;
    // Inverted only when the verb comes first (`"…," said Smith`); `"…,"
    // Smith, a spokesman, told Reuters` has its subject before the verb.
    if (k === i) return phraseForward(tokens, text(tokens[k + 1]) === 'by' ? k + 2 : k + 1, to);
    return subjectBetween(tokens, i, k) ?? (tokens[k - 1]?.text === ',' ? phraseForward(tokens, k + 1, to) : null);
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

/** The attribution in tokens [from, to), the cue nearest the end first. */
export function lastCueIn(p: Paragraph, from: number, to: number): Found | null {
  const { tokens, quoted } = p;
  for (let k = to - 1; k >= from; k--) {
    if (quoted[k]) continue;
    const t = tokens[k];
    if (isCue(t)) {
      if (text(tokens[k + 1]) === 'by') return phraseForward(tokens, k + 2, to);
      const found = subjectBefore(tokens, k, from);
      if (found) return found;
    } else if (isParticiple(t)) {
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
  const hit = collectBackward(tokens, e, sentenceStart(p, to));
  return hit && opensClause(tokens, hit.index - 1, 0) ? hit.found : null;
}

/**
 * The subject of the sentence a quote stands in when no cue verb attributes
 * it (`Comey indicated that officials "should have known …"`).
 */
export function sentenceSubject(p: Paragraph, to: number): Found | null {
  const s = sentenceStart(p, to);
  return s < to ? clauseSubject(p, s, to) : null;
}

/** The subject of the sentence before the one at `to` (`Clinton touted her record. "…"`). */
export function previousSentenceSubject(p: Paragraph, to: number): Found | null {
  const s = sentenceStart(p, to);
  if (s === 0 || p.quoted[s - 1]) return null;
  const prev = sentenceStart(p, s - 1);
  return clauseSubject(p, prev, s - 1);
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
function subjectBefore(tokens: readonly Token[], verb: number, floor: number): Found | null {
  let e = skipBetweenSubjectAndVerb(tokens, verb - 1, floor);
  if (e < floor) return null;
  if (tokens[e]?.text === ',') {
    // "Smith, a spokesman for the group, said", "Smith, 45, said", "Smith,
    // at a rally in Columbus, Ohio, said": the subject is the phrase before
    // a comma that opens its clause, not one a preposition governs.
    for (let c = e - 1; c >= floor && e - c < APPOSITIVE_REACH; c--) {
      if (tokens[c]?.text !== ',') continue;
      const hit = collectBackward(tokens, c - 1, floor);
      if (hit && opensClause(tokens, hit.index - 1, floor)) return hit.found;
    }
    return null;
  }
  if (text(tokens[e]) === 'who' && tokens[e - 1]?.text === ',') return collectBackward(tokens, e - 2, floor)?.found ?? null;
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

const TIME_PREPOSITIONS = new Set(['on', 'last', 'this', 'early', 'late']);

function opensClause(tokens: readonly Token[], k: number, floor: number): boolean {
  const t = tokens[k];
  if (k < floor || !t || t.punct) return true;
  return !PREPOSITIONS.has(lower(t.text));
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
  return asSubject(first) ?? (parts.length > 1 ? asSubject(last) : null);
}

function asSubject(words: readonly Token[]): Found | null {
  const bad = words.some(
    (t) => t.punct || (!isCapitalized(t.text) && CLAUSE_WORDS.has(lower(t.text)) && !PHRASE_LINKS.has(lower(t.text))),
  );
  return bad ? null : shaped(words);
}

function collectBackward(tokens: readonly Token[], end: number, floor: number): { found: Found; index: number } | null {
  const words: Token[] = [];
  let k = end;
  while (k >= floor && words.length < MAX_PHRASE) {
    const t = tokens[k] as Token;
    const w = lower(t.text);
    if (t.punct) break;
    if (PRONOUNS.has(w)) {
      if (words.length === 0) words.push(t);
      break;
    }
    if (DETERMINERS.has(w)) {
      words.unshift(t);
      k--;
      // "the head of the agency": a determiner ends the phrase unless a link joins it on.
      if (k >= floor && PHRASE_LINKS.has(text(tokens[k]))) continue;
      break;
    }
    if (isCapitalized(t.text) ? CAPITAL_FUNCTION_WORDS.has(w) : CLAUSE_WORDS.has(w) && !PHRASE_LINKS.has(w)) break;
    if (TIME_WORDS.has(w) || isCue(t) || isParticiple(t)) break;
    words.unshift(t);
    k--;
  }
  while (words.length > 0 && PHRASE_LINKS.has(text(words[0]))) words.shift();
  const found = shaped(words);
  return found ? { found, index: k + 1 } : null;
}

function phraseForward(tokens: readonly Token[], from: number, to: number): Found | null {
  const words: Token[] = [];
  for (let k = from; k < to && words.length < MAX_PHRASE; k++) {
    const t = tokens[k] as Token;
    const w = lower(t.text);
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
      if (prev && !PHRASE_LINKS.has(lower(prev.text))) break;
      words.push(t);
      continue;
    }
    if (PHRASE_LINKS.has(w) && words.length === 0) break;
    if (isCapitalized(t.text) ? CAPITAL_FUNCTION_WORDS.has(w) : CLAUSE_WORDS.has(w) && !PHRASE_LINKS.has(w)) break;
    words.push(t);
  }
  while (words.length > 0 && PHRASE_LINKS.has(text(words[words.length - 1]))) words.pop();
  return shaped(words);
}

/**
 * The subject of the clause in tokens [from, to): a pronoun, a run of
 * capitalised words, or a determiner and the words up to the verb. An
 * opening adverbial ("In Washington,", "Addressing the crowd,") is skipped.
 */
function clauseSubject(p: Paragraph, from: number, to: number): Found | null {
  const { tokens, quoted } = p;
  let k = from;
  const opener = tokens[k];
  if (opener && !opener.punct && (CAPITAL_FUNCTION_WORDS.has(lower(opener.text)) || /ing$/.test(opener.text)) && !DETERMINERS.has(lower(opener.text))) {
    let c = k;
    while (c < to && c - k < SUBJECT_REACH && tokens[c]?.text !== ',') c++;
    if (tokens[c]?.text === ',') k = c + 1;
  }
  for (; k < to; k++) {
    const t = tokens[k] as Token;
    if (t.punct || quoted[k]) continue;
    const w = lower(t.text);
    if (PRONOUNS.has(w) && w !== 'who') return shaped([t]);
    // "the Wisconsin Republican" is a description to keep whole, not the name "Wisconsin Republican".
    if (DETERMINERS.has(w) && (isCapitalized(t.text) || (w === 'the' && isCapitalized(tokens[k + 1]?.text ?? '') && !quoted[k + 1]))) {
      return determinedPhrase(tokens, k, to);
    }
    if (isCapitalized(t.text) && !CAPITAL_FUNCTION_WORDS.has(w) && !TIME_WORDS.has(w)) {
      const words: Token[] = [];
      for (let j = k; j < to && words.length < MAX_PHRASE; j++) {
        const u = tokens[j] as Token;
        if (u.punct || !isCapitalized(u.text)) break;
        words.push(u);
      }
      return shaped(words);
    }
  }
  return null;
}

/** "The retired neurosurgeon addressed …": the determiner's words up to the first verb-like word. */
function determinedPhrase(tokens: readonly Token[], from: number, to: number): Found | null {
  const words: Token[] = [tokens[from] as Token];
  for (let j = from + 1; j < to && words.length < MAX_PHRASE; j++) {
    const u = tokens[j] as Token;
    const w = lower(u.text);
    if (u.punct || CLAUSE_WORDS.has(w) || CUE_VERBS.has(w) || CUE_PARTICIPLES.has(w)) break;
    // Right after the determiner an -ed word is an adjective ("the retired"); later it is the verb.
    if (j > from + 1 && !isCapitalized(u.text) && /(?:ed|s)$/.test(w) && !GROUP_HEADS.has(w)) break;
    words.push(u);
  }
  return shaped(words);
}

/** Keeps a phrase only if it can name a speaker: a pronoun, a name, or "the …" description. */
function shaped(words: readonly Token[]): Found | null {
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return null;
  const w0 = lower(first.text);
  const ok =
    (words.length === 1 && PRONOUNS.has(w0)) ||
    words.some((t) => isCapitalized(t.text) && !CAPITAL_FUNCTION_WORDS.has(lower(t.text))) ||
    (DETERMINERS.has(w0) && words.length >= 2) ||
    GROUP_HEADS.has(lower(last.text));
  if (!ok) return null;
  return { phrase: words.map((t) => t.text).join(' '), at: first.start };
}
