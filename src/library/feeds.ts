// A library's feed list: the feeds it follows and what each last answered
// (its validators for conditional requests, when it was checked, its errors,
// when it may be tried again) and which entries became which articles. It
// lives in the library's data folder (userdata.ts), one JSON file, written
// whole; `news update` holds a lock on it for the length of an update.
import { join } from 'node:path';
import { LibraryError } from './names.js';
import { dataFolder, readDataFile, takeLock, writeDataFile } from './userdata.js';

const FILE = 'feeds.json';
const VERSION = 1;

export interface FeedRecord {
  /** The name the user gives the feed on the command line; unique in the library. */
  name: string;
  /** Where the feed is fetched: updated when it moves for good (301, 308). */
  url: string;
  /** The feed's own title, and its site, as it last gave them. */
  title: string | null;
  site: string | null;
  /** Fetch and extract an entry's page when the feed gives only a summary. */
  fullText: boolean;
  added: string;
  /** The validators of its last full answer, sent back verbatim. */
  etag: string | null;
  lastModified: string | null;
  /** When it was last asked, and last answered (200 or 304). */
  checked: string | null;
  updated: string | null;
  /** What its last answer was: null never checked, else "ok", "not modified" or the error. */
  status: string | null;
  /** Failures in a row, and when it may be asked again (a server's Retry-After). */
  failures: number;
  retryAt: string | null;
  /** Every entry made into an article, by its identity: the article's slug. */
  seen: Record<string, string>;
}

export interface FeedList {
  feeds: FeedRecord[];
}

/** A feed as `news feed add` makes it. */
export function newFeed(name: string, url: string, fullText: boolean, now = new Date()): FeedRecord {
  return {
    name,
    url,
    title: null,
    site: null,
    fullText,
    added: now.toISOString(),
    etag: null,
    lastModified: null,
    checked: null,
    updated: null,
    status: null,
    failures: 0,
    retryAt: null,
    seen: {},
  };
}

/** The library's feed list; empty when it follows none. A damaged file is an error naming it, never overwritten. */
export function loadFeeds(library: string): FeedList {
  const data = readDataFile(library, FILE);
  if (data === null) return { feeds: [] };
  const path = join(dataFolder(library), FILE);
  const document = data as { version?: unknown; feeds?: unknown };
  if (typeof document !== 'object' || !Array.isArray(document.feeds)) throw new LibraryError(`${path}:1: not a feed list (no "feeds" array)`);
  if (document.version !== VERSION)
    throw new LibraryError(`${path}:1: a feed list of version ${String(document.version)}; this reader knows version ${VERSION}`);
  const feeds = document.feeds.map((feed: unknown, at: number) => checkFeed(feed, `${path}: feed ${at + 1}`));
  return { feeds };
}

export function saveFeeds(library: string, list: FeedList): void {
  writeDataFile(library, FILE, { version: VERSION, feeds: list.feeds });
}

/** A stored feed, with every field of the current form (older files may lack some). */
function checkFeed(value: unknown, where: string): FeedRecord {
  const feed = value as Partial<FeedRecord> | null;
  if (feed === null || typeof feed !== 'object' || typeof feed.name !== 'string' || typeof feed.url !== 'string') {
    throw new LibraryError(`${where}: needs a "name" and a "url"`);
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    name: feed.name,
    url: feed.url,
    title: text(feed.title),
    site: text(feed.site),
    fullText: feed.fullText !== false,
    added: text(feed.added) ?? new Date(0).toISOString(),
    etag: text(feed.etag),
    lastModified: text(feed.lastModified),
    checked: text(feed.checked),
    updated: text(feed.updated),
    status: text(feed.status),
    failures: typeof feed.failures === 'number' ? feed.failures : 0,
    retryAt: text(feed.retryAt),
    seen: feed.seen !== null && typeof feed.seen === 'object' ? (feed.seen as Record<string, string>) : {},
  };
}

/** The feed a user names, by name or by URL. */
export function findFeed(list: FeedList, nameOrUrl: string): FeedRecord | undefined {
  return list.feeds.find((feed) => feed.name === nameOrUrl) ?? list.feeds.find((feed) => feed.url === nameOrUrl);
}

/**
 * A name for a new feed: the one asked for, else one made from its title (or
 * host), with `-2`, `-3` after it when the library has it already.
 */
export function feedName(list: FeedList, wanted: string): string {
  const base =
    wanted
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'feed';
  const taken = new Set(list.feeds.map((feed) => feed.name));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const LOCK = 'update.lock';

/**
 * Takes the library's update lock, so that two updates never write the feed
 * list over each other's work; a lock left by a process that is gone is taken
 * over. Returns the function that releases it.
 */
export function lockFeeds(library: string): () => void {
  return takeLock(library, LOCK, 0, (holder, path) => `another update of this library is running (process ${holder}; ${path})`);
}
