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
import { readdirSync, renameSync, rmSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Article, Problem } from '../model.js';
import { fold } from '../text/fold.js';
import {
  BULK_FILES,
  configure,
  createSchema,
  fillFreshIndex,
  INDEX_VERSION,
  parentOf,
  removeDatabase,
  Writer,
  type FreshBuild,
  type IndexedFile,
  type ParseFiles,
} from './index-write.js';

export { INDEX_VERSION, parseInline, type FreshBuild, type ParseFiles } from './index-write.js';

export const FULL_CHECK_FILES = 2000;

const ARTICLE_FILE = /\.(md|markdown)$/i;

type Database = BetterSqlite3.Database;

export interface ListFilter {
  /** Section / source containing this text (any case, accents ignored). */
  section?: string;
  source?: string;
  /** Dated on or after / on or before: a date or its first part (2014, 2014-09). */
  since?: string;
  until?: string;
  limit?: number;
}

/** What a refresh changed. */
export interface RefreshStats {
  added: number;
  changed: number;
  removed: number;
  checkedFolders: number;
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
        const stored = db.prepare(`SELECT value FROM meta WHERE key = 'roots'`).get() as { value: string } | undefined;
        if (stored?.value !== rootsKey) throw new StaleIndex('it is for other folders');
        return new ArticleIndex(db, roots, path, Sqlite);
      } catch (error) {
        db.close();
        if (error instanceof StaleIndex) return error.message;
        const code = (error as { code?: string }).code ?? '';
        if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return 'it is damaged';
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

  fileCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM files').get() as { n: number }).n;
  }

  /**
   * Brings the index up to date with the files. `full` checks every file's
   * size and time; otherwise only folders whose time changed are read again
   * (and, in small libraries, every file is checked anyway). A first build of
   * a large library is written by `fresh` into a new file, renamed into place.
   */
  async refresh(parse: ParseFiles, full = false, fresh?: FreshBuild): Promise<RefreshStats> {
    const check = full || this.fileCount() <= FULL_CHECK_FILES;
    const plan = this.plan(check);
    const stats: RefreshStats = { added: 0, changed: 0, removed: 0, checkedFolders: plan.checkedFolders };
    if (plan.remove.length === 0 && plan.parse.length === 0 && plan.dirs.length === 0 && plan.goneDirs.length === 0) return stats;
    if (this.fileCount() === 0 && plan.parse.length >= BULK_FILES) {
      await this.buildAfresh(plan, fresh ?? ((job) => fillFreshIndex(this.Sqlite, job, parse)));
      stats.added = plan.parse.length;
      return stats;
    }
    const { db, writer } = this;
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const file of plan.remove) if (writer.removeFile(file.root, file.rel)) stats.removed++;
      await writer.addInBatches(parse, plan.parse, (existed) => (existed ? stats.changed++ : stats.added++));
      for (const dir of plan.dirs) writer.statements.setDir.run(dir.root, dir.rel, dir.mtime);
      for (const dir of plan.goneDirs) writer.statements.dropDir.run(dir.root, dir.rel);
      writer.statements.setUpdated.run(new Date().toISOString());
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
    return stats;
  }

  /** A first build of a large library, written aside and renamed over the index. */
  private async buildAfresh(plan: ReturnType<ArticleIndex['plan']>, fresh: FreshBuild): Promise<void> {
    const temporary = `${this.path}.build-${process.pid}`;
    const rootsKey = (this.db.prepare(`SELECT value FROM meta WHERE key = 'roots'`).get() as { value: string }).value;
    try {
      await fresh({ path: temporary, rootsKey, roots: this.roots, files: plan.parse, dirs: plan.dirs });
      this.db.close();
      for (const suffix of ['-wal', '-shm']) rmSync(this.path + suffix, { force: true });
      renameSync(temporary, this.path);
    } catch (error) {
      removeDatabase(temporary);
      throw error;
    }
    this.db = new this.Sqlite(this.path, { timeout: 10_000 });
    configure(this.db);
    this.writer = new Writer(this.db, this.roots);
  }

  /** Finds what changed on disk since the index was last brought up to date. */
  private plan(checkFiles: boolean) {
    type Dir = { root: number; rel: string; mtime: number };
    const known = new Map<string, Dir>();
    const knownChildren = new Map<string, string[]>();
    for (const row of this.db.prepare('SELECT root, rel, mtime FROM dirs').iterate() as Iterable<Dir>) {
      known.set(`${row.root}\0${row.rel}`, row);
      if (row.rel !== '') {
        const parent = `${row.root}\0${parentOf(row.rel)}`;
        knownChildren.set(parent, [...(knownChildren.get(parent) ?? []), row.rel]);
      }
    }
    const filesIn = this.db.prepare('SELECT rel, size, mtime FROM files WHERE root = ? AND dir = ?');
    const remove: Array<{ root: number; rel: string }> = [];
    const parse: IndexedFile[] = [];
    const dirs: Dir[] = [];
    const visited = new Set<string>();
    const now = Date.now();
    const queue: Array<[number, string]> = this.roots.map((_, i) => [i, '']);

    while (queue.length > 0) {
      const [root, rel] = queue.pop()!;
      const key = `${root}\0${rel}`;
      if (visited.has(key)) continue;
      const absolute = join(this.roots[root]!, rel);
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
      if (!changed && !checkFiles) {
        for (const child of knownChildren.get(key) ?? []) queue.push([root, child]);
        continue;
      }
      // A folder changed within the last moments may change again within the
      // same clock tick, unseen: its time is not trusted on the next run.
      const trusted = now - stat.mtimeMs < 2000 ? -1 : stat.mtimeMs;
      if (before === undefined || before.mtime !== trusted) dirs.push({ root, rel, mtime: trusted });
      const indexed = new Map((filesIn.all(root, rel) as Array<{ rel: string; size: number; mtime: number }>).map((r) => [r.rel, r]));
      let entries: import('node:fs').Dirent[] = [];
      try {
        entries = readdirSync(absolute, { withFileTypes: true });
      } catch {
        // Unreadable now: its files count as gone until it can be read.
      }
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
          fileStat = statSync(join(absolute, entry.name));
        } catch {
          continue;
        }
        if (old && old.size === fileStat.size && old.mtime === fileStat.mtimeMs) continue;
        parse.push({ root, rel: childRel, size: fileStat.size, mtime: fileStat.mtimeMs });
      }
      for (const gone of indexed.keys()) remove.push({ root, rel: gone });
    }
    // Recorded folders not reached are gone, and their files with them.
    const goneDirs: Array<{ root: number; rel: string }> = [];
    for (const [key, dir] of known) {
      if (visited.has(key)) continue;
      goneDirs.push(dir);
      for (const row of filesIn.all(dir.root, dir.rel) as Array<{ rel: string }>) remove.push({ root: dir.root, rel: row.rel });
    }
    return { remove, parse, dirs, goneDirs, checkedFolders: visited.size };
  }

  /** Articles newest first (undated last), then by slug, filtered. */
  list(filter: ListFilter = {}): Article[] {
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
    const sql =
      `SELECT json FROM articles ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ` +
      `ORDER BY sort_date DESC, slug ${filter.limit === undefined ? '' : 'LIMIT ?'}`;
    if (filter.limit !== undefined) params.push(filter.limit);
    return (this.db.prepare(sql).pluck().all(...params) as string[]).map((json) => JSON.parse(json) as Article);
  }

  /** The article named `slug`, or null. */
  get(slug: string): Article | null {
    const json = this.db.prepare('SELECT json FROM articles WHERE slug = ?').pluck().get(slug) as string | undefined;
    return json === undefined ? null : (JSON.parse(json) as Article);
  }

  slugs(): string[] {
    return this.db.prepare('SELECT slug FROM articles ORDER BY slug').pluck().all() as string[];
  }

  /**
   * Articles matching an FTS5 expression, best first by BM25 with the given
   * column weights (ties by slug); `limit` null for all.
   */
  search(match: string, weights: readonly number[], limit: number | null): Array<{ article: Article; score: number }> {
    // Ranked in FTS5 first (its ORDER BY rank LIMIT path keeps only the best
    // rows), and only those rows' articles are read.
    const rows = this.db
      .prepare(
        `SELECT a.json AS json, best.score AS score FROM
           (SELECT rowid, rank AS score FROM fts WHERE fts MATCH ? AND rank MATCH ?
            ORDER BY rank ${limit === null ? '' : 'LIMIT ?'}) AS best
         JOIN articles a ON a.id = best.rowid ORDER BY best.score, a.slug`,
      )
      .all(match, `bm25(${weights.join(', ')})`, ...(limit === null ? [] : [limit])) as Array<{ json: string; score: number }>;
    return rows.map((row) => ({ article: JSON.parse(row.json) as Article, score: -row.score }));
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
}

class StaleIndex extends Error {}


