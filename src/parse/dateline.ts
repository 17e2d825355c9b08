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

const MONTH_NUMBERS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH_NAME = String.raw`(?<month>[A-Za-z]{3,9})\.?`;
const DAY = String.raw`(?<day>\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?<year>(?:1[89]|2\d)\d\d)`;
const WEEKDAY = String.raw`(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?,?\s+)?`;
// A time after the date is allowed ("14:05 GMT", "2:05 p.m. ET", "T14:05:00Z") and not read: the day is the publisher's.
const TIME = String.raw`(?:(?:,?\s+(?:at\s+)?|T)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5}))?)?`;
const WRITTEN_DATES = [
  new RegExp(String.raw`^${WEEKDAY}${DAY}\s+${MONTH_NAME},?\s+${YEAR}${TIME}$`, 'i'),
  new RegExp(String.raw`^${WEEKDAY}${MONTH_NAME}\s+${DAY},?\s+${YEAR}${TIME}$`, 'i'),
  new RegExp(String.raw`^${YEAR}-(?<monthNumber>\d{2})-(?<day>\d{2})${TIME}$`),
];

/**
 * A date written out in full, with its year — "3 March 2016", "Thursday,
 * March 3, 2016", "Sept. 24, 2014", "2016-03-03", a time after it allowed —
 * as an ISO date ("2016-03-03"), the day as written (never moved to another
 * zone); null for anything else, or a day the month does not have.
 */
export function isoDateOf(text: string): string | null {
  const trimmed = text.trim();
  for (const pattern of WRITTEN_DATES) {
    const groups = pattern.exec(trimmed)?.groups;
    if (!groups) continue;
    const month = groups.monthNumber !== undefined ? Number(groups.monthNumber) : MONTH_NUMBERS[groups.month!.toLowerCase()];
    const year = Number(groups.year);
    const day = Number(groups.day);
    if (month === undefined || month < 1 || month > 12 || day < 1) return null;
    if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
    return `${groups.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return null;
}

const DATE_LABEL = /^(?:(?:first\s+)?published|posted|updated|last\s+updated|date|dated)(?:\s+on)?\s*:?\s+/i;

/** The date of a line that holds only a date, bare or labelled ("Published: 3 March 2016"); else null. */
export function dateLineDate(line: string): string | null {
  return isoDateOf(line.replace(DATE_LABEL, ''));
}
