// Direct quotations in an article body, each with who said it. Attribution
// is read from the narrative around a quote first; what it does not settle
// is inherited, in order, from the rest of a quote running over several
// paragraphs, a paragraph ending in a colon, the paragraph's other quotes,
// the paragraph's own narrative, and the quote paragraph before it.
import type { Quote } from '../model.js';
import {
  attributionAfter,
  attributionBefore,
  colonSpeaker,
  lastCueIn,
  previousSentenceSubject,
  sentenceStarts,
  sentenceSubject,
  type Found,
  type Paragraph,
} from './attribution.js';
import { findQuoteSpans, type QuoteSpan } from './quote-marks.js';
import { Cast } from './speakers.js';
import { Vocabulary } from './vocabulary.js';
import { isCapitalized, lower, tokenize, type Token } from './tokens.js';
import { CAPITAL_FUNCTION_WORDS, CLAUSE_WORDS, CUE_VERBS, PHRASE_LINKS, PRONOUNS } from './words.js';

interface Candidate {
  /** Index of the line-level paragraph the quote stands in (see `paragraphsOf`). */
  paragraph: number;
  /** Index of the body paragraph that holds it. */
  source: number;
  text: string;
  /** The speaker the quote's own attribution names, resolved. */
  speaker: string | null;
  /** Who the quote's sentence is about when no cue verb attributes it: weaker than a neighbour's attribution. */
  guess: string | null;
  /** The subject of the sentence before the quote in its paragraph, a last resort. */
  nearby: string | null;
  /** True when a cue verb touches the quote: a short phrase with one is still a quote. */
  cued: boolean;
  /** Quotes running over several paragraphs share an id; others have -1. */
  chain: number;
  /** True when the marks name a work ("…," by Jo Roe; a book titled "…"; "…" (1998)) or hold survey wording, not speech. */
  work: boolean;
  /** True when the quote is the first thing in its paragraph. */
  opens: boolean;
  /** True when narrative of the quote's own sentence stands before its opening mark. */
  midSentence: boolean;
  /** True when a possessive stands right before the opening mark (a network's "…"): what follows is a name the owner holds. */
  possessed: boolean;
}

interface ParagraphFacts {
  hasQuotes: boolean;
  /** The subject of the paragraph's last sentence, for a quote paragraph after it with no attribution. */
  lastSubject: string | null;
  /** Who the paragraph says is speaking when it ends with a colon. */
  colonSpeaker: string | null;
  /** The first attribution in the paragraph's own narrative. */
  narrativeSpeaker: string | null;
}

/** Articles up to this many characters keep their tokens between the two passes. */
const KEEP_TOKENS_CHARS = 200_000;

/** How many tokens before an opening mark a cue verb may stand and still introduce it. */
const CUE_TOUCH = 6;
const SHORT_QUOTE_WORDS = 3;

export function extractQuotes(body: string[]): Quote[] {
  // A reader must still show an article whose text defeats the extractor,
  // so an unforeseen failure costs the quotes, never the command.
  try {
    return resolve(scan(body));
  } catch {
    return [];
  }
}

