// `news import`: raw text articles, saved web pages and feeds, and pages at a
// URL in; article files out. All the file I/O of importing lives here;
// reading raw text is src/parse/raw.ts, reading pages and feeds src/web/
// (loaded only when one is imported), writing the Markdown
// src/parse/markdown-escape.ts.
//
// Files are read and written one at a time, so memory does not grow with the
// size of the import. Each article is written to a hidden temporary file in
// its final folder and then linked (or, replacing with --force, renamed) into
// place: an interrupted import never leaves a half-written article, and a link
// never replaces a file that appeared meanwhile.
//
// An article the library has already is not written again: each file
// written carries a `source-hash` (its headline and body hashed), and the
// library's data folder keeps the list of them (SourceList), so that an
// import run again, after Ctrl-C say, reads one file to know 28,000.
import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, type Dirent, type Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative } from 'node:path';
import { articleFileText, draftFileText, fileSourceHash, type ArticleDraft, type FileExtras } from '../parse/markdown-escape.js';
import { headlineSlug, parseRawText, RawTextError } from '../parse/raw.js';
import { slugFromPath } from '../parse/slug.js';
import { decodeText } from '../text/encoding.js';
import { LibraryError, listArticleFiles, MAX_ARTICLE_BYTES } from './files.js';
import { fnv1a } from './hash.js';
import { isLeftBehind } from './process.js';
import { urlKey } from './url-key.js';
import { dataFolder, writeFileAtomic } from './userdata.js';

export { urlKey };

/**
 * In folders, these files are imported: raw text, saved pages and feeds. A
 * file named on its own is read whatever its name (as raw text, unless its
 * name says page or feed).
 */
const IMPORTABLE = /\.(txt|html?|xml|rss|atom|json)$/i;

/** What is imported from the web: http and https addresses; any other scheme is refused. */
const URL_INPUT = /^[a-z][a-z0-9+.-]*:\/\//i;
const REFUSED_SCHEME = /^(file|data|javascript|ftp|about|blob):/i;

/** A document fetched for import: its final address, type and bytes. */
export interface Fetched {
  url: string;
  contentType?: string;
  body: Uint8Array;
}

export interface ImportedArticle {
  /** The file or URL it was read from. */
  from: string;
  slug: string;
  /** The article file written. */
  path: string;
  /** Whether an existing article was replaced (only with `force`). */
  replaced: boolean;
}

export interface ImportFailure {
  path: string;
  reason: string;
}

/** An article not written because the library has it already (the same URL, or the same headline and body). */
export interface SkippedArticle {
  from: string;
  /** The article file that has it. */
  path: string;
}

/** What an import gives every article it writes (`news import --source --section --tag`). */
export interface BatchMetadata {
  /** Replaces the source and section an article gives, when set. */
  source?: string;
  section?: string;
  /** Added to an article's own tags. */
  tags?: readonly string[];
}

export interface ImportOptions {
  /**
   * Re-import onto the slug the headline gives, replacing an article of that
   * name that was in the library before this import. Without it an existing
   * article is never replaced: the new one takes the next free `-2`, `-3`;
   * and an article the library has already (the same URL, or the same
   * headline and body) is skipped.
   */
  force?: boolean;
  metadata?: BatchMetadata;
  onArticle?(article: ImportedArticle): void;
  onFailure?(failure: ImportFailure): void;
  onSkip?(skipped: SkippedArticle): void;
  /**
   * The library's articles by URL (see urlKey) to the file of each: an
   * article whose URL is among them is not written again (with `force`, it
   * replaces that file). Articles this import writes are added to it.
   */
  knownUrls?(): Promise<Map<string, string>>;
  /** Fetches a page or feed for a URL input; without it URLs are refused. */
  fetch?(url: string): Promise<Fetched>;
  /** Called once the files are listed (done 0), then after each file. */
  onProgress?(done: number, total: number): void;
  /**
   * Stops the import between two files (Ctrl-C): the articles written are
   * kept and the list of them saved, and an import run again writes only the
   * rest.
   */
  signal?: AbortSignal;
}

export interface ImportResult {
  /** How many articles were written; each was told to onArticle (a list of 100,000 is not kept). */
  imported: number;
  /** How many were in the library already. */
  skipped: number;
  failures: ImportFailure[];
  /** Whether `signal` stopped it before every input was read. */
  stopped: boolean;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  EIO: 'input/output error',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
};

