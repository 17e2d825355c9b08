// Wire-style datelines: `WASHINGTON (AP) —`, `LONDON, Sept. 24 (Reuters) -`,
// `HEMPSTEAD, N.Y., Sept. 26 (UPI) —`, `SELMA, N.C.—`, `WASHINGTON --`.
import type { Dateline } from '../model.js';

const CAPS_WORD = String.raw`[A-ZÀ-Þ][A-ZÀ-Þ'’.\-]*`;
// The place is written in capitals; a region after it (`N.Y.`, `Va.`,
// `Calif.`, `Lebanon`) is not.
const PLACE = String.raw`${CAPS_WORD}(?: ${CAPS_WORD}){0,4}(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)?`;
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?`;
const DATE = String.raw`${MONTH} \d{1,2}(?:, \d{4})?`;
const AGENCY = String.raw`\((?<agency>[A-Za-z][\w .&'-]{0,40})\)`;
// A hyphen only separates when white space follows it, so that a capitalised
// compound (`WASHINGTON-BASED`) is not read as a dateline.
const DASH = String.raw`(?:\s*[—–]\s*|\s*--?\s+)`;

const LEADING = new RegExp(String.raw`^(?<place>${PLACE})(?:, (?<date>${DATE}))?(?:\s*${AGENCY})?(?<dash>${DASH})`);
const STANDALONE = new RegExp(String.raw`^(?<place>${PLACE})(?:, (?<date>${DATE}))?(?:\s*${AGENCY})?\s*[—–-]*\s*$`);

function letters(text: string): number {
  return text.replace(/[^A-Za-zÀ-ÿ]/g, '').length;
}

/**
 * Finds a dateline at the start of a paragraph. Returns it and the paragraph
 * without it, or null when the paragraph does not open with one.
 */
export function detectDateline(paragraph: string): { dateline: Dateline; rest: string } | null {
  const match = LEADING.exec(paragraph);
  if (!match?.groups) return null;
  const { place, date, agency } = match.groups;
  if (!place) return null;
  // A lone short capital word before a dash ("I —", "US -") is prose, unless
  // an agency vouches for it.
  if (!agency && letters(place) < 3) return null;
  const rest = paragraph.slice(match[0].length);
  if (rest.length === 0) return null;
  return { dateline: { place, date: date ?? null, agency: agency?.trim() ?? null }, rest };
}

/** Reads a dateline written in front matter, e.g. `LONDON, Sept. 24 (Reuters)`. */
export function parseDatelineText(text: string): Dateline {
  const trimmed = text.trim();
  const match = STANDALONE.exec(trimmed);
  if (match?.groups?.place) {
    const { place, date, agency } = match.groups;
    return { place, date: date ?? null, agency: agency?.trim() ?? null };
  }
  return { place: trimmed, date: null, agency: null };
}
