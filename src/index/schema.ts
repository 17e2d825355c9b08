// The index's schema and version, and what makes a database of it.
import { rmSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';

export const INDEX_VERSION = 6;

// The index holds articles as this build of the reader parsed them: a build
// whose parsing differs (scripts/build.mjs hashes the code that makes the
// rows) must not read another's rows, so it rebuilds the index.
declare const NEWS_READER_KEY: string | undefined;
export const READER_KEY = typeof NEWS_READER_KEY === 'string' ? NEWS_READER_KEY : 'dev';

/** The FTS5 columns, in table order; bm25 weights follow the same order. */
export const FTS_COLUMNS = ['headline', 'body', 'speakers', 'section', 'source', 'author', 'tags'] as const;

/**
 * Text as the index holds it: the same words `words()` finds. ASCII text is
 * left for SQLite's tokenizer (it lowercases and splits on punctuation just
 * so); other text is folded first, so that "Zürich" and "Straße" are found
 * as zurich and strasse.
 */
export function ftsText(text: string, fold: (text: string) => string): string {
  return /^[\x00-\x7f]*$/.test(text) ? text : fold(text);
}

// A file whose slug another file owns (slug-owner.ts) keeps its article's
// row in \`shadowed\`, out of \`articles\` and FTS5, so that when the owner goes
// the next file by the rule takes the slug without being read again. The
// table holds only duplicates, so its index costs nothing to keep row by row.
//
// The FTS5 index is of the folded text (see ftsText); its content, which
// snippet() reads, is the view of the articles as written. Folding keeps
// every word a word, so the two have the same tokens in the same places.
export const SCHEMA = `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE dirs (root INTEGER NOT NULL, rel TEXT NOT NULL, mtime REAL NOT NULL, PRIMARY KEY (root, rel));
  CREATE TABLE files (
    id INTEGER PRIMARY KEY, root INTEGER NOT NULL, rel TEXT NOT NULL, dir TEXT NOT NULL,
    size INTEGER NOT NULL, mtime REAL NOT NULL, UNIQUE (root, rel));
  CREATE TABLE articles (
    id INTEGER PRIMARY KEY REFERENCES files (id) ON DELETE CASCADE,
    slug TEXT NOT NULL UNIQUE, sort_date TEXT NOT NULL, section TEXT, source TEXT, speakers TEXT NOT NULL, json TEXT NOT NULL);
  CREATE TABLE problems (file_id INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE, line INTEGER NOT NULL, message TEXT NOT NULL);
  CREATE TABLE shadowed (
    file_id INTEGER PRIMARY KEY REFERENCES files (id) ON DELETE CASCADE,
    slug TEXT NOT NULL, sort_date TEXT NOT NULL, section TEXT, source TEXT, speakers TEXT NOT NULL, json TEXT NOT NULL);
  CREATE INDEX shadowed_slug ON shadowed (slug);
  CREATE VIEW fts_content AS SELECT
    a.id AS id,
    json_extract(a.json, '$.headline') AS headline,
    (SELECT group_concat(p.value, char(10) ORDER BY p.key) FROM json_each(a.json, '$.body') AS p) AS body,
    a.speakers AS speakers,
    coalesce(json_extract(a.json, '$.section'), '') AS section,
    coalesce(json_extract(a.json, '$.source'), '') AS source,
    coalesce(json_extract(a.json, '$.author'), '') AS author,
    coalesce((SELECT group_concat(t.value, char(10) ORDER BY t.key) FROM json_each(a.json, '$.tags') AS t), '') AS tags
  FROM articles AS a;
  CREATE VIRTUAL TABLE fts USING fts5 (${FTS_COLUMNS.join(', ')}, content='fts_content', content_rowid='id', tokenize='unicode61');
`;

// Made after a first build's rows are in: building an index once is quicker
// than keeping it up to date row by row.
const INDEX_ON = {
  files_dir: 'files (root, dir)',
  articles_order: 'articles (sort_date DESC, slug)',
  problems_file: 'problems (file_id)',
};
const createIndex = (name: keyof typeof INDEX_ON) => `CREATE INDEX IF NOT EXISTS ${name} ON ${INDEX_ON[name]};`;
/**
 * The indexes a first build keeps as it goes: the one the folder plan reads,
 * and problems by file, which the writer looks up when a slug changes owner
 * (problems are few, so keeping it costs little).
 */
export const BUILD_INDEXES = [createIndex('files_dir'), createIndex('problems_file')].join('\n');
export const INDEXES = (Object.keys(INDEX_ON) as Array<keyof typeof INDEX_ON>).map(createIndex).join('\n');
/** Drops what INDEXES makes. */
export const DROP_INDEXES = Object.keys(INDEX_ON)
  .map((name) => `DROP INDEX IF EXISTS ${name};`)
  .join('\n');

type Database = BetterSqlite3.Database;

export function configure(db: Database): void {
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
}

export function createSchema(db: Database, rootsKey: string, indexes = true): void {
  db.exec(SCHEMA);
  if (indexes) db.exec(INDEXES);
  db.prepare(`INSERT INTO meta (key, value) VALUES ('roots', ?), ('reader', ?), ('updated', '')`).run(rootsKey, READER_KEY);
  db.pragma(`user_version = ${INDEX_VERSION}`);
}

export function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}