/**
 * How long the import runs between two turns of the event loop: a signal
 * (Ctrl-C) is handled only there, and files are read and written without
 * waiting on it.
 */
const YIELD_MS = 50;

/** Failures of the library itself, not of one article: an import cannot go on after one. */
const LIBRARY_FAILURES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM']);

/** A short reason for a failed file operation, as `ls` or `cp` would say it. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined && REASONS[code] !== undefined) return REASONS[code]!;
  return (error as Error).message ?? String(error);
}

const identity = (stats: Stats) => `${stats.dev}:${stats.ino}`;

/**
 * The files under the given paths, in order: a file as given, a folder's
 * importable files recursively (hidden ones skipped), each file once. Folders
 * that cannot be read and directory loops are reported and skipped.
 */
export function listImportFiles(paths: readonly string[], onFailure: (failure: ImportFailure) => void): string[] {
  const files: string[] = [];
  // Inode numbers by device: 100,000 numbers weigh far less than their strings.
  const seenFiles = new Map<number, Set<number>>();
  const seenFolders = new Set<string>();
  const addFile = (path: string, stats: Stats) => {
    let inodes = seenFiles.get(stats.dev);
    if (!inodes) seenFiles.set(stats.dev, (inodes = new Set()));
    if (inodes.has(stats.ino)) return;
    inodes.add(stats.ino);
    files.push(path);
  };
  const walk = (folder: string, stats: Stats, ancestors: Map<string, string>) => {
    const id = identity(stats);
    const loop = ancestors.get(id);
    if (loop !== undefined) {
      onFailure({ path: folder, reason: `directory loop: it leads back to ${loop}` });
      return;
    }
    // A folder reached again by another way (a link) has been read already.
    if (seenFolders.has(id)) return;
    seenFolders.add(id);
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      onFailure({ path: folder, reason: reasonOf(error) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    ancestors.set(id, folder);
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isFile() && !IMPORTABLE.test(entry.name)) continue;
      if (!entry.isFile() && !entry.isDirectory() && !entry.isSymbolicLink()) continue;
      let target: Stats;
      try {
        target = statSync(path);
      } catch (error) {
        // A dangling link to something that would not be imported is not worth a complaint.
        if (entry.isSymbolicLink() && !IMPORTABLE.test(entry.name)) continue;
        onFailure({ path, reason: reasonOf(error) });
        continue;
      }
      if (target.isDirectory()) walk(path, target, ancestors);
      else if (target.isFile() && IMPORTABLE.test(entry.name)) addFile(path, target);
    }
    ancestors.delete(id);
  };
  for (const path of paths) {
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (error) {
      onFailure({ path, reason: reasonOf(error) });
      continue;
    }
    if (stats.isDirectory()) walk(path, stats, new Map());
    else if (stats.isFile()) addFile(path, stats);
    else onFailure({ path, reason: 'not a regular file or folder' });
  }
  return files;
}

/** An article ready to be written: its headline (for its slug), file text, URL and source hash. */
interface Prepared {
  headline: string;
  text: string;
  url: string | null;
  key: string;
  /** The hash of the raw file's bytes (bytesHash) it was read from. */
  fileHash?: string;
}

/** A raw file whose bytes an article of the library was imported from: the file of that article. */
interface KnownFile {
  known: string;
}

/** What an import knows a raw file by without reading it as an article: a hash of its bytes. */
const bytesHash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex').slice(0, 32);

/** Reads a file's bytes, refusing what is too large to be an article (or a page or feed of one). */
function readBytes(path: string): Buffer {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_ARTICLE_BYTES) {
      throw new ImportFileError(`file is ${(size / 1048576).toFixed(1)} MiB, over the ${MAX_ARTICLE_BYTES / 1048576} MiB limit for an article`);
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(reasonOf(error));
  }
  if (bytes.length === 0) throw new ImportFileError('empty file');
  return bytes;
}

const extrasOf = (metadata: BatchMetadata): FileExtras => ({ tags: metadata.tags, sourceHash: true });

/** The file text's source hash: always there, as every import writes one (see FileExtras). */
const keyOf = (text: string): string => fileSourceHash(text)!;

/** Reads a raw file into the text of its article file; throws ImportFileError saying why not. */
export function readRawFile(path: string, metadata: BatchMetadata = {}): { headline: string; text: string; key: string } {
  return rawArticle(readBytes(path), metadata);
}

