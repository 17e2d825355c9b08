// Which articles the user has read: the library's own data (userdata.ts), in
// LIBRARY/.news/read.json, never in the cache, so that deleting the cache or
// rebuilding the index keeps it. Every article is unread until read.
//
// An article is known by what stays when its file is renamed or imported
// again: its URL when it has one, else a hash of its headline and body (the
// paragraphs the index holds, so that --unread reads no article file). The
// file's `source-hash:` would serve too, but the index does not hold it.
//
// Changes are read, made and written under a lock of their own (read.lock),
// not the update lock: `news show` must not wait on a long `news update`, and
// two runs marking articles at once must not lose each other's marks.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Article } from '../model.js';
import { LibraryError } from './names.js';
import { urlKey } from './url-key.js';
import { dataFolder, readDataFile, takeLock, writeDataFile } from './userdata.js';

const FILE = 'read.json';
const VERSION = 1;
const LOCK = 'read.lock';
/** How long a change waits for another run's change to end: each holds the lock for milliseconds. */
const LOCK_WAIT_MS = 10_000;

/** The key an article's read state is kept under: `url:` and its URL, else `text:` and a hash of its headline and body. */
export function readKeyOf(article: Pick<Article, 'url' | 'headline' | 'body'>): string {
  const url = article.url === null ? null : urlKey(article.url);
  if (url !== null) return `url:${url}`;
  const hash = createHash('sha256').update(article.headline.trim()).update('\n\n');
  article.body.forEach((paragraph, at) => hash.update(at === 0 ? paragraph : `\n\n${paragraph}`));
  return `text:${hash.digest('hex').slice(0, 32)}`;
}

/** What the library records of its articles read: each key with when it was read. */
export type ReadState = Map<string, string>;

/** The read state of a library; empty when nothing was read. A damaged file is an error naming it, never overwritten. */
export function loadReadState(library: string): ReadState {
  const data = readDataFile(library, FILE);
  const state: ReadState = new Map();
  if (data === null) return state;
  const path = join(dataFolder(library), FILE);
  const document = data as { version?: unknown; read?: unknown };
  if (typeof document !== 'object' || document.read === null || typeof document.read !== 'object' || Array.isArray(document.read)) {
    throw new LibraryError(`${path}:1: not a read state (no "read" object)`);
  }
  if (document.version !== VERSION) {
    throw new LibraryError(`${path}:1: a read state of version ${String(document.version)}; this reader knows version ${VERSION}`);
  }
  for (const [key, when] of Object.entries(document.read as Record<string, unknown>)) state.set(key, typeof when === 'string' ? when : '');
  return state;
}

function saveReadState(library: string, state: ReadState): void {
  writeDataFile(library, FILE, { version: VERSION, read: Object.fromEntries(state) });
}

/**
 * Marks articles read (`read`) or unread, by their keys, under the library's
 * read lock: the state is read, changed and written whole while it is held.
 * Returns how many changed.
 */
export function markArticles(library: string, keys: Iterable<string>, read: boolean, now = new Date()): number {
  const release = lockReadState(library);
  try {
    const state = loadReadState(library);
    let changed = 0;
    const when = now.toISOString();
    for (const key of keys) {
      if (read && !state.has(key)) {
        state.set(key, when);
        changed++;
      } else if (!read && state.delete(key)) {
        changed++;
      }
    }
    if (changed > 0) saveReadState(library, state);
    return changed;
  } finally {
    release();
  }
}

/**
 * Takes the read lock, waiting while another run holds it; a lock left by a
 * process that is gone is taken over. Returns the function that releases it.
 */
function lockReadState(library: string): () => void {
  return takeLock(library, LOCK, LOCK_WAIT_MS, (holder, path) => `the read state is locked by another run (process ${holder || 'unknown'}; ${path})`);
}
