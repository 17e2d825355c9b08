// Dates as pages and feeds write them → ISO 8601, keeping the publisher's own
// wall-clock time and offset: "2019-11-19T05:00:09-05:00" stays as it is
// rather than becoming 10:00:09Z, so the day is the day the publisher printed.
// One grammar reads both: RFC 3339 / W3C-DTF (Atom, JSON Feed, JSON-LD,
// <time datetime>), RFC 822 / 2822 (RSS, HTTP), "Mar 5, 2024 09:30 -0500".
// Pages and feeds differ only in what they make of what is missing (DateRules).

// English names first; then the abbreviations of feeds written in other
// languages (Portuguese, Spanish, Italian, French, German, Dutch) where none
// is another month's English name.
const MONTH_NAMES = [
  ['jan january', 'ene enero gen gennaio janv janvier janeiro januar'],
  ['feb february', 'fev fevereiro febrero febbraio fév févr février februar'],
  ['mar march', 'marzo mars mär märz mrz março maart'],
  ['apr april', 'abr abril aprile avr avril'],
  ['may', 'mai maio mayo mag maggio mei'],
  ['jun june', 'junho junio giu giugno juin juni'],
  ['jul july', 'julho julio lug luglio juil juillet juli'],
  ['aug august', 'ago agosto aoû août augustus'],
  ['sep sept september', 'set setembro septiembre settembre septembre'],
  ['oct october', 'out outubro octubre ott ottobre octobre okt oktober'],
  ['nov november', 'novembro noviembre novembre'],
  ['dec december', 'dez dezembro dic diciembre dicembre déc décembre dezember'],
] as const;

const ENGLISH_MONTHS = new Map<string, number>();
const MONTHS = new Map<string, number>();
MONTH_NAMES.forEach(([english, other], index) => {
  for (const name of english.split(' ')) ENGLISH_MONTHS.set(name, index + 1);
  for (const name of `${english} ${other}`.split(' ')) MONTHS.set(name, index + 1);
});

/** A month's name or abbreviation → 1–12; in running text (`english`) only English names, where "out", "set" and "mag" are words. */
function monthNumber(name: string, english = false): number | null {
  return (english ? ENGLISH_MONTHS : MONTHS).get(name.toLowerCase()) ?? null;
}

// Zone names of RFC 822 and the ones feeds use besides, in minutes east of UTC.
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  wet: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  ast: -240,
  adt: -180,
  nst: -210,
  ndt: -150,
  bst: 60,
  cet: 60,
  cest: 120,
  met: 60,
  mest: 120,
  eet: 120,
  eest: 180,
  west: 60,
  msk: 180,
  ist: 330,
  jst: 540,
  kst: 540,
  hkt: 480,
  sgt: 480,
  awst: 480,
  acst: 570,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
};

/** What a date leaves unsaid, and how each kind of source means it. */
interface DateRules {
  /**
   * A time written without a zone: 'utc' in feeds (RFC 822 and RFC 3339
   * require one, and feeds that leave it out mean UTC); 'none' on pages,
   * the publisher's wall-clock time as written, no offset guessed.
   */
  unzoned: 'utc' | 'none';
  /** Milliseconds kept (feeds) or dropped (pages, whose dates are to the second at best). */
  milliseconds: boolean;
  /** A year or a month alone ("2024", "2024-11") is a date, as W3C-DTF allows (feeds). */
  partial: boolean;
}

