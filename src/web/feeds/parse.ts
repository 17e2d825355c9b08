// A feed document → the feed model (types.ts). feedsmith reads the formats;
// this module picks the format itself from the root element (feedsmith's own
// detection searches the whole text and can be misled by an entry's
// content), blanks the document type declaration first (xml.ts), and makes
// the model: identities, absolute links, ISO dates, plain-text titles, HTML
// content, and the caps on entries and text.
import {
  DetectError,
  MalformedError,
  ParseError,
  parseAtomFeed,
  parseJsonFeed,
  parseRdfFeed,
  parseRssFeed,
  type AtomFeed,
  type JsonFeed,
  type RdfFeed,
  type RssFeed,
} from 'feedsmith';
import { createHash } from 'node:crypto';
import { sanitize } from '../../text/sanitize.js';
import { decodeFeedBody } from '../charset.js';
import { normalizeFeedDate } from '../dates.js';
import { absoluteUrl } from '../url.js';
import { baseUrl, capText, foldSpace, htmlToText, resolveHtmlUrls, textToHtml, unsafeScheme } from './text.js';
import { FeedError, type Enclosure, type Feed, type FeedEntry, type FeedKind } from './types.js';
import { closeCutShort, localName, prepareXml, xmlFault } from './xml.js';

/** Entries beyond this many are dropped (the first ones in the document are kept). */
export const MAX_ENTRIES = 1000;
/** A larger document is refused (FeedError 'too-large'), before it is parsed. */
export const MAX_FEED_CHARS = 32 * 1024 * 1024;
/** Each entry's content and summary are cut to this many characters. */
export const MAX_HTML_CHARS = 1024 * 1024;
const MAX_TITLE_CHARS = 1000;
const MAX_AUTHOR_CHARS = 500;
const MAX_CATEGORIES = 100;
const MAX_CATEGORY_CHARS = 200;
const MAX_ENCLOSURES = 50;

export interface ParseFeedOptions {
  /** Where the document was fetched from (after redirects): the base of its relative links. */
  url?: string;
  /** The HTTP Content-Type, for its charset. */
  contentType?: string;
}

type Format = 'rss' | 'rdf' | 'atom' | 'json';

/** An entry as read from its format, before the common making of the model. */
interface RawEntry {
  id?: string | undefined;
  title?: string | undefined;
  titleIsHtml?: boolean;
  /** Candidate links, best first. */
  links: Array<string | undefined>;
  base?: string | undefined;
  dates: Array<string | undefined>;
  authors: Array<string | undefined>;
  categories: Array<string | undefined>;
  content?: Body | undefined;
  summary?: Body | undefined;
  enclosures: Array<{ url?: string | undefined; type?: string | undefined; length?: number | undefined }>;
}

/** A piece of text with its kind, and the base of its relative URLs. */
interface Body {
  value: string;
  html: boolean;
  base?: string | undefined;
}

/** Counts of what was worked around, for the feed's warnings. */
class Notes {
  unsafeLinks = 0;
  cutFields = 0;
  messages: string[] = [];
}

// ---- making the model ------------------------------------------------------

function link(href: string | undefined, base: string | undefined, notes: Notes): string | null {
  const url = absoluteUrl(href, base);
  if (url === null && unsafeScheme(href)) notes.unsafeLinks++;
  return url;
}

function cap(text: string, max: number, notes: Notes): string {
  if (text.length <= max) return text;
  notes.cutFields++;
  return capText(text, max);
}

function plainTitle(title: string | undefined, isHtml: boolean | undefined, notes: Notes): string | null {
  if (!title) return null;
  // Far more than a title needs, so that markup or spaces cannot make it short; a bound on the work.
  const bounded = title.length > 20 * MAX_TITLE_CHARS ? capText(title, 20 * MAX_TITLE_CHARS) : title;
  const text = isHtml ? htmlToText(bounded) : foldSpace(bounded);
  return text ? cap(text, MAX_TITLE_CHARS, notes) : null;
}

function html(body: Body | undefined, notes: Notes): string | null {
  if (!body?.value.trim()) return null;
  const value = body.html ? resolveHtmlUrls(body.value.trim(), body.base) : textToHtml(body.value);
  return cap(value, MAX_HTML_CHARS, notes);
}

