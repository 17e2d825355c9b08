import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';

describe('the public library API', () => {
  it('exports exactly the documented functions and values', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'ARTICLE_FIELDS',
        'ArticleError',
        'LibraryError',
        'MAX_ARTICLE_BYTES',
        'QueryError',
        'compareArticles',
        'detectDateline',
        'extractQuotes',
        'findArticleFile',
        'listArticleFiles',
        'loadArticles',
        'markdownToParagraphs',
        'parseArticle',
        'parseDatelineText',
        'parseQuery',
        'readArticle',
        'readArticleFile',
        'sanitize',
        'sanitizeArticle',
        'searchArticles',
        'slugFromPath',
        'toJsonLine',
      ].sort(),
    );
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
