import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listArticleFiles, loadLibrary } from '../../src/library/files.js';
import { compareLibraryPlaces, slugOwner } from '../../src/library/slug-owner.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'news-slugs-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const article = (title: string) => `---\ntitle: ${title}\n---\n\nBody.\n`;

describe('slugOwner', () => {
  it('gives a slug to the file first in root order, then path order', () => {
    expect(slugOwner({ root: 0, rel: 'y/a.md' }, { root: 0, rel: 'x/a.md' })).toEqual({ root: 0, rel: 'x/a.md' });
    expect(slugOwner({ root: 1, rel: 'a.md' }, { root: 0, rel: 'z/a.md' })).toEqual({ root: 0, rel: 'z/a.md' });
    // Depth first by name: the folder "x" before the file "x.md", though "x.md" < "x/a.md" as strings.
    expect(compareLibraryPlaces({ root: 0, rel: 'x/a.md' }, { root: 0, rel: 'x.md' })).toBeLessThan(0);
  });

  it('is the order listArticleFiles walks a folder in', () => {
    const names = ['b.md', 'B.md', 'a.md', 'a-b.md', 'a/b.md', 'x.md', 'x/a.md', 'x-y/z.md', 'x/y/a.md', 'é.md', 'z.md'];
    const dir = folder(Object.fromEntries(names.map((name) => [name, article(name)])));
    const walked = listArticleFiles(dir).map((path) => relative(dir, path));
    const sorted = [...names].sort((a, b) => compareLibraryPlaces({ root: 0, rel: a }, { root: 0, rel: b }));
    expect(walked).toEqual(sorted);
  });
});

describe('loadLibrary: duplicate slugs', () => {
  it('keeps the owner and reports the other file, naming the owner', () => {
    const dir = folder({ 'x/a.md': article('From X'), 'y/a.md': article('From Y') });
    const { articles, problems } = loadLibrary([dir]);
    expect(articles.map((a) => a.headline)).toEqual(['From X']);
    expect(problems).toEqual([{ path: join(dir, 'y/a.md'), line: 1, message: `slug "a" is already used by ${join(dir, 'x/a.md')}` }]);
  });

  it('across roots, the first root owns it', () => {
    const bundled = folder({ 'z/a.md': article('Bundled') });
    const user = folder({ 'a.md': article('Mine') });
    const { articles, problems } = loadLibrary([bundled, user]);
    expect(articles.map((a) => a.headline)).toEqual(['Bundled']);
    expect(problems.map((p) => p.path)).toEqual([join(user, 'a.md')]);
  });
});
