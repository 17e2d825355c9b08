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

const MARKS = /["“”„]/g;
const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/‘']/u;
const CLOSE_CONTEXT = /[\s.,;:!?)\]}\u2014\u2013\-…'’]/u;

/**
 * Pairs the paragraph's double quotation marks in one pass. A straight mark's
 * role comes from its neighbours; a curly one's from its shape unless the
 * neighbours clearly say otherwise (some sources use ” for both). An opening
 * mark met inside an open quote means the earlier one was never closed: the
 * earlier one is dropped rather than swallowing the text between.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let openAt = -1;
  for (const m of text.matchAll(MARKS)) {
    const i = m.index;
    const role = roleOf(text, i, m[0]);
    if (openAt < 0) {
      if (role !== 'close') openAt = i;
      else if (spans.length === 0 && i > 0 && isRunOnEnd(text, i)) {
        // A closing mark with no opener in a paragraph's first sentence ends a
        // quote carried over from the paragraph before without a fresh mark.
        spans.push({ open: -1, close: i, closed: true });
      }
      continue;
    }
    if (role === 'open') {
      openAt = i;
      continue;
    }
    spans.push({ open: openAt, close: i, closed: true });
    openAt = -1;
  }
  if (openAt >= 0) spans.push({ open: openAt, close: text.length, closed: false });
  return spans;
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

// Only trusted when the stray closer ends a sentence, so a lone mark after a
// word ("the 6" screen") is not taken for the end of a carried quote.
function isRunOnEnd(text: string, i: number): boolean {
  const prev = text[i - 1] ?? '';
  return /[.!?,]/.test(prev);
}
