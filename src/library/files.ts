// Reading a folder of article files: all file I/O of the reader lives here.
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Article, Problem } from '../model.js';
import { readArticle, slugFromPath } from '../parse/article.js';
import { ARTICLE_FILE, assertSlug, LibraryError } from './names.js';
import { duplicateSlugMessage, slugOwner, type LibraryPlace } from './slug-owner.js';

export { ARTICLE_FILE, assertSlug, LibraryError };

/** Files larger than this are refused rather than read into memory. */
export const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;

/**
 * Every article file below `dir`, depth first, in a stable (sorted) order.
 * Hidden entries are skipped, each told to `onHidden` when given.
 */
export function listArticleFiles(dir: string, onHidden?: (folder: string, name: string) => void): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      if (folder === dir) throw new LibraryError(`cannot read article folder ${dir}: ${(error as Error).message}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) {
        onHidden?.(folder, entry.name);
        continue;
      }
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if ((entry.isFile() || entry.isSymbolicLink()) && ARTICLE_FILE.test(entry.name)) out.push(path);
    }
  };
  walk(dir);
  return out;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !rel.startsWith(sep));
}

const realRoots = new Map<string, string>();

/** A library folder's real path, resolved once a run. */
function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    real = realpathSync.native(root);
    realRoots.set(root, real);
  }
  return real;
}

/** Reads one file as an article, or says why it cannot. Never throws. */
export function readArticleFile(path: string, root?: string): { article: Article | null; problems: Problem[] } {
  const problem = (message: string) => ({ article: null, problems: [{ path, line: 1, message }] });
  let bytes: Buffer;
  try {
    // The system's realpath: one call, where Node's own takes an lstat a folder of the path.
    if (root !== undefined && !isInside(realRoot(root), realpathSync.native(path))) {
      return problem('links outside the article folder: not read');
    }
    const size = statSync(path).size;
    if (size > MAX_ARTICLE_BYTES) {
      return problem(`file is ${(size / 1048576).toFixed(1)} MiB, over the ${MAX_ARTICLE_BYTES / 1048576} MiB limit for an article`);
    }
    bytes = readFileSync(path);
  } catch (error) {
    return problem(`cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, offset).filter((b) => b === 0x0a).length + 1;
    return { article: null, problems: [{ path, line, message: 'not valid UTF-8 text' }] };
  }
  return readArticle(text, path);
}

function firstInvalidUtf8(bytes: Buffer): number {
  let lo = 0;
  let hi = bytes.length;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // The longest valid prefix, by bisection; a cut inside a character is
  // allowed for by `stream`.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

export interface LoadedLibrary {
  articles: Article[];
  problems: Problem[];
}

/** Reads every article below `dir`; broken files become problems, not failures. */
export function loadArticles(dir: string): LoadedLibrary {
  return loadLibrary([dir]);
}

/**
 * Reads every article below the folders `roots`, in library order; broken
 * files, and files whose slug another file owns (slug-owner.ts), become
 * problems, not failures.
 */
export function loadLibrary(roots: readonly string[]): LoadedLibrary {
  const articles: Article[] = [];
  const problems: Problem[] = [];
  const owners = new Map<string, LibraryPlace & { path: string; at: number }>();
  for (const [rootAt, root] of roots.entries()) {
    for (const path of listArticleFiles(root)) {
      const result = readArticleFile(path, root);
      // Not push(...): a file's problems are as many as the file makes.
      for (const problem of result.problems) problems.push(problem);
      const article = result.article;
      if (!article) continue;
      const here = { root: rootAt, rel: relative(root, path).split(sep).join('/'), path, at: articles.length };
      const other = owners.get(article.slug);
      if (other === undefined) {
        owners.set(article.slug, here);
        articles.push(article);
        continue;
      }
      const owner = slugOwner(other, here);
      const duplicate = owner === other ? here : other;
      problems.push({ path: duplicate.path, line: 1, message: duplicateSlugMessage(article.slug, owner.path) });
      if (owner === here) {
        // Not while the walk is in library order; the rule holds whatever the walk.
        here.at = other.at;
        articles[other.at] = article;
        owners.set(article.slug, here);
      }
    }
  }
  return { articles, problems };
}

/** The path of the article named `slug`, or null. */
export function findArticleFile(dir: string, slug: string): string | null {
  assertSlug(slug);
  return listArticleFiles(dir).find((path) => slugFromPath(path) === slug) ?? null;
}

/** Newest first; undated articles after dated ones; then by slug. */
export function compareArticles(a: Article, b: Article): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}
