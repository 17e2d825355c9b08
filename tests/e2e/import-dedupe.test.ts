// Importing what the library has already (issue 12): the same file, or the
// same headline and body, is skipped, so that an import run again (after
// Ctrl-C, say) adds nothing; and the metadata a batch is given.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shelfOf } from '../../src/library/import.js';
import { library, news, onTerminal } from './helpers.js';

const emptyDir = () => mkdtempSync(join(tmpdir(), 'news-import-'));

/** The article files below `dir`, relative to it (the library's own data folder left out). */
function articleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

const STORIES = {
  'a/harbour.txt': 'Harbour Reopens\n\nThe harbour reopened on Monday.\n\nShips were waiting.\n',
  'a/ferry.txt': 'Ferry Runs Late\n\nThe ferry was late again.\n',
  'a/b/tram.txt': 'Tram Line Opens\n\nThe tram runs to the coast.\n',
};

describe('news import of what the library has already', () => {
  it('skips the articles of a folder imported again: nothing written, nothing printed in a pipe', () => {
    const raw = library(STORIES);
    const lib = emptyDir();
    const first = news(['import', '--dir', lib, join(raw, 'a')]);
    expect(first.status).toBe(0);
    expect(first.stdout.split('\n').filter(Boolean).sort()).toEqual(['ferry-runs-late', 'harbour-reopens', 'tram-line-opens']);
    const files = articleFiles(lib);
    expect(news(['import', '--dir', lib, join(raw, 'a')])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(news(['import', '--dir', lib, join(raw, 'a', 'ferry.txt')])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(articleFiles(lib)).toEqual(files);
  });

  it('knows the same headline and body in another file, encoding or line ends, and imports each once in one run', () => {
    const raw = library({
      ...STORIES,
      'copy/harbour-again.txt': 'Harbour Reopens\r\n\r\nThe harbour reopened on Monday.\r\n\r\nShips were waiting.\r\n',
      'copy/ferry-latin1.txt': Buffer.from('Ferry Runs Late\n\nThe ferry was late again.\n', 'latin1'),
      'copy/changed.txt': 'Harbour Reopens\n\nThe harbour reopened on Tuesday.\n',
    });
    const lib = emptyDir();
    expect(news(['import', '--dir', lib, join(raw, 'a')]).status).toBe(0);
    expect(news(['import', '--dir', lib, join(raw, 'copy')])).toEqual({ stdout: 'harbour-reopens-2\n', stderr: '', status: 0 });
    const both = emptyDir();
    const once = news(['import', '--dir', both, join(raw, 'a'), join(raw, 'copy')]);
    expect(once.stdout.split('\n').filter(Boolean).sort()).toEqual(['ferry-runs-late', 'harbour-reopens', 'harbour-reopens-2', 'tram-line-opens']);
  });

  it('says how many it skipped on a terminal', () => {
    const raw = library(STORIES);
    const lib = emptyDir();
    expect(news(['import', '--dir', lib, join(raw, 'a')]).status).toBe(0);
    const again = onTerminal(['import', '--dir', lib, join(raw, 'a')]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('news: skipped 3 already in the library (--force imports them again)');
    expect(articleFiles(lib)).toHaveLength(3);
  });

  it('imports again with --force, onto the headline slug', () => {
    const raw = library(STORIES);
    const lib = emptyDir();
    expect(news(['import', '--dir', lib, join(raw, 'a')]).status).toBe(0);
    const files = articleFiles(lib);
    const forced = news(['import', '--dir', lib, '--force', join(raw, 'a', 'ferry.txt')]);
    expect(forced).toEqual({ stdout: 'ferry-runs-late\n', stderr: '', status: 0 });
    expect(articleFiles(lib)).toEqual(files);
  });

  it('knows articles by their files when the list of the library data folder is lost, and files written before it was kept', () => {
    const raw = library(STORIES);
    const lib = emptyDir();
    expect(news(['import', '--dir', lib, join(raw, 'a')]).status).toBe(0);
    // As an import stopped before it could save its list leaves the library.
    rmSync(join(lib, '.news'), { recursive: true, force: true });
    // As an import of an earlier version wrote it: no source-hash.
    const old = join(lib, shelfOf('old-story'), 'old-story.md');
    mkdirSync(dirname(old), { recursive: true });
    writeFileSync(old, '---\ntitle: "Old Story"\n---\n\nWritten long ago.\n', { flag: 'w' });
    writeFileSync(join(raw, 'a', 'old.txt'), 'Old Story\n\nWritten long ago.\n');
    expect(news(['import', '--dir', lib, join(raw, 'a')])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(articleFiles(lib)).toHaveLength(4);
  });
});

describe('news import --source, --section, --tag and the date in the text', () => {
  it('gives a batch its source, section and tags, and each article the date its text gives', () => {
    const raw = library({
      'dated.txt': 'Harbour Reopens\n\nPublished: 3 March 2016\n\nThe harbour reopened on Monday.\n',
      'wire.txt': 'Vote Delayed\n\nWASHINGTON, Nov. 19, 2015 (UPI) — The vote was delayed.\n',
      'undated.txt': 'Ferry Runs Late\n\nNEW YORK, Nov. 19 (UPI) — The ferry was late again.\n',
    });
    const lib = emptyDir();
    const run = news(['import', '--dir', lib, '--source', 'Valley Courier', '--section', 'Local', '--tag', 'harbour', '--tag', 'transport', raw]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const shown = news(['show', '--dir', lib, '--json', 'harbour-reopens', 'vote-delayed', 'ferry-runs-late']);
    const articles = shown.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { date: string | null; source: string; section: string; tags: string[]; body: string[] });
    expect(articles.map((a) => [a.date, a.source, a.section, a.tags])).toEqual([
      ['2016-03-03', 'Valley Courier', 'Local', ['harbour', 'transport']],
      ['2015-11-19', 'Valley Courier', 'Local', ['harbour', 'transport']],
      [null, 'Valley Courier', 'Local', ['harbour', 'transport']],
    ]);
    expect(articles[0]!.body).toEqual(['The harbour reopened on Monday.']);
    const since = news(['list', '--dir', lib, '--since', '2016-01-01', '--section', 'Local', '--format', '{slug}']);
    expect(since.stdout).toBe('harbour-reopens\n');
    expect(readFileSync(join(lib, shelfOf('harbour-reopens'), 'harbour-reopens.md'), 'utf8')).toMatch(
      /^---\ntitle: "Harbour Reopens"\ndate: "2016-03-03"\nsection: "Local"\nsource: "Valley Courier"\ntags: \["harbour", "transport"\]\nsource-hash: [0-9a-f]{32}\n---\n/,
    );
  });
});
