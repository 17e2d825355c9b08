// One paragraph → the quotes in it, read as far as that paragraph can tell:
// each quote's text, the attribution around it, what the marks may hold
// instead of speech, and the facts about the paragraph that the quotes of the
// next one may take their speaker from. What a paragraph hands to the next is
// in `Carry`; the article-wide knowledge it reads with is in `ArticleContext`.
// Who speaks is settled across paragraphs afterwards, in resolve.ts.
import {
  attributionAfter,
  attributionBefore,
  colonSpeaker,
  lastCueIn,
  previousSentenceCue,
  previousSentenceSubject,
  sentenceStarts,
  sentenceSubject,
  type Found,
  type Paragraph,
} from './attribution.js';
import { findQuoteSpans, type QuoteSpan } from './marks.js';
import type { Cast } from './speakers.js';
import { isCapitalized, type Token } from './tokens.js';
import type { Vocabulary } from './vocabulary.js';
import { CAPITAL_FUNCTION_WORDS, CLAUSE_WORDS, CUE_VERBS, PHRASE_LINKS, PRONOUNS, SHARE_UNITS, SIGNATURE_LINKS, WORK_CUES } from './words.js';

/** A quote as its own paragraph reads it; resolve.ts decides its speaker and whether it is speech at all. */
export interface Candidate {
  /** Index of the line-level paragraph the quote stands in (see `linesOf` in extract.ts). */
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
  /** Who the sentence before the quote says is speaking, when narrative stands between it and the paragraph's quote before: `"…" She said she wished … "…"`. */
  told: string | null;
  /** True when a cue verb touches the quote: a short phrase with one is still a quote. */
  cued: boolean;
  /** Quotes running over several paragraphs share an id; others have -1. */
  chain: number;
  /** True when the marks name a work ("…," by Jo Roe; a book titled "…"; "…" (1998)) or hold survey wording, not speech. */
  work: boolean;
  /** True when the quote is the first thing in its paragraph. */
  opens: boolean;
  /** True when a sentence of narrative stands between the paragraph's quote before this one and this one: this one's speaker does not reach back over it. */
  narrated: boolean;
  /** True when narrative of the quote's own sentence stands before its opening mark. */
  midSentence: boolean;
  /** True when a possessive stands right before the opening mark (a network's "…"): what follows is a name the owner holds. */
  possessed: boolean;
}

export interface ParagraphFacts {
  hasQuotes: boolean;
  /** The subject of the paragraph's last sentence, for a quote paragraph after it with no attribution. */
  lastSubject: string | null;
  /** Who the paragraph says is speaking when it ends with a colon. */
  colonSpeaker: string | null;
  /** The first attribution in the paragraph's own narrative. */
  narrativeSpeaker: string | null;
  /** The paragraph ends with a quote and at most its attribution: `… "It was a fine goal," said the striker.` */
  endsInQuote: boolean;
  /** The narrative's first attribution comes after a quote that ended its own sentence: it names who speaks next, not before. */
  narrativeLate: boolean;
}

/** What reading one paragraph hands to the reading of the next. */
export interface Carry {
  /** Offset of the paragraph in the body laid end to end: the cast orders mentions by it. */
  base: number;
  /** The chain of the quote the paragraph before left open, or -1. */
  openChain: number;
  /** How many chains have been numbered: the id of the next one. */
  chains: number;
  /** Whether the paragraph before held a quote, which a signature line would sign. */
  afterQuote: boolean;
}

export const FIRST_CARRY: Carry = { base: 0, openChain: -1, chains: 0, afterQuote: false };

/** What the article as a whole says, which a paragraph is read against. */
export interface ArticleContext {
  /** The names met so far. Reading a paragraph adds its own, and the speakers it resolves: the cast is the one state shared beyond `Carry`. */
  cast: Cast;
  /** Every word of the article, gathered before any paragraph is read. */
  vocabulary: Vocabulary;
}

/** A paragraph of text and where it stands. */
export interface Line {
  text: string;
  /** Index among the article's line-level paragraphs. */
  index: number;
  /** Index of the body paragraph it comes from. */
  source: number;
}

