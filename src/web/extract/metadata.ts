// A page's metadata: headline, author, date, site, canonical address, section
// and tags. Each field is taken from the most deliberate statement the page
// makes of it: JSON-LD first (written for search engines, so kept right),
// then OpenGraph and `article:*` meta, then other meta, then the markup the
// reader sees (`<time datetime>`, the h1, the byline).
import { absoluteUrl } from '../url.js';
import { dayInUrl, dayInWords, normalizeDate } from '../dates.js';
import { all, fold, textOf, type DomDocument } from './dom.js';
import { parseJsonLd, type JsonLd } from './jsonld.js';

export interface PageMetadata {
  headline: string | null;
  authors: string[];
  date: string | null;
  source: string | null;
  url: string | null;
  /** What the page's relative links are relative to: its <base>, else its address, else its canonical address. */
  base: string | null;
  section: string | null;
  tags: string[];
  /** The page declares itself an article (JSON-LD article type, or og:type article). */
  declaresArticle: boolean;
  /** The page declares the article is for subscribers only. */
  paywalled: boolean;
  /** The schema.org types of the page's JSON-LD nodes ("NewsArticle", "WebSite", …). */
  declaredTypes: string[];
}

type Meta = Map<string, string[]>;

function readMeta(document: DomDocument): Meta {
  const meta: Meta = new Map();
  for (const element of all(document, 'meta[content]')) {
    const key = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const value = fold(element.getAttribute('content'));
    if (key === '' || value === '') continue;
    const list = meta.get(key);
    if (list) list.push(value);
    else meta.set(key, [value]);
  }
  return meta;
}

const first = (meta: Meta, ...keys: string[]): string | null => {
  for (const key of keys) {
    const value = meta.get(key)?.[0];
    if (value) return value;
  }
  return null;
};

function baseOf(document: DomDocument, pageUrl: string | null): string | null {
  const href = document.querySelector('base[href]')?.getAttribute('href');
  return absoluteUrl(href, pageUrl) ?? pageUrl;
}

function canonicalUrl(document: DomDocument, meta: Meta, ld: JsonLd, pageUrl: string | null, base: string | null): string | null {
  const link = all(document, 'link[rel][href]').find((l) => /(?:^|\s)canonical(?:\s|$)/i.test(l.getAttribute('rel') ?? ''));
  const candidates = [link?.getAttribute('href'), first(meta, 'og:url'), ld.article?.url];
  for (const candidate of candidates) {
    const url = absoluteUrl(candidate, base);
    if (!url) continue;
    // Templates that point every page's canonical at the home page are common:
    // a bare site root names no article.
    if (new URL(url).pathname === '/' && pageUrl && new URL(pageUrl).pathname !== '/') continue;
    return url;
  }
  return pageUrl;
}

const SEPARATED = /\s+[|–—·•»:-]\s+|\s+-{1,2}\s+/;

function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/^(?:www\.)|\.(?:com|org|net|co\.uk|co|ru|it|in|br)$/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A title without the site's name that templates add before or after it ("Headline | Site"). */
export function stripSiteName(title: string, siteNames: readonly string[]): string {
  const names = siteNames.map(comparable).filter((n) => n !== '');
  let parts = title.split(SEPARATED);
  if (parts.length < 2) return title;
  const isSite = (part: string) => {
    const c = comparable(part);
    return c !== '' && names.some((n) => c === n || (c.length >= 4 && n.includes(c)) || (n.length >= 4 && c.includes(n) && c.length <= n.length + 8));
  };
  while (parts.length > 1 && isSite(parts[parts.length - 1]!)) parts = parts.slice(0, -1);
  while (parts.length > 1 && isSite(parts[0]!)) parts = parts.slice(1);
  if (parts.length === title.split(SEPARATED).length) return title;
  // What is left is cut from the title itself, so that its own separators ("Ferries: the long view") stay as written.
  const start = title.indexOf(parts[0]!);
  const end = title.lastIndexOf(parts[parts.length - 1]!) + parts[parts.length - 1]!.length;
  return start >= 0 && end > start ? title.slice(start, end).trim() : parts.join(' ');
}

