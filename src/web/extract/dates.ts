// Publication dates as pages write them → ISO 8601, keeping the publisher's
// own wall-clock time and offset: "2019-11-19T05:00:09-05:00" stays as it is
// rather than becoming 10:00:09Z, so the day is the day the publisher printed.
// A date written in words ("Nov. 19, 2019 5:00 a.m. ET") gives its day only:
// zone abbreviations are ambiguous, and a wrong hour is worse than none.

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDay(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

function isoDay(year: number, month: number, day: number): string | null {
  return validDay(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : null;
}

/** "+0500", "+05:00", "+05", "Z", "GMT", "UTC" → "+05:00" or "Z"; null when not an offset. */
function offsetOf(text: string): string | null {
  if (/^(?:z|gmt|utc|ut)$/i.test(text)) return 'Z';
  const match = /^(?:gmt|utc)?([+-])(\d{2}):?(\d{2})?$/i.exec(text);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  return `${match[1]}${pad(hours)}:${pad(minutes)}`;
}

function withTime(day: string, hours: number, minutes: number, seconds: number, offset: string | null): string | null {
  if (hours > 23 || minutes > 59 || seconds > 60) return null;
  return `${day}T${pad(hours)}:${pad(minutes)}:${pad(Math.min(seconds, 59))}${offset ?? ''}`;
}

// 2019-11-19, 2019-11-19T05:00, 2019-11-19 05:00:09.123-0500, 2019-11-19T05:00:09Z
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|(?:GMT|UTC)?[+-]\d{2}(?::?\d{2})?|GMT|UTC)?)?\b/i;
// Tue, 19 Nov 2019 05:00:09 -0500 (RFC 2822, the form of HTTP and feeds)
const RFC2822 = /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|GMT|UTC|UT|Z)?)?/i;
// November 19, 2019 / Nov. 19 2019
const MONTH_DAY_YEAR = /\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i;
// 19 November 2019 / 19. November 2019
const DAY_MONTH_YEAR = /\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i;
// 2019/11/19
const SLASHED = /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/;

function monthNumber(name: string): number | null {
  const key = name.toLowerCase();
  const month = MONTHS[key.slice(0, key.startsWith('sept') ? 4 : 3)];
  // Only a month's name or its abbreviation, not any word that starts like one.
  if (
    month === undefined ||
    !/^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/.test(key)
  )
    return null;
  return month;
}

/**
 * A date as a page writes it → ISO 8601: `2019-11-19` or
 * `2019-11-19T05:00:09-05:00` (the offset as given; none when none is given).
 * Null when the text holds no date this can read.
 */
export function normalizeDate(raw: string): string | null {
  const text = raw.trim();
  if (text === '') return null;
  let match = ISO.exec(text);
  if (match) {
    const day = isoDay(Number(match[1]), Number(match[2]), Number(match[3]));
    if (!day) return null;
    if (match[4] === undefined) return day;
    const offset = match[7] ? offsetOf(match[7]) : null;
    return withTime(day, Number(match[4]), Number(match[5]), Number(match[6] ?? '0'), offset);
  }
  match = RFC2822.exec(text);
  if (match) {
    const month = monthNumber(match[2]!);
    const day = month ? isoDay(Number(match[3]), month, Number(match[1])) : null;
    if (day) {
      if (match[4] === undefined) return day;
      const offset = match[7] ? offsetOf(match[7]) : null;
      return withTime(day, Number(match[4]), Number(match[5]), Number(match[6] ?? '0'), offset);
    }
  }
  // Seconds or milliseconds since 1970: the instant is known but not the
  // publisher's offset, so it is given in UTC.
  if (/^\d{10}(?:\d{3})?$/.test(text)) {
    const ms = text.length === 13 ? Number(text) : Number(text) * 1000;
    const date = new Date(ms);
    if (date.getUTCFullYear() >= 1995 && date.getUTCFullYear() <= 2200) return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
    return null;
  }
  return dayInWords(text);
}

/** The first day written out in the text ("Nov. 19, 2019", "19 November 2019", "2019/11/19"), as `YYYY-MM-DD`. */
export function dayInWords(text: string): string | null {
  let match = MONTH_DAY_YEAR.exec(text);
  if (match) {
    const month = monthNumber(match[1]!);
    const day = month ? isoDay(Number(match[3]), month, Number(match[2])) : null;
    if (day) return day;
  }
  match = DAY_MONTH_YEAR.exec(text);
  if (match) {
    const month = monthNumber(match[2]!);
    const day = month ? isoDay(Number(match[3]), month, Number(match[1])) : null;
    if (day) return day;
  }
  match = SLASHED.exec(text);
  if (match) return isoDay(Number(match[1]), Number(match[2]), Number(match[3]));
  return null;
}

/** A day in a URL's path (`/2019/11/19/`, `/2019-11-19/`), as `YYYY-MM-DD`. */
export function dayInUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const match = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|-|$)/.exec(path) ?? /\/((?:19|20)\d{2})(\d{2})(\d{2})\//.exec(path);
  return match ? isoDay(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}