/** Everything reading one paragraph finds. */
export interface ParagraphReading {
  quotes: Candidate[];
  facts: ParagraphFacts;
  /** For a signature line ("- Jane Roe, a nurse."): the speaker it gives the quotes above it. */
  signs: string | null;
  next: Carry;
}

/** How many tokens before an opening mark a cue verb may stand and still introduce it: "Smith said on Tuesday that …" but no further. */
const CUE_TOUCH = 6;

/** Longest section header: a few words in capitals. */
const SECTION_HEADER_CHARS = 80;

/** Most words in a signature line; more make it narrative. */
const SIGNATURE_WORDS = 14;
/** The punctuation a signature line may add to its words: a dash, a comma after the name, a full stop and a closing mark. */
const SIGNATURE_PUNCTUATION = 3;
/** Most words in a signature's name, title included: "Rev. Dr. Mary Ann Lee Jr.". */
const SIGNATURE_NAME_WORDS = 6;

/** How far into a bracket after a closing mark a year may stand to date a work: "(1998)", "(a poster, 2003)". */
const DATING_REACH = 8;
/** The years a cited work's date is written with: 1500 to 2099. */
const YEAR = /^(?:1[5-9]|20)\d\d$/;

/** The facts of a paragraph that holds no quote and names no speaker. */
const NO_QUOTES: ParagraphFacts = { hasQuotes: false, lastSubject: null, colonSpeaker: null, narrativeSpeaker: null, endsInQuote: false, narrativeLate: false };

export function readParagraph(line: Line, tokens: readonly Token[], carry: Carry, article: ArticleContext): ParagraphReading {
  const { text: para, index: p, source } = line;
  const { base } = carry;
  const nextBase = base + para.length + 1;
  const sign = carry.afterQuote ? signature(tokens) : null;
  if (sign) {
    // "- Jane Roe, a nurse." under a quote paragraph signs it: the line is attribution, not speech.
    article.cast.observe(tokens, base);
    const who = article.cast.resolve(sign.phrase, base + sign.at);
    return {
      quotes: [],
      facts: { ...NO_QUOTES, narrativeSpeaker: who },
      signs: who,
      next: { base: nextBase, openChain: -1, chains: carry.chains, afterQuote: false },
    };
  }

  // A closing mark with no opener ends a quote only when the paragraph before left one open.
  const spans = findQuoteSpans(para).filter((s) => s.open >= 0 || carry.openChain >= 0);
  if (spans.length === 0 && isSectionHeader(para)) {
    // "ON TRADE" heads a section: it names a topic, not a speaker for the quotes below it.
    return {
      quotes: [],
      facts: NO_QUOTES,
      signs: null,
      next: { base: nextBase, openChain: -1, chains: carry.chains, afterQuote: false },
    };
  }
  const bounds = spans.map((s) => tokenBounds(tokens, s));
  const narrative = narrativeRanges(bounds, tokens.length);
  // The whole paragraph is read as it is, without a copy.
  for (const [a, b] of narrative) article.cast.observe(a === 0 && b === tokens.length ? tokens : tokens.slice(a, b), base);
  const speak = (f: Found | null): string | null => speakerOf(f, article, base);
  const quoted = new Uint8Array(tokens.length);
  for (const [oi, ci] of bounds) quoted.fill(1, oi, ci);
  const paragraph: Paragraph = { tokens, quoted, vocabulary: article.vocabulary };
  const leading = para.length - para.trimStart().length;

  const quotes: Candidate[] = [];
  let chains = carry.chains;
  let openChain = -1;
  spans.forEach((span, k) => {
    const text = quoteText(para, span);
    if (text === '') return;
    const opens = span.open <= leading;
    const before = spans[k - 1];
    const gap = before === undefined ? '' : para.slice(before.close + 1, span.open);
    const stop = gap.search(/[.!?]/);
    const narrated = stop > 0 && /\p{L}/u.test(gap.slice(0, stop));
    // The paragraph's first quote goes on with a quote the paragraph before left open; a quote left open here starts a chain.
    let chain = -1;
    if (k === 0 && opens && carry.openChain >= 0) chain = carry.openChain;
    else if (!span.closed) chain = chains++;
    if (!span.closed) openChain = chain;
    const nextOpen = k + 1 < bounds.length ? (bounds[k + 1] as [number, number])[0] : tokens.length;
    quotes.push(readQuote(para, paragraph, span, bounds[k] as [number, number], nextOpen, { text, opens, narrated, chain, paragraph: p, source }, speak));
  });

  const cue = firstCue(paragraph, narrative);
  const endsInColon = para.trimEnd().endsWith(':') ? speak(lastSentenceCue(paragraph, narrative)) : null;
  const facts: ParagraphFacts = {
    hasQuotes: spans.length > 0,
    lastSubject: spans.length > 0 ? null : speak(sentenceSubject(paragraph, lastSentenceEnd(tokens))),
    colonSpeaker: endsInColon,
    narrativeSpeaker: speak(cue),
    endsInQuote: spans.length > 0 && endsInQuote(para, spans[spans.length - 1] as QuoteSpan),
    narrativeLate: cue !== null && closesSentenceBefore(para, spans, cue.at),
  };
  return { quotes, facts, signs: null, next: { base: nextBase, openChain, chains, afterQuote: quotes.length > 0 } };
}

