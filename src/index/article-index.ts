// The article index: an SQLite database (through better-sqlite3) with FTS5,
// kept in the user's cache folder, one per library. It is a cache of what the
// article files say: built on first use, brought up to date on every run,
// rebuilt when missing, corrupt or from another version, and never the only
// copy of anything.
//
// Keeping up to date without reading 100,000 file entries on every run: each
// folder's modification time is stored, and a folder whose time changed (a
// file added, removed or renamed in it — which is also how editors and
// `news import` save, by writing a temporary file and renaming it) is read
// again; its files are compared by size and modification time. Libraries of
// up to FULL_CHECK_FILES files have every file's size and time checked on
// every run as well, so an edit in place is seen there too; in a larger
// library such an edit is seen by `news index`, which checks every file.
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Article, Problem, SearchHit, Snippet } from '../model.js';
import { fold } from '../text/fold.js';
import { isLeftBehind } from '../library/process.js';
import { OUT_OF_MEMORY, type FreshBuild, type IndexProgress, type ParseFiles } from './contracts.js';
import { folderChanges, hasAtLeastFiles } from './plan.js';
import { configure, createSchema, DROP_INDEXES, INDEX_VERSION, INDEXES, READER_KEY, removeDatabase } from './schema.js';
import { articleFromJson, StoredArticle } from './row.js';
import type { JsonPiece } from '../text/sanitize.js';
import { BULK_FILES, everyFew, fillFreshIndex, parseInline, Writer } from './write.js';

export const FULL_CHECK_FILES = 2000;

/** Fewer new or changed files than this in a folder are parsed on the command's thread. */
const INLINE_FILES = 50;

type Database = BetterSqlite3.Database;

export interface ListFilter {
  /** Section / source containing this text (any case, accents ignored). */
  section?: string;
  source?: string;
  /** Dated on or after / on or before: a date or its first part (2014, 2014-09). */
  since?: string;
  until?: string;
  limit?: number;
  /** The order: by date (the default: newest first, undated last), headline, slug or source. */
  sort?: ArticleOrder;
  /** The order reversed; undated articles, and those without a source, stay last. */
  reverse?: boolean;
}

/** What articles can be put in order by. */
export type ArticleOrder = 'date' | 'headline' | 'slug' | 'source';

/**
 * How much of a hit's article `eachHit` reads: all of it; its head (body and
 * quotes empty), for output that shows a hit's slug, headline and snippet;
 * or its head and its JSON text (`json`: toJsonLine of the whole article),
 * for `--json`, which then never makes strings of a large article's body.
 */
export type HitRead = 'whole' | 'head' | 'json';

/** The order of search hits: by relevance (the default, best first), or as articles are listed. */
export interface HitOrder {
  sort: ArticleOrder | 'relevance';
  reverse: boolean;
}
const BY_RELEVANCE: HitOrder = { sort: 'relevance', reverse: false };

/**
 * The ORDER BY terms of an order, on the articles table as `a` (a prefix such
 * as 'a.', or ''): ties go by slug, those of a source by date, newest first;
 * undated articles, and those without a source, come last either way.
 * `indexed`: SQLite reads the rows in that order from an index, one at a
 * time, without a sort.
 */
function orderBy(sort: ArticleOrder, reverse: boolean, a = ''): { terms: string; indexed: boolean } {
  const direction = reverse ? 'DESC' : 'ASC';
  switch (sort) {
    case 'date':
      return reverse ? { terms: `${a}sort_date = '', ${a}sort_date, ${a}slug`, indexed: false } : { terms: `${a}sort_date DESC, ${a}slug`, indexed: true };
    case 'headline':
      return { terms: `json_extract(${a}json, '$.headline') COLLATE NOCASE ${direction}, ${a}slug`, indexed: false };
    case 'slug':
      return { terms: `${a}slug ${direction}`, indexed: true };
    case 'source':
      // The column holds the source folded (row.ts): no case or accents to tell apart.
      return { terms: `coalesce(${a}source, '') = '', ${a}source ${direction}, ${a}sort_date DESC, ${a}slug`, indexed: false };
  }
}