function distinct(values: Array<string | undefined>, max: number, maxChars: number, notes: Notes): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    // Plain text; markup in it (elements inside a <category>) is taken out.
    const bounded = value && value.length > 10 * maxChars ? capText(value, 10 * maxChars) : value;
    const text = !bounded ? '' : bounded.includes('<') ? htmlToText(bounded) : foldSpace(bounded);
    if (text) seen.add(cap(text, maxChars, notes));
    if (seen.size >= max) break;
  }
  return [...seen];
}

function contentHash(entry: RawEntry): string {
  const hash = createHash('sha256');
  hash.update(entry.content?.value ?? '');
  hash.update('\u0000');
  hash.update(entry.summary?.value ?? '');
  return `sha256:${hash.digest('hex').slice(0, 32)}`;
}

function makeEntry(raw: RawEntry, notes: Notes): FeedEntry {
  let entryLink: string | null = null;
  for (const candidate of raw.links) {
    entryLink = link(candidate, raw.base, notes);
    if (entryLink) break;
  }
  const date = raw.dates.map(normalizeFeedDate).find((d) => d !== null) ?? null;
  const title = plainTitle(raw.title, raw.titleIsHtml, notes);
  const enclosures: Enclosure[] = [];
  for (const e of raw.enclosures) {
    const url = link(e.url, raw.base, notes);
    if (!url || enclosures.some((x) => x.url === url)) continue;
    const length = e.length !== undefined && Number.isFinite(e.length) && e.length >= 0 ? e.length : null;
    enclosures.push({ url, type: e.type ? foldSpace(e.type).slice(0, 200) || null : null, length });
    if (enclosures.length >= MAX_ENCLOSURES) break;
  }
  const ownId = raw.id?.trim();
  const authors = distinct(raw.authors, 20, MAX_AUTHOR_CHARS, notes);
  return {
    // The feed's id, else the link, else title and date (newsboat's order), else the text's hash.
    id: ownId ? capText(ownId, 2000) : (entryLink ?? (title !== null ? title + (date ?? '') : contentHash(raw))),
    title,
    link: entryLink,
    date,
    author: authors.length ? cap(authors.join(', '), MAX_AUTHOR_CHARS, notes) : null,
    categories: distinct(raw.categories, MAX_CATEGORIES, MAX_CATEGORY_CHARS, notes),
    contentHtml: html(raw.content, notes),
    summary: html(raw.summary, notes),
    enclosures,
  };
}

// ---- the formats -----------------------------------------------------------

type MediaText = { value?: string; type?: string };
type MediaLike = { title?: MediaText; description?: MediaText; contents?: MediaLike[]; groups?: MediaLike[] };

