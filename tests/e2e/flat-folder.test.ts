// A library that is one flat folder of thousands of articles (a scraper's
// output): a change is found from the folder's names, and every kind of
// change is seen by the next command, or by `news index`.
import { appendFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFile, HOME, library, news } from './helpers.js';

// More files than a folder whose files are all compared on every change, and than a first build parses on its own thread.
const count = 2100;
const files: Record<string, string> = {};
for (let i = 0; i < count; i++) files[`article-${i}.md`] = articleFile({ title: `Article number ${i}` }, `Body of article ${i}, about harbour ${i}.`);

const first = (run: { stdout: string }) => run.stdout.split('\t')[0];

describe('a flat folder of thousands of articles', () => {
  it('sees a file added, replaced by renaming, or removed on the next command, and an edit in place with `news index`', () => {
    const lib = library(files);
    const env = { XDG_CACHE_HOME: join(HOME, 'flat-cache') };
    const built = news(['index', '--dir', lib], env);
    expect(built.status).toBe(0);
    expect(built.stderr).toContain(`${count} articles`);

    writeFileSync(join(lib, 'late-addition.md'), articleFile({ title: 'Late Addition' }, 'About walruses.'));
    expect(first(news(['search', '--dir', lib, 'walruses'], env))).toBe('late-addition');
    // The next command, with nothing changed, finds it still.
    expect(first(news(['search', '--dir', lib, 'walruses'], env))).toBe('late-addition');

    // Saved as editors and `news import` save: a new file renamed over the old.
    writeFileSync(join(lib, '.article-12.md.tmp'), articleFile({ title: 'Article number 12' }, 'Now about penguins.'));
    renameSync(join(lib, '.article-12.md.tmp'), join(lib, 'article-12.md'));
    expect(first(news(['search', '--dir', lib, 'penguins'], env))).toBe('article-12');

    rmSync(join(lib, 'article-7.md'));
    expect(news(['show', '--dir', lib, 'article-7'], env).status).toBe(1);
    expect(news(['show', '--dir', lib, 'article-8'], env).status).toBe(0);

    // An edit in place leaves the folder's time alone: `news index` checks every file.
    const past = new Date(Date.now() - 3_600_000);
    utimesSync(lib, past, past);
    const folderTime = statSync(lib).mtimeMs;
    appendFileSync(join(lib, 'article-5.md'), '\nNow about narwhals.\n');
    expect(statSync(lib).mtimeMs).toBe(folderTime);
    expect(news(['index', '--dir', lib], env).status).toBe(0);
    expect(first(news(['search', '--dir', lib, 'narwhals'], env))).toBe('article-5');

    const stats = news(['index', '--dir', lib, '--stats'], env);
    expect(stats.stdout).toMatch(new RegExp(`^articles +${count}$`, 'm'));
  });
});
