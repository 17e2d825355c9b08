// What a completion script asks on a TAB press: `news __complete slugs
// PREFIX [DIR]` (the slugs of the library's index that start with PREFIX) or
// `news __complete feeds PREFIX [DIR]` (the names of its feeds). DIR is the
// --dir of the command line being completed. main.ts answers it before any
// command line is parsed; it reads the index file and the feed list directly
// and never builds or updates anything: a shell waits for the answer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexPath } from '../index/open.js';
import { sqlite } from '../index/sqlite.js';
import { userLibraryDir } from '../library/location.js';
import { dataFolder } from '../library/userdata.js';
import { exitStatus, type ExitStatus } from './exit.js';
import { write } from './output.js';

/** At most this many candidates: a shell shows no more usefully. */
const MOST = 200;

/** The folders a command reads, as main.ts decides them: --dir, else NEWS_DIR, else the bundled articles and the user's library. */
function readRoots(dir: string | undefined, env: NodeJS.ProcessEnv, bundled: string): string[] {
  const named = dir || env.NEWS_DIR;
  if (named) return [named];
  try {
    return [bundled, userLibraryDir(env)];
  } catch {
    return [bundled];
  }
}

/** The first string after every string that starts with `prefix`, in SQLite's (byte) order. */
function after(prefix: string): string {
  if (prefix === '') return '\u{10FFFF}';
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** The index's slugs that start with `prefix`, in order; none when there is no index yet. */
export function slugsStartingWith(path: string, prefix: string): string[] {
  let db;
  try {
    db = new (sqlite())(path, { readonly: true, fileMustExist: true });
  } catch {
    return [];
  }
  try {
    const rows = db.prepare('SELECT slug FROM articles WHERE slug >= ? AND slug < ? ORDER BY slug LIMIT ?').pluck().all(prefix, after(prefix), MOST);
    return rows.filter((slug): slug is string => typeof slug === 'string');
  } catch {
    return [];
  } finally {
    db.close();
  }
}

/** The names of the library's feeds that start with `prefix`; none when it follows none or the list cannot be read. */
export function feedsStartingWith(library: string, prefix: string): string[] {
  try {
    const list = JSON.parse(readFileSync(join(dataFolder(library), 'feeds.json'), 'utf8')) as { feeds?: Array<{ name?: unknown }> };
    return (list.feeds ?? [])
      .map((feed) => feed.name)
      .filter((name): name is string => typeof name === 'string' && name.startsWith(prefix))
      .sort()
      .slice(0, MOST);
  } catch {
    return [];
  }
}

// A candidate is one line of a shell's input: nothing that could break a line or reach the terminal as a control.
const SAFE = /^[^\u0000-\u001f\u007f-\u009f\s]+$/u;

/** Answers `news __complete KIND PREFIX [DIR]`: candidates one a line; always status 0, and never an error line. */
export function complete({ argv, env, bundledArticles }: { argv: string[]; env: NodeJS.ProcessEnv; bundledArticles: string }): ExitStatus {
  const [kind, prefix = '', dir] = argv.slice(3);
  let found: string[] = [];
  if (kind === 'slugs') {
    found = slugsStartingWith(indexPath(env, readRoots(dir, env, bundledArticles)), prefix);
  } else if (kind === 'feeds') {
    let library = dir || env.NEWS_DIR || undefined;
    try {
      library ??= userLibraryDir(env);
    } catch {
      // No HOME: no user library, and no feeds.
    }
    if (library) found = feedsStartingWith(library, prefix);
  }
  const lines = found.filter((word) => SAFE.test(word));
  try {
    write(lines.length > 0 ? lines.join('\n') + '\n' : '');
  } catch {
    // The shell stopped listening: nothing to tell it.
  }
  return exitStatus({ kind: 'ran', found: null, failed: 0 });
}
