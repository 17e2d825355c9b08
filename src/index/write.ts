// Writing the index: the Writer that adds and removes files' rows, for
// updates and first builds, and the first build itself.
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Article } from '../model.js';
import { duplicateSlugMessage, slugOwner, type LibraryPlace } from '../library/slug-owner.js';
import type { FreshJob, IndexedFile, IndexProgress, ParseFiles, ParseHere, ReadFile } from './contracts.js';
import { folderChanges, parentOf, type FolderChange } from './plan.js';
import { ftsColumns, indexedText } from './row.js';
import { BUILD_INDEXES, createSchema, FTS_COLUMNS, removeDatabase } from './schema.js';

/** One parameter a FTS5 column. */
const FTS_PLACES = FTS_COLUMNS.map(() => '?').join(', ');

type Database = BetterSqlite3.Database;

/** Reads files on this thread; the parser is loaded on first use, not by every command. */
export const parseInline: ParseFiles = async (files) => {
  const { readForIndex } = await import('./read.js');
  return files.map(({ path, root }) => readForIndex(path, root));
};

/** Files parsed and written at a time: bounds the memory an update takes. */
const BATCH_FILES = 25;
/** Batches at the workers while one is written. */
const PARSE_AHEAD = 4;
/** Batches parsed and waiting to be written, at most, when the writer parses too. */
const HELD_BATCHES = 12;
/** A first build of at least this many files goes through buildAfresh. */
export const BULK_FILES = 2000;
/**
 * The largest file a first build parses on its capped heaps: an article of
 * 4 MB outgrows a parse worker's, 3 MB fits. Larger ones are left to the
 * command's own thread (see fillFreshIndex).
 */
export const CAPPED_PARSE_BYTES = 1 << 20;
/** How often, at most, a build or update tells its progress: a build worker sends each by message. */
const PROGRESS_MS = 250;

/**
 * `progress`, told a count that grows by one a file: at the first file, then
 * at most every PROGRESS_MS, so that a file costs a reading of the clock.
 */
export function everyFew(progress: IndexProgress): IndexProgress {
  let told = 0;
  return (files) => {
    const now = Date.now();
    if (now - told < PROGRESS_MS) return;
    told = now;
    progress(files);
  };
}

// Declared rather than inferred: the library API's declarations reach this
// module, and tsc cannot name the statement type it would infer.
type Statements = Record<
  | 'fileId'
  | 'articleOf'
  | 'deleteFts'
  | 'deleteFile'
  | 'insertFile'
  | 'insertProblem'
  | 'deleteProblem'
  | 'slugOwner'
  | 'insertArticle'
  | 'deleteArticle'
  | 'insertFts'
  | 'shadow'
  | 'shadowArticle'
  | 'shadowedBy'
  | 'promote'
  | 'unshadow'
  | 'renameOwner'
  | 'setDir'
  | 'dropDir'
  | 'setUpdated',
  BetterSqlite3.Statement
>;

const ARTICLE_COLUMNS = 'slug, sort_date, section, source, speakers, json';

