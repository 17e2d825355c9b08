// Writing the index: the Writer that adds and removes files' rows, for
// updates and first builds, and the first build itself.
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Article } from '../model.js';
import type { FreshJob, IndexedFile, ParseFiles, ReadFile } from './contracts.js';
import { folderChanges, parentOf, type FolderChange } from './plan.js';
import { ftsColumns, indexedText } from './row.js';
import { createSchema, FTS_COLUMNS, PLAN_INDEX, removeDatabase } from './schema.js';

type Database = BetterSqlite3.Database;

/** Reads files on this thread; the parser is loaded on first use, not by every command. */
export const parseInline: ParseFiles = async (files) => {
  const { readForIndex } = await import('./read.js');
  return files.map(({ path, root }) => readForIndex(path, root));
};

/** Files parsed and written at a time: bounds the memory an update takes. */
const BATCH_FILES = 25;
/** Batches being parsed while one is written. */
const PARSE_AHEAD = 4;
/** Files a first build hands to addInBatches at a time. */
const FRESH_RUN_FILES = 1000;
/** A first build of at least this many files goes through buildAfresh. */
export const BULK_FILES = 2000;

export function prepareStatements(db: Database) {
  return {
    fileId: db.prepare('SELECT id FROM files WHERE root = ? AND rel = ?').pluck(),
    articleJson: db.prepare('SELECT json FROM articles WHERE id = ?').pluck(),
    deleteFts: db.prepare(`INSERT INTO fts (fts, rowid, ${FTS_COLUMNS.join(', ')}) VALUES ('delete', ?, ?, ?, ?, ?, ?)`),
    deleteFile: db.prepare('DELETE FROM files WHERE id = ?'),
    insertFile: db.prepare('INSERT INTO files (root, rel, dir, size, mtime) VALUES (?, ?, ?, ?, ?)'),
    insertProblem: db.prepare('INSERT INTO problems (file_id, line, message) VALUES (?, ?, ?)'),
    slugOwner: db.prepare('SELECT f.root, f.rel FROM articles a JOIN files f ON f.id = a.id WHERE a.slug = ?'),
    insertArticle: db.prepare('INSERT INTO articles (id, slug, sort_date, section, source, speakers, json) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    insertFts: db.prepare(`INSERT INTO fts (rowid, ${FTS_COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ?, ?)`),
    setDir: db.prepare('INSERT OR REPLACE INTO dirs (root, rel, mtime) VALUES (?, ?, ?)'),
    dropDir: db.prepare('DELETE FROM dirs WHERE root = ? AND rel = ?'),
    setUpdated: db.prepare(`UPDATE meta SET value = ? WHERE key = 'updated'`),
  };
}

/**
 * Writes a complete new index of the library `job.roots` at `job.path`,
 * without a journal: the file is this build's alone until it is copied into
 * the index, and an interrupted build is simply built again.
 */
export async function fillFreshIndex(Sqlite: typeof BetterSqlite3, job: FreshJob, parse: ParseFiles): Promise<void> {
  removeDatabase(job.path);
  const db = new Sqlite(job.path);
  try {
    // better-sqlite3 refuses journal_mode OFF outside its unsafe mode.
    db.unsafeMode(true);
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -4096');
    // Only the index the folder plan reads; the index this build is copied
    // into makes the others once, after the copy.
    createSchema(db, job.rootsKey, false);
    db.exec(PLAN_INDEX);
    const writer = new Writer(db, job.roots);
    db.exec('BEGIN');
    // Folders' files are parsed a few folders at a time: the workers' queue
    // is not drained at every folder's end (a library of 10,000 has folders
    // of 40 files, two batches).
    let pending: IndexedFile[] = [];
    for (const change of folderChanges(db, job.roots, true)) {
      writer.applyFolder(change);
      // Not push(...): a folder of 150,000 files overflows the stack as arguments.
      for (const file of change.parse) pending.push(file);
      if (pending.length < FRESH_RUN_FILES) continue;
      await writer.addInBatches(parse, pending, () => {});
      pending = [];
    }
    await writer.addInBatches(parse, pending, () => {});
    writer.statements.setUpdated.run(new Date().toISOString());
    db.exec('COMMIT');
    db.unsafeMode(false);
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

/** Adds and removes files' rows in an open index. */
export class Writer {
  readonly statements: ReturnType<typeof prepareStatements>;

  constructor(
    db: Database,
    private readonly roots: readonly string[],
  ) {
    this.statements = prepareStatements(db);
  }

  /**
   * Parses and adds files a batch at a time, so memory holds a few batches of
   * articles; the next batches are parsed (on workers) while one is written.
   */
  async addInBatches(parse: ParseFiles, files: readonly IndexedFile[], added: (existed: boolean) => void): Promise<void> {
    const batches: IndexedFile[][] = [];
    for (let at = 0; at < files.length; at += BATCH_FILES) batches.push(files.slice(at, at + BATCH_FILES));
    const request = (batch: IndexedFile[]) =>
      parse(batch.map((f) => ({ path: join(this.roots[f.root]!, f.rel), root: this.roots[f.root]! })));
    const inFlight = batches.slice(0, PARSE_AHEAD).map(request);
    for (const [k, batch] of batches.entries()) {
      const parsed = await inFlight[k]!;
      if (k + PARSE_AHEAD < batches.length) inFlight.push(request(batches[k + PARSE_AHEAD]!));
      inFlight[k] = Promise.resolve([]);
      batch.forEach((file, i) => {
        const existed = this.removeFile(file.root, file.rel);
        this.addFile(file, parsed[i]!);
        added(existed);
      });
    }
  }

  /** Removes a folder's gone files and stores or drops its record; returns how many files it removed. */
  applyFolder(change: FolderChange): number {
    let removed = 0;
    for (const file of change.remove) if (this.removeFile(file.root, file.rel)) removed++;
    const { record } = change;
    if (record && change.gone) this.statements.dropDir.run(record.root, record.rel);
    else if (record) this.statements.setDir.run(record.root, record.rel, record.mtime);
    return removed;
  }

  removeFile(root: number, rel: string): boolean {
    const st = this.statements;
    const id = st.fileId.get(root, rel) as number | undefined;
    if (id === undefined) return false;
    // An external-content index forgets a row by being told what it indexed.
    const json = st.articleJson.get(id) as string | undefined;
    if (json !== undefined) st.deleteFts.run(id, ...indexedText(ftsColumns(JSON.parse(json) as Article)));
    st.deleteFile.run(id);
    return true;
  }

  addFile(file: IndexedFile, result: ReadFile): void {
    const st = this.statements;
    const id = Number(st.insertFile.run(file.root, file.rel, parentOf(file.rel), file.size, file.mtime).lastInsertRowid);
    for (const problem of result.problems) st.insertProblem.run(id, problem.line, problem.message);
    const row = result.row;
    if (!row) return;
    const other = st.slugOwner.get(row.slug) as { root: number; rel: string } | undefined;
    if (other) {
      st.insertProblem.run(id, 1, `slug "${row.slug}" is already used by ${join(this.roots[other.root]!, other.rel)}`);
      return;
    }
    st.insertArticle.run(id, row.slug, row.sortDate, row.section, row.source, row.speakers, row.json);
    st.insertFts.run(id, ...row.fts);
  }

}