function scan(body: readonly unknown[]): { found: Candidate[]; facts: ParagraphFacts[] } {
  const cast = new Cast();
  const found: Candidate[] = [];
  const facts: ParagraphFacts[] = [];
  let base = 0;
  let runningChain = -1;
  let chains = 0;
  const paragraphs = paragraphsOf(body);
  const vocabulary = new Vocabulary();
  // The tokens of an ordinary article are kept for the pass below; those of a
  // very long one are made again there, so that memory holds one paragraph's.
  const keep = paragraphs.reduce((n, { text }) => n + text.length, 0) <= KEEP_TOKENS_CHARS;
  const kept: Token[][] = [];
  for (const { text } of paragraphs) {
    const tokens = tokenize(text);
    vocabulary.add(tokens);
    if (keep) kept.push(tokens);
  }
  paragraphs.forEach(({ text: para, source }, p) => {
    const tokens = kept[p] ?? tokenize(para);
    const sign = found.length > 0 && (found[found.length - 1] as Candidate).paragraph === p - 1 ? signature(tokens) : null;
    if (sign) {
      // "- Jane Roe, a nurse." under a quote paragraph signs it: the line is attribution, not speech.
      cast.observe(tokens, base);
      const who = cast.resolve(sign.phrase, base + sign.at);
      signQuotesBefore(found, p, who);
      runningChain = -1;
      facts.push({ hasQuotes: false, lastSubject: null, colonSpeaker: null, narrativeSpeaker: who });
      base += para.length + 1;
      return;
    }
    const spans = findQuoteSpans(para).filter((s) => s.open >= 0 || runningChain >= 0);
    const bounds = spans.map((s) => tokenBounds(tokens, s));
    const narrative = narrativeRanges(bounds, tokens.length);
    for (const [a, b] of narrative) cast.observe(tokens.slice(a, b), base);
    const speak = (f: Found | null): string | null =>
      f && (f.phrase.includes(' ') || vocabulary.canName(f.phrase)) ? cast.resolve(f.phrase, base + f.at) : null;

    let carried = runningChain;
    runningChain = -1;
    const leading = para.length - para.trimStart().length;
    const quoted = new Uint8Array(tokens.length);
    for (const [oi, ci] of bounds) quoted.fill(1, oi, ci);
    const paragraph: Paragraph = { tokens, quoted, vocabulary };
    spans.forEach((span, k) => {
      const [oi, ci] = bounds[k] as [number, number];
      const nextOpen = k + 1 < bounds.length ? (bounds[k + 1] as [number, number])[0] : tokens.length;
      const text = quoteText(para, span);
      if (text === '') return;
      const after = span.closed ? attributionAfter(tokens, ci, nextOpen) : null;
      const raw = para.slice(span.open + 1, span.close).trimEnd();
      const sameSentence = after !== null && continuesSentence(raw, tokens[ci]);
      const before = sameSentence ? null : attributionBefore(paragraph, oi);
      const colon = before ? null : colonSpeaker(paragraph, oi);
      const hit = sameSentence ? after : (before ?? colon);
      const guess = hit ? null : (sentenceSubject(paragraph, oi) ?? after);
      const cued =
        sameSentence || colon !== null || (before !== null && lastCueIn(paragraph, Math.max(0, oi - CUE_TOUCH), oi) !== null);
      const opens = span.open <= leading;
      let chain = -1;
      if (k === 0 && opens && carried >= 0) chain = carried;
      else if (!span.closed) chain = chains++;
      carried = -1;
      if (!span.closed) runningChain = chain;
      const nearby = opens ? null : speak(previousSentenceSubject(paragraph, oi));
      const work = span.closed && namesWork(tokens, oi, ci, raw);
      const midSentence = span.open >= 0 && continuesNarrative(tokens[oi - 1]);
      const possessed = span.open >= 0 && isPossessive(tokens, oi - 1);
      found.push({ paragraph: p, source, text, speaker: speak(hit), guess: speak(guess), nearby, cued, chain, opens, work, midSentence, possessed });
    });

    const trimmed = para.trimEnd();
    const endsInColon = trimmed.endsWith(':') ? speak(lastSentenceCue(paragraph, narrative)) : null;
    facts.push({
      hasQuotes: spans.length > 0,
      lastSubject: spans.length > 0 ? null : speak(sentenceSubject(paragraph, lastSentenceEnd(tokens))),
      colonSpeaker: endsInColon,
      narrativeSpeaker: speak(firstCue(paragraph, narrative)),
    });
    base += para.length + 1;
  });
  return { found, facts };
}

/**
 * The body's paragraphs, each line of one a paragraph of its own: plain-text
 * sources often break paragraphs with a single newline, and a quotation
 * never runs over a line break unmarked.
 */
function paragraphsOf(body: readonly unknown[]): { text: string; source: number }[] {
  const out: { text: string; source: number }[] = [];
  body.forEach((raw, source) => {
    const text = typeof raw === 'string' ? raw : String(raw ?? '');
    if (!text.includes('\n')) {
      out.push({ text, source });
      return;
    }
    for (const line of text.split('\n')) if (line.trim() !== '') out.push({ text: line, source });
  });
  return out;
}