/** A Media RSS title or description: the item's own, else its media:content's or media:group's (video feeds give only these). */
function mediaText(media: MediaLike | undefined, key: 'title' | 'description', depth = 0): MediaText | undefined {
  if (!media || depth > 2) return undefined;
  if (media[key]?.value) return media[key];
  for (const inner of [...(media.contents ?? []), ...(media.groups ?? [])]) {
    const found = mediaText(inner, key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

const mediaBody = (text: MediaText | undefined, base: string | undefined): Body | undefined =>
  text?.value ? { value: text.value, html: text.type === 'html', base } : undefined;

type AtomLink = { href?: string; rel?: string; type?: string; length?: number };

/** The entry's page among Atom links: rel="alternate" (or none), HTML first. */
function alternates(links: AtomLink[] | undefined): Array<string | undefined> {
  const all = (links ?? []).filter((l) => !l.rel || l.rel === 'alternate');
  const htmlFirst = [...all].sort((a, b) => Number(!isHtmlType(a.type)) - Number(!isHtmlType(b.type)));
  return htmlFirst.map((l) => l.href);
}

const isHtmlType = (type: string | undefined): boolean => !type || /html/i.test(type);

const person = (p: { name?: string; email?: string } | undefined): string | undefined => p?.name ?? p?.email;

const firstNamed = (sources: Array<Array<string | undefined>>): Array<string | undefined> => sources.find((names) => names.some((n) => n?.trim())) ?? [];

/** Atom's text constructs: text, html, xhtml, or a MIME type. */
function atomBody(text: { value?: string; type?: string; src?: string; xml?: { base?: string } } | undefined, base: string | undefined): Body | undefined {
  if (!text?.value || text.src) return undefined;
  const type = (text.type ?? 'text').toLowerCase();
  const bodyBase = baseUrl(text.xml?.base, base);
  if (type === 'html' || type === 'xhtml' || /^(?:text\/html|application\/xhtml\+xml)/.test(type)) return { value: text.value, html: true, base: bodyBase };
  if (type === 'text' || type.startsWith('text/')) return { value: text.value, html: false };
  return undefined;
}

const atomTitleIsHtml = (title: { type?: string } | undefined): boolean => /html/i.test(title?.type ?? '');

function fromAtom(feed: AtomFeed.Feed<string>, docUrl: string | undefined, notes: Notes): Omit<Feed, 'warnings'> {
  const feedBase = baseUrl(feed.xml?.base, docUrl);
  const feedAuthors = (feed.authors ?? []).map(person);
  const entries = (feed.entries ?? []).map((e) => {
    const base = baseUrl(e.xml?.base, feedBase);
    const authors = e.authors?.length ? e.authors : e.source?.authors?.length ? e.source.authors : undefined;
    const content = e.content;
    const raw: RawEntry = {
      id: e.id,
      title: e.title?.value ?? mediaText(e.media, 'title')?.value,
      titleIsHtml: e.title ? atomTitleIsHtml(e.title) : mediaText(e.media, 'title')?.type === 'html',
      // Content given by reference (src) is the entry's page when nothing else is.
      links: [...alternates(e.links), content?.src],
      base,
      dates: [e.published, e.updated, e.dc?.dates?.[0]],
      // An entry without an author has its feed's (RFC 4287, 4.2.1).
      authors: firstNamed([(authors ?? []).map(person), e.dc?.creators ?? [], feedAuthors]),
      categories: (e.categories ?? []).map((c) => c.label ?? c.term),
      content: atomBody(content, base),
      summary: atomBody(e.summary, base) ?? mediaBody(mediaText(e.media, 'description'), base),
      enclosures: (e.links ?? []).filter((l) => l.rel === 'enclosure').map((l) => ({ url: l.href, type: l.type, length: l.length })),
    };
    return makeEntry(raw, notes);
  });
  const siteLink = alternates(feed.links)
    .map((href) => link(href, feedBase, notes))
    .find((url) => url !== null);
  return {
    kind: 'atom',
    title: plainTitle(feed.title?.value, atomTitleIsHtml(feed.title), notes),
    link: siteLink ?? null,
    entries,
  };
}

/** RSS descriptions are HTML in practice, whatever the specifications say; a podcast's iTunes summary is plain text. */
function rssSummary(description: string | undefined, itunesSummary: string | undefined, base: string | undefined): Body | undefined {
  if (description) return { value: description, html: true, base };
  if (itunesSummary) return { value: itunesSummary, html: false };
  return undefined;
}

function fromRss(feed: RssFeed.Feed<string>, docUrl: string | undefined, notes: Notes): Omit<Feed, 'warnings'> {
  const feedBase = baseUrl(feed.xml?.base, docUrl);
  const entries = (feed.items ?? []).map((item) => {
    const base = baseUrl(item.xml?.base, feedBase);
    // A guid is the item's page unless it says isPermaLink="false" (RSS 2.0's default is true), and
    // only when it is a URL by itself: many feeds leave the default on ids that are not links.
    const guidLink = item.guid && item.guid.isPermaLink !== false ? (absoluteUrl(item.guid.value, undefined) ?? undefined) : undefined;
    const raw: RawEntry = {
      id: item.guid?.value,
      title: item.title ?? item.dc?.titles?.[0] ?? mediaText(item.media, 'title')?.value,
      titleIsHtml: !item.title && !item.dc?.titles?.[0] && mediaText(item.media, 'title')?.type === 'html',
      links: [item.link, ...alternates(item.atom?.links), guidLink],
      base,
      dates: [
        item.pubDate,
        item.dc?.dates?.[0],
        item.atom?.published,
        item.dcterms?.created?.[0],
        item.dcterms?.issued?.[0],
        item.atom?.updated,
        item.dcterms?.modified?.[0],
      ],
      // The first source that names anyone: the same people are often named again in the others.
      authors: firstNamed([(item.authors ?? []).map(person), item.dc?.creators ?? [], (item.atom?.authors ?? []).map(person), [item.itunes?.author]]),
      categories: [...(item.categories ?? []).map((c) => c.name), ...(item.dc?.subjects ?? [])],
      content: item.content?.encoded ? { value: item.content.encoded, html: true, base } : undefined,
      summary: rssSummary(item.description ?? item.dc?.descriptions?.[0], item.itunes?.summary, base) ?? mediaBody(mediaText(item.media, 'description'), base),
      enclosures: (item.enclosures ?? []).map((x) => ({ url: x.url, type: x.type, length: x.length })),
    };
    return makeEntry(raw, notes);
  });
  const siteLink = [feed.link, ...alternates(feed.atom?.links?.filter((l) => l.rel !== 'self'))]
    .map((href) => link(href, feedBase, notes))
    .find((url) => url !== null);
  return { kind: 'rss', title: plainTitle(feed.title ?? feed.dc?.titles?.[0], false, notes), link: siteLink ?? null, entries };
}

function fromRdf(feed: RdfFeed.Feed<string>, docUrl: string | undefined, notes: Notes): Omit<Feed, 'warnings'> {
  const feedBase = baseUrl(feed.xml?.base, docUrl);
  const entries = (feed.items ?? []).map((item) => {
    const base = baseUrl(item.xml?.base, feedBase);
    const raw: RawEntry = {
      // RSS 1.0 names each item by its rdf:about.
      id: item.rdf?.about,
      title: item.title ?? item.dc?.titles?.[0],
      links: [item.link, absoluteUrl(item.rdf?.about, undefined) ?? undefined],
      base,
      dates: [item.dc?.dates?.[0], item.dcterms?.created?.[0], item.dcterms?.issued?.[0], item.dcterms?.modified?.[0]],
      authors: item.dc?.creators ?? [],
      categories: item.dc?.subjects ?? [],
      content: item.content?.encoded ? { value: item.content.encoded, html: true, base } : undefined,
      summary: rssSummary(item.description ?? item.dc?.descriptions?.[0], undefined, base),
      enclosures: [],
    };
    return makeEntry(raw, notes);
  });
  return { kind: 'rss', title: plainTitle(feed.title ?? feed.dc?.titles?.[0], false, notes), link: link(feed.link, feedBase, notes), entries };
}

function fromJson(feed: JsonFeed.Feed<string>, docUrl: string | undefined, notes: Notes): Omit<Feed, 'warnings'> {
  const feedAuthors = (feed.authors ?? []).map((a) => a.name);
  const feedBase = docUrl ?? absoluteUrl(feed.feed_url, undefined) ?? undefined;
  const entries = (feed.items ?? []).map((item) => {
    // Relative URLs in an item's HTML are read against the item's own page.
    const itemBase = absoluteUrl(item.url, feedBase) ?? feedBase;
    const raw: RawEntry = {
      id: item.id,
      title: item.title,
      links: [item.url, item.external_url],
      base: feedBase,
      dates: [item.date_published, item.date_modified],
      authors: item.authors?.length ? item.authors.map((a) => a.name) : feedAuthors,
      categories: item.tags ?? [],
      content: item.content_html
        ? { value: item.content_html, html: true, base: itemBase }
        : item.content_text
          ? { value: item.content_text, html: false }
          : undefined,
      summary: item.summary ? { value: item.summary, html: false } : undefined,
      enclosures: (item.attachments ?? []).map((a) => ({ url: a.url, type: a.mime_type, length: a.size_in_bytes })),
    };
    return makeEntry(raw, notes);
  });
  return { kind: 'json', title: plainTitle(feed.title, false, notes), link: link(feed.home_page_url, feedBase, notes), entries };
}

// ---- reading the document ---------------------------------------------------

// One more than kept, so that a longer feed is noticed.
const OPTIONS = { maxItems: MAX_ENTRIES + 1 };

/** feedsmith's reading, its own failures (detect, parse, malformed) passed on, any other made a FeedError: the library's fault, not news's. */
function library<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof DetectError || err instanceof ParseError || err instanceof MalformedError) throw err;
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    throw new FeedError('malformed', `the feed could not be read (${sanitize(reason.slice(0, 100))})`, undefined, { cause: err });
  }
}

