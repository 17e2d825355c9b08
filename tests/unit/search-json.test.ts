// `news search --json` (issue 12): each hit as the model's SearchHit, its
// score and snippet with it, decoded and compared as objects.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openUpdatedIndex } from '../../src/index/open.js';
import type { SearchHit } from '../../src/model.js';
import { renderSearchJson } from '../../src/render/search.js';
import { searchIndex } from '../../src/search/search.js';

const home = mkdtempSync(join(tmpdir(), 'news-search-json-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const decode = (jsonLines: string) =>
  jsonLines
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as SearchHit);

describe('renderSearchJson', () => {
  it("prints each hit's article, score and snippet, best first, a line each", async () => {
    const library = join(home, 'library');
    const file = (title: string, ...paragraphs: string[]) => `---\ntitle: ${JSON.stringify(title)}\n---\n\n${paragraphs.join('\n\n')}\n`;
    mkdirSync(library);
    writeFileSync(join(library, 'pier.md'), file('Minister opens the pier', 'The minister cut the ribbon.'));
    writeFileSync(join(library, 'fares.md'), file('Ferry fares rise', 'Fares rose, and no minister \u202eexplained why.'));
    const index = await openUpdatedIndex({ XDG_CACHE_HOME: join(home, 'cache') }, [library], () => {});
    try {
      const hits = searchIndex(index, 'minister');
      const printed = renderSearchJson(hits);
      // Control characters stay in, escaped.
      expect(printed.split('\n')).toHaveLength(hits.length + 1);
      expect(printed).not.toContain('\u202e');
      expect(printed).toContain('\\u202e');
      const decoded = decode(printed);
      expect(decoded).toEqual(hits);
      expect(decoded.map((hit) => Object.keys(hit))).toEqual([
        ['article', 'score', 'snippet'],
        ['article', 'score', 'snippet'],
      ]);
      const [first, second] = decoded;
      expect(first!.article.slug).toBe('pier');
      expect(first!.score).toBeGreaterThan(second!.score);
      expect(second!.score).toBeGreaterThan(0);
      expect(first!.snippet).toEqual({ text: 'Minister opens the pier', highlights: [[0, 8]] });
      expect(second!.snippet).toEqual({ text: 'Fares rose, and no minister \u202eexplained why.', highlights: [[19, 27]] });
    } finally {
      index.close();
    }
  });
});