function headlineOf(document: DomDocument, meta: Meta, ld: JsonLd, siteNames: string[]): string | null {
  const h1s = all(document, 'h1')
    .map((h) => textOf(h))
    .filter((t) => t.length >= 8);
  const stated = [ld.article?.headline, first(meta, 'og:title', 'twitter:title', 'title', 'headline')]
    .filter((t): t is string => !!t)
    .map((t) => stripSiteName(t, siteNames));
  // The h1 the reader sees, when it is the headline the metadata states
  // (metadata often shortens it, or adds a kicker); else the statement; else
  // the page's one h1; else its <title>.
  for (const h1 of h1s) {
    const key = comparable(h1);
    if (key.length >= 8 && stated.some((s) => comparable(s).includes(key.slice(0, 40)) || key.includes(comparable(s).slice(0, 40)))) return h1;
  }
  if (stated[0]) return stated[0];
  const inArticle = all(document, 'article h1, main h1')
    .map((h) => textOf(h))
    .find((t) => t.length >= 8);
  if (inArticle) return inArticle;
  if (h1s.length === 1) return h1s[0]!;
  const title = fold(document.querySelector('title')?.textContent);
  return title ? stripSiteName(title, siteNames) : (h1s[0] ?? null);
}

// The account a content system publishes under, not a person's byline.
const PLACEHOLDER_AUTHOR = /^(?:admin|administrator|webmaster|root|user|editor|author|unknown|null|undefined)$/i;
const URLISH = /^(?:https?:\/\/|www\.)|\.(?:com|org|net)\/?$/i;

/** A byline's name: "By Jane Doe, Staff Writer" → "Jane Doe, Staff Writer"; null when it is no name. */
export function cleanAuthor(raw: string): string | null {
  let name = fold(raw)
    .replace(/^(?:(?:written|posted|reported|story|text|words)\s+)?by[:\s]+/i, '')
    // A label before the name, in any language: "Author: …", "Текст: …".
    .replace(/^[\p{L}]{2,12}\s*:\s+/u, '')
    .replace(/\s*[|•·]\s*.*$/, '')
    .trim();
  name = name.replace(/^[,;:\-–—\s]+|[,;:\-–—\s]+$/g, '');
  if (name === '' || name.length > 100 || URLISH.test(name) || !/\p{L}/u.test(name) || PLACEHOLDER_AUTHOR.test(name)) return null;
  return name;
}

function authorsOf(document: DomDocument, meta: Meta, ld: JsonLd): string[] {
  const lists: string[][] = [
    ld.article?.authors ?? [],
    [...(meta.get('author') ?? []), ...(meta.get('article:author') ?? [])],
    meta.get('parsely-author') ?? meta.get('sailthru.author') ?? meta.get('dc.creator') ?? meta.get('byl') ?? [],
    all(document, '[itemprop~="author"] [itemprop~="name"], [itemprop~="author"]:not(:has([itemprop~="name"])), a[rel~="author"]').map(
      (e) => e.getAttribute('content') ?? textOf(e),
    ),
  ];
  for (const list of lists) {
    const names = uniqueFolded(list.map(cleanAuthor).filter((n): n is string => n !== null));
    if (names.length > 0) return names;
  }
  return [];
}

function uniqueFolded(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const key = value.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

const DATE_META = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'published_time',
  'datepublished',
  'article.published',
  'publishdate',
  'publish-date',
  'publish_date',
  'pubdate',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'dcterms.created',
  'date',
  'sailthru.date',
  'parsely-pub-date',
  'displaydate',
];

