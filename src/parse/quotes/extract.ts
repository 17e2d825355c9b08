// Direct quotations in an article body, each with who said it. The body is
// cut into line-level paragraphs; the article's vocabulary is gathered from
// all of them; each paragraph is then read in turn (paragraph.ts), handing
// what the next needs on in a `Carry`; and the speakers are settled across
// paragraphs at the end (resolve.ts).
//
// Nothing here catches errors. The extractor is pure and its work grows in
// step with its input, so no text, however hostile, gives it a reason to
// throw: an exception is a bug, and answering "no quotes" for it would pass
// the bug off as an article without quotations.
import type { Quote } from '../../model.js';
import { FIRST_CARRY, readParagraph, type ArticleContext, type Candidate, type Line, type ParagraphFacts } from './paragraph.js';
import { withPersons } from './person.js';
import { resolveSpeakers } from './resolve.js';
import { Cast } from './speakers.js';
import { tokenize, type Token } from './tokens.js';
import { Vocabulary } from './vocabulary.js';

/**
 * Articles up to this many characters keep their tokens from gathering the
 * vocabulary to reading the paragraphs; a longer one is tokenised again
 * paragraph by paragraph, so that memory holds one paragraph's tokens at a
 * time. News articles run to a few thousand characters, the longest to tens
 * of thousands.
 */
const KEEP_TOKENS_CHARS = 200_000;

export function extractQuotes(body: readonly string[]): Quote[] {
  const lines = linesOf(body);
  const vocabulary = new Vocabulary();
  const keep = lines.reduce((n, { text }) => n + text.length, 0) <= KEEP_TOKENS_CHARS;
  const kept: Token[][] = [];
  for (const { text } of lines) {
    const tokens = tokenize(text);
    vocabulary.add(tokens);
    if (keep) kept.push(tokens);
  }

  const article: ArticleContext = { cast: new Cast(), vocabulary };
  const found: Candidate[] = [];
  const facts: ParagraphFacts[] = [];
  let carry = FIRST_CARRY;
  for (const line of lines) {
    const reading = readParagraph(line, kept[line.index] ?? tokenize(line.text), carry, article);
    if (reading.signs) signQuotesAbove(found, line.index, reading.signs);
    // One at a time: a paragraph may hold more quotes than a call has room for arguments.
    for (const q of reading.quotes) found.push(q);
    facts.push(reading.facts);
    carry = reading.next;
  }
  return withPersons(resolveSpeakers(found, facts), lines, (index) => kept[index]);
}

/**
 * The body's paragraphs, each line of one a paragraph of its own: plain-text
 * sources often break paragraphs with a single newline, and a quotation
 * never runs over a line break unmarked. A caller in plain JavaScript may
 * hand in what is not a string; it is read as its text.
 */
function linesOf(body: readonly unknown[]): Line[] {
  const out: Line[] = [];
  body.forEach((raw, source) => {
    const text = typeof raw === 'string' ? raw : String(raw ?? '');
    if (!text.includes('\n')) {
      out.push({ text, index: out.length, source });
      return;
    }
    for (const line of text.split('\n')) if (line.trim() !== '') out.push({ text: line, index: out.length, source });
  });
  return out;
}

/** Gives a signed quote paragraph, and the rest of a quote running into it, the signature's speaker. */
function signQuotesAbove(found: Candidate[], p: number, who: string): void {
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