/**
 * A speaker phrase resolved to the name the cast knows. A one-word phrase
 * that the article's own words show to be an ordinary word ("Shortly") names
 * no one.
 */
function speakerOf(f: Found | null, article: ArticleContext, base: number): string | null {
  if (!f || !(f.phrase.includes(' ') || article.vocabulary.canName(f.phrase))) return null;
  return article.cast.resolve(f.phrase, base + f.at);
}

/**
 * One quote: the attribution its own sentence gives it, and the signs that
 * the marks hold a name or a title rather than speech.
 */
function readQuote(
  para: string,
  paragraph: Paragraph,
  span: QuoteSpan,
  [oi, ci]: [number, number],
  nextOpen: number,
  where: Pick<Candidate, 'text' | 'opens' | 'narrated' | 'chain' | 'paragraph' | 'source'>,
  speak: (f: Found | null) => string | null,
): Candidate {
  const { tokens } = paragraph;
  const after = span.closed ? attributionAfter(tokens, ci, nextOpen) : null;
  const raw = para.slice(span.open + 1, span.close).trimEnd();
  const sameSentence = after !== null && continuesSentence(raw, tokens[ci]);
  const before = sameSentence ? null : attributionBefore(paragraph, oi);
  const colon = before ? null : colonSpeaker(paragraph, oi);
  const hit = sameSentence ? after : (before ?? colon);
  const guess = hit ? null : (sentenceSubject(paragraph, oi) ?? after);
  const cued = sameSentence || colon !== null || (before !== null && lastCueIn(paragraph, Math.max(0, oi - CUE_TOUCH), oi) !== null);
  // The cast remembers each speaker it resolves, so the order of these three calls is part of the result.
  const nearby = where.opens ? null : speak(previousSentenceSubject(paragraph, oi));
  const told = where.narrated ? speak(previousSentenceCue(paragraph, oi)) : null;
  const speaker = speak(hit);
  const guessed = speak(guess);
  // The fields are listed rather than spread from `where`: a spread copies slowly, and this runs for every quote.
  return {
    text: where.text,
    opens: where.opens,
    narrated: where.narrated,
    chain: where.chain,
    paragraph: where.paragraph,
    source: where.source,
    speaker,
    guess: guessed,
    nearby,
    told,
    cued,
    work: span.closed && namesWork(tokens, oi, ci, raw),
    midSentence: span.open >= 0 && continuesNarrative(tokens[oi - 1]),
    possessed: span.open >= 0 && isPossessive(tokens, oi - 1),
  };
}

/** Does the paragraph end with the quote `last`, or with the one sentence that holds it and its cue? */
function endsInQuote(para: string, last: QuoteSpan): boolean {
  if (!last.closed) return true;
  const tail = para.slice(last.close + 1).trimEnd();
  const stop = tail.search(/[.!?]/);
  return stop < 0 || stop === tail.length - 1;
}