function rawArticle(bytes: Buffer, metadata: BatchMetadata): { headline: string; text: string; key: string } {
  try {
    const raw = parseRawText(decodeText(bytes).text);
    const text = articleFileText({ ...raw, source: metadata.source ?? raw.source, section: metadata.section ?? raw.section }, extrasOf(metadata));
    return { headline: raw.headline, text, key: keyOf(text) };
  } catch (error) {
    if (error instanceof RawTextError) throw new ImportFileError(error.message);
    throw error;
  }
}

function prepared(draft: ArticleDraft, metadata: BatchMetadata): Prepared {
  const text = draftFileText({ ...draft, source: metadata.source ?? draft.source, section: metadata.section ?? draft.section }, extrasOf(metadata));
  return { headline: draft.headline, text, url: draft.url, key: keyOf(text) };
}

/**
 * The articles of a web document (a saved or fetched page or feed); the web
 * readers are loaded on first use. Throws ImportFileError for a document that
 * holds none.
 */
async function readDocument(
  body: Uint8Array,
  kind: 'page' | 'feed',
  options: { url?: string; contentType?: string },
  metadata: BatchMetadata,
): Promise<Prepared[]> {
  const web = await import('../web/index.js');
  try {
    if (kind === 'page') return [prepared(web.pageDraft(body, options), metadata)];
    const drafts = web.feedDrafts(web.readFeed(body, options));
    if (drafts.length === 0) throw new ImportFileError('a feed with no entries');
    return drafts.map((draft) => prepared(draft, metadata));
  } catch (error) {
    if (error instanceof web.NotImportable) throw new ImportFileError(error.message, error.otherKind);
    throw error;
  }
}

/**
 * The articles of one input: a file (raw text, a page or a feed) or a URL;
 * for a raw file whose bytes `knownFile` knows, the article that has them.
 */
async function readInput(input: string, options: ImportOptions, knownFile: (hash: string) => string | undefined): Promise<Prepared[] | KnownFile> {
  if (REFUSED_SCHEME.test(input) || (URL_INPUT.test(input) && !/^https?:/i.test(input))) {
    throw new ImportFileError('only http: and https: addresses are imported');
  }
  if (URL_INPUT.test(input)) {
    if (options.fetch === undefined) throw new ImportFileError('addresses cannot be imported here');
    let fetched: Fetched;
    try {
      fetched = await options.fetch(input);
    } catch (error) {
      const { FetchError } = await import('../web/index.js');
      if (!(error instanceof FetchError)) throw error;
      // The error names the address; the failure line names it already.
      throw new ImportFileError(error.message.startsWith(`${input}: `) ? error.message.slice(input.length + 2) : error.message);
    }
    const { kindOfResponse } = await import('../web/index.js');
    return readDocument(
      fetched.body,
      kindOfResponse(fetched.contentType, fetched.body),
      { url: fetched.url, contentType: fetched.contentType },
      options.metadata ?? {},
    );
  }
  const kind = /\.html?$/i.test(input) ? 'page' : /\.(xml|rss|atom|json)$/i.test(input) ? 'feed' : 'raw';
  if (kind === 'raw') {
    const bytes = readBytes(input);
    const fileHash = bytesHash(bytes);
    const known = knownFile(fileHash);
    if (known !== undefined) return { known };
    return [{ ...rawArticle(bytes, options.metadata ?? {}), url: null, fileHash }];
  }
  return readDocument(readBytes(input), kind, {}, options.metadata ?? {});
}

/** One file or URL that cannot be imported. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';

  constructor(
    message: string,
    /** A document of another kind (a .json or .xml file that is no feed): passed over when found in a folder. */
    readonly otherKind = false,
  ) {
    super(message);
  }
}

/** The folder of the library an imported article goes in: two hex digits of a hash of its slug. */
export const shelfOf = (slug: string): string => fnv1a(slug).slice(-2);

