// The index's writer, in process: rows added and removed (and FTS5 finding
// and forgetting them), slugs used twice, files' problems, batches, and a
// first build written into a file of its own.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { IndexedFile, ParseFiles } from '../../src/index/contracts.js';
import { folderChanges } from '../../src/index/plan.js';
import { readForIndex } from '../../src/index/read.js';
import { createSchema, INDEX_VERSION } from '../../src/index/schema.js';
import { sqlite } from '../../src/index/sqlite.js';
import { loadLibrary } from '../../src/library/files.js';
import { ArticleIndex } from '../../src/index/article-index.js';
import { CAPPED_PARSE_BYTES, everyFew, fillFreshIndex, parseInline, Writer } from '../../src/index/write.js';

const home = mkdtempSync(join(tmpdir(), 'news-write-'));
const databases: Database.Database[] = [];
afterEach(() => {
  for (const db of databases.splice(0)) if (db.open) db.close();
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

function library(files: Record<string, string>): string {
  const root = mkdtempSync(join(home, 'library-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

const articleFile = (title: string, ...paragraphs: string[]) => `---\ntitle: ${JSON.stringify(title)}\n---\n\n${paragraphs.join('\n\n')}\n`;

function emptyIndex(roots: readonly string[]): Database.Database {
  const db = new Database(':memory:');
  databases.push(db);
  createSchema(db, JSON.stringify(roots));
  return db;
}

/** A file of root 0 as the folder plan hands it to the writer. */
function indexed(root: string, rel: string): IndexedFile {
  const stat = statSync(join(root, rel));
  return { root: 0, rel, size: stat.size, mtime: stat.mtimeMs };
}

function add(writer: Writer, root: string, rel: string): void {
  writer.addFile(indexed(root, rel), readForIndex(join(root, rel), root));
}

/** The slugs FTS5 finds for an expression, as `news search` asks it. */
const found = (db: Database.Database, match: string) =>
  db.prepare('SELECT a.slug FROM fts JOIN articles a ON a.id = fts.rowid WHERE fts MATCH ? ORDER BY a.slug').pluck().all(match);

/** Rows FTS5 itself finds, whether or not an article is left for them. */
const ftsRows = (db: Database.Database, match: string) => db.prepare('SELECT rowid FROM fts WHERE fts MATCH ?').pluck().all(match);

/**
 * How many rows of the FTS5 index hold each word. An external-content index
 * told other text than it indexed when a row is removed keeps the row's
 * words, so this is where a wrong removal shows.
 */
function documents(db: Database.Database): Map<string, number> {
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocabulary USING fts5vocab(main, fts, row)');
  return new Map(db.prepare('SELECT term, doc FROM temp.vocabulary').raw().all() as Array<[string, number]>);
}

describe('Writer', () => {
  it("adds a file's article row, which FTS5 finds by every column", () => {
    const root = library({
      'pier.md': articleFile('Pier reopens in Zürich', 'The harbour board met.', '"The pier is safe again," harbour master Lena Dijk said.'),
    });
    const db = emptyIndex([root]);
    add(new Writer(db, [root]), root, 'pier.md');
    expect(db.prepare('SELECT slug, speakers FROM articles').all()).toEqual([{ slug: 'pier', speakers: 'Lena Dijk' }]);
    expect(found(db, 'headline : zurich')).toEqual(['pier']);
    expect(found(db, 'body : "harbour board"')).toEqual(['pier']);
    expect(found(db, 'speakers : dijk')).toEqual(['pier']);
    expect(found(db, 'body : dijk')).toEqual(['pier']);
    expect(found(db, 'headline : dijk')).toEqual([]);
  });

  it('removes a file, and FTS5 forgets its words, folded ones too', () => {
    const root = library({
      'a.md': articleFile('Ferry to Zürich', 'Straße works stop the ferry.', '"It is late," Ingrid Sølberg said.'),
      'b.md': articleFile('Ferry news', 'The ferry runs.'),
    });
    const db = emptyIndex([root]);
    const writer = new Writer(db, [root]);
    add(writer, root, 'a.md');
    add(writer, root, 'b.md');
    expect(found(db, 'ferry')).toEqual(['a', 'b']);
    expect(found(db, 'zurich AND strasse AND solberg')).toEqual(['a']);

    expect(writer.removeFile(0, 'a.md')).toBe(true);
    expect(found(db, 'ferry')).toEqual(['b']);
    expect(ftsRows(db, 'zurich OR strasse OR solberg')).toEqual([]);
    const left = documents(db);
    expect([left.get('ferry'), left.has('zurich'), left.has('strasse'), left.has('solberg'), left.has('works')]).toEqual([1, false, false, false, false]);
    expect(db.prepare('SELECT count(*) FROM files').pluck().get()).toBe(1);
    expect(writer.removeFile(0, 'a.md')).toBe(false);
    writer.removeFile(0, 'b.md');
    expect(documents(db).size).toBe(0);
  });

  it('gives a file whose slug is taken a problem, and no article', () => {
    const root = library({ 'one/pier.md': articleFile('First pier', 'Osterby.'), 'two/pier.md': articleFile('Second pier', 'Vellmar.') });
    const db = emptyIndex([root]);
    const writer = new Writer(db, [root]);
    add(writer, root, 'one/pier.md');
    add(writer, root, 'two/pier.md');
    expect(db.prepare('SELECT json_extract(json, ?) FROM articles').pluck().all('$.headline')).toEqual(['First pier']);
    expect(found(db, 'vellmar')).toEqual([]);
    const problems = db.prepare('SELECT f.rel, p.line, p.message FROM problems p JOIN files f ON f.id = p.file_id').all();
    expect(problems).toEqual([{ rel: 'two/pier.md', line: 1, message: `slug "pier" is already used by ${join(root, 'one', 'pier.md')}` }]);

    // Once the first is gone, the second is an article when it is read again.
    writer.removeFile(0, 'one/pier.md');
    writer.removeFile(0, 'two/pier.md');
    add(writer, root, 'two/pier.md');
    expect(found(db, 'vellmar')).toEqual(['pier']);
    expect(db.prepare('SELECT count(*) FROM problems').pluck().get()).toBe(0);
  });

  it('records a file that is no article, with its problems', () => {
    const root = library({ 'broken.md': 'No front matter here.\n' });
    const db = emptyIndex([root]);
    add(new Writer(db, [root]), root, 'broken.md');
    expect(db.prepare('SELECT rel FROM files').pluck().all()).toEqual(['broken.md']);
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0);
    expect(db.prepare('SELECT line, message FROM problems').all()).toEqual([{ line: 1, message: expect.stringMatching(/^no front matter/) }]);
  });

  it("removes a folder's gone files and stores or drops its record", () => {
    const root = library({ 'sub/a.md': articleFile('A', 'Osterby.'), 'sub/b.md': articleFile('B', 'Osterby.') });
    const db = emptyIndex([root]);
    const writer = new Writer(db, [root]);
    add(writer, root, 'sub/a.md');
    add(writer, root, 'sub/b.md');
    const dirs = () => db.prepare('SELECT root, rel, mtime FROM dirs').all();
    expect(writer.applyFolder({ record: { root: 0, rel: 'sub', mtime: 42 }, gone: false, parse: [], remove: [{ root: 0, rel: 'sub/a.md' }] })).toBe(1);
    expect(dirs()).toEqual([{ root: 0, rel: 'sub', mtime: 42 }]);
    expect(found(db, 'osterby')).toEqual(['b']);
    const gone = {
      record: { root: 0, rel: 'sub', mtime: 42 },
      gone: true,
      parse: [],
      remove: [
        { root: 0, rel: 'sub/a.md' },
        { root: 0, rel: 'sub/b.md' },
      ],
    };
    expect(writer.applyFolder(gone)).toBe(1);
    expect(dirs()).toEqual([]);
    expect(ftsRows(db, 'osterby')).toEqual([]);
  });

  it('parses files a batch at a time, some ahead, writing each result to its own file', async () => {
    const count = 130;
    const files: Record<string, string> = {};
    for (let i = 0; i < count; i++) files[`f${i}.md`] = articleFile(`Story ${i}`, `Word${i} stands here.`);
    const root = library(files);
    const db = emptyIndex([root]);
    const writer = new Writer(db, [root]);
    let inFlight = 0;
    let mostInFlight = 0;
    const batches: number[] = [];
    // Answers out of order of asking, as workers may: each batch after a delay of its own.
    const parse: ParseFiles = async (batch) => {
      batches.push(batch.length);
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, (batches.length * 7) % 11));
      inFlight--;
      return parseInline(batch);
    };
    const list = Object.keys(files).map((rel) => indexed(root, rel));
    const existed: boolean[] = [];
    await writer.addInBatches(parse, list, (e) => existed.push(e));
    expect(batches.reduce((a, b) => a + b, 0)).toBe(count);
    expect(batches.length).toBeGreaterThan(1);
    expect(mostInFlight).toBeGreaterThan(1);
    expect(mostInFlight).toBeLessThan(batches.length);
    expect(existed).toEqual(Array(count).fill(false));
    const rows = db.prepare('SELECT f.rel, a.slug FROM articles a JOIN files f ON f.id = a.id').all() as Array<{ rel: string; slug: string }>;
    expect(rows).toHaveLength(count);
    expect(rows.every((r) => r.rel === `${r.slug}.md`)).toBe(true);
    expect(found(db, 'word77')).toEqual(['f77']);

    // Added again (changed files): each replaces its old row.
    existed.length = 0;
    await writer.addInBatches(parseInline, list.slice(0, 30), (e) => existed.push(e));
    expect(existed).toEqual(Array(30).fill(true));
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(count);
    expect(documents(db).get('story')).toBe(count);
  });
});

describe('fillFreshIndex', () => {
  it("writes a whole library's index into a new file, in place of what was there", async () => {
    const root = library({
      'a.md': articleFile('Ferry talks', 'Osterby and Vellmar.'),
      'sub/b.md': articleFile('Dock strike', 'Osterby port.'),
      'sub/deeper/c.md': articleFile('Herring', 'Prices fall.'),
      'sub/bad.md': 'no front matter\n',
    });
    const path = join(home, 'fresh.sqlite');
    writeFileSync(path, 'a stale file that is no database');
    const parsed: string[] = [];
    const parse: ParseFiles = (files) => {
      for (const file of files) parsed.push(file.path);
      return parseInline(files);
    };
    const rootsKey = JSON.stringify([root]);
    await fillFreshIndex(sqlite(), { path, rootsKey, roots: [root] }, parse);

    expect(parsed.sort()).toEqual(['a.md', 'sub/b.md', 'sub/bad.md', 'sub/deeper/c.md'].map((rel) => join(root, rel)));
    const db = new Database(path);
    databases.push(db);
    expect(db.pragma('user_version', { simple: true })).toBe(INDEX_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'roots'`).pluck().get()).toBe(rootsKey);
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'updated'`).pluck().get()).not.toBe('');
    expect(found(db, 'osterby')).toEqual(['a', 'b']);
    expect(db.prepare('SELECT rel FROM files ORDER BY rel').pluck().all()).toEqual(['a.md', 'sub/b.md', 'sub/bad.md', 'sub/deeper/c.md']);
    expect(db.prepare('SELECT count(*) FROM problems').pluck().get()).toBe(1);
    // The folders are recorded: an update of the new index finds nothing to do.
    expect([...folderChanges(db, [root], true)]).toEqual([]);
    db.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('tells its progress at the first file, then at most every quarter second', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`s${i % 3}/story-${i}.md`] = articleFile(`Story ${i}`, `Body ${i}.`);
    const root = library(files);
    const told: number[] = [];
    // The clock stands still: after the first file, no quarter second passes.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await fillFreshIndex(
        sqlite(),
        { path: join(home, 'fresh-progress.sqlite'), rootsKey: JSON.stringify([root]), roots: [root] },
        parseInline,
        undefined,
        (n) => told.push(n),
      );
    } finally {
      vi.useRealTimers();
    }
    expect(told).toEqual([1]);
  });
});