function timeElementDates(document: DomDocument): string[] {
  const out: string[] = [];
  const stated = all(document, '[itemprop~="datePublished"], [itemprop~="dateCreated"], time[pubdate]');
  const inArticle = all(document, 'article time[datetime], main time[datetime], header time[datetime]');
  const anywhere = all(document, 'time[datetime]').slice(0, 1);
  for (const element of [...stated, ...inArticle, ...anywhere]) {
    const value = element.getAttribute('datetime') ?? element.getAttribute('content') ?? textOf(element);
    if (value) out.push(value);
  }
  return out;
}

function instant(iso: string): number | null {
  if (!/T.*(?:Z|[+-]\d{2}:\d{2})$/.test(iso)) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

function dateOf(document: DomDocument, meta: Meta, ld: JsonLd, url: string | null): string | null {
  const stated = [ld.article?.datePublished, ...DATE_META.map((key) => first(meta, key)), ...timeElementDates(document)];
  const dates = stated
    .filter((d): d is string => !!d)
    .map(normalizeDate)
    .filter((d): d is string => d !== null);
  const chosen = dates[0];
  if (chosen) {
    // The same instant stated elsewhere with the publisher's offset says more
    // than one stated in UTC.
    const at = instant(chosen);
    const utc = (d: string) => /(?:Z|[+-]00:00)$/.test(d);
    if (at !== null && utc(chosen)) {
      const local = dates.find((d) => !utc(d) && instant(d) === at);
      if (local) return local;
    }
    return chosen;
  }
  const fallback = [ld.article?.dateModified, first(meta, 'article:modified_time', 'og:updated_time', 'datemodified', 'last-modified')]
    .filter((d): d is string => !!d)
    .map(normalizeDate)
    .find((d) => d !== null);
  if (fallback) return fallback;
  const inUrl = url ? dayInUrl(url) : null;
  if (inUrl) return inUrl;
  for (const element of all(document, '.date, .published, .timestamp, .post-date, .entry-date, [class*="publish"], [class*="dateline"]').slice(0, 5)) {
    const day = dayInWords(textOf(element));
    if (day) return day;
  }
  return null;
}

function tagsOf(meta: Meta, ld: JsonLd): string[] {
  const lists = [meta.get('article:tag') ?? [], ld.article?.keywords ?? [], (first(meta, 'news_keywords', 'keywords') ?? '').split(',')];
  const out: string[] = [];
  for (const list of lists) {
    for (const raw of list) {
      const tag = fold(raw);
      // Tags beginning with "_" are a publisher's internal switches, not topics.
      if (tag !== '' && tag.length <= 60 && !tag.startsWith('_')) out.push(tag);
    }
    if (out.length > 0) break;
  }
  return uniqueFolded(out).slice(0, 30);
}

function hostName(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

function declaresArticle(meta: Meta, ld: JsonLd): boolean {
  if (ld.article) return true;
  return /^article$/i.test(first(meta, 'og:type') ?? '');
}

export function readMetadata(document: DomDocument, pageUrl: string | null): PageMetadata {
  const meta = readMeta(document);
  const ld = parseJsonLd(document);
  const base = baseOf(document, pageUrl);
  const url = canonicalUrl(document, meta, ld, pageUrl, base);
  const host = hostName(url ?? pageUrl);
  // A site name that is an address names the host, better said without its scheme.
  const named = [first(meta, 'og:site_name'), ld.article?.publisher, ld.siteName, first(meta, 'application-name')].find((n) => n && !/^https?:\/\//i.test(n));
  const source = named ?? host;
  const siteNames = [source, host, ld.article?.publisher, ld.siteName].filter((n): n is string => !!n);
  const section = ld.article?.section ?? first(meta, 'article:section', 'section', 'parsely-section', 'article.section', 'sailthru.section');
  return {
    headline: headlineOf(document, meta, ld, siteNames),
    authors: authorsOf(document, meta, ld),
    date: dateOf(document, meta, ld, url ?? pageUrl),
    source,
    url,
    base: base ?? url,
    section: section ? fold(section) : null,
    tags: tagsOf(meta, ld),
    declaresArticle: declaresArticle(meta, ld),
    paywalled: ld.article?.free === false,
    declaredTypes: [...ld.types],
  };
}
