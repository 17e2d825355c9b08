// Finding quoted spans in one paragraph. Only double marks delimit quotes:
// single marks are apostrophes far more often than quotes ('90s, rock 'n'
// roll, Assad's), and inside a quote they only nest, so they are ignored.

export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or the paragraph's length when none closes it. */
  close: number;
  /** False when the quote runs to the end of the paragraph unclosed. */
  closed: boolean;
}

type Role = 'open' | 'close' | 'either';

interface Mark {
  at: number;
  role: Role;
}

// Two right single marks typed for a closing double mark (“word’’) close an
// open quote; they never open one.
const MARKS = /["“”„]|’’/g;
const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/‘']/u;
const CLOSE_CONTEXT = /[\s.,;:!?)\]}\u2014\u2013\-…'’]/u;

/**
 * Pairs the paragraph's double quotation marks in one pass. A straight mark's
 * role comes from its neighbours; a curly one's from its shape unless the
 * neighbours clearly say otherwise (some sources use ” for both). An opening
 * mark met inside an open quote nests when its own closing mark, then the
 * outer one, follow; otherwise the earlier mark was never closed: the quote
 * it opened ends with its last finished sentence (a run-on quotation), or,
 * when it holds no finished sentence, the mark is dropped rather than
 * swallowing the text between.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const marks = marksOf(text);
  const spans: QuoteSpan[] = [];
  let openAt = -1;
  for (let k = 0; k < marks.length; k++) {
    const { at, role } = marks[k] as Mark;
    if (openAt < 0) {
      if (role !== 'close') openAt = at;
      else if (spans.length === 0 && at > 0 && isRunOnEnd(text, at)) {
        // A closing mark with no opener in a paragraph's first sentence ends a
        // quote carried over from the paragraph before without a fresh mark.
        spans.push({ open: -1, close: at, closed: true });
      }
      continue;
    }
    if (role === 'open') {
      // A doubled opening mark ("“) is one mark typed twice, not a nested quote.
      const doubled = at === openAt + 1;
      const outerClose = doubled ? -1 : nestedEnd(marks, k);
      if (outerClose < 0) {
        // A quote that opens the paragraph and runs on into the next one
        // (its closing mark comes later) may hold quotes of its own, told by
        // marks of another style than its own ("… “Dock Rule,” which …).
        if (!doubled && text.slice(0, openAt).trim() === '' && nestsToEnd(text, marks, k, openAt)) break;
        // British copy runs one quotation on into the next without closing
        // it ("… one option. "Television has …"): a fresh opening mark after
        // a finished sentence ends the open quote there instead of voiding it.
        const stop = doubled ? -1 : runOnStop(text, openAt, at);
        if (stop > openAt) spans.push({ open: openAt, close: stop, closed: true });
        openAt = at;
        continue;
      }
      k = outerClose;
    }
    spans.push({ open: openAt, close: (marks[k] as Mark).at, closed: true });
    openAt = -1;
  }
  if (openAt >= 0) spans.push({ open: openAt, close: text.length, closed: false });
  return spans;
}

/**
 * The paragraph's quotation marks with their roles. Marks that delimit
 * attribute values in markup left in the text (`author="…">`) are not
 * quotation marks.
 */
function marksOf(text: string): Mark[] {
  const marks: Mark[] = [];
  for (const m of text.matchAll(MARKS)) {
    const at = m.index;
    if (m[0] === '’’') {
      marks.push({ at, role: 'close' });
      continue;
    }
    if (text[at - 1] === '=' || text[at + 1] === '>') continue;
    marks.push({ at, role: roleOf(text, at, m[0]) });
  }
  return marks;
}

/**
 * For an opening mark at `k` inside an open quote: the index of the mark
 * closing the outer quote when one or more quotes nest inside it (`"He said
 * "no" twice."`), else -1.
 */
function nestedEnd(marks: readonly Mark[], k: number): number {
  const j = afterNestedPairs(marks, k);
  if (j === k) return -1;
  const next = marks[j];
  return next !== undefined && next.role !== 'open' ? j : -1;
}

/**
 * Whether the marks from `k` on are closed quotes nested in the one opened at
 * `openAt`, each of them in the other style (straight or curly).
 */
function nestsToEnd(text: string, marks: readonly Mark[], k: number, openAt: number): boolean {
  const straight = (mark: Mark) => text[mark.at] === '"';
  const outer = text[openAt] === '"';
  const j = afterNestedPairs(marks, k);
  return j > k && j === marks.length && marks.slice(k).every((mark) => straight(mark) !== outer);
}

/** The index after the run of opening-then-closing pairs of marks that starts at `k`. */
function afterNestedPairs(marks: readonly Mark[], k: number): number {
  let j = k;
  while (marks[j]?.role === 'open' && marks[j + 1] !== undefined && marks[j + 1]?.role !== 'open') j += 2;
  return j;
}

function roleOf(text: string, i: number, mark: string): Role {
  const before = i === 0 ? ' ' : (text[i - 1] ?? ' ');
  const after = i + 1 >= text.length ? ' ' : (text[i + 1] ?? ' ');
  const opens = OPEN_CONTEXT.test(before);
  const closes = CLOSE_CONTEXT.test(after);
  const context: Role = opens && !closes ? 'open' : closes && !opens ? 'close' : 'either';
  if (mark === '“' || mark === '„') return context === 'close' ? 'close' : 'open';
  if (mark === '”') return context === 'open' ? 'open' : 'close';
  return context;
}

/**
 * Where an unclosed quote opened at `openAt` ends when a new opening mark
 * stands at `at`: just after the stop of the sentence before the mark, or -1
 * when that text does not end a sentence (then the earlier mark is a stray).
 */
function runOnStop(text: string, openAt: number, at: number): number {
  if (!/\s/u.test(text[at - 1] ?? '')) return -1;
  const inside = text.slice(openAt + 1, at).trimEnd();
  // Two plain tests, not one pattern with a wildcard, so a long run of marks stays linear.
  return /[.!?][’']?$/u.test(inside) && /\p{L}/u.test(inside) ? openAt + 1 + inside.length : -1;
}

// Only trusted when the stray closer ends a sentence, so a lone mark after a
// word ("the 6" screen") is not taken for the end of a carried quote.
function isRunOnEnd(text: string, i: number): boolean {
  const prev = text[i - 1] ?? '';
  return /[.!?,]/.test(prev);
}