describe('everyFew', () => {
  it('passes on the first count, then one a quarter second', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const told: number[] = [];
      const tell = everyFew((n) => told.push(n));
      for (let n = 1; n <= 10; n++) {
        tell(n);
        vi.setSystemTime(Date.now() + 100);
      }
      // At 0, 300, 600 and 900 ms: files 1, 4, 7 and 10.
      expect(told).toEqual([1, 4, 7, 10]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('Writer: one owner for a slug', () => {
  // x/a.md and y/a.md give the slug "a"; x/ comes first in library order, so
  // x/a.md owns it whatever order the files reach the index in.
  const headlines = (db: Database.Database) => db.prepare('SELECT slug, json_extract(json, ?) AS headline FROM articles ORDER BY slug').all('$.headline');
  const problems = (db: Database.Database) =>
    db.prepare('SELECT f.rel, p.line, p.message FROM problems p JOIN files f ON f.id = p.file_id ORDER BY f.rel, p.rowid').all();
  const shadowed = (db: Database.Database) => db.prepare('SELECT f.rel FROM shadowed s JOIN files f ON f.id = s.file_id ORDER BY f.rel').pluck().all();
  /** The problems `news check` reports for the same files, in the index's order (by root, then path). */
  const checked = (roots: string[]) =>
    loadLibrary(roots)
      .problems.map((p) => {
        const root = roots.findIndex((r) => p.path.startsWith(r + '/'));
        return { root, rel: p.path.slice(roots[root]!.length + 1), line: p.line, message: p.message };
      })
      .sort((a, b) => a.root - b.root || (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const stored = (db: Database.Database) =>
    db.prepare('SELECT f.root, f.rel, p.line, p.message FROM problems p JOIN files f ON f.id = p.file_id ORDER BY f.root, f.rel, p.rowid').all();

  it('gives the slug to a file that comes first by the rule when it arrives later', () => {
    const root = library({ 'x/a.md': articleFile('From X', 'Osterby ferry.'), 'y/a.md': articleFile('From Y', 'Vellmar ferry.') });
    const db = emptyIndex([root]);
    const writer = new Writer(db, [root]);
    add(writer, root, 'y/a.md');
    expect(headlines(db)).toEqual([{ slug: 'a', headline: 'From Y' }]);
    expect(problems(db)).toEqual([]);

    add(writer, root, 'x/a.md');
    expect(headlines(db)).toEqual([{ slug: 'a', headline: 'From X' }]);
    expect(found(db, 'osterby')).toEqual(['a']);
    expect(ftsRows(db, 'vellmar')).toEqual([]);
    const words = documents(db);
    expect([words.get('ferry'), words.has('vellmar'), words.has('y')]).toEqual([1, false, false]);
    expect(problems(db)).toEqual([{ rel: 'y/a.md', line: 1, message: `slug "a" is already used by ${join(root, 'x', 'a.md')}` }]);
    expect(shadowed(db)).toEqual(['y/a.md']);
    // The duplicate keeps its file row, so an update does not read it again.
    expect(db.prepare('SELECT rel FROM files ORDER BY rel').pluck().all()).toEqual(['x/a.md', 'y/a.md']);
    expect(stored(db)).toEqual(checked([root]));
  });

  it("hands the slug to the duplicate when the owner is removed, and FTS5 finds the duplicate's words", () => {
    const root = library({ 'x/a.md': articleFile('From X', 'Osterby ferry.'), 'y/a.md': articleFile('From Y', 'Vellmar ferry.') });
    const db = emptyIndex([root]);
    const writer = new Writer(db, [root]);
    add(writer, root, 'x/a.md');
    add(writer, root, 'y/a.md');
    expect(found(db, 'vellmar')).toEqual([]);

    expect(writer.removeFile(0, 'x/a.md')).toBe(true);
    expect(headlines(db)).toEqual([{ slug: 'a', headline: 'From Y' }]);
    expect(found(db, 'vellmar')).toEqual(['a']);
    expect(found(db, 'headline : y')).toEqual(['a']);
    expect(ftsRows(db, 'osterby')).toEqual([]);
    const words = documents(db);
    expect([words.get('ferry'), words.has('osterby'), words.has('x')]).toEqual([1, false, false]);
    expect(problems(db)).toEqual([]);
    expect(shadowed(db)).toEqual([]);

    writer.removeFile(0, 'y/a.md');
    expect(headlines(db)).toEqual([]);
    expect(documents(db).size).toBe(0);
  });

  it('hands the slug on when the owner is read again as broken, and takes it back when mended', async () => {
    const root = library({ 'x/a.md': articleFile('From X', 'Osterby.'), 'y/a.md': articleFile('From Y', 'Vellmar.') });
    const db = emptyIndex([root]);
    const writer = new Writer(db, [root]);
    add(writer, root, 'x/a.md');
    add(writer, root, 'y/a.md');

    writeFileSync(join(root, 'x/a.md'), 'no front matter any more\n');
    await writer.addInBatches(parseInline, [indexed(root, 'x/a.md')], () => {});
    expect(headlines(db)).toEqual([{ slug: 'a', headline: 'From Y' }]);
    expect(found(db, 'vellmar')).toEqual(['a']);
    expect(problems(db)).toEqual([{ rel: 'x/a.md', line: 1, message: expect.stringMatching(/^no front matter/) }]);

    // Mended: it takes the slug back.
    writeFileSync(join(root, 'x/a.md'), articleFile('From X again', 'Osterby.'));
    await writer.addInBatches(parseInline, [indexed(root, 'x/a.md')], () => {});
    expect(headlines(db)).toEqual([{ slug: 'a', headline: 'From X again' }]);
    expect(stored(db)).toEqual(checked([root]));
  });

  it('leaves the owner alone when a duplicate is removed', () => {
    const root = library({ 'x/a.md': articleFile('From X', 'Osterby.'), 'y/a.md': articleFile('From Y', 'Vellmar.') });
    const db = emptyIndex([root]);
    const writer = new Writer(db, [root]);
    add(writer, root, 'y/a.md');
    add(writer, root, 'x/a.md');
    const before = documents(db);

    expect(writer.removeFile(0, 'y/a.md')).toBe(true);
    expect(headlines(db)).toEqual([{ slug: 'a', headline: 'From X' }]);
    expect(found(db, 'osterby')).toEqual(['a']);
    expect(documents(db)).toEqual(before);
    expect(problems(db)).toEqual([]);
    expect(shadowed(db)).toEqual([]);
  });

  it('keeps three files of one slug, across two roots, pointing at one owner as files come and go', () => {
    const first = library({ 'm/a.md': articleFile('From M', 'Osterby.') });
    const second = library({ 'a.md': articleFile('Second root', 'Harrow.'), 'a/a.md': articleFile('From A', 'Vellmar.') });
    const roots = [first, second];
    const db = emptyIndex(roots);
    const writer = new Writer(db, roots);
    const at = (root: number, rel: string) => {
      const stat = statSync(join(roots[root]!, rel));
      writer.addFile({ root, rel, size: stat.size, mtime: stat.mtimeMs }, readForIndex(join(roots[root]!, rel), roots[root]!));
    };
    const owner = () => (headlines(db) as Array<{ headline: string }>).map((a) => a.headline);
    const usedBy = (path: string) => `slug "a" is already used by ${path}`;

    // Last by the rule first: each newcomer takes the slug, and every duplicate names it.
    at(1, 'a.md');
    at(1, 'a/a.md');
    expect(owner()).toEqual(['From A']);
    at(0, 'm/a.md');
    expect(owner()).toEqual(['From M']);
    expect(stored(db)).toEqual([
      { root: 1, rel: 'a.md', line: 1, message: usedBy(join(first, 'm/a.md')) },
      { root: 1, rel: 'a/a.md', line: 1, message: usedBy(join(first, 'm/a.md')) },
    ]);
    expect(stored(db)).toEqual(checked(roots));
    expect(found(db, 'osterby OR vellmar OR harrow')).toEqual(['a']);
    expect(found(db, 'osterby')).toEqual(['a']);

    // The owner goes: the next by the rule (a/ before a.md) takes the slug, and the other duplicate names it.
    writer.removeFile(0, 'm/a.md');
    expect(owner()).toEqual(['From A']);
    expect(found(db, 'vellmar')).toEqual(['a']);
    expect(ftsRows(db, 'osterby OR harrow')).toEqual([]);
    expect(stored(db)).toEqual([{ root: 1, rel: 'a.md', line: 1, message: usedBy(join(second, 'a/a.md')) }]);
    rmSync(join(first, 'm'), { recursive: true });
    expect(stored(db)).toEqual(checked(roots));

    writer.removeFile(1, 'a/a.md');
    expect(owner()).toEqual(['Second root']);
    expect(found(db, 'harrow')).toEqual(['a']);
    expect(stored(db)).toEqual([]);
    expect(documents(db).get('harrow')).toBe(1);
    expect(documents(db).has('vellmar')).toBe(false);
  });
});

describe('fillFreshIndex: one owner for a slug', () => {
  it('gives each slug to its first file by the rule, not by the order the folders were walked', async () => {
    // A folder's own files are walked before its subfolders, and the last root
    // first; by the rule a/x.md comes before x.md, and root 0 before root 1.
    const first = library({ 'x.md': articleFile('Root file', 'Harrow.'), 'a/x.md': articleFile('In a', 'Osterby.') });
    const second = library({ 'x.md': articleFile('Second root', 'Vellmar.'), 'y.md': articleFile('Only y', 'Quay.') });
    const roots = [first, second];
    const path = join(home, 'fresh-owners.sqlite');
    await fillFreshIndex(sqlite(), { path, rootsKey: JSON.stringify(roots), roots }, parseInline);
    const db = new Database(path);
    databases.push(db);
    expect(db.prepare('SELECT slug, json_extract(json, ?) FROM articles ORDER BY slug').raw().all('$.headline')).toEqual([
      ['x', 'In a'],
      ['y', 'Only y'],
    ]);
    expect(found(db, 'osterby OR harrow OR vellmar')).toEqual(['x']);
    expect(found(db, 'osterby')).toEqual(['x']);
    const stored = db.prepare('SELECT f.root, f.rel, p.message FROM problems p JOIN files f ON f.id = p.file_id ORDER BY f.root, f.rel').raw().all();
    expect(stored).toEqual([
      [0, 'x.md', `slug "x" is already used by ${join(first, 'a/x.md')}`],
      [1, 'x.md', `slug "x" is already used by ${join(first, 'a/x.md')}`],
    ]);
    expect(loadLibrary(roots).problems.map((p) => p.message)).toEqual(stored.map((row) => (row as unknown[])[2]));
  });
});

describe('a first build and an article of megabytes', () => {
  it('leaves a file too large for the capped heaps out of the build, then adds it on the calling thread', async () => {
    const paragraph = (i: number) => `Paragraph ${i} of the harbour report, ${'with its many words '.repeat(40)}`;
    const long = articleFile('The long report', ...Array.from({ length: Math.ceil(CAPPED_PARSE_BYTES / 800) + 1 }, (_, i) => paragraph(i)));
    expect(long.length).toBeGreaterThan(CAPPED_PARSE_BYTES);
    const root = library({ 'a/pier.md': articleFile('Pier', 'Osterby.'), 'a/long.md': long, 'b/ferry.md': articleFile('Ferry', 'Vellmar.') });
    // What the build's workers would do with it: outgrow their heaps.
    const capped: ParseFiles = async (files) => {
      for (const file of files) if (statSync(file.path).size > CAPPED_PARSE_BYTES) throw new Error(`${file.path} outgrew a capped heap`);
      return parseInline(files);
    };
    const index = ArticleIndex.open(sqlite(), join(home, 'megabytes.sqlite'), [root], () => {});
    try {
      expect(await index.refresh(capped, false, undefined, true)).toEqual({ added: 3, changed: 0, removed: 0 });
      expect(index.slugs().sort()).toEqual(['ferry', 'long', 'pier']);
      // Its folder's record is trusted again: the next look reads nothing.
      expect(await index.refresh(capped)).toEqual({ added: 0, changed: 0, removed: 0 });
    } finally {
      index.close();
    }
  });
});
