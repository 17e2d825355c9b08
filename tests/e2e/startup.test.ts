// bin/news's code cache: kept beside the bundle where dist/ can be written,
// and in the user's cache folder where it cannot (an install owned by root,
// run by a user), so that such an install compiles without a cache once.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

// Root writes into any folder whatever its mode: as root, the install is run
// by the user nobody instead, as a global install owned by root would be.
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

const installs: string[] = [];
const homes: string[] = [];
afterAll(() => {
  for (const dir of installs) chmodSync(join(dir, 'dist'), 0o755);
  for (const dir of [...installs, ...homes]) rmSync(dir, { recursive: true, force: true });
});

/** bin/ and dist/ (without its code cache) and better-sqlite3's addon, as an install has them. */
function install(): string {
  const dir = mkdtempSync(join(tmpdir(), 'news-install-'));
  installs.push(dir);
  chmodSync(dir, 0o755);
  cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'articles'), join(dir, 'articles'), { recursive: true });
  mkdirSync(join(dir, 'dist'));
  for (const file of ['news.cjs', 'parse-worker.cjs']) cpSync(join(ROOT, 'dist', file), join(dir, 'dist', file));
  const sqlite = join(ROOT, 'node_modules', 'better-sqlite3');
  const addon = join('build', 'Release', 'better_sqlite3.node');
  cpSync(join(sqlite, 'package.json'), join(dir, 'node_modules', 'better-sqlite3', 'package.json'));
  cpSync(join(sqlite, addon), join(dir, 'node_modules', 'better-sqlite3', addon));
  return dir;
}

/** A home of the user who runs the install. */
function home(): string {
  const dir = mkdtempSync(join(tmpdir(), 'news-user-'));
  homes.push(dir);
  if (asRoot) chownSync(dir, NOBODY, NOBODY);
  return dir;
}

function run(dir: string, user: string) {
  const result = spawnSync(process.execPath, [join(dir, 'bin', 'news'), 'show', 'us-iran-is', '--plain'], {
    env: { PATH: process.env.PATH, HOME: user, XDG_CACHE_HOME: join(user, 'cache'), XDG_DATA_HOME: join(user, 'data'), LANG: 'C.UTF-8' },
    encoding: 'utf8',
    cwd: user,
    ...(asRoot && { uid: NOBODY, gid: NOBODY }),
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('US Informed Iran of Intent to Hit IS');
}

const caches = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.cache'))
    .map((e) => join(dir, e.name));
const userCaches = (user: string) => {
  try {
    return caches(join(user, 'cache', 'news'));
  } catch {
    return [];
  }
};

/** The one cache in the user's cache folder, after a command that should have written it. */
function onlyUserCache(user: string): string {
  const [cache, ...more] = userCaches(user);
  expect(more).toEqual([]);
  expect(cache).toMatch(/[\\/]news-\d+\.\d+\.\d+\S*-[0-9a-f]{16}-v8-[^/]+\.cache$/);
  return cache!;
}

/** Runs the command again: a cache that was read and accepted is not written again. */
function readNotWritten(dir: string, user: string, cache: string) {
  const before = statSync(cache);
  run(dir, user);
  expect(userCaches(user)).toEqual([cache]);
  const after = statSync(cache);
  expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
}

describe('the code cache', () => {
  it('is written beside the bundle where dist/ can be written', () => {
    const dir = install();
    if (asRoot) chownSync(join(dir, 'dist'), NOBODY, NOBODY);
    const user = home();
    run(dir, user);
    expect(caches(join(dir, 'dist'))).toHaveLength(1);
    expect(userCaches(user)).toEqual([]);
  });

  it("is kept in the user's cache folder, once per bundle, where dist/ cannot be written", () => {
    const dir = install();
    chmodSync(join(dir, 'dist'), 0o555);
    const user = home();
    run(dir, user);
    expect(caches(join(dir, 'dist'))).toEqual([]);
    readNotWritten(dir, user, onlyUserCache(user));
  });

  it("is kept in the user's cache folder where the one in a read-only dist/ is rejected", () => {
    const dir = install();
    // Named as bin/news names the cache of this bundle on this Node, but not
    // a cache V8 accepts (as one made with other V8 flags would not be).
    const [, version, hash] = /^\/\/ news (\S+) (\S+)\n/.exec(readFileSync(join(dir, 'dist', 'news.cjs'), 'utf8'))!;
    const shipped = join(dir, 'dist', `news-${version}-${hash}-v8-${process.versions.v8}.cache`);
    writeFileSync(shipped, Buffer.alloc(4096, 1));
    chmodSync(join(dir, 'dist'), 0o555);
    const user = home();
    run(dir, user);
    expect(readFileSync(shipped)).toEqual(Buffer.alloc(4096, 1));
    readNotWritten(dir, user, onlyUserCache(user));
  });
});
