// The index as a user meets it: built on first use, kept up to date with the
// files, rebuilt when damaged, and `news index` itself.
import { appendFileSync, mkdirSync, readdirSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { articleFile, HOME, library, news, onTerminal } from './helpers.js';

const slugs = (dir: string, args: string[] = []) =>
  news(['list', '--dir', dir, '--format', '{slug}', ...args])
    .stdout.split('\n')
    .filter(Boolean)
    .sort();

const indexFiles = (cache: string) => readdirSync(join(cache, 'news')).filter((name) => name.endsWith('.sqlite'));

/** Moves a file's and its folder's times back, as if written long ago, so the index trusts them. */
function age(...paths: string[]): void {
  const past = new Date(Date.now() - 3_600_000);
  for (const path of paths) utimesSync(path, past, past);
}

describe('the index of a small library', () => {
  it('sees files added, edited in place, removed, and in new folders, on the next command', () => {
    const lib = library({
      'one.md': articleFile({ title: 'One' }, 'First body.'),
      'two.md': articleFile({ title: 'Two' }, 'Second body.'),
    });
    expect(slugs(lib)).toEqual(['one', 'two']);

    writeFileSync(join(lib, 'three.md'), articleFile({ title: 'Three' }, 'Third body.'));
    expect(slugs(lib)).toEqual(['one', 'three', 'two']);

    // An edit in place leaves the folder's time alone; in a small library every file is checked.
    age(lib);
    appendFileSync(join(lib, 'one.md'), '\nA line about zebras.\n');
    age(lib);
    expect(news(['search', '--dir', lib, 'zebras']).stdout.split('\t')[0]).toBe('one');

    rmSync(join(lib, 'two.md'));
    mkdirSync(join(lib, 'deep', 'er'), { recursive: true });
    writeFileSync(join(lib, 'deep', 'er', 'four.md'), articleFile({ title: 'Four' }, 'Fourth body.'));
    expect(slugs(lib)).toEqual(['four', 'one', 'three']);

    rmSync(join(lib, 'deep'), { recursive: true });
    expect(slugs(lib)).toEqual(['one', 'three']);
  });

  it('keeps one index per library in $XDG_CACHE_HOME/news', () => {
    const cache = join(HOME, 'own-cache');
    const a = library({ 'a.md': articleFile({ title: 'A' }, 'Body.') });
    const b = library({ 'b.md': articleFile({ title: 'B' }, 'Body.') });
    expect(news(['list', '--dir', a], { XDG_CACHE_HOME: cache }).status).toBe(0);
    expect(news(['list', '--dir', b], { XDG_CACHE_HOME: cache }).status).toBe(0);
    expect(indexFiles(cache)).toHaveLength(2);
  });
});

describe('the index of a large library', () => {
  // More files than are checked one by one on every run, and than a first build parses on its own thread.
  const count = 2100;
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    files[`s${i % 40}/article-${i}.md`] = articleFile({ title: `Article number ${i}` }, `Body of article ${i}, about harbour number ${i}.`);
  }

  it('is built on worker threads, then follows folders whose time changed', () => {
    const lib = library(files);
    const cache = join(HOME, 'large-cache');
    const env = { XDG_CACHE_HOME: cache };
    const first = news(['index', '--dir', lib], env);
    expect(first.status).toBe(0);
    expect(first.stderr).toContain(`${count} articles`);
    expect(news(['list', '--dir', lib, '--limit', '1'], env).status).toBe(0);

    writeFileSync(join(lib, 's3', 'late-addition.md'), articleFile({ title: 'Late Addition' }, 'About walruses.'));
    rmSync(join(lib, 's7', 'article-7.md'));
    const found = news(['search', '--dir', lib, 'walruses'], env);
    expect(found.stdout.split('\t')[0]).toBe('late-addition');
    expect(news(['show', '--dir', lib, 'article-7'], env).status).toBe(1);

    // An edit in place in a large library is seen by `news index`, which checks every file.
    const edited = join(lib, 's5', 'article-5.md');
    age(join(lib, 's5'));
    const folderTime = statSync(join(lib, 's5')).mtimeMs;
    appendFileSync(edited, '\nNow about narwhals.\n');
    expect(statSync(join(lib, 's5')).mtimeMs).toBe(folderTime);
    expect(news(['index', '--dir', lib], env).status).toBe(0);
    expect(news(['search', '--dir', lib, 'narwhals'], env).stdout.split('\t')[0]).toBe('article-5');

    const stats = news(['index', '--dir', lib, '--stats'], env);
    expect(stats.status).toBe(0);
    expect(stats.stdout).toMatch(new RegExp(`^articles +${count}$`, 'm'));
    expect(stats.stdout).toMatch(/^size +\d+\.\d MiB$/m);
    expect(stats.stdout).toMatch(/^updated +\d{4}-\d\d-\d\dT/m);
  });

  it('counts the files indexed on a terminal, in a first build on a worker and in an update, and not in a pipe', () => {
    const lib = library(files);
    const env = { XDG_CACHE_HOME: join(HOME, 'counted-cache') };
    /** The counts the progress line showed, in order. */
    const counts = (screen: string) => [...screen.matchAll(/\r\u001b\[Kindexing [^\r]*… ([\d,]+) files?/g)].map((m) => Number(m[1]!.replace(/,/g, '')));

    const built = onTerminal(['index', '--dir', lib, '--rebuild'], { env });
    expect(built.status).toBe(0);
    expect(built.stdout).toContain(`news index: ${count} articles, built in`);
    const shown = counts(built.stdout);
    // Told at the first file, then a few times a second.
    expect(shown[0]).toBe(1);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(shown.at(-1)).toBeLessThanOrEqual(count);

    mkdirSync(join(lib, 'new'));
    for (let i = 0; i < 300; i++) writeFileSync(join(lib, 'new', `late-${i}.md`), articleFile({ title: `Late ${i}` }, `Late body ${i}.`));
    const updated = onTerminal(['index', '--dir', lib], { env });
    expect(updated.status).toBe(0);
    expect(updated.stdout).toContain(`news index: ${count + 300} articles, checked in`);
    expect(counts(updated.stdout)[0]).toBe(1);
    expect(Math.max(...counts(updated.stdout))).toBeLessThanOrEqual(300);

    expect(news(['index', '--dir', lib, '--rebuild'], env).stderr).toMatch(new RegExp(`^news index: ${count + 300} articles, built in \\d+\\.\\d s\n$`));
  });
});

describe('a damaged or outdated index', () => {
  const setUp = (name: string) => {
    const lib = library({ 'kept.md': articleFile({ title: 'Kept Story' }, 'Still here.') });
    const cache = join(HOME, name);
    const env = { XDG_CACHE_HOME: cache };
    expect(news(['list', '--dir', lib], env).status).toBe(0);
    const [file] = indexFiles(cache);
    return { lib, env, path: join(cache, 'news', file!) };
  };

  const expectRebuilt = (lib: string, env: Record<string, string>, why: RegExp) => {
    const run = news(['list', '--dir', lib], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Kept Story');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(why);
    // Once rebuilt, quiet again.
    expect(news(['list', '--dir', lib], env).stderr).toBe('');
  };

  it('is rebuilt, with one line on stderr, when it is not a database', () => {
    const { lib, env, path } = setUp('garbage-cache');
    writeFileSync(path, 'this is not a database, only text that took its place'.repeat(100));
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    expectRebuilt(lib, env, /^news: the index .* was rebuilt: it is damaged$/);
  });

  it('is rebuilt when it was cut short', () => {
    const { lib, env, path } = setUp('truncated-cache');
    news(['index', '--dir', lib], env);
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    truncateSync(path, 1500);
    expectRebuilt(lib, env, /was rebuilt: it is damaged$/);
  });

  it('is rebuilt when an older version wrote it', () => {
    const { lib, env, path } = setUp('old-cache');
    const db = new Database(path);
    db.pragma('user_version = 1');
    db.close();
    expectRebuilt(lib, env, /was rebuilt: it was written by an older version$/);
  });

  it('is rebuilt when another build of the reader, whose parsing may differ, wrote its rows', () => {
    const { lib, env, path } = setUp('other-reader-cache');
    const db = new Database(path);
    db.prepare(`UPDATE meta SET value = 'an-earlier-build' WHERE key = 'reader'`).run();
    db.prepare(`UPDATE articles SET json = json_set(json, '$.headline', 'Stale Story')`).run();
    db.close();
    expectRebuilt(lib, env, /was rebuilt: it was written by another version of the reader$/);
    expect(news(['list', '--dir', lib], env).stdout).not.toContain('Stale Story');
  });

  it('is built anew by news index --rebuild, and is only ever a cache', () => {
    const { lib, env, path } = setUp('rebuild-cache');
    const rebuilt = news(['index', '--dir', lib, '--rebuild'], env);
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stderr).toMatch(/^news index: 1 article, built in \d+\.\d s\n$/);
    rmSync(path);
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    // With no index, news index says it built one.
    expect(news(['index', '--dir', lib], env).stderr).toMatch(/^news index: 1 article, built in \d+\.\d s\n$/);
    expect(news(['index', '--dir', lib], env).stderr).toMatch(/^news index: 1 article, checked in \d+\.\d s\n$/);
    expect(news(['list', '--dir', lib], env).stdout).toContain('Kept Story');
  });
});