function readXml(format: Exclude<Format, 'json'>, text: string, docUrl: string | undefined, notes: Notes): Omit<Feed, 'warnings'> {
  switch (format) {
    case 'rss':
      return fromRss(
        library(() => parseRssFeed(text, OPTIONS)),
        docUrl,
        notes,
      );
    case 'rdf':
      return fromRdf(
        library(() => parseRdfFeed(text, OPTIONS)),
        docUrl,
        notes,
      );
    case 'atom':
      return fromAtom(
        library(() => parseAtomFeed(text, OPTIONS)),
        docUrl,
        notes,
      );
  }
}

const EMPTY_KIND: Record<Format, FeedKind> = { rss: 'rss', rdf: 'rss', atom: 'atom', json: 'json' };

function formatOf(root: string): Exclude<Format, 'json'> | null {
  switch (localName(root)) {
    case 'rss':
      return 'rss';
    case 'rdf':
      return 'rdf';
    case 'feed':
      return 'atom';
    default:
      return null;
  }
}

function notAFeed(root: string): FeedError {
  const name = localName(root);
  if (name === 'html') return new FeedError('not-a-feed', 'not a feed: an HTML page');
  if (name === 'opml') return new FeedError('not-a-feed', 'not a feed: an OPML subscription list');
  return new FeedError('not-a-feed', `not a feed: XML whose root element is <${sanitize(root.slice(0, 60))}>`);
}

