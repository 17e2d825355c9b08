// Where a library's index lives, and opening it.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fnv1a } from '../library/hash.js';
import { ArticleIndex, isDamage } from './article-index.js';
import { buildOnWorker, parsePool } from './pool.js';
import { removeDatabase } from './schema.js';
import { sqlite } from './sqlite.js';

/** `$XDG_CACHE_HOME/news`, else `~/.cache/news`. */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(env.HOME ?? '/tmp', '.cache');
  return join(base, 'news');
}

/** The index file of a library: one per set of folders, named by their paths. */
export function indexPath(env: NodeJS.ProcessEnv, roots: readonly string[]): string {
  return join(cacheDir(env), `index-${fnv1a(JSON.stringify(roots.map((r) => resolve(r))))}.sqlite`);
}

/**
 * Opens the index of `roots`, creating the cache folder; an index that had to
 * be replaced is reported through `warn`. Where no cache folder can be made
 * the index lives in memory for this run.
 */
export function openIndex(env: NodeJS.ProcessEnv, roots: readonly string[], warn: (line: string) => void): ArticleIndex {
  const absolute = roots.map((r) => resolve(r));
  const Sqlite = sqlite();
  let path = indexPath(env, absolute);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    warn(`news: warning: cannot create the cache folder ${dirname(path)} (${(error as NodeJS.ErrnoException).code}); indexing in memory`);
    path = ':memory:';
  }
  return ArticleIndex.open(Sqlite, path, absolute, (why) => warn(`news: the index ${path} was rebuilt: ${why}`));
}

export interface UpdateOptions {
  /** Check every file's size and time, not only changed folders'. */
  full?: boolean;
  /** Build the index anew from the files. */
  rebuild?: boolean;
  /** The built parse worker (dist/parse-worker.cjs); without it files are parsed on this thread. */
  workerScript?: string;
  /** Told how many files have been indexed, a few times a second while files are parsed. */
  onProgress?: (files: number) => void;
}

/**
 * The index of `roots`, opened and brought up to date with the files (on
 * parse workers when there are many). An index found damaged while it is
 * updated (a truncated file opens cleanly) is removed and built again, with
 * a line through `warn`.
 */
export async function openUpdatedIndex(
  env: NodeJS.ProcessEnv,
  roots: readonly string[],
  warn: (line: string) => void,
  options: UpdateOptions = {},
): Promise<ArticleIndex> {
  const update = async () => {
    const index = openIndex(env, roots, warn);
    const pool = parsePool(options.workerScript);
    try {
      await index.refresh(pool.parse, options.full ?? false, buildOnWorker(options.workerScript) ?? undefined, options.rebuild ?? false, options.onProgress);
      return index;
    } catch (error) {
      index.close();
      throw error;
    } finally {
      await pool.close();
    }
  };
  try {
    return await update();
  } catch (error) {
    if (!isDamage(error)) throw error;
    const path = indexPath(env, roots);
    warn(`news: the index ${path} was rebuilt: it is damaged`);
    removeDatabase(path);
    return await update();
  }
}
