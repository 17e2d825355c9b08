// `news index --stats`: what the index holds and where its bytes go.
import type { IndexStorage, StorageObject } from '../index/article-index.js';
import { sanitize, toJsonLine } from '../text/sanitize.js';

/** What the stats say besides the index's storage: where the library and the index are, and when it was brought up to date. */
export interface IndexStatsInfo {
  library: string;
  index: string;
  /** Files whose article could not be read (news check), and the last update's time. */
  problems: number;
  updated: string | null;
  storage: IndexStorage;
}

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);

/** What a b-tree is, in words: FTS5's shadow tables named for what they hold. */
function kindOf(object: StorageObject): string {
  const fts = /^(.+)_(data|idx|docsize|config|content)$/.exec(object.name);
  if (object.type === 'table' && fts !== null && FTS5_PARTS[fts[2]!] !== undefined) return `FTS5 ${FTS5_PARTS[fts[2]!]}`;
  if (object.type === 'index') return object.name.startsWith('sqlite_autoindex_') ? `key of ${object.table}` : `index on ${object.table}`;
  return object.name === 'sqlite_schema' ? 'the schema' : 'table';
}

const FTS5_PARTS: Record<string, string> = {
  data: 'word lists',
  idx: 'segment index',
  docsize: 'column sizes',
  config: 'settings',
  content: 'content',
};

/** Key-value lines, then a table of the b-trees, largest first. */
export function renderIndexStats(info: IndexStatsInfo): string {
  const { storage } = info;
  const head: Array<[string, string]> = [
    ['library', `${info.library} (${mib(storage.libraryBytes)} of article files)`],
    ['index', info.index],
    ['articles', String(storage.articles)],
    ['files', `${storage.files}${info.problems > 0 ? ` (${info.problems} with problems: news check)` : ''}`],
    ['size', mib(storage.bytes)],
    ...(storage.libraryBytes > 0 ? [['ratio', `${(storage.bytes / storage.libraryBytes).toFixed(2)}× the article files`] as [string, string]] : []),
    ...(storage.freePages > 0 ? [['free', mib(storage.freePages * storage.pageSize)] as [string, string]] : []),
    ['updated', info.updated ?? 'never'],
  ];
  let out = head.map(([key, value]) => `${key.padEnd(9)}${sanitize(value)}\n`).join('');
  if (storage.objects === null) return out + '\n(this SQLite has no dbstat table: no sizes by table)\n';
  const rows = storage.objects.map((o) => [sanitize(o.name), kindOf(o), String(o.pages), mib(o.bytes), percent(o.bytes, storage.bytes), mib(o.payload)]);
  const header = ['b-tree', 'what', 'pages', 'size', 'share', 'data'];
  const all = [header, ...rows];
  // eslint-disable-next-line no-restricted-syntax -- a row a b-tree of the schema, a few dozen
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  // Names and words to the left, figures to the right.
  const line = (r: string[]) =>
    r
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd() + '\n';
  out += '\n' + all.map(line).join('');
  return out;
}

/** `--json`: the stats as one object (sizes in bytes). */
export function renderIndexStatsJson(info: IndexStatsInfo): string {
  const { storage, ...rest } = info;
  return toJsonLine({ ...rest, ...storage }) + '\n';
}
