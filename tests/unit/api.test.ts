import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

describe('the public library API', () => {
  it('exports exactly the documented functions and values', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'ARTICLE_FIELDS',
        'ArticleError',
        'ArticleIndex',
        'FeedError',
        'NotAnArticle',
        'extractPage',
        'parseFeed',
        'parseOpml',
        'writeOpml',
        'LibraryError',
        'MAX_ARTICLE_BYTES',
        'QueryError',
        'articlesQuoting',
        'compareArticles',
        'detectDateline',
        'eachSearchHit',
        'extractQuotes',
        'findArticleFile',
        'listArticleFiles',
        'loadArticles',
        'markdownToParagraphs',
        'openIndex',
        'openUpdatedIndex',
        'parseArticle',
        'parseDatelineText',
        'parseQuery',
        'readArticle',
        'readArticleFile',
        'sanitize',
        'sanitizeArticle',
        'searchIndex',
        'selectQuotes',
        'slugFromPath',
        'toJsonLine',
      ].sort(),
    );
  });

  it("opens a library's index and searches it as `news search` does", async () => {
    const home = mkdtempSync(join(tmpdir(), 'news-api-'));
    try {
      const library = join(home, 'articles');
      mkdirSync(library);
      const file = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body}\n`;
      writeFileSync(join(library, 'pier.md'), file('Pier reopens', '"The pier is safe again," harbour master Lena Dijk said.'));
      writeFileSync(join(library, 'ferry.md'), file('Ferry fares rise', 'Lena Dijk was not asked about the fares.'));
      const warnings: string[] = [];
      const index = await api.openUpdatedIndex({ XDG_CACHE_HOME: join(home, 'cache') }, [library], (line) => warnings.push(line));
      try {
        expect(warnings).toEqual([]);
        expect(
          api
            .searchIndex(index, 'dijk')
            .map((hit) => hit.article.slug)
            .sort(),
        ).toEqual(['ferry', 'pier']);
        const [hit] = api.searchIndex(index, api.parseQuery('speaker:dijk'));
        expect([hit?.article.slug, hit?.snippet]).toEqual(['pier', { text: 'Lena Dijk', highlights: [[5, 9]] }]);
        const quoted = api.selectQuotes(api.articlesQuoting(index, 'Lena Dijk'), 'Lena Dijk');
        expect(quoted.map((a) => [a.slug, a.quotes.map((q) => q.text)])).toEqual([['pier', ['The pier is safe again']]]);
      } finally {
        index.close();
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('loads no command-line or colour code', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from '(commander|chalk|wrap-ansi)'|process\.exit/);
      for (const [, spec] of text.matchAll(/from '(\.[^']+)'/g)) visit(join(file, '..', spec!.replace(/\.js$/, '.ts')));
    };
    visit(join(__dirname, '..', '..', 'src', 'index.ts'));
    expect(seen.size).toBeGreaterThan(5);
  });
});