function resolve({ found, facts }: { found: Candidate[]; facts: ParagraphFacts[] }): Quote[] {
  const chainSpeaker = new Map<number, string>();
  for (const q of found) if (q.chain >= 0 && q.speaker && !chainSpeaker.has(q.chain)) chainSpeaker.set(q.chain, q.speaker);
  const lastSpeaker = new Map<number, string | null>();
  const nextSpeaker = laterSpeakers(found);
  const quotes: Quote[] = [];
  found.forEach((q, i) => {
    let speaker = q.speaker ?? (q.chain >= 0 ? (chainSpeaker.get(q.chain) ?? null) : null);
    const prevFacts = facts[q.paragraph - 1];
    if (!speaker && q.opens && prevFacts?.colonSpeaker) speaker = prevFacts.colonSpeaker;
    if (!speaker) speaker = neighbourSpeaker(found, quotes, nextSpeaker, i);
    if (!speaker) speaker = q.guess;
    if (!speaker) speaker = facts[q.paragraph]?.narrativeSpeaker ?? null;
    if (!speaker && q.opens && prevFacts?.hasQuotes) speaker = lastSpeaker.get(q.paragraph - 1) ?? null;
    if (!speaker && q.opens && prevFacts && !prevFacts.hasQuotes) speaker = prevFacts.narrativeSpeaker ?? prevFacts.lastSubject;
    if (!speaker) speaker = q.nearby;
    lastSpeaker.set(q.paragraph, speaker);
    if (!isQuotation(q)) return;
    quotes.push({ text: q.text, speaker, paragraph: q.source });
  });
  return quotes;
}

/** Index just past the last sentence's words, before its closing stop. */
function lastSentenceEnd(tokens: readonly Token[]): number {
  let end = tokens.length;
  while (end > 0 && (tokens[end - 1] as Token).punct) end--;
  return end;
}

const SIGNATURE_WORDS = 14;
const SIGNATURE_NAME_WORDS = 6;

/**
 * A line that only names a source, under a quote: "- Jane Roe.", "—Jane Roe,
 * a nurse in Leeds.", or the closing line of a quote left open, "Jane Roe,
 * nurse." Its name is the part before the first comma.
 */
