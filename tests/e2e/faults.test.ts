// Nothing is lost under faults and load: real processes, run at once, killed
// part way, and importing onto a full or read-only disk.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { shelfOf } from '../../src/library/import.js';
import { articleFile, cleanEnv, news, NEWS, ROOT } from './helpers.js';

interface Ended {
  stdout: string;
  stderr: string;
  status: number | null;
  signal: NodeJS.Signals | null;
}

/** Starts `news` without waiting for it; `killAfter` ms later it gets SIGKILL, if still running. */
function start(args: string[], env: Record<string, string> = {}, killAfter?: number): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEWS, ...args], { env: cleanEnv(env), cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const timer = killAfter === undefined ? null : setTimeout(() => child.kill('SIGKILL'), killAfter);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ stdout, stderr, status, signal });
    });
  });
}

const dir = (prefix: string) => mkdtempSync(join(tmpdir(), `news-faults-${prefix}-`));
const lines = (text: string) => text.split('\n').filter(Boolean).sort();
const WORDS = ['harbour', 'council', 'river', 'grain', 'railway', 'ferry', 'market', 'bridge', 'orchard', 'lighthouse'];

/** `count` raw text articles (headline, blank line, paragraphs), each of its own headline. */
function rawArticles(count: number, tag: string): string {
  const folder = dir(`raw-${tag}`);
  for (let i = 0; i < count; i++) {
    const word = WORDS[i % WORDS.length]!;
    const text =
      `Report ${tag} ${i} on the ${word}\n\n` +
      `The ${word} story number ${i} of ${tag} begins with a plain sentence.\n\n` +
      `A second paragraph about the ${word} follows, and says a little more about it.\n`;
    writeFileSync(join(folder, `${tag}-${i}.txt`), text);
  }
  return folder;
}