const PAGE_RULES: DateRules = { unzoned: 'none', milliseconds: false, partial: false };
const FEED_RULES: DateRules = { unzoned: 'utc', milliseconds: true, partial: true };

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDay(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function offsetText(minutes: number, written: string): string {
  if (minutes === 0 && /^(?:z|ut|utc|gmt)$/i.test(written)) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `+0530`, `-05:00`, `+05`, `Z`, `EST`, `GMT+0100` → minutes east of UTC; undefined when not a zone. */
function zoneMinutes(written: string): number | undefined {
  const zone = /^(?:gmt|utc)([+-]\d{2}(?::?\d{2})?)$/i.exec(written)?.[1] ?? written;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    if (Number(numeric[3] ?? 0) > 59 || minutes > 18 * 60) return undefined;
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const named = ZONES[zone.toLowerCase()];
  if (named !== undefined) return named;
  // RFC 822's military letters had their signs the wrong way round; RFC 2822 says to take them for UTC.
  if (/^[a-ik-z]$/i.test(zone)) return 0;
  return undefined;
}

interface Time {
  hour: number;
  minute: number;
  second: number;
  fraction: string;
}

function timeOf(h?: string, m?: string, s?: string, f?: string): Time | null {
  return h === undefined ? null : { hour: Number(h), minute: Number(m), second: Number(s ?? 0), fraction: f ?? '' };
}

/**
 * The day, with the time and zone when given, as ISO 8601; null when it names
 * no real time, undefined when its zone cannot be placed.
 */
function format(day: string, time: Time | null, zone: string | undefined, rules: DateRules): string | null | undefined {
  if (!time) return day;
  let { hour, minute, second } = time;
  // 24:00 is the end of the day, and :60 a leap second: both kept inside the day.
  if (hour === 24 && minute === 0 && second === 0) {
    hour = 23;
    minute = 59;
    second = 59;
  }
  if (second === 60) second = 59;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offset = rules.unzoned === 'utc' ? 'Z' : '';
  if (zone) {
    const minutes = zoneMinutes(zone);
    if (minutes !== undefined) offset = offsetText(minutes, zone);
    // A zone name not in the table is taken for no zone rather than losing the
    // date; "AM" and "PM" are not zones, and reading past them gets the hour wrong.
    else if (!/^[a-z]{2,5}$/i.test(zone) || /^[ap]m$/i.test(zone)) return undefined;
  }
  const fraction = rules.milliseconds && time.fraction ? `.${time.fraction.slice(0, 3).padEnd(3, '0')}` : '';
  return `${day}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}${offset}`;
}

const ZONE = String.raw`Z|(?:GMT|UTC)?[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,5}`;
// 2019-11-19, 20191119, 2019-11-19T05:00, 2019-11-19 05:00:09.123-0500, 2019-11-19T05:00:09Z
const ISO = new RegExp(
  String.raw`^(\d{4})(?:-(\d{1,2})-(\d{1,2})|(\d{2})(\d{2}))(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?\s*(${ZONE})?)?(?![\w:+-])`,
  'i',
);
// 2024, 2024-11 (W3C-DTF)
const ISO_SHORT = /^(\d{4})(?:-(\d{2}))?$/;
// Tue, 19 Nov 2019 05:00:09 -0500, 19-Nov-19 (RFC 822 and 2822, the form of HTTP and RSS)
const RFC822 = new RegExp(
  String.raw`^(?:[^\s\d,]+,?\s*)?(\d{1,2})(?:\s+|-)([^\s\d.,-]+)\.?(?:\s+|-)(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:\s*(${ZONE}))?)?(?![\w:+-])`,
  'i',
);
// Mar 5, 2024 09:30:00 -0500, March 5 2024: month first. The whole text or
// nothing: "5:00 a.m. ET" is left to dayInWords rather than read as 05:00.
const MONTH_FIRST = new RegExp(
  String.raw`^(?:[^\s\d,]+,?\s+)?([^\s\d.,]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(${ZONE}))?)?$`,
  'i',
);

/**
 * A date in one of the forms of the grammar, or null when it names no real
 * day; `undefined` when the text is in none of them, or its zone cannot be
 * placed (the caller's last resort may know better).
 */
function readDate(text: string, rules: DateRules): string | null | undefined {
  if (text.length > 100) return undefined;
  let m = ISO.exec(text);
  if (m) {
    const day = isoDay(Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5]));
    // A time in a zone that cannot be placed is a day: a wrong hour is worse than none.
    if (day === null) return null;
    const date = format(day, timeOf(m[6], m[7], m[8], m[9]), m[10], rules);
    return date === undefined ? day : date;
  }
  if (rules.partial) {
    m = ISO_SHORT.exec(text);
    if (m) {
      if (m[2] !== undefined && (Number(m[2]) < 1 || Number(m[2]) > 12)) return null;
      return m[2] === undefined ? m[1]! : `${m[1]}-${m[2]}`;
    }
  }
  m = RFC822.exec(text);
  const month822 = m ? monthNumber(m[2]!) : null;
  if (m && month822) {
    let year = Number(m[3]);
    // Two-digit years, as RFC 822 wrote them: 00–49 this century, 50–99 the last.
    if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
    else if (m[3]!.length === 3) year += 1900;
    const day = isoDay(year, month822, Number(m[1]));
    const date = day === null ? null : format(day, timeOf(m[4], m[5], m[6], m[7]), m[8], rules);
    if (date !== undefined) return date;
  }
  m = MONTH_FIRST.exec(text);
  const monthFirst = m ? monthNumber(m[1]!) : null;
  if (m && monthFirst) {
    const day = isoDay(Number(m[3]), monthFirst, Number(m[2]));
    const date = day === null ? null : format(day, timeOf(m[4], m[5], m[6]), m[7], rules);
    if (date !== undefined) return date;
  }
  return undefined;
}