function signature(tokens: readonly Token[]): Found | null {
  let k = 0;
  const dashed = /^[-–—]$/.test(tokens[0]?.text ?? '');
  if (dashed) k++;
  if (tokens.length - k > SIGNATURE_WORDS + 3) return null;
  const name: Token[] = [];
  for (; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.punct) break;
    name.push(t);
  }
  const stop = tokens[k];
  const rest = tokens.slice(k);
  if (name.length === 0 || name.length > SIGNATURE_NAME_WORDS) return null;
  if (!isCapitalized(name[0]?.text ?? '') || !name.some((t) => isCapitalized(t.text) && !CAPITAL_FUNCTION_WORDS.has(lower(t.text)))) return null;
  if (name.some((t) => !isCapitalized(t.text) && (CLAUSE_WORDS.has(lower(t.text)) || PRONOUNS.has(lower(t.text))))) return null;
  if (name.some((t) => PRONOUNS.has(lower(t.text)) || CAPITAL_FUNCTION_WORDS.has(lower(t.text)) && t === name[0])) return null;
  // Undashed, the line must close the quote above it and say nothing more.
  const closesQuote = rest.some((t) => /["”]/.test(t.text)) && !rest.some((t) => /[“]/.test(t.text));
  if (!dashed && !closesQuote) return null;
  if (stop && !/^[.,"”]$/.test(stop.text)) return null;
  if (rest.some((t) => !t.punct && (CUE_VERBS.has(t.text) || CLAUSE_WORDS.has(lower(t.text)) && !PHRASE_LINKS.has(lower(t.text)) && lower(t.text) !== 'at' && lower(t.text) !== 'in'))) return null;
  const first = name[0] as Token;
  return { phrase: name.map((t) => t.text).join(' '), at: first.start };
}

/** Gives a signed quote paragraph, and the rest of a quote running into it, the signature's speaker. */
function signQuotesBefore(found: Candidate[], p: number, who: string | null): void {
  if (!who) return;
  let para = p - 1;
  for (let i = found.length - 1; i >= 0; i--) {
    const q = found[i] as Candidate;
    if (q.paragraph < para) {
      if (q.paragraph !== para - 1 || q.chain < 0) break;
      para = q.paragraph;
    }
    if (q.speaker === null) q.speaker = who;
  }
}

/** A quote without attribution takes its paragraph neighbour's: the one before, else the one after. */
function neighbourSpeaker(found: readonly Candidate[], done: readonly Quote[], nextSpeaker: readonly (string | null)[], i: number): string | null {
  const q = found[i] as Candidate;
  const prev = done[done.length - 1];
  if (prev && prev.paragraph === q.paragraph && prev.speaker) return prev.speaker;
  return nextSpeaker[i] ?? null;
}

/** For each quote, the nearest later quote's own speaker in the same paragraph, found in one backward pass. */
function laterSpeakers(found: readonly Candidate[]): (string | null)[] {
  const later: (string | null)[] = new Array<string | null>(found.length).fill(null);
  for (let i = found.length - 2; i >= 0; i--) {
    const next = found[i + 1] as Candidate;
    if (next.paragraph === (found[i] as Candidate).paragraph) later[i] = next.speaker ?? later[i + 1] ?? null;
  }
  return later;
}

/** Short phrases and titles in quotation marks are scare quotes or names unless a cue verb claims them. */
function isQuotation(q: Candidate): boolean {
  if (q.work) return false;
  const words = q.text.split(/\s+/).filter(Boolean);
  // A cue verb does not make a programme a quote: 'she said on a network's "Morning Show."'
  if (q.cued) return !(q.possessed && looksLikeTitle(words, q.midSentence));
  if (words.length <= SHORT_QUOTE_WORDS) return false;
  return !looksLikeTitle(words, q.midSentence);
}

const TITLE_SMALL_WORDS = new Set('of the a an and or in on at to for with by from vs is are as up'.split(' '));

function looksLikeTitle(words: readonly string[], midSentence: boolean): boolean {
  if (words.length > 10) return false;
  // American style keeps the sentence's own stop inside the closing mark:
  // in 'the host of "The Late Show."' the stop ends the narrative, not the
  // title. A capitalised sentence standing on its own is still speech, and
  // so is one in capitals throughout: that is shouting, not title case.
  const shouted = !words.some((w) => /\p{Ll}/u.test(w));
  const bare = midSentence && !shouted ? words.map((w, k) => (k === words.length - 1 ? w.replace(/[.,!?]$/, '') : w)) : words;
  const last = bare[bare.length - 1] ?? '';
  if (/[.!?,;:]$/.test(last)) return false;
  return bare.every((w, k) => isCapitalized(w) || (k > 0 && TITLE_SMALL_WORDS.has(w)) || !/\p{L}/u.test(w));
}

function quoteText(para: string, span: QuoteSpan): string {
  return para
    .slice(span.open + 1, span.close)
    .trim()
    .replace(/\s*,$/, '');
}

const WORK_CUES = new Set(['titled', 'entitled', 'headlined', 'headline', 'subtitled']);

const DATING_REACH = 8;

/**
 * Headlines, books, songs and posters cited in marks: `"…," by Jo Roe` (a
 * byline after the title's own comma), `an essay titled "…"`, or `"…" (1998)`
 * (a date in brackets after the closing mark, as works are cited); and the
 * wording of a survey question.
 */
function namesWork(tokens: readonly Token[], open: number, close: number, raw: string): boolean {
  const next = tokens[close];
  // A headline starts with a capital; a phrase that does not is speech the
  // sentence goes on to blame on someone: '"ugliness," by the mayor'.
  const headline = /^\P{L}*\p{Lu}/u.test(raw) && /,['’]?$/.test(raw);
  const byline = headline && next !== undefined && lower(next.text) === 'by';
  let prev = open - 1;
  if (tokens[prev]?.text === ',') prev--;
  return byline || WORK_CUES.has(lower(tokens[prev]?.text ?? '')) || isDated(tokens, close) || isPollWording(tokens, close);
}

/**
 * Survey wording is answered by a share, not said by anyone: 'Asked whether
 * the mayor "cares about the city," 60 percent said yes.'
 */
function isPollWording(tokens: readonly Token[], close: number): boolean {
  let k = close;
  if (tokens[k]?.text === ',') k++;
  const share = tokens[k];
  const unit = lower(tokens[k + 1]?.text ?? '');
  return share !== undefined && /^\d+(?:\.\d+)?$/.test(share.text) && (unit === 'percent' || unit === '%' || unit === 'per');
}

/** Does a bracket holding a year open at `k`: "(1998)", "(a poster, 2003)"? */
function isDated(tokens: readonly Token[], k: number): boolean {
  if (tokens[k]?.text !== '(') return false;
  for (let j = k + 1; j < tokens.length && j <= k + DATING_REACH; j++) {
    const t = tokens[j] as Token;
    if (t.text === ')') return false;
    if (/^(?:1[5-9]|20)\d\d$/.test(t.text)) return true;
  }
  return false;
}

/** Does the narrative after a quote carry on the quote's sentence ("…," he said) rather than start a new one? */
function continuesSentence(quoted: string, next: Token | undefined): boolean {
  if (!next) return false;
  // A question or exclamation, a dash or an ellipsis can end a quote inside
  // its sentence: `"Why now?" Smith asked.`
  // A quote that ends on a nested one ("…, 'He's the ringleader,'") ends where that one does.
  if (/[,?!\u2014\u2013\-…]$/.test(quoted.replace(/['’]+$/, '')) || next.text === ',') return true;
  return !next.punct && !isCapitalized(next.text);
}

/** Is the token at `k` a possessive: "network's", "networks'"? */
function isPossessive(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (!t) return false;
  if (!t.punct) return /['’]s$/i.test(t.text);
  const word = tokens[k - 1];
  return /^['’]$/.test(t.text) && word !== undefined && word.end === t.start && /s$/i.test(word.text);
}

/** Does a token before an opening mark belong to the quote's own sentence, rather than end the one before or introduce speech? */
function continuesNarrative(prev: Token | undefined): boolean {
  return prev !== undefined && !prev.stop && !/^[:"“”]$/.test(prev.text);
}

/** Token indices [opening mark, first token after the closing mark] of a span. */
function tokenBounds(tokens: readonly Token[], span: QuoteSpan): [number, number] {
  const open = firstAtOrAfter(tokens, Math.max(0, span.open));
  const close = span.closed ? firstAtOrAfter(tokens, span.close + 1) : tokens.length;
  return [span.open < 0 ? 0 : open, close];
}

function firstAtOrAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Token ranges outside every quote. */
function narrativeRanges(bounds: readonly [number, number][], length: number): [number, number][] {
  const ranges: [number, number][] = [];
  let at = 0;
  for (const [open, close] of bounds) {
    if (open > at) ranges.push([at, open]);
    at = Math.max(at, close);
  }
  if (at < length) ranges.push([at, length]);
  return ranges;
}

function firstCue(p: Paragraph, narrative: readonly [number, number][]): Found | null {
  for (const [a, b] of narrative) {
    const starts = sentenceStarts(p.tokens, a, b);
    for (let s = 0; s < starts.length; s++) {
      const hit = lastCueIn(p, starts[s] as number, starts[s + 1] ?? b);
      if (hit) return hit;
    }
  }
  return null;
}

function lastSentenceCue(p: Paragraph, narrative: readonly [number, number][]): Found | null {
  const last = narrative[narrative.length - 1];
  if (!last || last[1] !== p.tokens.length) return null;
  const starts = sentenceStarts(p.tokens, last[0], last[1]);
  return lastCueIn(p, starts[starts.length - 1] ?? last[0], last[1]);
}
