// Where a library's index lives, and opening it.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { fnv1a } from './hash.js';
import { ArticleIndex } from './index-db.js';

/** `$XDG_CACHE_HOME/news`, else `~/.cache/news`. */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(env.HOME ?? '/tmp', '.cache');
  return join(base, 'news');
}

/** The index file of a library: one per set of folders, named by their paths. */
export function indexPath(env: NodeJS.ProcessEnv, roots: readonly string[]): string {
  return join(cacheDir(env), `index-${fnv1a(JSON.stringify(roots.map((r) => resolve(r))))}.sqlite`);
}

// better-sqlite3 finds its compiled addon through the `bindings` package,
// which searches many paths; the addon's place is known, so it is named.
function nativeBinding(): string {
  const require = createRequire(__filename);
  return join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
}

/** better-sqlite3's Database, with its addon named. */
export function sqlite(): typeof Database {
  const binding = nativeBinding();
  return function (path: string, options: Database.Options = {}) {
    return new Database(path, { ...options, nativeBinding: binding });
  } as unknown as typeof Database;
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