/** Does the last quote before offset `at` end its own sentence ("… coming through." Duff explained)? */
function closesSentenceBefore(para: string, spans: readonly QuoteSpan[], at: number): boolean {
  const before = spans.findLast((s) => s.closed && s.close < at);
  return before !== undefined && /[.!?]$/.test(para.slice(before.open + 1, before.close).trimEnd());
}

/** Index just past the last sentence's words, before its closing stop. */
function lastSentenceEnd(tokens: readonly Token[]): number {
  let end = tokens.length;
  while (end > 0 && (tokens[end - 1] as Token).punct) end--;
  return end;
}

/**
 * A line that only names a source, under a quote: "- Jane Roe.", "—Jane Roe,
 * a nurse in Leeds.", or the closing line of a quote left open, "Jane Roe,
 * nurse." Its name is the part before the first comma.
 */
function signature(tokens: readonly Token[]): Found | null {
  let k = 0;
  const dashed = /^[-–—]$/.test(tokens[0]?.text ?? '');
  if (dashed) k++;
  if (tokens.length - k > SIGNATURE_WORDS + SIGNATURE_PUNCTUATION) return null;
  const name: Token[] = [];
  for (; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.punct) break;
    name.push(t);
  }
  const stop = tokens[k];
  const rest = tokens.slice(k);
  if (name.length === 0 || name.length > SIGNATURE_NAME_WORDS) return null;
  if (!isCapitalized(name[0]?.text ?? '') || !name.some((t) => isCapitalized(t.text) && !CAPITAL_FUNCTION_WORDS.has(t.low))) return null;
  if (name.some((t) => !isCapitalized(t.text) && (CLAUSE_WORDS.has(t.low) || PRONOUNS.has(t.low)))) return null;
  if (name.some((t) => PRONOUNS.has(t.low) || (CAPITAL_FUNCTION_WORDS.has(t.low) && t === name[0]))) return null;
  // Undashed, the line must close the quote above it and say nothing more.
  const closesQuote = rest.some((t) => /["”]/.test(t.text)) && !rest.some((t) => /[“]/.test(t.text));
  if (!dashed && !closesQuote) return null;
  if (stop && !/^[.,"”]$/.test(stop.text)) return null;
  if (rest.some((t) => !t.punct && (CUE_VERBS.has(t.text) || startsClause(t.low)))) return null;
  const first = name[0] as Token;
  return { phrase: name.map((t) => t.text).join(' '), at: first.start };
}

/** After a signature's name, a word that starts a clause: the line says more than who spoke. */
function startsClause(w: string): boolean {
  return CLAUSE_WORDS.has(w) && !PHRASE_LINKS.has(w) && !SIGNATURE_LINKS.has(w);
}

/** A short line in capitals throughout: a section header, not narrative. */
function isSectionHeader(para: string): boolean {
  return para.length <= SECTION_HEADER_CHARS && /\p{Lu}\p{Lu}/u.test(para) && !/\p{Ll}/u.test(para);
}

function quoteText(para: string, span: QuoteSpan): string {
  return para
    .slice(span.open + 1, span.close)
    .trim()
    .replace(/\s*,$/, '');
}

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
  const byline = headline && next !== undefined && next.low === 'by';
  let prev = open - 1;
  if (tokens[prev]?.text === ',') prev--;
  return byline || WORK_CUES.has(tokens[prev]?.low ?? '') || isDated(tokens, close) || isPollWording(tokens, close);
}

/**
 * Survey wording is answered by a share, not said by anyone: 'Asked whether
 * the mayor "cares about the city," 60 percent said yes.'
 */
function isPollWording(tokens: readonly Token[], close: number): boolean {
  let k = close;
  if (tokens[k]?.text === ',') k++;
  const share = tokens[k];
  return share !== undefined && /^\d+(?:\.\d+)?$/.test(share.text) && SHARE_UNITS.has(tokens[k + 1]?.low ?? '');
}

/** Does a bracket holding a year open at `k`: "(1998)", "(a poster, 2003)"? */
function isDated(tokens: readonly Token[], k: number): boolean {
  if (tokens[k]?.text !== '(') return false;
  for (let j = k + 1; j < tokens.length && j <= k + DATING_REACH; j++) {
    const t = tokens[j] as Token;
    if (t.text === ')') return false;
    if (YEAR.test(t.text)) return true;
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
