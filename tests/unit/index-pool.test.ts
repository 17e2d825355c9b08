// The index's worker pool, in process, with real worker threads: the worker
// (src/index/worker.ts) is bundled from source as scripts/build.mjs bundles
// it, and the pool is handed its path.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUT_OF_MEMORY } from '../../src/index/contracts.js';
import { buildOnWorker, parsePool } from '../../src/index/pool.js';
import { CAPPED_PARSE_BYTES, parseInline } from '../../src/index/write.js';

const ROOT = resolve(__dirname, '..', '..');
const home = mkdtempSync(join(tmpdir(), 'news-pool-'));
// The bundle finds better-sqlite3's compiled addon from where it lies, as
// dist/parse-worker.cjs does: so it lies below the project, not in /tmp.
mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
const scripts = mkdtempSync(join(ROOT, 'node_modules', '.cache', 'news-test-worker-'));
const workerScript = join(scripts, 'parse-worker.cjs');

beforeAll(async () => {
  await build({
    entryPoints: [join(ROOT, 'src', 'index', 'worker.ts')],
    outfile: workerScript,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'es2023',
    logLevel: 'warning',
  });
});
afterAll(() => {
  rmSync(scripts, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

const articleFile = (title: string, ...paragraphs: string[]) => `---\ntitle: ${JSON.stringify(title)}\n---\n\n${paragraphs.join('\n\n')}\n`;

function library(files: Record<string, string>): string {
  const root = mkdtempSync(join(home, 'library-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

const request = (root: string, ...names: string[]) => names.map((name) => ({ path: join(root, name), root }));

/**
 * An article far larger than a parse worker's capped heap holds: the file's
 * text alone, with its row's copies of it, is several times the cap.
 */
const hugeArticle = () => articleFile('Huge', 'harbour '.repeat(400_000));

describe('parsePool', () => {
  it('parses files on worker threads, each request answered with its own files', async () => {
    const root = library({
      'pier.md': articleFile('Pier reopens', '"The pier is safe again," harbour master Lena Dijk said.'),
      'ferry.md': articleFile('Ferry fares rise', 'Osterby and Vellmar.'),
      'broken.md': 'No front matter.\n',
      'zurich.md': articleFile('Ferry to Zürich', 'Straße works.'),
    });
    const pool = parsePool(workerScript);
    expect(pool.parse).not.toBe(parseInline);
    try {
      const batches = [request(root, 'pier.md', 'ferry.md'), request(root, 'broken.md'), request(root, 'zurich.md', 'pier.md'), request(root, 'ferry.md')];
      const answers = await Promise.all(batches.map((batch) => pool.parse(batch)));
      const inline = await Promise.all(batches.map((batch) => parseInline(batch)));
      expect(answers).toEqual(inline);
      expect(answers.map((results) => results.map((r) => r.row?.slug ?? null))).toEqual([['pier', 'ferry'], [null], ['zurich', 'pier'], ['ferry']]);
      expect(answers[1]![0]!.problems[0]!.message).toMatch(/^no front matter/);
    } finally {
      await pool.close();
    }
  });

  it('parses on this thread the files of a worker that ran out of memory, and goes on with a new worker', async () => {
    const root = library({ 'huge.md': hugeArticle(), 'small.md': articleFile('Small', 'Osterby.'), 'other.md': articleFile('Other', 'Vellmar.') });
    // One worker: the request queued behind the one that kills it is lost with it.
    const pool = parsePool(workerScript, 1);
    try {
      const [huge, queued] = await Promise.all([pool.parse(request(root, 'small.md', 'huge.md')), pool.parse(request(root, 'other.md'))]);
      expect(huge.map((r) => r.row?.slug)).toEqual(['small', 'huge']);
      expect(JSON.parse(huge[1]!.row!.json).body[0]).toHaveLength('harbour '.repeat(400_000).length - 1);
      expect(queued.map((r) => r.row?.slug)).toEqual(['other']);
      expect(await pool.parse(request(root, 'small.md'))).toEqual(await parseInline(request(root, 'small.md')));
    } finally {
      await pool.close();
    }
  });

  it('fails the requests of a worker that fails for another reason', async () => {
    const broken = join(scripts, 'broken-worker.cjs');
    writeFileSync(broken, "throw new Error('this worker cannot start');\n");
    const root = library({ 'a.md': articleFile('A', 'Osterby.') });
    const pool = parsePool(broken);
    try {
      await expect(pool.parse(request(root, 'a.md'))).rejects.toThrow('this worker cannot start');
    } finally {
      await pool.close();
    }
  });

  it('parses on this thread when there is no worker script (the reader run from source)', async () => {
    const pool = parsePool(join(scripts, 'missing.cjs'));
    expect(pool.parse).toBe(parseInline);
    await pool.close();
    expect(parsePool(undefined).parse).toBe(parseInline);
  });
});

describe('buildOnWorker', () => {
  it("writes a library's first index on a worker thread", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`story-${i}.md`] = articleFile(`Story ${i}`, `Harbour number${i} reopens.`);
    const root = library(files);
    const fresh = buildOnWorker(workerScript)!;
    const path = join(home, 'fresh.sqlite');
    await fresh({ path, rootsKey: JSON.stringify([root]), roots: [root] });
    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(60);
      const found = db.prepare('SELECT a.slug FROM fts JOIN articles a ON a.id = fts.rowid WHERE fts MATCH ?').pluck();
      expect(found.all('number42')).toEqual(['story-42']);
      expect(found.all('harbour')).toHaveLength(60);
    } finally {
      db.close();
    }
  });

  it('sends how many files it has indexed, when asked: at the first file, then a few times a second', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`story-${i}.md`] = articleFile(`Story ${i}`, `Harbour number${i} reopens.`);
    const root = library(files);
    const told: number[] = [];
    await buildOnWorker(workerScript)!({ path: join(home, 'counted.sqlite'), rootsKey: JSON.stringify([root]), roots: [root] }, (n) => told.push(n));
    expect(told[0]).toBe(1);
    expect(told).toEqual([...told].sort((a, b) => a - b));
    expect(told.at(-1)).toBeLessThanOrEqual(300);
    // A few a second, not one a file: 30 would take this build of 300 small files over seven seconds.
    expect(told.length).toBeLessThan(30);
  });

  it('fails with OUT_OF_MEMORY when the build outgrows its heap, and with the reason otherwise', async () => {
    const fresh = buildOnWorker(workerScript)!;
    // No one file over what a capped heap parses, but a batch of them more than it holds.
    const nearlyCapped = articleFile('Long', 'harbour '.repeat(Math.floor(CAPPED_PARSE_BYTES / 8) - 10));
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`long-${i}.md`, nearlyCapped]));
    const big = library(files);
    await expect(fresh({ path: join(home, 'big.sqlite'), rootsKey: JSON.stringify([big]), roots: [big] })).rejects.toMatchObject({ code: OUT_OF_MEMORY });
    const nowhere = join(home, 'no-such-folder', 'index.sqlite');
    await expect(fresh({ path: nowhere, rootsKey: '[]', roots: [] })).rejects.toThrow(/^the index build failed: .*Cannot open database/);
  });

  it('is not there without a worker script', () => {
    expect(buildOnWorker(join(scripts, 'missing.cjs'))).toBeNull();
    expect(buildOnWorker(undefined)).toBeNull();
  });
});