function malformed(text: string, cause: unknown): FeedError {
  const fault = xmlFault(text);
  if (fault) {
    return new FeedError('malformed', `not well-formed XML: line ${fault.line}, column ${fault.column}: ${sanitize(fault.message.slice(0, 120))}`, {
      line: fault.line,
      column: fault.column,
    });
  }
  const reason = cause instanceof Error && cause.cause instanceof Error ? cause.cause.message : 'the XML parser gave up';
  return new FeedError('malformed', `not well-formed XML: ${sanitize(reason.slice(0, 200))}`);
}

function parseXml(text: string, format: Exclude<Format, 'json'>, rootAt: number, docUrl: string | undefined, notes: Notes): Omit<Feed, 'warnings'> {
  try {
    const feed = readXml(format, text, docUrl, notes);
    // The parser reads past faults it can step over; the reader is told where the document is broken.
    const fault = xmlFault(text);
    if (fault)
      notes.messages.push(`not well-formed XML: line ${fault.line}, column ${fault.column}: ${sanitize(fault.message.slice(0, 120))}; read as far as it goes`);
    return feed;
  } catch (err) {
    // A feed element with nothing feedsmith can read in it: a feed without entries.
    if (err instanceof DetectError || err instanceof ParseError) return { kind: EMPTY_KIND[format], title: null, link: null, entries: [] };
    if (!(err instanceof MalformedError)) throw err;
    const closed = closeCutShort(text, rootAt);
    if (closed) {
      try {
        const feed = readXml(format, closed.text, docUrl, notes);
        notes.messages.push(`the XML is cut short or broken after line ${closed.keptLines}: the entries before it were read`);
        return feed;
      } catch {
        // The error of the whole document says more than that of the cut one.
      }
    }
    throw malformed(text, err);
  }
}

// V8 gives the offset of some faults ("at position 12"), and of none when the text ends too soon.
function jsonPosition(text: string, err: unknown): { line: number; column: number } | undefined {
  const message = err instanceof Error ? err.message : '';
  const at = /at position (\d+)/.exec(message)?.[1] ?? (/end of JSON input/.test(message) ? String(text.length) : undefined);
  if (at === undefined) return undefined;
  const before = text.slice(0, Number(at));
  const line = before.split('\n').length;
  return { line, column: Number(at) - before.lastIndexOf('\n') };
}