/** A library of `count` article files written directly, spread over folders. */
function articleLibrary(count: number, into = dir('lib')): string {
  for (let i = 0; i < count; i++) {
    const folder = join(into, `s${i % 30}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, `piece-${basename(into)}-${i}.md`),
      articleFile({ title: `Piece ${i}` }, `Body of piece ${i}, about the ${WORDS[i % WORDS.length]}.`),
    );
  }
  return into;
}

/** Every file below `folder`, relative to it, hidden ones included. */
function filesBelow(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

/** The slugs of the article files below `folder`, from their names. */
const slugsOnDisk = (folder: string) =>
  filesBelow(folder)
    .filter((path) => path.endsWith('.md') && !basename(path).startsWith('.'))
    .map((path) => basename(path, '.md'))
    .sort();

/** `news list` of a library: its slugs, after checking it said nothing on stderr. */
function listed(lib: string, env: Record<string, string> = {}): string[] {
  const run = news(['list', '--dir', lib, '--format', '{slug}'], env);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return lines(run.stdout);
}

describe('under load', () => {
  it.each([
    ['an indexed library of 300 articles', 300],
    ['an empty library', 0],
  ])('answers eight searches while an import adds 1,000 articles to %s, and ends with all of them', async (_, before) => {
    const lib = dir('load');
    const cache = { XDG_CACHE_HOME: dir('cache') };
    let expected: string[] = [];
    if (before > 0) {
      const first = news(['import', '--dir', lib, rawArticles(before, 'earlier')], cache);
      expect(first.status).toBe(0);
      expected = lines(first.stdout);
      expect(listed(lib, cache)).toEqual(expected);
    }
    const raw = rawArticles(1000, 'load');
    let importing = true;
    const importer = start(['import', '--dir', lib, raw], cache).finally(() => (importing = false));
    // Each searcher starts at once and goes on until the import is done.
    const searchers = WORDS.slice(0, 8).map(async (word) => {
      const runs: Ended[] = [];
      do runs.push(await start(['search', '--dir', lib, '--all', word], cache));
      while (importing);
      return runs;
    });
    const imported = await importer;
    const searches = (await Promise.all(searchers)).flat();

    expect(imported).toMatchObject({ stderr: '', status: 0 });
    expect(lines(imported.stdout)).toHaveLength(1000);
    expect(searches.length).toBeGreaterThanOrEqual(8);
    for (const search of searches) {
      expect(search.stderr).toBe('');
      expect([0, 1]).toContain(search.status);
    }
    expected = [...expected, ...lines(imported.stdout)].sort();
    expect(listed(lib, cache)).toEqual(expected);
    expect(slugsOnDisk(lib)).toEqual(expected);
  });

  it('builds the index of a large library once over, whoever builds it at the same time, while articles arrive', async () => {
    // More files than a first build writes aside; no index yet.
    const lib = articleLibrary(2100);
    const cache = dir('cache');
    const env = { XDG_CACHE_HOME: cache };
    const runs = await Promise.all([
      ...[0, 1, 2, 3, 4, 5].map((k) => start(k % 2 ? ['search', '--dir', lib, 'harbour'] : ['list', '--dir', lib, '--format', '{slug}'], env)),
      start(['import', '--dir', lib, rawArticles(150, 'arriving')], env),
      ...[6, 7].map(() => start(['index', '--dir', lib], env)),
    ]);
    for (const run of runs) {
      expect(run.stderr.replace(/^news index: .*\n/, '')).toBe('');
      expect(run.status).toBe(0);
    }
    expect(listed(lib, env)).toEqual(slugsOnDisk(lib));
    expect(slugsOnDisk(lib)).toHaveLength(2250);
    const [index] = readdirSync(join(cache, 'news')).filter((name) => name.endsWith('.sqlite'));
    const db = new Database(join(cache, 'news', index!));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // FTS5's own check of its index: it throws on any damage.
    db.prepare(`INSERT INTO fts (fts) VALUES ('integrity-check')`).run();
    db.close();
    // Nothing is left beside the index by the builds.
    expect(readdirSync(join(cache, 'news')).filter((name) => name.includes('.build-'))).toEqual([]);
  });
});

describe('killed with SIGKILL', () => {
  it('an import, at any moment, leaves only whole articles, and the next import clears its temporary files', async () => {
    const lib = dir('killed');
    const raw = rawArticles(600, 'killed');
    let killed = 0;
    for (const delay of [20, 80, 160, 240, 320]) {
      const run = await start(['import', '--dir', lib, raw], {}, delay + Math.random() * 40);
      if (run.signal === 'SIGKILL') killed++;
      expect(run.stderr).toBe('');
      const check = news(['check', '--dir', lib]);
      expect(check.stdout).toBe('');
      expect(check.status).toBe(0);
      expect(listed(lib)).toEqual(slugsOnDisk(lib));
    }
    expect(killed).toBeGreaterThan(0);
    // A temporary file of an import that is gone, as a kill at the wrong moment leaves one.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const slug = 'report-killed-0-on-the-harbour';
    mkdirSync(join(lib, shelfOf(slug)), { recursive: true });
    writeFileSync(join(lib, shelfOf(slug), `.${slug}.md.tmp-${gone}-abcdefgh`), '---\ntitle: Half an art');
    // One of a live import is left alone.
    writeFileSync(join(lib, shelfOf(slug), `.${slug}.md.tmp-${process.pid}-abcdefgh`), '---\n');
    const next = news(['import', '--dir', lib, join(raw, 'killed-1.txt')]);
    expect(next).toMatchObject({ stderr: '', status: 0 });
    expect(filesBelow(lib).filter((path) => basename(path).startsWith('.'))).toEqual([join(shelfOf(slug), `.${slug}.md.tmp-${process.pid}-abcdefgh`)]);
    expect(listed(lib)).toEqual(slugsOnDisk(lib));
  });

  it('a command while it builds or updates the index: the next one sees every article and says nothing', async () => {
    const lib = articleLibrary(2500);
    const cache = dir('cache');
    const env = { XDG_CACHE_HOME: cache };
    for (const delay of [150, 400, 700]) {
      await start(['index', '--dir', lib, '--rebuild'], env, delay);
      expect(listed(lib, env)).toEqual(slugsOnDisk(lib));
    }
    const builds = () => readdirSync(join(cache, 'news')).filter((name) => name.includes('.build-'));
    expect(builds()).toEqual([]);
    // What a build killed at the wrong moment leaves, SQLite's files beside it too; a live one's are left alone.
    const index = readdirSync(join(cache, 'news')).find((name) => name.endsWith('.sqlite'))!;
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    for (const end of ['', '-journal', '-wal', '-shm']) writeFileSync(join(cache, 'news', `${index}.build-${gone}${end}`), 'left');
    writeFileSync(join(cache, 'news', `${index}.build-${process.pid}-wal`), 'at work');
    expect(listed(lib, env)).toEqual(slugsOnDisk(lib));
    expect(builds()).toEqual([`${index}.build-${process.pid}-wal`]);
    // A large update: many new files in new folders, killed part way.
    articleLibrary(1500, join(lib, 'more'));
    for (const delay of [100, 250]) {
      await start(['list', '--dir', lib], env, delay);
      writeFileSync(join(lib, 'more', `late-${delay}.md`), articleFile({ title: `Late ${delay}` }, 'A late body.'));
      expect(listed(lib, env)).toEqual(slugsOnDisk(lib));
    }
    expect(slugsOnDisk(lib)).toHaveLength(4002);
  });
});

// A small or read-only file system, without privileges: a user and mount namespace.
const namespaces = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$0"', dir('probe')]).status === 0;

/**
 * Runs `script` in a new user and mount namespace with a tmpfs of `size`
 * mounted at $MNT, `news` as $NEWS; the library $MNT/lib is copied to the
 * returned folder before the namespace, and the tmpfs with it, is gone.
 */
function onTmpfs(size: string, script: string): { out: string; copy: string; mnt: string } {
  const out = dir('ns');
  const mnt = dir('mnt');
  const result = spawnSync(
    'unshare',
    ['-rm', 'sh', '-c', `set -u; mount -t tmpfs -o size=${size} tmpfs "$MNT" || exit 99; ${script}; cp -a "$MNT/lib" "$OUT/lib"`],
    {
      env: { ...cleanEnv(), MNT: mnt, OUT: out, NEWS: `${process.execPath} ${NEWS}` },
      encoding: 'utf8',
    },
  );
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return { out, copy: join(out, 'lib'), mnt };
}

const read = (out: string, name: string) => readFileSync(join(out, name), 'utf8');

describe('a library that cannot be written', () => {
  it.skipIf(!namespaces)('on a full disk: one line naming the library and the reason, exit 1, and whole articles only', () => {
    const raw = rawArticles(1000, 'full');
    const { out, copy, mnt } = onTmpfs('256k', `$NEWS import --dir "$MNT/lib" "${raw}" >"$OUT/stdout" 2>"$OUT/stderr"; echo $? >"$OUT/status"`);
    const imported = lines(read(out, 'stdout'));
    expect(read(out, 'status')).toBe('1\n');
    expect(read(out, 'stderr')).toBe(`news: cannot write to the library ${mnt}/lib: no space left on device (${imported.length} of 1000 files imported)\n`);
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.length).toBeLessThan(1000);
    // The articles written before are whole, and nothing else is there.
    expect(filesBelow(copy).filter((path) => basename(path).startsWith('.'))).toEqual([]);
    expect(news(['check', '--dir', copy])).toMatchObject({ stdout: '', status: 0 });
    expect(listed(copy)).toEqual(imported);
    expect(slugsOnDisk(copy)).toEqual(imported);
  });

  it.skipIf(!namespaces)('on a read-only file system: one line naming the library and the reason, exit 1, and the library as it was', () => {
    const before = rawArticles(3, 'before');
    const after = rawArticles(5, 'after');
    const { out, copy, mnt } = onTmpfs(
      '1m',
      `$NEWS import --dir "$MNT/lib" "${before}" >"$OUT/before" 2>&1 && mount -o remount,ro "$MNT" && ` +
        `{ $NEWS import --dir "$MNT/lib" "${after}" >"$OUT/stdout" 2>"$OUT/stderr"; echo $? >"$OUT/status"; }`,
    );
    expect(read(out, 'status')).toBe('1\n');
    expect(read(out, 'stdout')).toBe('');
    expect(read(out, 'stderr')).toBe(`news: cannot write to the library ${mnt}/lib: read-only file system (0 of 5 files imported)\n`);
    expect(listed(copy)).toEqual(lines(read(out, 'before')));
    // The three articles, and the list of what the library has (LIBRARY/.news/sources.tsv) as the first import left it.
    expect(filesBelow(copy)).toHaveLength(4);
    expect(filesBelow(copy)).toContain(join('.news', 'sources.tsv'));
  });

  it('a bad input file is still only skipped, on a library that can be written', () => {
    const raw = rawArticles(3, 'mixed');
    writeFileSync(join(raw, 'empty.txt'), '');
    const lib = dir('mixed');
    const run = news(['import', '--dir', lib, raw]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`news: cannot import ${join(raw, 'empty.txt')}: empty file\n`);
    expect(lines(run.stdout)).toHaveLength(3);
    expect(listed(lib)).toEqual(lines(run.stdout));
  });
});
