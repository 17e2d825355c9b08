// Feed dates → ISO 8601, keeping the offset the publisher wrote: RSS gives
// RFC 822 dates (`Tue, 05 Mar 2024 09:30:00 EST`), Atom, Dublin Core and
// JSON Feed give RFC 3339 / W3C-DTF (`2024-03-05T09:30:00-05:00`). Both are
// read here, day names and all; converting through Date would lose the
// offset. Anything else goes to Date.parse as a last resort, in UTC.

const MONTHS: Record<string, number> = {};
// English first; then the abbreviations of feeds written in other languages
// (Portuguese, Spanish, Italian, French, German, Dutch) where none is
// another month's English name.
for (const [month, names] of [
  [1, 'jan january ene enero gen gennaio janv janvier janeiro januar'],
  [2, 'feb february fev fevereiro febrero febbraio fév févr février februar'],
  [3, 'mar march marzo mars mär märz mrz março maart'],
  [4, 'apr april abr abril aprile avr avril'],
  [5, 'may mai maio mayo mag maggio mei'],
  [6, 'jun june junho junio giu giugno juin juni'],
  [7, 'jul july julho julio lug luglio juil juillet juli'],
  [8, 'aug august ago agosto aoû août augustus'],
  [9, 'sep sept september set setembro septiembre settembre septembre'],
  [10, 'oct october out outubro octubre ott ottobre octobre okt oktober'],
  [11, 'nov november novembro noviembre novembre'],
  [12, 'dec december dez dezembro dic diciembre dicembre déc décembre dezember'],
] as const) {
  for (const name of names.split(' ')) MONTHS[name] = month;
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

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function offsetText(minutes: number | null, written: string | null): string {
  if (minutes === null) return 'Z';
  if (minutes === 0 && (written === null || /^(?:z|ut|utc|gmt)$/i.test(written))) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `+0530`, `-05:00`, `+05`, `Z`, `EST` → minutes east of UTC; undefined when not a zone. */
function zoneMinutes(zone: string): number | undefined {
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

interface Parts {
  year: number;
  month: number;
  day: number;
  time: { hour: number; minute: number; second: number; fraction: string } | null;
  zone: number | null;
  zoneText: string | null;
}

function format(p: Parts): string | null {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > daysIn(p.year, p.month)) return null;
  const day = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  if (!p.time) return day;
  let { hour, minute, second } = p.time;
  // 24:00 is the end of the day, and :60 a leap second: both kept inside the day.
  if (hour === 24 && minute === 0 && second === 0) {
    hour = 23;
    minute = 59;
    second = 59;
  }
  if (second === 60) second = 59;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const fraction = p.time.fraction ? `.${p.time.fraction.slice(0, 3).padEnd(3, '0')}` : '';
  return `${day}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}${offsetText(p.zone, p.zoneText)}`;
}

const ISO = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,5})?)?$/;
const ISO_SHORT = /^(\d{4})(?:-(\d{2}))?$/;
const RFC822 =
  /^(?:[^\s\d,]+,?\s*)?(\d{1,2})(?:\s+|-)([^\s\d-]+)\.?(?:\s+|-)(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,5}(?:[+-]\d{2}:?\d{2})?))?)?$/;
// "Mar 5, 2024 09:30:00 -0500", "March 5 2024": month first.
const MONTH_FIRST =
  /^(?:[^\s\d,]+,?\s+)?([^\s\d,]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,5}))?)?$/;

function timeOf(h?: string, m?: string, s?: string, f?: string): Parts['time'] {
  return h === undefined ? null : { hour: Number(h), minute: Number(m), second: Number(s ?? 0), fraction: f ?? '' };
}

function zoneOf(written: string | undefined, time: Parts['time']): { zone: number | null; zoneText: string | null } | null {
  if (!written || !time) return { zone: null, zoneText: null };
  // "GMT+0100", as some servers write it.
  const gmtPlus = /^(?:gmt|utc)([+-]\d{2}:?\d{2})$/i.exec(written);
  const minutes = zoneMinutes(gmtPlus ? gmtPlus[1]! : written);
  // A zone name not in the table is taken for UTC rather than losing the date.
  if (minutes === undefined) return /^[a-z]{2,5}$/i.test(written) ? { zone: null, zoneText: null } : null;
  return { zone: minutes, zoneText: written };
}

/** A feed's date as ISO 8601 (see the file's head); null when it cannot be read or names no real day. */
export function normalizeFeedDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!text || text.length > 100) return null;

  let m = ISO.exec(text);
  if (m) {
    const time = timeOf(m[4], m[5], m[6], m[7]);
    const zone = zoneOf(m[8], time);
    return zone ? format({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), time, ...zone }) : null;
  }
  m = ISO_SHORT.exec(text);
  if (m) {
    const month = m[2] === undefined ? null : Number(m[2]);
    if (month !== null && (month < 1 || month > 12)) return null;
    return month === null ? m[1]! : `${m[1]}-${m[2]}`;
  }
  m = RFC822.exec(text);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()] ?? MONTHS[m[2]!.toLowerCase().slice(0, 3)];
    if (month) {
      let year = Number(m[3]);
      // Two-digit years, as RFC 822 wrote them: 00–49 this century, 50–99 the last.
      if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
      else if (m[3]!.length === 3) year += 1900;
      const time = timeOf(m[4], m[5], m[6], m[7]);
      const zone = zoneOf(m[8], time);
      if (zone) return format({ year, month, day: Number(m[1]), time, ...zone });
    }
  }
  m = MONTH_FIRST.exec(text);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()] ?? MONTHS[m[1]!.toLowerCase().slice(0, 3)];
    if (month) {
      const time = timeOf(m[4], m[5], m[6]);
      const zone = zoneOf(m[7], time);
      if (zone) return format({ year: Number(m[3]), month, day: Number(m[2]), time, ...zone });
    }
  }
  // Date.parse reads a date without a zone in the machine's own: a zone is added first.
  const hasZone = /(?:[+-]\d{2}:?\d{2}|\b(?:z|gmt|utc|ut)\b)\s*$/i.test(text);
  const time = Date.parse(hasZone ? text : `${text} UTC`);
  if (Number.isNaN(time)) return null;
  const iso = new Date(time).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}