function parseJson(text: string, docUrl: string | undefined, notes: Notes): Omit<Feed, 'warnings'> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const where = jsonPosition(text, err);
    // V8's message quotes the document after the first comma: only what comes before is kept.
    const reason = sanitize((err instanceof Error ? err.message : '').split(/,? "|\n/)[0]!.slice(0, 100));
    const place = where ? `line ${where.line}, column ${where.column}: ` : '';
    throw new FeedError('malformed', `not well-formed JSON: ${place}${reason}`, where);
  }
  const version = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).version : undefined;
  const items = value && typeof value === 'object' ? (value as Record<string, unknown>).items : undefined;
  if (!(typeof version === 'string' && version.includes('jsonfeed.org/version/')) && !Array.isArray(items)) {
    throw new FeedError('not-a-feed', 'not a feed: JSON that is not a JSON Feed (no jsonfeed.org version, no items)');
  }
  let feed: JsonFeed.Feed<string>;
  try {
    feed = library(() => parseJsonFeed(value, OPTIONS));
  } catch (err) {
    if (err instanceof DetectError || err instanceof ParseError) return { kind: 'json', title: null, link: null, entries: [] };
    throw err;
  }
  return fromJson(feed, docUrl, notes);
}

/**
 * Reads a feed: RSS 0.9x, 1.0 (RDF) and 2.0, Atom 0.3 and 1.0, JSON Feed 1.0
 * and 1.1. Bytes are decoded by their byte order mark, the Content-Type's
 * charset, the XML declaration, else as UTF-8 (Windows-1252 when that fails).
 * Throws FeedError when the document gives no feed; anything else it throws
 * is a fault of this module.
 */
export function parseFeed(body: string | Uint8Array, options: ParseFeedOptions = {}): Feed {
  if (body.length > MAX_FEED_CHARS) {
    throw new FeedError(
      'too-large',
      `the feed is ${body.length} ${typeof body === 'string' ? 'characters' : 'bytes'} long, more than the limit of ${MAX_FEED_CHARS}`,
    );
  }
  const { text: decoded } = decodeFeedBody(body, options.contentType);
  if (!decoded.trim()) throw new FeedError('empty', 'the feed is empty');
  const docUrl = baseUrl(options.url, undefined);
  const notes = new Notes();

  let feed: Omit<Feed, 'warnings'>;
  const first = decoded.trimStart()[0];
  if (first === '{' || first === '[') {
    feed = parseJson(decoded, docUrl, notes);
  } else {
    const { text, root, rootAt } = prepareXml(decoded);
    if (root === null) {
      if (!decoded.includes('<')) throw new FeedError('not-a-feed', 'not a feed: neither XML nor JSON');
      throw malformed(text, null);
    }
    const format = formatOf(root);
    if (!format) throw notAFeed(root);
    feed = parseXml(text, format, rootAt, docUrl, notes);
  }

  const warnings = notes.messages;
  if (feed.entries.length > MAX_ENTRIES) {
    feed.entries.length = MAX_ENTRIES;
    warnings.push(`more than ${MAX_ENTRIES} entries: the first ${MAX_ENTRIES} were kept`);
  }
  const ids = new Set<string>();
  let repeated = 0;
  for (const entry of feed.entries) {
    if (ids.has(entry.id)) repeated++;
    ids.add(entry.id);
  }
  if (repeated) warnings.push(`${repeated} ${repeated === 1 ? 'entry repeats' : 'entries repeat'} the id of an earlier one`);
  if (notes.unsafeLinks) warnings.push(`${notes.unsafeLinks} ${notes.unsafeLinks === 1 ? 'link' : 'links'} with a scheme other than http or https dropped`);
  if (notes.cutFields) warnings.push(`${notes.cutFields} overlong ${notes.cutFields === 1 ? 'field' : 'fields'} cut to the size limit`);
  return { ...feed, warnings };
}
