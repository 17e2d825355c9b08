// Libraries of article files made for a test file, each indexed in the
// test file's own cache folder; the folder and every index are gone after
// its tests.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import type { ArticleIndex } from '../../src/index/article-index.js';
import { openUpdatedIndex } from '../../src/index/open.js';
import type { Snippet } from '../../src/model.js';

/** An article file: front matter (values as JSON strings, which YAML reads as they are) and paragraphs. */
export function articleFile(meta: Record<string, string>, ...paragraphs: string[]): string {
  const lines = Object.entries(meta).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join('\n')}\n---\n\n${paragraphs.join('\n\n')}\n`;
}

/**
 * The `libraryIndex` of one test file: a library of the given files (by
 * slug) in a folder of its own, and its index, made without warnings.
 */
export function indexedLibraries(prefix: string): (files: Record<string, string>) => Promise<ArticleIndex> {
  const home = mkdtempSync(join(tmpdir(), prefix));
  const open: ArticleIndex[] = [];
  afterAll(() => {
    for (const index of open) index.close();
    rmSync(home, { recursive: true, force: true });
  });
  return async (files) => {
    const dir = mkdtempSync(join(home, 'library-'));
    for (const [slug, text] of Object.entries(files)) writeFileSync(join(dir, `${slug}.md`), text);
    const warnings: string[] = [];
    const index = await openUpdatedIndex({ XDG_CACHE_HOME: home }, [dir], (line) => warnings.push(line));
    open.push(index);
    expect(warnings).toEqual([]);
    return index;
  };
}

/** A snippet with its highlights in brackets, to read assertions at a glance. */
export function marked(snippet: Snippet): string {
  let out = '';
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    out += `${snippet.text.slice(at, start)}[${snippet.text.slice(start, end)}]`;
    at = end;
  }
  return out + snippet.text.slice(at);
}

/** Words w{from} … w{to}: filler whose every word can be told apart in a snippet. */
export function numbered(from: number, to: number): string {
  return Array.from({ length: to - from + 1 }, (_, k) => `w${from + k}`).join(' ');
}