function cleaned(raw: string | null | undefined): string | null {
  const text = raw?.trim().replace(/\s+/g, ' ');
  return text ? text : null;
}

/**
 * A date as a page writes it → ISO 8601: `2019-11-19` or
 * `2019-11-19T05:00:09-05:00` (the offset as given; none when none is given).
 * A date written in words ("Nov. 19, 2019 5:00 a.m. ET") gives its day only:
 * zone abbreviations are ambiguous, and a wrong hour is worse than none.
 * Null when the text holds no date this can read.
 */
export function normalizeDate(raw: string): string | null {
  const text = cleaned(raw);
  if (text === null) return null;
  const date = readDate(text, PAGE_RULES);
  if (date !== undefined) return date;
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

/** A feed's date as ISO 8601 (a time without a zone is UTC); null when it cannot be read or names no real day. */
export function normalizeFeedDate(raw: string | null | undefined): string | null {
  const text = cleaned(raw);
  if (text === null) return null;
  const date = readDate(text, FEED_RULES);
  if (date !== undefined) return date;
  if (text.length > 100) return null;
  // Anything else goes to Date.parse as a last resort, in UTC. It reads a
  // date without a zone in the machine's own: a zone is added first.
  const hasZone = /(?:[+-]\d{2}:?\d{2}|\b(?:z|gmt|utc|ut)\b)\s*$/i.test(text);
  const time = Date.parse(hasZone ? text : `${text} UTC`);
  if (Number.isNaN(time)) return null;
  const iso = new Date(time).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

// November 19, 2019 / Nov. 19 2019
const MONTH_DAY_YEAR = /\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i;
// 19 November 2019 / 19. November 2019
const DAY_MONTH_YEAR = /\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i;
// 2019/11/19
const SLASHED = /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/;

/** The first day written out in the text ("Nov. 19, 2019", "19 November 2019", "2019/11/19"), as `YYYY-MM-DD`. */
export function dayInWords(text: string): string | null {
  let match = MONTH_DAY_YEAR.exec(text);
  if (match) {
    const month = monthNumber(match[1]!, true);
    const day = month ? isoDay(Number(match[3]), month, Number(match[2])) : null;
    if (day) return day;
  }
  match = DAY_MONTH_YEAR.exec(text);
  if (match) {
    const month = monthNumber(match[2]!, true);
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