/** What a refresh changed. */
export interface RefreshStats {
  added: number;
  changed: number;
  removed: number;
}

/** The index of a library (its folders), open for reading and updating. */
export class ArticleIndex {
  private writer: Writer;

  private constructor(
    private db: Database,
    readonly roots: readonly string[],
    readonly path: string,
    private readonly Sqlite: typeof BetterSqlite3,
  ) {
    this.writer = new Writer(db, roots);
  }

  /**
   * Opens (or creates) the index at `path` for the library `roots`. An index
   * file that is not a database, is damaged, is of another version or is for
   * other folders is replaced; `onRebuild` is told why.
   */
  static open(Sqlite: typeof BetterSqlite3, path: string, roots: readonly string[], onRebuild: (why: string) => void): ArticleIndex {
    const rootsKey = JSON.stringify(roots);
    // One read of the cache folder: a killed build can leave a file as large as the index.
    removeAbandonedBuilds(path);
    const attempt = (): ArticleIndex | string => {
      let db: Database;
      try {
        db = new Sqlite(path, { timeout: 10_000 });
      } catch (error) {
        return `cannot open (${(error as Error).message})`;
      }
      try {
        db.pragma('journal_mode = WAL');
        configure(db);
        const version = db.pragma('user_version', { simple: true }) as number;
        if (version === 0) {
          const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_master`).get() as { n: number };
          if (tables.n > 0) throw new StaleIndex('it was written by an older version');
          db.transaction(() => {
            if ((db.pragma('user_version', { simple: true }) as number) === 0) createSchema(db, rootsKey);
          }).immediate();
        } else if (version !== INDEX_VERSION) {
          throw new StaleIndex(`it was written by ${version < INDEX_VERSION ? 'an older' : 'a newer'} version`);
        }
        const meta = new Map(db.prepare(`SELECT key, value FROM meta`).raw().all() as Array<[string, string]>);
        if (meta.get('roots') !== rootsKey) throw new StaleIndex('it is for other folders');
        if (meta.get('reader') !== READER_KEY) throw new StaleIndex('it was written by another version of the reader');
        return new ArticleIndex(db, roots, path, Sqlite);
      } catch (error) {
        db.close();
        if (error instanceof StaleIndex) return error.message;
        if (isDamage(error)) return 'it is damaged';
        throw error;
      }
    };
    const first = attempt();
    if (typeof first !== 'string') return first;
    onRebuild(first);
    removeDatabase(path);
    const second = attempt();
    if (typeof second === 'string') throw new Error(`cannot create the index ${path}: ${second}`);
    return second;
  }

  close(): void {
    this.db.close();
  }

  /** How many files the index records, counting no further than `upTo` (counting all costs a scan). */
  fileCount(upTo = Number.MAX_SAFE_INTEGER): number {
    return this.db.prepare('SELECT count(*) FROM (SELECT 1 FROM files LIMIT ?)').pluck().get(upTo) as number;
  }

  /**
   * Brings the index up to date with the files. `full` checks every file's
   * size and time; otherwise only folders whose time changed are read again
   * (and, in small libraries, every file is checked anyway). A first build of
   * a large library, or a `rebuild`, is written into a new file, then copied
   * in. `progress` is told how many files have been parsed and written, a
   * few times a second.
   */
  async refresh(parse: ParseFiles, full = false, fresh?: FreshBuild, rebuild = false, progress?: IndexProgress): Promise<RefreshStats> {
    const stats: RefreshStats = { added: 0, changed: 0, removed: 0 };
    const files = this.fileCount(FULL_CHECK_FILES + 1);
    const built = rebuild || (files === 0 && hasAtLeastFiles(this.roots, BULK_FILES));
    if (built) await this.buildAfresh(parse, fresh, rebuild, progress);
    // After a build, only what it left out (articles of megabytes, too large
    // for its capped heaps), in folders it marked as changed, is added here.
    const check = !built && (full || files <= FULL_CHECK_FILES);
    const { db, writer } = this;
    const tell = progress === undefined ? undefined : everyFew(progress);
    try {
      for (const change of folderChanges(db, this.roots, check)) {
        // The write lock is taken on the first change: a run that finds none writes nothing.
        if (!db.inTransaction) db.exec('BEGIN IMMEDIATE');
        stats.removed += writer.applyFolder(change);
        // A few files are parsed here: starting a worker costs more than they do.
        const parser = change.parse.length < INLINE_FILES ? parseInline : parse;
        await writer.addInBatches(parser, change.parse, (existed) => {
          if (existed) stats.changed++;
          else stats.added++;
          tell?.(stats.added + stats.changed);
        });
      }
      if (db.inTransaction) {
        writer.statements.setUpdated.run(new Date().toISOString());
        db.exec('COMMIT');
      }
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
    if (built) return { added: this.fileCount(), changed: 0, removed: 0 };
    return stats;
  }

  /**
   * A first build of a large library: written aside (by `fresh`, on a worker
   * with a capped heap, when given), then copied into the index in one
   * transaction. A build that outgrows the cap (articles of megabytes) is
   * done again here.
   *
   * The build is copied, not renamed over the index: other processes may have
   * the index open, and SQLite finds a database's -wal and -shm files by name,
   * so a file renamed (or removed) under them would pair their connections
   * with another database's log, which corrupts it.
   */
  private async buildAfresh(parse: ParseFiles, fresh?: FreshBuild, replace = false, progress?: IndexProgress): Promise<void> {
    const temporary = `${this.path}${BUILD_SUFFIX}${process.pid}`;
    const rootsKey = (this.db.prepare(`SELECT value FROM meta WHERE key = 'roots'`).get() as { value: string }).value;
    try {
      const job = { path: temporary, rootsKey, roots: this.roots };
      const here = () => fillFreshIndex(this.Sqlite, job, parse, undefined, progress);
      if (!fresh) await here();
      else await fresh(job, progress).catch((error: { code?: string }) => (error.code === OUT_OF_MEMORY ? here() : Promise.reject(error)));
      this.install(temporary, replace);
    } finally {
      removeDatabase(temporary);
    }
    // A new connection: FTS5 keeps what it read of its tables.
    this.db.close();
    this.db = new this.Sqlite(this.path, { timeout: 10_000 });
    configure(this.db);
    this.writer = new Writer(this.db, this.roots);
  }

  /**
   * Copies a fresh build's rows into the index, in place of what it held when
   * `replace`; otherwise only if another process's first build did not come
   * first.
   */
  private install(temporary: string, replace: boolean): void {
    const { db } = this;
    db.prepare('ATTACH DATABASE ? AS fresh').run(temporary);
    // FTS5's own tables are copied as they are, which SQLite's defensive mode forbids.
    db.unsafeMode(true);
    try {
      db.transaction(() => {
        if (!replace && this.fileCount(1) > 0) return;
        // Indexes made once after the copy cost less than kept up row by row.
        db.exec(DROP_INDEXES);
        for (const table of BUILT_TABLES) db.exec(`DELETE FROM main.${table}; INSERT INTO main.${table} SELECT * FROM fresh.${table};`);
        db.exec(INDEXES);
      }).immediate();
    } finally {
      db.unsafeMode(false);
      db.exec('DETACH DATABASE fresh');
    }
  }

  /** Articles newest first (undated last), then by slug, or in the order asked; filtered. */
  list(filter: ListFilter = {}): Article[] {
    return [...this.eachArticle(filter)];
  }

  /**
   * The articles of `list`, read one at a time: a library of 100,000 is never
   * in memory at once. Nothing else may use the index until it is done.
   */
  *eachArticle(filter: ListFilter = {}): Generator<Article> {
    const where: string[] = [];
    const params: unknown[] = [];
    const like = (column: string, value: string) => {
      where.push(`${column} LIKE ? ESCAPE '\\'`);
      params.push(`%${fold(value).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    };
    if (filter.section !== undefined) like('section', filter.section);
    if (filter.source !== undefined) like('source', filter.source);
    if (filter.since !== undefined) {
      where.push(`sort_date <> '' AND substr(sort_date, 1, ?) >= ?`);
      params.push(filter.since.length, filter.since);
    }
    if (filter.until !== undefined) {
      where.push(`sort_date <> '' AND substr(sort_date, 1, ?) <= ?`);
      params.push(filter.until.length, filter.until);
    }
    const { terms, indexed } = orderBy(filter.sort ?? 'date', filter.reverse ?? false);
    // An order read from an index gives whole rows as it goes; any other is a
    // sort, which carries its rows whole: the ids are sorted, and each article
    // is read after.
    const sql =
      `SELECT ${indexed ? 'json' : 'id'} FROM articles ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ` +
      `ORDER BY ${terms} ${filter.limit === undefined ? '' : 'LIMIT ?'}`;
    if (filter.limit !== undefined) params.push(filter.limit);
    const statement = this.db.prepare(sql).pluck();
    // eslint-disable-next-line no-restricted-syntax -- at most six bound parameters
    const rows = statement.iterate(...params) as Iterable<string | number>;
    if (indexed) {
      for (const json of rows) yield articleFromJson(json as string);
      return;
    }
    const read = this.db.prepare('SELECT json FROM articles WHERE id = ?').pluck();
    for (const id of rows) yield articleFromJson(read.get(id) as string);
  }

  /** The slugs given that name articles, in an order (see ListFilter). */
  inOrder(slugs: readonly string[], sort: ArticleOrder, reverse = false): string[] {
    const { terms } = orderBy(sort, reverse);
    return this.db
      .prepare(`SELECT slug FROM articles WHERE slug IN (SELECT value FROM json_each(?)) ORDER BY ${terms}`)
      .pluck()
      .all(JSON.stringify(slugs)) as string[];
  }

  /** The article named `slug`, or null. */
  get(slug: string): Article | null {
    const json = this.db.prepare('SELECT json FROM articles WHERE slug = ?').pluck().get(slug) as string | undefined;
    return json === undefined ? null : articleFromJson(json);
  }

  slugs(): string[] {
    return this.db.prepare('SELECT slug FROM articles ORDER BY slug').pluck().all() as string[];
  }

  /** The URL of every article that has one, with the file it is in. */
  *eachUrl(): Generator<{ url: string; path: string }> {
    const rows = this.db
      .prepare(
        `SELECT json_extract(a.json, '$.url') AS url, f.root AS root, f.rel AS rel FROM articles a JOIN files f ON f.id = a.id WHERE json_extract(a.json, '$.url') IS NOT NULL`,
      )
      .iterate() as Iterable<{ url: string; root: number; rel: string }>;
    for (const row of rows) yield { url: row.url, path: join(this.roots[row.root]!, row.rel) };
  }

  /**
   * Articles matching an FTS5 expression, best first by BM25 with the given
   * column weights (ties by slug), each with FTS5's snippet of its best
   * column, or, for an article too large for that (see SNIPPET_BYTES), the
   * one `cut` makes of its columns; `limit` null for all.
   */
  search(...args: Parameters<ArticleIndex['eachHit']>): SearchHit[] {
    // eslint-disable-next-line no-restricted-syntax -- eachHit's six parameters
    return [...this.eachHit(...args)];
  }

  /**
   * The hits of `search`, read one at a time. Nothing else may use the index
   * until it is done. How much of each article is read is `read`'s (see
   * HitRead): the rest of an article of megabytes is never read into
   * JavaScript (the snippet of one is cut from its columns as SQLite gives
   * them).
   */
  *eachHit(
    match: string,
    weights: readonly number[],
    limit: number | null,
    cut?: CutSnippet,
    read: HitRead = 'whole',
    order: HitOrder = BY_RELEVANCE,
  ): Generator<SearchHit & { json?: JsonPiece }> {
    // Ranked in FTS5 first (its ORDER BY rank LIMIT path keeps only the best
    // rows, and makes snippets of those alone), then their articles are read
    // one by one, after the sort: a sort carries its rows whole, and an
    // article of megabytes would be copied into it and out again.
    // A large article's snippet is left to `cut`: the file's size stands for
    // the article's, and is read from its row, not from the text.
    const fts5Snippet = `snippet(fts, -1, '${MARK_START}', '${MARK_END}', '…', ${SNIPPET_TOKENS})`;
    const snippet = cut ? `CASE WHEN (SELECT size FROM files WHERE id = fts.rowid) <= ${SNIPPET_BYTES} THEN ${fts5Snippet} END` : fts5Snippet;
    const rank = `bm25(${weights.join(', ')})`;
    const limits = limit === null ? [] : [limit];
    let rows: Iterable<{ id: number; score: number; snippet: string | null }>;
    if (order.sort === 'relevance') {
      const direction = order.reverse ? 'DESC' : '';
      rows = this.db
        .prepare(
          `SELECT best.rowid AS id, best.score AS score, best.snippet AS snippet FROM
             (SELECT rowid, rank AS score, ${snippet} AS snippet
              FROM fts WHERE fts MATCH ? AND rank MATCH ?
              ORDER BY rank ${direction} ${limit === null ? '' : 'LIMIT ?'}) AS best
           JOIN articles a ON a.id = best.rowid ORDER BY best.score ${direction}, a.slug`,
        )
        // eslint-disable-next-line no-restricted-syntax -- a limit or none
        .iterate(match, rank, ...limits) as typeof rows;
    } else {
      // Every match is put in order by the articles' columns alone, and the
      // first `limit` kept (ids only); then only those are ranked and given a
      // snippet, a batch at a time: a lookup by rowid would match the query
      // anew for every hit, so each batch is one pass over the matches,
      // filtered (`+rowid`: not a lookup) to the batch's ids.
      const ids = this.db
        .prepare(
          `SELECT a.id FROM fts JOIN articles a ON a.id = fts.rowid WHERE fts MATCH ?
           ORDER BY ${orderBy(order.sort, order.reverse, 'a.').terms} ${limit === null ? '' : 'LIMIT ?'}`,
        )
        .pluck()
        // eslint-disable-next-line no-restricted-syntax -- a limit or none
        .all(match, ...limits) as number[];
      const ranked = this.db.prepare(
        `SELECT rowid AS id, rank AS score, ${snippet} AS snippet FROM fts
         WHERE fts MATCH ? AND rank MATCH ? AND +rowid IN (SELECT value FROM json_each(?))`,
      );
      rows = (function* () {
        // Small batches first, so that the first lines come at once; larger ones after.
        for (let at = 0, size = 100; at < ids.length; at += size, size = Math.min(size * 4, 10_000)) {
          const batch = ids.slice(at, at + size);
          const found = new Map<number, { id: number; score: number; snippet: string | null }>();
          for (const row of ranked.iterate(match, rank, JSON.stringify(batch)) as Iterable<{ id: number; score: number; snippet: string | null }>) {
            found.set(row.id, row);
          }
          for (const id of batch) yield found.get(id)!;
        }
      })();
    }
    // The JSON is read as its bytes: StoredArticle makes strings only of what is asked.
    const readRow = this.db.prepare('SELECT CAST(json AS BLOB) AS json, speakers FROM articles WHERE id = ?');
    for (const row of rows) {
      const { json, speakers } = readRow.get(row.id) as { json: Buffer; speakers: string };
      const stored = new StoredArticle(json);
      const article = read === 'whole' ? stored.article() : stored.head();
      const snippet =
        row.snippet !== null
          ? unmark(row.snippet)
          : (cut?.(columnPieces(read === 'whole' ? article : { ...article, body: stored.body() }, speakers)) ?? unmark(''));
      yield read === 'json' ? { article, score: -row.score, snippet, json: stored.json() } : { article, score: -row.score, snippet };
    }
  }

  /** How many articles match an FTS5 expression: what a search cut by a limit leaves out is this less what it shows. */
  countMatching(match: string): number {
    return this.db.prepare('SELECT count(*) FROM fts WHERE fts MATCH ?').pluck().get(match) as number;
  }

  /** The articles matching an FTS5 expression, in no order, without ranks or snippets. */
  matching(match: string): Article[] {
    const rows = this.db.prepare('SELECT a.json FROM fts JOIN articles a ON a.id = fts.rowid WHERE fts MATCH ?').pluck().all(match) as string[];
    return rows.map((json) => articleFromJson(json));
  }

  /** Problems of the files that could not be indexed as articles. */
  problems(): Problem[] {
    const rows = this.db
      .prepare('SELECT f.root, f.rel, p.line, p.message FROM problems p JOIN files f ON f.id = p.file_id ORDER BY f.root, f.rel, p.line')
      .all() as Array<{ root: number; rel: string; line: number; message: string }>;
    return rows.map((r) => ({ path: join(this.roots[r.root]!, r.rel), line: r.line, message: r.message }));
  }

  stats(): { articles: number; files: number; problems: number; bytes: number; updated: string | null } {
    const count = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    const updated = (this.db.prepare(`SELECT value FROM meta WHERE key = 'updated'`).get() as { value: string }).value;
    const pageCount = this.db.pragma('page_count', { simple: true }) as number;
    const pageSize = this.db.pragma('page_size', { simple: true }) as number;
    return {
      articles: count('SELECT count(*) AS n FROM articles'),
      files: count('SELECT count(*) AS n FROM files'),
      problems: count('SELECT count(DISTINCT file_id) AS n FROM problems'),
      bytes: pageCount * pageSize,
      updated: updated === '' ? null : updated,
    };
  }

  /**
   * Where the index's bytes go, b-tree by b-tree, read from SQLite's dbstat
   * table (a scan of every page: a second or so for an index of 600 MiB).
   */
  storage(): IndexStorage {
    const { db } = this;
    const pluck = (sql: string) => db.prepare(sql).pluck().get() as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    let objects: StorageObject[] | null = null;
    try {
      const rows = db
        .prepare(
          `SELECT s.name AS name, coalesce(m.type, 'table') AS type, coalesce(m.tbl_name, s.name) AS tbl,
                  count(*) AS pages, sum(s.pgsize) AS bytes, sum(s.payload) AS payload
           FROM dbstat AS s LEFT JOIN sqlite_schema AS m ON m.name = s.name
           GROUP BY s.name ORDER BY bytes DESC, s.name`,
        )
        .all() as Array<{ name: string; type: string; tbl: string; pages: number; bytes: number; payload: number }>;
      objects = rows.map((r) => ({
        name: r.name,
        type: r.type === 'index' ? 'index' : 'table',
        table: r.tbl,
        pages: r.pages,
        bytes: r.bytes,
        payload: r.payload,
      }));
    } catch (error) {
      // A SQLite built without SQLITE_ENABLE_DBSTAT_VTAB: the totals alone.
      if (!/no such table: dbstat/.test((error as Error).message)) throw error;
    }
    return {
      articles: pluck('SELECT count(*) FROM articles'),
      files: pluck('SELECT count(*) FROM files'),
      libraryBytes: pluck('SELECT coalesce(sum(size), 0) FROM files'),
      bytes: pageSize * (db.pragma('page_count', { simple: true }) as number),
      pageSize,
      freePages: db.pragma('freelist_count', { simple: true }) as number,
      objects,
    };
  }
}

/** Where an index's bytes go: one b-tree (a table or an index), FTS5's shadow tables among them. */
export interface StorageObject {
  name: string;
  /** 'table' or 'index'; FTS5's shadow tables are tables. */
  type: 'table' | 'index';
  /** The table an index is on (for a table, its own name). */
  table: string;
  pages: number;
  /** Bytes of its pages, and of what they hold (the rest is page headers and free room). */
  bytes: number;
  payload: number;
}

/** What `news index --stats` reports: the index, the library it is of, and where the index's bytes go. */
export interface IndexStorage {
  articles: number;
  files: number;
  /** Bytes of the library's article files, as last seen. */
  libraryBytes: number;
  /** Bytes of the database file (its pages), without its write-ahead log. */
  bytes: number;
  pageSize: number;
  freePages: number;
  /** Largest first; null when this SQLite has no dbstat table. */
  objects: StorageObject[] | null;
}

class StaleIndex extends Error {}

/** Whether SQLite found the file damaged or not a database. */
export function isDamage(error: unknown): boolean {
  return /^SQLITE_(CORRUPT|NOTADB)/.test((error as { code?: string }).code ?? '');
}

/** The tables a first build fills, FTS5's own among them, in an order their foreign keys allow. */
const BUILT_TABLES = ['meta', 'dirs', 'files', 'articles', 'problems', 'shadowed', 'fts_data', 'fts_idx', 'fts_docsize', 'fts_config'];

/** A first build is written to `<index>.build-<pid>`. */
const BUILD_SUFFIX = '.build-';

/**
 * Removes the first builds that processes killed while building left beside
 * the index, with the journal, -wal and -shm files SQLite keeps beside them.
 */
function removeAbandonedBuilds(index: string): void {
  const prefix = basename(index) + BUILD_SUFFIX;
  let names: string[];
  try {
    names = readdirSync(dirname(index));
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix) && isLeftBehind(name.slice(prefix.length), /^(\d+)(?:-journal|-wal|-shm)?$/))
      rmSync(join(dirname(index), name), { force: true });
  }
}

/** Words of context in a snippet. */
export const SNIPPET_TOKENS = 24;

/**
 * Articles whose file is larger than this have their snippet cut by the
 * search, not by FTS5: its snippet() weighs a window around every match
 * against every other match, which grows with the square of the matches (a
 * common word in an article of 7 MB took over a minute). At this size an
 * article of nothing but the word takes FTS5 some 15 ms; a news article of
 * this size, well under one.
 */
export const SNIPPET_BYTES = 16 * 1024;

/**
 * An article's FTS5 columns (FTS_COLUMNS, in order), each as the pieces its
 * text is made of, joined by line breaks: the body's paragraphs, one piece
 * for the others.
 */
export type ColumnPieces = ReadonlyArray<readonly string[]>;

/** Makes the snippet of an article from its columns. */
export type CutSnippet = (columns: ColumnPieces) => Snippet;

/** The columns of an article as the index's content view gives them; `speakers` is its row's. */
function columnPieces(
  article: Pick<Article, 'headline' | 'section' | 'source' | 'author' | 'tags'> & { body: readonly string[] },
  speakers: string,
): ColumnPieces {
  return [[article.headline], article.body, [speakers], [article.section ?? ''], [article.source ?? ''], [article.author ?? ''], article.tags];
}

// Private-use characters around each match in FTS5's snippet text; taken out
// again by unmark. One in an article's own text only moves a highlight.
const MARK_START = '\ue000';
const MARK_END = '\ue001';

/** FTS5's marked snippet as text and the spans of its matches. */
export function unmark(marked: string): Snippet {
  let text = '';
  const highlights: Array<[number, number]> = [];
  let open = -1;
  for (const char of marked) {
    if (char === MARK_START) open = text.length;
    else if (char === MARK_END) {
      if (open >= 0 && open < text.length) highlights.push([open, text.length]);
      open = -1;
    } else text += char;
  }
  return { text, highlights };
}
