// What changed on disk since an index was last brought up to date, found
// without reading every file entry of a large library (see article-index.ts).
import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { ARTICLE_FILE } from '../library/names.js';
import type { IndexedFile } from './contracts.js';

/** The folder part of a path relative to its library root. */
export function parentOf(rel: string): string {
  const at = rel.lastIndexOf('/');
  return at < 0 ? '' : rel.slice(0, at);
}

/** A folder's record in the index: its modification time, -1 when not to be trusted. */
export interface FolderRecord {
  root: number;
  rel: string;
  mtime: number;
}

/** What changed in one folder. */
export interface FolderChange {
  /** The folder's record to store; null when it is unchanged. */
  record: FolderRecord | null;
  /** True when the folder is gone from disk: its record is to be dropped. */
  gone: boolean;
  /** Files new or changed, to be read. */
  parse: IndexedFile[];
  /** Files gone. */
  remove: Array<{ root: number; rel: string }>;
}

/**
 * Compares the folders `roots` with what the index `db` records, one folder
 * at a time, so that memory holds one folder's files, not the library's.
 * Folders whose time changed are read again; `checkFiles` reads every folder
 * and checks every file's size and time. Yields only folders with changes.
 */
export function* folderChanges(db: BetterSqlite3.Database, roots: readonly string[], checkFiles: boolean): Generator<FolderChange> {
  const known = new Map<string, FolderRecord>();
  const knownChildren = new Map<string, string[]>();
  for (const row of db.prepare('SELECT root, rel, mtime FROM dirs').iterate() as Iterable<FolderRecord>) {
    known.set(`${row.root}\0${row.rel}`, row);
    if (row.rel !== '') {
      const parent = `${row.root}\0${parentOf(row.rel)}`;
      const siblings = knownChildren.get(parent);
      if (siblings) siblings.push(row.rel);
      else knownChildren.set(parent, [row.rel]);
    }
  }
  const filesIn = db.prepare('SELECT rel, size, mtime FROM files WHERE root = ? AND dir = ?');
  // Folders whose time is unchanged: checking every file, their files are
  // looked at one by one at the end (an edit in place leaves the folder's
  // time alone); their entries need not be read, since none came or went.
  const unchanged = new Set<string>();
  const visited = new Set<string>();
  const now = Date.now();
  const queue: Array<[number, string]> = roots.map((_, i) => [i, '']);

  while (queue.length > 0) {
    const [root, rel] = queue.pop()!;
    const key = `${root}\0${rel}`;
    if (visited.has(key)) continue;
    // Not join(): its normalising costs more than the stat, once a folder on every run.
    const absolute = rel === '' ? roots[root]! : `${roots[root]}/${rel}`;
    let stat: Stats | null = null;
    try {
      stat = statSync(absolute);
    } catch {
      // Gone: handled below with every folder not visited.
    }
    if (!stat?.isDirectory()) continue;
    visited.add(key);
    const before = known.get(key);
    const changed = before === undefined || before.mtime !== stat.mtimeMs;
    if (!changed) {
      for (const child of knownChildren.get(key) ?? []) queue.push([root, child]);
      if (checkFiles) unchanged.add(key);
      continue;
    }
    // A folder changed within the last moments may change again within the
    // same clock tick, unseen: its time is not trusted on the next run.
    const trusted = now - stat.mtimeMs < 2000 ? -1 : stat.mtimeMs;
    const record = before === undefined || before.mtime !== trusted ? { root, rel, mtime: trusted } : null;
    const indexed = new Map((filesIn.all(root, rel) as Array<{ rel: string; size: number; mtime: number }>).map((r) => [r.rel, r]));
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch {
      // Unreadable now: its files count as gone until it can be read.
    }
    const parse: IndexedFile[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        queue.push([root, childRel]);
        continue;
      }
      if (!ARTICLE_FILE.test(entry.name) || !(entry.isFile() || entry.isSymbolicLink())) continue;
      const old = indexed.get(childRel);
      indexed.delete(childRel);
      let fileStat: Stats;
      try {
        fileStat = statSync(`${absolute}/${entry.name}`);
      } catch {
        continue;
      }
      if (old && old.size === fileStat.size && old.mtime === fileStat.mtimeMs) continue;
      parse.push({ root, rel: childRel, size: fileStat.size, mtime: fileStat.mtimeMs });
    }
    const remove = [...indexed.keys()].map((gone) => ({ root, rel: gone }));
    if (record || parse.length > 0 || remove.length > 0) yield { record, gone: false, parse, remove };
  }
  if (unchanged.size > 0) yield* filesChanged(db, roots, unchanged);
  // Recorded folders not reached are gone, and their files with them.
  for (const [key, dir] of known) {
    if (visited.has(key)) continue;
    const remove = (filesIn.all(dir.root, dir.rel) as Array<{ rel: string }>).map((row) => ({ root: dir.root, rel: row.rel }));
    yield { record: { root: dir.root, rel: dir.rel, mtime: dir.mtime }, gone: true, parse: [], remove };
  }
}

/**
 * The files of the `folders` given (by `root\0rel`) whose size or time
 * differ from the index's record, or which are gone; one change a folder.
 * This runs on every command in small libraries, so it is written for a
 * cold start: one pass over the records in folder order, one stat a file.
 */
function filesChanged(db: BetterSqlite3.Database, roots: readonly string[], folders: ReadonlySet<string>): FolderChange[] {
  const changes: FolderChange[] = [];
  let change: FolderChange | null = null;
  let inFolder = false;
  let lastRoot = -1;
  let lastDir: string | null = null;
  const rows = db.prepare('SELECT root, dir, rel, size, mtime FROM files ORDER BY root, dir').raw().iterate() as Iterable<
    [number, string, string, number, number]
  >;
  for (const [root, dir, rel, size, mtime] of rows) {
    if (root !== lastRoot || dir !== lastDir) {
      lastRoot = root;
      lastDir = dir;
      inFolder = folders.has(`${root}\0${dir}`);
      change = null;
    }
    if (!inFolder) continue;
    const current = statSync(`${roots[root]}/${rel}`, { throwIfNoEntry: false });
    if (current && current.size === size && current.mtimeMs === mtime) continue;
    if (change === null) {
      change = { record: null, gone: false, parse: [], remove: [] };
      changes.push(change);
    }
    if (current) change.parse.push({ root, rel, size: current.size, mtime: current.mtimeMs });
    else change.remove.push({ root, rel });
  }
  return changes;
}

/**
 * Does the library hold at least `count` article files? Reads folder entries
 * only until it knows, so a small library costs a few directory reads.
 */
export function hasAtLeastFiles(roots: readonly string[], count: number): boolean {
  let seen = 0;
  const pending = [...roots];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) pending.push(join(dir, entry.name));
      else if (ARTICLE_FILE.test(entry.name) && ++seen >= count) return true;
    }
  }
  return false;
}
