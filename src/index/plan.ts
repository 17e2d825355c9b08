// What changed on disk since an index was last brought up to date, found
// without reading every file entry of a large library (see article-index.ts).
import { opendirSync, statSync, type Dir, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { ARTICLE_FILE } from '../library/names.js';
import type { IndexedFile } from './contracts.js';

/** The folder part of a path relative to its library root. */
export function parentOf(rel: string): string {
  const at = rel.lastIndexOf('/');
  return at < 0 ? '' : rel.slice(0, at);
}

/** A folder's record in the index: its modification time, negated while it is too recent to be trusted. */
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
 * A changed folder's new files are handed on this many at a time, so that a
 * folder of 100,000 (a scraper's output) is never planned at once.
 */
export const PLAN_CHUNK_FILES = 1000;

/**
 * A changed folder of up to this many article files has every file's size
 * and time compared; in a larger one only names new to the index are looked
 * at (unless the names are all the same: see folderChanges).
 */
export const STAT_ALL_FILES = 2000;

/** How far on a name is looked for among the index's, in step with the folder's listing. */
const LOOKAHEAD = 16;

/**
 * How long after a folder's change its time is trusted: a change within the
 * same clock tick as our read would leave the time as it was. Timestamps in
 * nanoseconds come from the kernel's clock, a tick (at most 10 ms) behind;
 * whole seconds mean a file system that counts in seconds (or two, FAT).
 */
function settlingMs(mtimeMs: number): number {
  return mtimeMs % 1000 === 0 ? 2000 : 50;
}

/**
 * Compares the folders `roots` with what the index `db` records, one folder
 * at a time, so that memory holds one folder's files, not the library's.
 * Folders whose time changed are read again; `checkFiles` reads every folder
 * and checks every file's size and time. Yields only folders with changes,
 * a large folder's new files in chunks (its record with the last).
 *
 * A changed folder's names are compared with the index's: new names are
 * read, names gone are dropped. The files it already held are compared by
 * size and time when the folder is small, or when no name came or went (the
 * change was a file replaced by renaming, as editors and `news import` save).
 * In a large folder whose names changed, a file of an old name replaced
 * meanwhile waits for the next such change or `checkFiles`.
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
  const filesIn = db.prepare('SELECT rel, size, mtime FROM files WHERE root = ? AND dir = ?').raw();
  // One string, split here: 100,000 rows cost several times more as rows.
  const namesIn = db.prepare(`SELECT group_concat(rel, char(0)) FROM (SELECT rel FROM files WHERE root = ? AND dir = ? ORDER BY id)`).pluck();
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
    // A folder read within moments of its change may change again within the
    // same clock tick, unseen: its time is stored negated, not trusted, and
    // the next run compares its names again (only: its time had not moved).
    const settled = now - stat.mtimeMs >= settlingMs(stat.mtimeMs);
    const mtime = settled ? stat.mtimeMs : -stat.mtimeMs;
    const recheck = before !== undefined && before.mtime === -stat.mtimeMs;
    const record = before === undefined || before.mtime !== mtime ? { root, rel, mtime } : null;
    // The names the index holds, in the order a first build read them from the
    // folder, which a folder lists in the same order again (by hash, or by
    // creation): they are matched in step, with no set of 100,000 names.
    // Names out of step (new ones among them) are settled at the end.
    const listed = namesIn.get(root, rel) as string | null;
    const expected = listed === null ? [] : listed.split('\0');
    let at = 0;
    const skipped: string[] = [];
    const unplaced: string[] = [];
    const held: string[] = [];
    let parse: IndexedFile[] = [];
    let added = 0;
    let dir: Dir | null = null;
    try {
      dir = opendirSync(absolute, { bufferSize: 1024 });
    } catch {
      // Unreadable now: its files count as gone until it can be read.
    }
    try {
      for (;;) {
        let entry: Dirent | null = null;
        try {
          entry = dir?.readSync() ?? null;
        } catch {
          // Unreadable midway: what was read stands; the rest count as gone.
        }
        if (entry === null) break;
        if (entry.name.startsWith('.')) continue;
        const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
        if (entry.isDirectory()) {
          queue.push([root, childRel]);
          continue;
        }
        if (!ARTICLE_FILE.test(entry.name) || !(entry.isFile() || entry.isSymbolicLink())) continue;
        if (at < expected.length) {
          if (expected[at] === childRel) {
            held.push(childRel);
            at++;
            continue;
          }
          // A few names further on: the ones between are gone (or out of step).
          let ahead = at + 1;
          while (ahead < at + LOOKAHEAD && ahead < expected.length && expected[ahead] !== childRel) ahead++;
          if (ahead < expected.length && expected[ahead] === childRel) {
            for (let k = at; k < ahead; k++) skipped.push(expected[k]!);
            held.push(childRel);
            at = ahead + 1;
            continue;
          }
          unplaced.push(childRel);
          continue;
        }
        if (expected.length > 0) {
          unplaced.push(childRel);
          continue;
        }
        // A folder new to the index: its files are handed on as they are read.
        const file = fileAt(root, childRel, `${absolute}/${entry.name}`);
        if (file) parse.push(file);
        added++;
        if (parse.length >= PLAN_CHUNK_FILES) {
          yield { record: null, gone: false, parse, remove: [] };
          parse = [];
        }
      }
    } finally {
      dir?.closeSync();
    }
    const rest = new Set(skipped);
    for (let k = at; k < expected.length; k++) rest.add(expected[k]!);
    for (const childRel of unplaced) {
      if (rest.delete(childRel)) {
        held.push(childRel);
        continue;
      }
      const file = fileAt(root, childRel, `${roots[root]}/${childRel}`);
      if (file) parse.push(file);
      added++;
      if (parse.length >= PLAN_CHUNK_FILES) {
        yield { record: null, gone: false, parse, remove: [] };
        parse = [];
      }
    }
    const remove = [...rest].map((gone) => ({ root, rel: gone }));
    const sameNames = remove.length === 0 && added === 0;
    if (held.length > 0 && (checkFiles || held.length <= STAT_ALL_FILES || (sameNames && !recheck))) {
      const recorded = new Map((filesIn.all(root, rel) as Array<[string, number, number]>).map((r) => [r[0], r]));
      for (const heldRel of held) {
        const old = recorded.get(heldRel);
        const file = fileAt(root, heldRel, `${roots[root]}/${heldRel}`);
        if (!file || (old && old[1] === file.size && old[2] === file.mtime)) continue;
        parse.push(file);
        if (parse.length >= PLAN_CHUNK_FILES) {
          yield { record: null, gone: false, parse, remove: [] };
          parse = [];
        }
      }
    }
    if (record || parse.length > 0 || remove.length > 0) yield { record, gone: false, parse, remove };
  }
  if (unchanged.size > 0) yield* filesChanged(db, roots, unchanged);
  // Recorded folders not reached are gone, and their files with them.
  for (const [key, dir] of known) {
    if (visited.has(key)) continue;
    const remove = (filesIn.all(dir.root, dir.rel) as Array<[string]>).map((row) => ({ root: dir.root, rel: row[0] }));
    yield { record: { root: dir.root, rel: dir.rel, mtime: dir.mtime }, gone: true, parse: [], remove };
  }
}

/** A file's record as it is on disk now, or null when it cannot be stat'ed. */
function fileAt(root: number, rel: string, absolute: string): IndexedFile | null {
  try {
    const stat = statSync(absolute);
    return { root, rel, size: stat.size, mtime: stat.mtimeMs };
  } catch {
    return null;
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
    const folder = pending.pop()!;
    let dir: Dir;
    try {
      dir = opendirSync(folder, { bufferSize: 256 });
    } catch {
      continue;
    }
    try {
      // Entry by entry: a folder of 100,000 is read no further than `count`.
      for (let entry = dir.readSync(); entry !== null; entry = dir.readSync()) {
        if (entry.name.startsWith('.')) continue;
        if (entry.isDirectory()) pending.push(join(folder, entry.name));
        else if (ARTICLE_FILE.test(entry.name) && ++seen >= count) return true;
      }
    } catch {
      // Unreadable midway: what was counted stands.
    } finally {
      dir.closeSync();
    }
  }
  return false;
}