const temporaryName = (slug: string) => `.${slug}.md.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
const TEMPORARY = /^\..+\.md\.tmp-(\d+)-[a-z0-9]*$/;

/**
 * Removes a temporary file that an import killed before it could (by SIGKILL,
 * a crash or a power cut) left in the library: only one of a process that is
 * gone, so that an import running meanwhile keeps its own.
 */
function removeLeftover(folder: string, name: string): void {
  if (!isLeftBehind(name, TEMPORARY)) return;
  try {
    unlinkSync(join(folder, name));
  } catch {
    // Removed by another import meanwhile, or not ours to remove: left alone.
  }
}

/**
 * `mkdir -p`, failing with the folder's own error: Node's recursive mkdir
 * says ENOENT where the file system is read-only.
 */
function makeFolder(path: string): void {
  try {
    mkdirSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT') throw error;
    mkdirSync(path, { recursive: true });
  }
}

/**
 * Writes article files into a library: `LIBRARY/<two hex digits>/<slug>.md`,
 * the digits from a hash of the slug, so that 100,000 articles spread over
 * 256 folders of a few hundred: a new article costs the index one small
 * folder to read again, and every run checks 256 folder times. Names are
 * chosen and files written as described on ImportOptions.
 */
export class LibraryWriter {
  /** Slugs in the library before this import, and their files. */
  private readonly existing = new Map<string, string>();
  /** Every article file in the library before this import. */
  readonly files: readonly string[];
  /** Slugs written by this import. */
  private readonly taken = new Set<string>();
  private readonly folders = new Set<string>();
  /**
   * The suffix to try next for a headline's slug once it is taken, so that
   * many articles of one headline do not each count up from 1 (headlines
   * seen once are not kept: an import of 100,000 would hold them all).
   */
  private readonly next = new Map<string, number>();
  /** Hard links are how a name is claimed without replacing; some file systems lack them. */
  private links = true;

  constructor(
    private readonly library: string,
    private readonly force: boolean,
  ) {
    try {
      makeFolder(library);
    } catch (error) {
      throw new LibraryError(`cannot create the library folder ${library}: ${reasonOf(error)}`);
    }
    this.files = listArticleFiles(library, removeLeftover);
    for (const path of this.files) {
      const slug = slugFromPath(path);
      if (!this.existing.has(slug)) this.existing.set(slug, path);
    }
  }

  write(headline: string, text: string): { slug: string; path: string; replaced: boolean } {
    const base = headlineSlug(headline);
    // Names are only ever taken during an import, so the ones before `next` stay taken.
    for (let n = this.next.get(base) ?? 1; ; n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      if (this.taken.has(slug)) continue;
      const current = this.existing.get(slug);
      if (current !== undefined && !this.force) continue;
      const path = current ?? join(this.folder(slug), `${slug}.md`);
      if (this.place(path, slug, text, current !== undefined)) {
        this.taken.add(slug);
        if (n > 1) this.next.set(base, n + 1);
        return { slug, path, replaced: current !== undefined };
      }
      // Another writer took the name meanwhile.
      this.existing.set(slug, path);
    }
  }

  /** Writes `text` over the article file at `path` (an article of the library replaced by --force). */
  replace(path: string, text: string): { slug: string; path: string; replaced: boolean } {
    const slug = slugFromPath(path);
    this.place(path, slug, text, true);
    this.taken.add(slug);
    return { slug, path, replaced: true };
  }

  private folder(slug: string): string {
    const folder = join(this.library, shelfOf(slug));
    if (!this.folders.has(folder)) {
      makeFolder(folder);
      this.folders.add(folder);
    }
    return folder;
  }

  /** Writes `text` to `path` through a temporary file; false when `path` exists and may not be replaced. */
  private place(path: string, slug: string, text: string, replace: boolean): boolean {
    const temporary = join(dirname(path), temporaryName(slug));
    try {
      // Inside the try: a write that fails part way (a full disk) leaves no temporary behind.
      writeFileSync(temporary, text, { flag: 'wx' });
      if (replace) {
        renameSync(temporary, path);
        return true;
      }
      if (this.links) {
        try {
          linkSync(temporary, path);
          return true;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EEXIST') return false;
          if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EMLINK') throw error;
          this.links = false;
        }
      }
      try {
        statSync(path);
        return false;
      } catch {
        renameSync(temporary, path);
        return true;
      }
    } finally {
      try {
        unlinkSync(temporary);
      } catch {
        // Renamed into place.
      }
    }
  }
}

/**
 * The list of source hashes in the library's data folder: `HASH<tab>BYTES<tab>FILE`
 * a line, BYTES the bytesHash of the raw file it came from (else "-"), FILE
 * relative to the library.
 */
const SOURCE_LIST = 'sources.tsv';
const SOURCE_LIST_HEADER = '# news import: the source-hash of each article file, by which an import skips what the library has\n';
/** A file the list has seen that gives no source hash (no front matter, say): not read again. */
const NO_HASH = '-';

/**
 * The source hash of every article of the library (see fileSourceHash), to
 * know an article imported again. The list in the library's data folder is
 * only a shortcut: the files are what is true. A file it does not name (one
 * written by an import stopped before it could save the list, one put there
 * by hand) is read for its hash; a file it names that is gone is forgotten.
 */
class SourceList {
  /** Source hash → the article file that has it. */
  private readonly files = new Map<string, string>();
  /** Article file, relative to the library → its source hash (NO_HASH for none). */
  private readonly hashes = new Map<string, string>();
  /** The bytes hash of the raw file an article was imported from → the article file; and by article file, relative. */
  private readonly rawFiles = new Map<string, string>();
  private readonly bytesHashes = new Map<string, string>();
  private changed = false;

  constructor(
    private readonly library: string,
    articleFiles: readonly string[],
  ) {
    const listed = this.read();
    for (const path of articleFiles) {
      const name = relative(library, path);
      const entry = listed.get(name);
      let hash = entry?.hash;
      if (hash === undefined) {
        hash = hashOfFile(path) ?? NO_HASH;
        this.changed = true;
      }
      this.hashes.set(name, hash);
      if (hash !== NO_HASH && !this.files.has(hash)) this.files.set(hash, path);
      const bytes = entry?.bytes;
      if (bytes !== undefined && bytes !== NO_HASH) {
        this.bytesHashes.set(name, bytes);
        if (!this.rawFiles.has(bytes)) this.rawFiles.set(bytes, path);
      }
    }
    if (listed.size !== this.hashes.size) this.changed = true;
  }

  /** The article file that has this source hash, if any. */
  fileOf(hash: string): string | undefined {
    return this.files.get(hash);
  }

  /** The article file imported from a raw file of these bytes (bytesHash), if any. */
  fileOfBytes(hash: string): string | undefined {
    return this.rawFiles.get(hash);
  }

  add(hash: string, path: string, bytes?: string): void {
    const name = relative(this.library, path);
    // A file replaced (--force) no longer has what it had.
    const before = this.hashes.get(name);
    if (before !== undefined && this.files.get(before) === path) this.files.delete(before);
    const bytesBefore = this.bytesHashes.get(name);
    if (bytesBefore !== undefined && this.rawFiles.get(bytesBefore) === path) this.rawFiles.delete(bytesBefore);
    this.bytesHashes.delete(name);
    this.hashes.set(name, hash);
    this.files.set(hash, path);
    if (bytes !== undefined) {
      this.bytesHashes.set(name, bytes);
      this.rawFiles.set(bytes, path);
    }
    this.changed = true;
  }

  /** Writes the list when it changed, whole or not at all. */
  save(): void {
    if (!this.changed) return;
    const folder = dataFolder(this.library);
    try {
      makeFolder(folder);
    } catch (error) {
      throw new LibraryError(`cannot create ${folder}: ${reasonOf(error)}`);
    }
    const lines = [SOURCE_LIST_HEADER];
    for (const [name, hash] of this.hashes) {
      if (!/[\t\n\r]/.test(name)) lines.push(`${hash}\t${this.bytesHashes.get(name) ?? NO_HASH}\t${name}\n`);
    }
    writeFileAtomic(join(folder, SOURCE_LIST), lines.join(''));
    this.changed = false;
  }

  /** The list as saved: article file, relative → its source hash and the bytes hash of its raw file. */
  private read(): Map<string, { hash: string; bytes: string }> {
    const listed = new Map<string, { hash: string; bytes: string }>();
    let text: string;
    try {
      text = readFileSync(join(dataFolder(this.library), SOURCE_LIST), 'utf8');
    } catch {
      // None yet, or unreadable: the files are read instead, and the list written anew.
      return listed;
    }
    for (const line of text.split('\n')) {
      const tab = line.indexOf('\t');
      const second = line.indexOf('\t', tab + 1);
      if (line.startsWith('#') || tab < 0 || second < 0) continue;
      listed.set(line.slice(second + 1), { hash: line.slice(0, tab), bytes: line.slice(tab + 1, second) });
    }
    return listed;
  }
}

/** The source hash of an article file; null when it cannot be read or gives none. */
function hashOfFile(path: string): string | null {
  try {
    if (statSync(path).size > MAX_ARTICLE_BYTES) return null;
    return fileSourceHash(readFileSync(path, 'utf8').replace(/\r\n?/g, '\n'));
  } catch {
    return null;
  }
}

/**
 * Imports raw text articles, saved pages and feeds (files, or folders of
 * them) and pages at URLs into the library folder, created if missing. An
 * article whose URL the library has already is skipped (replaced with
 * `force`), and so is one of the same headline and body (see sourceHash;
 * imported again onto its headline's slug with `force`). An input that cannot be imported is reported through onFailure
 * and in the result, and the others go on. Throws LibraryError when the
 * library itself cannot be read, created or written (a full disk, a
 * read-only file system, no permission): the articles written before it are
 * whole, and no other is begun.
 */
export async function importArticles(library: string, inputs: readonly string[], options: ImportOptions = {}): Promise<ImportResult> {
  const result: ImportResult = { imported: 0, skipped: 0, failures: [], stopped: false };
  const fail = (failure: ImportFailure) => {
    result.failures.push(failure);
    options.onFailure?.(failure);
  };
  const urls: string[] = [];
  const paths: string[] = [];
  for (const input of inputs) (URL_INPUT.test(input) || REFUSED_SCHEME.test(input) ? urls : paths).push(input);
  const items = [...listImportFiles(paths, fail), ...urls];
  // Files named on the command line are imported whatever they are; files
  // found in folders only if they are what their names say.
  const named = new Set(inputs);
  const writer = new LibraryWriter(library, options.force ?? false);
  const sources = new SourceList(library, writer.files);
  // The library's URLs are gathered only once an article has one: a raw import needs none.
  let known: Map<string, string> | null = null;
  const knownUrls = async () => (known ??= (await options.knownUrls?.()) ?? new Map<string, string>());
  options.onProgress?.(0, items.length);
  try {
    await importItems();
  } catch (error) {
    try {
      sources.save();
    } catch {
      // The import's own error says what is wrong with the library.
    }
    throw error;
  }
  sources.save();
  return result;

  async function importItems(): Promise<void> {
    // A turn before the first file too: Ctrl-C while the files were listed stops the import before it writes.
    let turned = 0;
    for (const [i, from] of items.entries()) {
      if (options.signal !== undefined && Date.now() - turned >= YIELD_MS) {
        await new Promise(setImmediate);
        turned = Date.now();
      }
      if (options.signal?.aborted) {
        result.stopped = true;
        return;
      }
      try {
        const read = await readInput(from, options, (hash) => (options.force ? undefined : sources.fileOfBytes(hash)));
        if (!Array.isArray(read)) {
          result.skipped++;
          options.onSkip?.({ from, path: read.known });
        }
        for (const article of Array.isArray(read) ? read : []) {
          const key = urlKey(article.url);
          const existing = key === null ? undefined : (await knownUrls()).get(key);
          const same = existing ?? sources.fileOf(article.key);
          if (same !== undefined && !options.force) {
            result.skipped++;
            options.onSkip?.({ from, path: same });
            continue;
          }
          const written = existing !== undefined ? writer.replace(existing, article.text) : writer.write(article.headline, article.text);
          if (key !== null) (await knownUrls()).set(key, written.path);
          sources.add(article.key, written.path, article.fileHash);
          result.imported++;
          options.onArticle?.({ from, ...written });
        }
      } catch (error) {
        if (error instanceof ImportFileError && error.otherKind && !named.has(from)) {
          options.onProgress?.(i + 1, items.length);
          continue;
        }
        if (!(error instanceof ImportFileError)) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === undefined) throw error;
          if (LIBRARY_FAILURES.has(code)) {
            throw new LibraryError(`cannot write to the library ${library}: ${reasonOf(error)} (${result.imported} of ${items.length} files imported)`);
          }
        }
        // A page whose fetch Ctrl-C ended has not failed: the import stopped.
        if (options.signal?.aborted) {
          result.stopped = true;
          return;
        }
        fail({ path: from, reason: error instanceof ImportFileError ? error.message : `cannot write: ${reasonOf(error)}` });
      }
      options.onProgress?.(i + 1, items.length);
    }
  }
}
