// Settles who said each quote, once every paragraph has been read, and drops
// what the marks hold that is not speech. Attribution read around a quote
// comes first; what it does not settle is inherited, in order, from the rest
// of a quote running over several paragraphs, a paragraph ending in a colon,
// a sentence between two quotes that says who speaks next, the paragraph's
// other quotes, the quote paragraph before it when this one names a new
// speaker only later, the paragraph's own narrative, and the quote paragraph
// before it. A quote left open ends where the writer names its speaker.
import type { Quote } from '../../model.js';
import type { Candidate, ParagraphFacts } from './paragraph.js';
import { isCapitalized } from './tokens.js';
import { TITLE_SMALL_WORDS, TITLES } from './words.js';

/** Quotes of this many words or fewer are scare quotes, coined terms or names unless a cue verb claims them: speech runs longer. */
const SHORT_QUOTE_WORDS = 3;
/** Titles of works and programmes are short; a longer run of capitalised words in marks is a sentence. */
const TITLE_MAX_WORDS = 10;

export function resolveSpeakers(found: readonly Candidate[], facts: readonly ParagraphFacts[]): Quote[] {
  const chainSpeaker = new Map<number, string>();
  for (const q of found) if (q.chain >= 0 && q.speaker && !chainSpeaker.has(q.chain)) chainSpeaker.set(q.chain, q.speaker);
  const lastSpeaker = new Map<number, string | null>();
  const nextSpeaker = laterSpeakers(found);
  const quotes: Quote[] = [];
  found.forEach((q, i) => {
    let speaker = q.speaker ?? (q.chain >= 0 ? (chainSpeaker.get(q.chain) ?? null) : null);
    const prevFacts = facts[q.paragraph - 1];
    if (!speaker && q.opens && prevFacts?.colonSpeaker) speaker = prevFacts.colonSpeaker;
    // Narrative that says someone new is speaking comes between this quote and the one before: they speak.
    if (!speaker) speaker = q.told;
    if (!speaker) speaker = neighbourSpeaker(found, quotes, nextSpeaker, i);
    // A paragraph that opens with a quote after one that ended with a quote goes on with its speaker, when its own
    // narrative names someone only after that quote has ended its sentence: they speak next.
    if (!speaker && q.opens && prevFacts?.endsInQuote && facts[q.paragraph]?.narrativeLate) speaker = lastSpeaker.get(q.paragraph - 1) ?? null;
    if (!speaker) speaker = q.guess;
    if (!speaker) speaker = facts[q.paragraph]?.narrativeSpeaker ?? null;
    if (!speaker && q.opens && prevFacts?.hasQuotes) speaker = lastSpeaker.get(q.paragraph - 1) ?? null;
    if (!speaker && q.opens && prevFacts && !prevFacts.hasQuotes) speaker = prevFacts.narrativeSpeaker ?? prevFacts.lastSubject;
    if (!speaker) speaker = q.nearby;
    // A quote running on over paragraphs keeps the speaker its first part was given, by whatever road.
    if (speaker && q.chain >= 0 && !chainSpeaker.has(q.chain)) chainSpeaker.set(q.chain, speaker);
    lastSpeaker.set(q.paragraph, speaker);
    if (!isQuotation(q)) return;
    // The person is found once every speaker is known (person.ts).
    quotes.push({ text: q.chain >= 0 ? speechOf(q.text, speaker) : q.text, speaker, person: null, paragraph: q.source });
  });
  return quotes;
}

/**
 * A quote without attribution takes its paragraph neighbour's: the one
 * before, else the one after. A phrase in marks its own attribution gives a
 * speaker counts as one before a quote that opens its sentence ('Lind said it
 * was "extremely heartening". "…"'); a quote inside a sentence of narrative
 * is that sentence's.
 */
function neighbourSpeaker(found: readonly Candidate[], done: readonly Quote[], nextSpeaker: readonly (string | null)[], i: number): string | null {
  const q = found[i] as Candidate;
  const before = found[i - 1];
  if (before && before.paragraph === q.paragraph && before.speaker && !q.midSentence && !isQuotation(before)) return before.speaker;
  const prev = done[done.length - 1];
  if (prev && prev.paragraph === q.paragraph && prev.speaker) return prev.speaker;
  return nextSpeaker[i] ?? null;
}

/** For each quote, the nearest later quote's own speaker in the same paragraph with no narrative between, found in one backward pass. */
function laterSpeakers(found: readonly Candidate[]): (string | null)[] {
  const later: (string | null)[] = new Array<string | null>(found.length).fill(null);
  for (let i = found.length - 2; i >= 0; i--) {
    const next = found[i + 1] as Candidate;
    // A later quote's speaker reaches back only over quotation: narrative between may name someone new ("Hewitt played down his defeat").
    if (next.paragraph === (found[i] as Candidate).paragraph && !next.narrated) later[i] = next.speaker ?? later[i + 1] ?? null;
  }
  return later;
}

/**
 * A quote left open runs to the end of its paragraph, and the writer may take
 * over before then: a sentence that names the speaker by surname, bare and in
 * the writer's own words, is the writer's ("… I am fit enough. Bosvelt joined
 * City in 2003 …"), and the speech ends before it. A title before the name
 * ("Mr. Khan, you're a lawyer") or a mark before it (words the speaker quotes)
 * keeps it speech.
 */
function speechOf(text: string, speaker: string | null): string {
  const surname = speaker
    ?.split(/\s+/)
    .findLast((w) => isCapitalized(w))
    ?.replace(/['’]s?$/u, '');
  if (surname === undefined || surname.length < 2 || TITLES.has(surname.toLowerCase())) return text;
  const boundary = /[.!?]\s+(?=\p{Lu})/gu;
  const starts: number[] = [];
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    // "Sen. Lee", "J. Lee": a title's or an initial's stop ends no sentence.
    const word = wordBefore(text, m.index);
    if (word.length > 1 && !TITLES.has(word.toLowerCase())) starts.push(m.index + m[0].length);
  }
  for (let k = 0; k < starts.length; k++) {
    const from = starts[k] as number;
    const sentence = text.slice(from, starts[k + 1] ?? text.length);
    if (namesBare(sentence, surname)) return text.slice(0, from).trimEnd();
  }
  return text;
}

/** The letters right before `at`, read backwards so that a long text costs no more than the word. */
function wordBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && /\p{L}/u.test(text[from - 1] as string)) from--;
  return text.slice(from, at);
}

/** Does the sentence name `surname` with no title before it and no quotation mark before it? */
function namesBare(sentence: string, surname: string): boolean {
  const words = sentence.split(/\s+/);
  for (let k = 0; k < words.length; k++) {
    const w = (words[k] as string).replace(/[^\p{L}\p{N}'’-]+$/u, '').replace(/['’]s?$/u, '');
    if (w !== surname) continue;
    const before = words.slice(0, k).join(' ');
    if (/["“”‘]|(?:^|\s)'/u.test(before)) return false;
    const prev = (words[k - 1] ?? '').replace(/\.$/u, '').toLowerCase();
    return !TITLES.has(prev);
  }
  return false;
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

function looksLikeTitle(words: readonly string[], midSentence: boolean): boolean {
  if (words.length > TITLE_MAX_WORDS) return false;
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
