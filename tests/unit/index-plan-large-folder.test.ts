// The folder plan in a folder of thousands of files (a scraper's output, all
// in one folder): a change is found by the folder's names, and costs in
// proportion to what changed, not to the folder.
import { appendFileSync, mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { folderChanges, PLAN_CHUNK_FILES, STAT_ALL_FILES, type FolderChange } from '../../src/index/plan.js';
import { createSchema } from '../../src/index/schema.js';
import { Writer } from '../../src/index/write.js';

const home = mkdtempSync(join(tmpdir(), 'news-plan-large-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const article = (title: string) => `---\ntitle: ${title}\n---\n\nBody.\n`;
const COUNT = STAT_ALL_FILES + 100;
const name = (i: number) => `a${String(i).padStart(5, '0')}.md`;

/** Moves the times of paths an hour back, as if written long ago: the plan trusts such times. */
function age(...paths: string[]): void {
  const past = new Date(Date.now() - 3_600_000);
  for (const path of paths) utimesSync(path, past, past);
}

/** A flat folder of COUNT articles, all written an hour ago, and its index, brought up to date. */
function flatLibrary(): { root: string; db: Database.Database } {
  const root = mkdtempSync(join(home, 'flat-'));
  for (let i = 0; i < COUNT; i++) writeFileSync(join(root, name(i)), article(`A${i}`));
  age(...Array.from({ length: COUNT }, (_, i) => join(root, name(i))), root);
  const db = new Database(':memory:');
  createSchema(db, JSON.stringify([root]));
  record(db, root, [...folderChanges(db, [root], false)]);
  return { root, db };
}

function record(db: Database.Database, root: string, changes: readonly FolderChange[]): void {
  const writer = new Writer(db, [root]);
  for (const change of changes) {
    writer.applyFolder(change);
    for (const file of change.parse) {
      writer.removeFile(file.root, file.rel);
      writer.addFile(file, { row: null, problems: [] });
    }
  }
}

/** The files a plan reads and drops, and the folder records it stores. */
function plan(db: Database.Database, root: string) {
  const changes = [...folderChanges(db, [root], false)];
  return {
    changes,
    parse: changes.flatMap((c) => c.parse.map((f) => f.rel)).sort(),
    remove: changes.flatMap((c) => c.remove.map((f) => f.rel)).sort(),
  };
}

describe('folderChanges in a folder of thousands of files', () => {
  it('hands a new folder on in chunks, with its record last', () => {
    const { db, root } = flatLibrary();
    expect(db.prepare('SELECT count(*) FROM files').pluck().get()).toBe(COUNT);
    const fresh = new Database(':memory:');
    createSchema(fresh, JSON.stringify([root]));
    const changes = [...folderChanges(fresh, [root], true)];
    expect(changes.map((c) => c.parse.length)).toEqual([PLAN_CHUNK_FILES, PLAN_CHUNK_FILES, COUNT - 2 * PLAN_CHUNK_FILES]);
    expect(changes.map((c) => c.record?.rel ?? null)).toEqual([null, null, '']);
  });

  it('reads a file added and drops a file removed, and nothing else', () => {
    const { db, root } = flatLibrary();
    writeFileSync(join(root, 'new.md'), article('New'));
    rmSync(join(root, name(7)));
    const found = plan(db, root);
    expect([found.parse, found.remove]).toEqual([['new.md'], [name(7)]]);
    record(db, root, found.changes);
    age(root);
    expect(plan(db, root).changes).toEqual([{ record: expect.objectContaining({ rel: '' }), gone: false, parse: [], remove: [] }]);
  });

  it('finds the same changes when the index holds the names in another order than the folder lists them', () => {
    const { db, root } = flatLibrary();
    // Recorded again in reverse: every name out of step with the listing.
    const files = db.prepare('SELECT root, rel, size, mtime FROM files ORDER BY id DESC').all() as FolderChange['parse'];
    db.exec('DELETE FROM files');
    record(db, root, [{ record: null, gone: false, parse: files, remove: [] }]);
    for (let i = 100; i < 140; i++) rmSync(join(root, name(i)));
    writeFileSync(join(root, 'new-1.md'), article('New'));
    writeFileSync(join(root, 'new-2.md'), article('New'));
    const found = plan(db, root);
    expect(found.parse).toEqual(['new-1.md', 'new-2.md']);
    expect(found.remove).toEqual(Array.from({ length: 40 }, (_, k) => name(100 + k)));
  });

  it('compares every file when the names stayed the same: a file replaced by renaming, as editors save', () => {
    const { db, root } = flatLibrary();
    writeFileSync(join(root, '.a00003.md.tmp'), article('Edited'));
    renameSync(join(root, '.a00003.md.tmp'), join(root, name(3)));
    expect(plan(db, root).parse).toEqual([name(3)]);
  });

  it('does not compare the files it already holds when names came or went (a replaced one waits for a full check)', () => {
    const { db, root } = flatLibrary();
    appendFileSync(join(root, name(5)), 'Edited.\n');
    writeFileSync(join(root, 'new.md'), article('New'));
    expect(plan(db, root).parse).toEqual(['new.md']);
    const full = [...folderChanges(db, [root], true)].flatMap((c) => c.parse.map((f) => f.rel)).sort();
    expect(full).toEqual([name(5), 'new.md']);
  });

  it('after a change of the last moments, compares only the names on the next run, then trusts the time', () => {
    const { db, root } = flatLibrary();
    writeFileSync(join(root, 'new.md'), article('New'));
    const first = plan(db, root);
    const time = statSync(root).mtimeMs;
    expect(first.changes.at(-1)!.record).toEqual({ root: 0, rel: '', mtime: -time });
    record(db, root, first.changes);
    // An edit in place now leaves the folder's time alone: the names, the same, are all that is compared.
    appendFileSync(join(root, name(9)), 'Edited.\n');
    expect(statSync(root).mtimeMs).toBe(time);
    const second = plan(db, root);
    expect(second.parse).toEqual([]);
    record(db, root, second.changes);
    expect(plan(db, root).changes).toEqual([]);
  });
});
