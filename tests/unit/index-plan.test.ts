// The index's folder plan, in process: what folderChanges finds changed
// between a library on disk and what an index records, and hasAtLeastFiles.
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { folderChanges, hasAtLeastFiles, type FolderChange } from '../../src/index/plan.js';
import { createSchema } from '../../src/index/schema.js';
import { Writer } from '../../src/index/write.js';

const home = mkdtempSync(join(tmpdir(), 'news-plan-'));
const databases: Database.Database[] = [];
afterEach(() => {
  for (const db of databases.splice(0)) db.close();
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

function library(files: Record<string, string>): string {
  const root = mkdtempSync(join(home, 'library-'));
  for (const [rel, text] of Object.entries(files)) write(root, rel, text);
  return root;
}

function write(root: string, rel: string, text: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

/** An empty index of the library `roots`. */
function emptyIndex(roots: readonly string[]): Database.Database {
  const db = new Database(':memory:');
  databases.push(db);
  createSchema(db, JSON.stringify(roots));
  return db;
}

/** Records a plan's changes in the index as an update does (files without articles: the plan reads only files and folders). */
function record(db: Database.Database, roots: readonly string[], changes: readonly FolderChange[]): void {
  const writer = new Writer(db, roots);
  for (const change of changes) {
    writer.applyFolder(change);
    for (const file of change.parse) {
      writer.removeFile(file.root, file.rel);
      writer.addFile(file, { row: null, problems: [] });
    }
  }
}

/** The plan in short: per change, its folder (when its record changes) and the files to read and to drop. */
function plan(db: Database.Database, roots: readonly string[], checkFiles = false) {
  const changes = [...folderChanges(db, roots, checkFiles)];
  const summary = changes
    .map((c) => ({
      folder: c.record === null ? null : `${c.record.root}:${c.record.rel}${c.gone ? ' gone' : ''}`,
      parse: c.parse.map((f) => `${f.root}:${f.rel}`).sort(),
      remove: c.remove.map((f) => `${f.root}:${f.rel}`).sort(),
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { changes, summary };
}

/** Moves the times of files and folders an hour back, as if written long ago: the plan trusts such times. */
function age(root: string, ...rels: string[]): void {
  const past = new Date(Date.now() - 3_600_000);
  for (const rel of rels) utimesSync(join(root, rel), past, past);
}

const article = (title: string) => `---\ntitle: ${title}\n---\n\nBody.\n`;

describe('folderChanges', () => {
  it('plans every article file of every folder on a first update, and nothing else', () => {
    const root = library({
      'a.md': article('A'),
      'b.markdown': article('B'),
      'notes.txt': 'not an article',
      '.draft.md': article('Hidden'),
      '.git/c.md': article('In a hidden folder'),
      'sub/c.MD': article('C'),
      'sub/deeper/d.md': article('D'),
    });
    const db = emptyIndex([root]);
    expect(plan(db, [root]).summary).toEqual([
      { folder: '0:', parse: ['0:a.md', '0:b.markdown'], remove: [] },
      { folder: '0:sub', parse: ['0:sub/c.MD'], remove: [] },
      { folder: '0:sub/deeper', parse: ['0:sub/deeper/d.md'], remove: [] },
    ]);
  });

  it('gives each file of several roots its root, with its size and time', () => {
    const one = library({ 'a.md': article('A') });
    const two = library({ 'x/b.md': article('Bee') });
    const db = emptyIndex([one, two]);
    const files = plan(db, [one, two]).changes.flatMap((c) => c.parse);
    expect(files.map((f) => [f.root, f.rel])).toEqual(
      expect.arrayContaining([
        [0, 'a.md'],
        [1, 'x/b.md'],
      ]),
    );
    const b = files.find((f) => f.rel === 'x/b.md')!;
    const stat = statSync(join(two, 'x', 'b.md'));
    expect([b.size, b.mtime]).toEqual([stat.size, stat.mtimeMs]);
  });

  it('finds nothing once the plan is recorded and nothing changed', () => {
    const root = library({ 'a.md': article('A'), 'sub/b.md': article('B') });
    const db = emptyIndex([root]);
    record(db, [root], plan(db, [root]).changes);
    expect(plan(db, [root]).summary).toEqual([]);
    expect(plan(db, [root], true).summary).toEqual([]);
  });

  it('plans files added, changed and removed, in their folders', () => {
    const root = library({ 'a.md': article('A'), 'b.md': article('B'), 'sub/c.md': article('C') });
    const db = emptyIndex([root]);
    record(db, [root], plan(db, [root]).changes);
    appendFileSync(join(root, 'a.md'), 'More.\n');
    rmSync(join(root, 'b.md'));
    write(root, 'sub/new.md', article('New'));
    // The folders' times, recent, are stored anew (negated: not trusted yet).
    expect(plan(db, [root]).summary).toEqual([
      { folder: '0:', parse: ['0:a.md'], remove: ['0:b.md'] },
      { folder: '0:sub', parse: ['0:sub/new.md'], remove: [] },
    ]);
  });

  it("trusts a folder's time once it is old enough, and then reads only folders whose time changed", () => {
    const root = library({ 'a.md': article('A'), 'sub/b.md': article('B'), 'other/c.md': article('C') });
    age(root, 'a.md', 'sub/b.md', 'other/c.md', 'sub', 'other', '.');
    const db = emptyIndex([root]);
    const first = plan(db, [root]);
    // A time of the last moments is stored negated, not trusted; these are an hour old.
    expect(first.changes.map((c) => c.record!.mtime)).toEqual(first.changes.map((c) => statSync(join(root, c.record!.rel)).mtimeMs));
    record(db, [root], first.changes);

    // An edit in place leaves its folder's time alone: seen only when every file is checked.
    appendFileSync(join(root, 'sub', 'b.md'), 'Edited.\n');
    age(root, 'sub/b.md');
    expect(plan(db, [root]).summary).toEqual([]);
    expect(plan(db, [root], true).summary).toEqual([{ folder: null, parse: ['0:sub/b.md'], remove: [] }]);

    // A file added changes its folder's time, whose new (recent) time is not trusted.
    write(root, 'other/d.md', article('D'));
    const added = plan(db, [root]).changes;
    const otherTime = statSync(join(root, 'other')).mtimeMs;
    expect(added.map((c) => [c.record, c.parse.map((f) => f.rel)])).toEqual([[{ root: 0, rel: 'other', mtime: -otherTime }, ['other/d.md']]]);
  });

  it('drops the records and files of a folder gone from disk', () => {
    const root = library({ 'a.md': article('A'), 'sub/b.md': article('B'), 'sub/deeper/c.md': article('C') });
    const db = emptyIndex([root]);
    record(db, [root], plan(db, [root]).changes);
    rmSync(join(root, 'sub'), { recursive: true });
    const { changes, summary } = plan(db, [root]);
    expect(summary).toEqual([
      { folder: '0:', parse: [], remove: [] },
      { folder: '0:sub gone', parse: [], remove: ['0:sub/b.md'] },
      { folder: '0:sub/deeper gone', parse: [], remove: ['0:sub/deeper/c.md'] },
    ]);
    record(db, [root], changes);
    expect(db.prepare('SELECT rel FROM dirs ORDER BY rel').pluck().all()).toEqual(['']);
    expect(db.prepare('SELECT rel FROM files').pluck().all()).toEqual(['a.md']);
  });

  it('counts a root that is gone as an empty folder', () => {
    const root = library({ 'a.md': article('A') });
    const db = emptyIndex([root]);
    record(db, [root], plan(db, [root]).changes);
    rmSync(root, { recursive: true });
    expect(plan(db, [root]).summary).toEqual([{ folder: '0: gone', parse: [], remove: ['0:a.md'] }]);
  });
});

describe('hasAtLeastFiles', () => {
  it('counts article files in every folder of every root, not hidden ones or other files', () => {
    const one = library({ 'a.md': article('A'), 'x/y/b.md': article('B'), 'c.txt': 'no', '.d.md': article('D'), '.hidden/e.md': article('E') });
    const two = library({ 'f.markdown': article('F') });
    expect(hasAtLeastFiles([one], 2)).toBe(true);
    expect(hasAtLeastFiles([one], 3)).toBe(false);
    expect(hasAtLeastFiles([one, two], 3)).toBe(true);
    expect(hasAtLeastFiles([one, two], 4)).toBe(false);
  });

  it('finds no files in a folder that does not exist', () => {
    expect(hasAtLeastFiles([join(home, 'nowhere')], 1)).toBe(false);
  });
});