export function prepareStatements(db: Database): Statements {
  return {
    fileId: db.prepare('SELECT id FROM files WHERE root = ? AND rel = ?').pluck(),
    articleOf: db.prepare('SELECT slug, json FROM articles WHERE id = ?'),
    deleteFts: db.prepare(`INSERT INTO fts (fts, rowid, ${FTS_COLUMNS.join(', ')}) VALUES ('delete', ?, ${FTS_PLACES})`),
    deleteFile: db.prepare('DELETE FROM files WHERE id = ?'),
    insertFile: db.prepare('INSERT INTO files (root, rel, dir, size, mtime) VALUES (?, ?, ?, ?, ?)'),
    insertProblem: db.prepare('INSERT INTO problems (file_id, line, message) VALUES (?, ?, ?)'),
    deleteProblem: db.prepare('DELETE FROM problems WHERE file_id = ? AND message = ?'),
    slugOwner: db.prepare('SELECT a.id, f.root, f.rel FROM articles a JOIN files f ON f.id = a.id WHERE a.slug = ?'),
    insertArticle: db.prepare(`INSERT INTO articles (id, ${ARTICLE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    deleteArticle: db.prepare('DELETE FROM articles WHERE id = ?'),
    insertFts: db.prepare(`INSERT INTO fts (rowid, ${FTS_COLUMNS.join(', ')}) VALUES (?, ${FTS_PLACES})`),
    shadow: db.prepare(`INSERT INTO shadowed (file_id, ${ARTICLE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    shadowArticle: db.prepare(`INSERT INTO shadowed (file_id, ${ARTICLE_COLUMNS}) SELECT id, ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`),
    shadowedBy: db.prepare('SELECT s.file_id AS id, f.root, f.rel FROM shadowed s JOIN files f ON f.id = s.file_id WHERE s.slug = ?'),
    promote: db
      .prepare(`INSERT INTO articles (id, ${ARTICLE_COLUMNS}) SELECT file_id, ${ARTICLE_COLUMNS} FROM shadowed WHERE file_id = ? RETURNING json`)
      .pluck(),
    unshadow: db.prepare('DELETE FROM shadowed WHERE file_id = ?'),
    // Every duplicate of a slug names its owner; when the owner changes, so do they.
    renameOwner: db.prepare('UPDATE problems SET message = ? WHERE message = ? AND file_id IN (SELECT file_id FROM shadowed WHERE slug = ?)'),
    setDir: db.prepare('INSERT OR REPLACE INTO dirs (root, rel, mtime) VALUES (?, ?, ?)'),
    dropDir: db.prepare('DELETE FROM dirs WHERE root = ? AND rel = ?'),
    setUpdated: db.prepare(`UPDATE meta SET value = ? WHERE key = 'updated'`),
  };
}

/**
 * The text FTS5 indexed for an article row's JSON: an external-content index
 * forgets a row by being told it. The FTS5 statements take the columns as one
 * array (better-sqlite3 binds its items in turn), not spread as arguments.
 */
const ftsOf = (json: string): string[] => indexedText(ftsColumns(JSON.parse(json) as Article));

/** A file with its id, as the writer finds an article's owner or duplicates. */
interface PlacedFile extends LibraryPlace {
  id: number;
}

/**
 * Writes a complete new index of the library `job.roots` at `job.path`,
 * without a journal: the file is this build's alone until it is copied into
 * the index, and an interrupted build is simply built again. `progress` is
 * told how many files are indexed, a few times a second. Files over
 * CAPPED_PARSE_BYTES are left for an update to add.
 */
export async function fillFreshIndex(
  Sqlite: typeof BetterSqlite3,
  job: FreshJob,
  parse: ParseFiles,
  here?: ParseHere,
  progress?: IndexProgress,
): Promise<void> {
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
    db.exec(BUILD_INDEXES);
    const writer = new Writer(db, job.roots);
    db.exec('BEGIN');
    // One stream of files across folders, planned as the workers take them:
    // their queue is never drained at a folder's end, and a folder of
    // 100,000 files is never held at once.
    //
    // A file too large for the capped heaps is left out, and its folder's
    // record kept as if just changed (its time negated: see folderChanges),
    // so that the next look at the library reads the folder's names again
    // and finds the file new. A folder's record comes with its last chunk.
    let leftOut = false;
    function* planned(): Generator<IndexedFile> {
      for (const change of folderChanges(db, job.roots, true)) {
        const parse = change.parse.filter((file) => file.size <= CAPPED_PARSE_BYTES);
        leftOut ||= parse.length < change.parse.length;
        if (change.record !== null && leftOut) {
          change.record.mtime = -Math.abs(change.record.mtime);
          leftOut = false;
        }
        writer.applyFolder(change);
        yield* parse;
      }
    }
    const tell = progress === undefined ? undefined : everyFew(progress);
    let files = 0;
    await writer.addInBatches(parse, planned(), tell === undefined ? () => {} : () => tell(++files), here);
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
   * With `here`, this thread parses too: while the batch to write next is
   * still at a worker, it parses a batch of its own (a first build's writer
   * would otherwise wait, and one worker fewer is one heap and one thread
   * fewer). Batches are written in the order their files came.
   */
  async addInBatches(parse: ParseFiles, files: Iterable<IndexedFile>, added: (existed: boolean) => void, here?: ParseHere): Promise<void> {
    const source = files[Symbol.iterator]();
    const paths = (batch: IndexedFile[]) => batch.map((f) => ({ path: join(this.roots[f.root]!, f.rel), root: this.roots[f.root]! }));
    interface Pending {
      batch: IndexedFile[];
      parsed: Promise<ReadFile[]>;
      ready: boolean;
      atWorker: boolean;
    }
    const queue: Pending[] = [];
    // Batches sent to the workers and not yet written.
    let atWorkers = 0;
    // Files are taken from `files` only as batches are parsed: a lazy source is planned as it is parsed.
    const take = (): IndexedFile[] => {
      const batch: IndexedFile[] = [];
      while (batch.length < BATCH_FILES) {
        const next = source.next();
        if (next.done) break;
        batch.push(next.value);
      }
      return batch;
    };
    const fill = () => {
      while (atWorkers < PARSE_AHEAD) {
        const batch = take();
        if (batch.length === 0) return;
        const pending: Pending = { batch, parsed: parse(paths(batch)), ready: false, atWorker: true };
        atWorkers++;
        const settle = () => (pending.ready = true);
        pending.parsed.then(settle, settle);
        queue.push(pending);
      }
    };
    fill();
    while (queue.length > 0) {
      if (here !== undefined && !queue[0]!.ready && queue.length < HELD_BATCHES) {
        const batch = take();
        if (batch.length > 0) {
          queue.push({ batch, parsed: Promise.resolve(here(paths(batch))), ready: true, atWorker: false });
          // Lets the workers' answers in before the next choice.
          await new Promise((resolve) => setImmediate(resolve));
          fill();
          continue;
        }
      }
      const { batch, parsed: pending, atWorker } = queue.shift()!;
      const parsed = await pending;
      if (atWorker) atWorkers--;
      fill();
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

  /**
   * Removes a file's rows. When it owned its slug, the next file by the rule
   * that gives the same slug (if any) becomes the owner.
   */
  removeFile(root: number, rel: string): boolean {
    const st = this.statements;
    const id = st.fileId.get(root, rel) as number | undefined;
    if (id === undefined) return false;
    const article = st.articleOf.get(id) as { slug: string; json: string } | undefined;
    if (article !== undefined) st.deleteFts.run(id, ftsOf(article.json));
    st.deleteFile.run(id);
    if (article !== undefined) this.promoteNext(article.slug, this.pathOf({ root, rel }));
    return true;
  }

  /**
   * Adds a file's rows: its problems, and its article, which takes the slug
   * from the file holding it when this one comes first by the rule; the file
   * that loses the slug keeps its row aside (in `shadowed`) with a problem.
   */
  addFile(file: IndexedFile, result: ReadFile): void {
    const st = this.statements;
    const id = Number(st.insertFile.run(file.root, file.rel, parentOf(file.rel), file.size, file.mtime).lastInsertRowid);
    for (const problem of result.problems) st.insertProblem.run(id, problem.line, problem.message);
    const row = result.row;
    if (!row) return;
    const owner = st.slugOwner.get(row.slug) as PlacedFile | undefined;
    if (owner !== undefined && slugOwner<LibraryPlace>(owner, file) === owner) {
      st.shadow.run(id, row.slug, row.sortDate, row.section, row.source, row.speakers, row.json);
      st.insertProblem.run(id, 1, duplicateSlugMessage(row.slug, this.pathOf(owner)));
      return;
    }
    if (owner !== undefined) {
      const json = (st.articleOf.get(owner.id) as { json: string }).json;
      st.deleteFts.run(owner.id, ftsOf(json));
      st.shadowArticle.run(owner.id);
      st.deleteArticle.run(owner.id);
      const message = duplicateSlugMessage(row.slug, this.pathOf(file));
      st.renameOwner.run(message, duplicateSlugMessage(row.slug, this.pathOf(owner)), row.slug);
      st.insertProblem.run(owner.id, 1, message);
    }
    st.insertArticle.run(id, row.slug, row.sortDate, row.section, row.source, row.speakers, row.json);
    st.insertFts.run(id, row.fts);
  }

  /** Gives `slug`, whose owner at `gonePath` lost it, to the first of the files left that give it. */
  private promoteNext(slug: string, gonePath: string): void {
    const st = this.statements;
    const candidates = st.shadowedBy.all(slug) as PlacedFile[];
    if (candidates.length === 0) return;
    const next = candidates.reduce((a, b) => slugOwner(a, b));
    const json = st.promote.get(next.id) as string;
    st.unshadow.run(next.id);
    st.insertFts.run(next.id, ftsOf(json));
    const gone = duplicateSlugMessage(slug, gonePath);
    st.deleteProblem.run(next.id, gone);
    st.renameOwner.run(duplicateSlugMessage(slug, this.pathOf(next)), gone, slug);
  }

  private pathOf(place: LibraryPlace): string {
    return join(this.roots[place.root]!, place.rel);
  }
}
