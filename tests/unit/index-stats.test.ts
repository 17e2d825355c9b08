// The index's storage (issue 12): where its bytes go (`news index --stats`),
// quotes stored as their place in the paragraph, and the light hits that
// `news search` reads for its terminal and plain output.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArticleIndex } from '../../src/index/article-index.js';
import { openUpdatedIndex } from '../../src/index/open.js';
import { articleFromJson, StoredArticle, toStoredJson, VERBATIM_BODY } from '../../src/index/row.js';
import { toJsonLine } from '../../src/text/sanitize.js';
import type { Article } from '../../src/model.js';
import { renderIndexStats, renderIndexStatsJson } from '../../src/render/index-stats.js';
import { searchIndex } from '../../src/search/search.js';

const home = mkdtempSync(join(tmpdir(), 'news-index-stats-'));
const open: ArticleIndex[] = [];
afterAll(() => {
  for (const index of open) index.close();
  rmSync(home, { recursive: true, force: true });
});

async function libraryIndex(files: Record<string, string>): Promise<ArticleIndex> {
  const dir = mkdtempSync(join(home, 'library-'));
  for (const [slug, text] of Object.entries(files)) writeFileSync(join(dir, `${slug}.md`), text);
  const index = await openUpdatedIndex({ XDG_CACHE_HOME: home }, [dir], () => {});
  open.push(index);
  return index;
}

const article: Article = {
  slug: 'pier',
  headline: 'Pier reopens',
  section: 'Local',
  source: null,
  author: null,
  date: '2014-09-24',
  dateline: null,
  url: null,
  tags: [],
  body: ['The pier reopened. "It is a good day," said Mayor Lena Dijk.', 'No quote here.'],
  quotes: [
    { text: 'It is a good day,', speaker: 'Mayor Lena Dijk', person: 'Lena Dijk', paragraph: 0 },
    { text: 'words found nowhere', speaker: null, person: null, paragraph: 1 },
  ],
  path: '/library/pier.md',
};

describe('stored JSON', () => {
  it('keeps a quote found in its paragraph as its place there, and reads back the same article', () => {
    const json = toStoredJson(article);
    expect(json).not.toContain('"It is a good day,"');
    expect(JSON.stringify(articleFromJson(json))).toBe(JSON.stringify(article));
  });

  it('keeps a quote without a person as it is', () => {
    const { person: _, ...noPerson } = article.quotes[0]!;
    const made = { ...article, quotes: [noPerson as Article['quotes'][number]] };
    expect(JSON.parse(toStoredJson(made)).quotes).toEqual([noPerson]);
    expect(articleFromJson(toStoredJson(made))).toEqual(made);
  });

  it('reads back quotes of text outside the BMP', () => {
    const emoji = { ...article, body: ['😀 “Heißt 😀 so,” said Jo.'], quotes: [{ text: 'Heißt 😀 so,', speaker: 'Jo', person: 'Jo', paragraph: 0 }] };
    expect(articleFromJson(toStoredJson(emoji))).toEqual(emoji);
  });
});

const file = (headline: string, ...paragraphs: string[]) => `---\ntitle: ${JSON.stringify(headline)}\ndate: 2014-09-24\n---\n\n${paragraphs.join('\n\n')}\n`;

describe('reading part of the stored JSON', () => {
  const stored = (a: Article, verbatimAt?: number) => new StoredArticle(Buffer.from(toStoredJson(a, verbatimAt)));
  const tricky = {
    ...article,
    headline: 'Ends in a backslash \\',
    tags: [',"body":["not the body"]'],
    body: ['He said "yes", then \\"no\\".', 'ends \\', '', '😀 \u2028 "', ',"body":["x"]'],
    quotes: [],
  };

  it('reads the head without the body, in the model order, compact or as printed', () => {
    for (const verbatimAt of [VERBATIM_BODY, 0]) {
      const head = stored(tricky, verbatimAt).head();
      expect(head).toEqual({ ...tricky, body: [], quotes: [] });
      expect(Object.keys(head)).toEqual(Object.keys(article));
    }
  });

  it('reads the paragraphs one by one, escapes and all', () => {
    for (const verbatimAt of [VERBATIM_BODY, 0]) {
      const body = stored(tricky, verbatimAt).body();
      expect(body.length).toBe(tricky.body.length);
      expect(body[1]).toBe('ends \\');
      expect([...body]).toEqual(tricky.body);
      expect(stored({ ...article, body: [] }, verbatimAt).body().length).toBe(0);
    }
  });

  it("gives the article's JSON line: an article of many paragraphs stored as printed gives the row's bytes", () => {
    const quoted = { ...tricky, quotes: [{ text: 'yes', speaker: 'Jo \u202e', person: 'Jo', paragraph: 0 }] };
    const long = { ...quoted, body: ['x'.repeat(VERBATIM_BODY / 2), '"yes", she said.\u2028', 'y'.repeat(VERBATIM_BODY / 2)] };
    expect(toStoredJson(quoted)).not.toContain('"text":"yes"');
    expect(toStoredJson(long)).toContain('"text":"yes"');
    for (const a of [tricky, quoted, long, { ...article, body: [] }, { ...article, path: '\u2028' }]) {
      const line = toJsonLine(articleFromJson(toStoredJson(a)));
      expect(line).toBe(toJsonLine(a));
      expect(Buffer.from(stored(a).json()).toString()).toBe(line);
      expect(Buffer.from(stored(a, 0).json()).toString()).toBe(line);
      expect(stored(a, 0).json()).toBeInstanceOf(Uint8Array);
    }
    expect(stored(long).json()).toBeInstanceOf(Uint8Array);
    expect(typeof stored(quoted).json()).toBe('string');
  });

  it('reads back articles whole, in the model order', () => {
    expect(Object.keys(articleFromJson(toStoredJson(tricky)))).toEqual(Object.keys(article));
  });
});

describe('storage', () => {
  it('says where the bytes go, FTS5 shadow tables included', async () => {
    const index = await libraryIndex({
      pier: file('Pier reopens', 'The pier reopened on Tuesday.', '"It is a good day," said Mayor Lena Dijk.'),
      port: file('Port closes', 'The port closed.'),
    });
    const storage = index.storage();
    expect(storage.articles).toBe(2);
    expect(storage.files).toBe(2);
    expect(storage.libraryBytes).toBeGreaterThan(0);
    const names = storage.objects!.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['articles', 'files', 'fts_data', 'fts_idx', 'fts_docsize', 'fts_config', 'articles_order']));
    expect(storage.objects!.find((o) => o.name === 'articles_order')).toMatchObject({ type: 'index', table: 'articles' });
    expect(storage.objects!.reduce((sum, o) => sum + o.bytes, 0)).toBe(storage.bytes);
    // The quote comes back whole from its place in the paragraph.
    expect(index.get('pier')!.quotes.map((q) => q.text)).toEqual(['It is a good day']);

    const info = { library: '/library', index: '/cache/index.sqlite', problems: 0, updated: null, storage };
    const text = renderIndexStats(info);
    expect(text).toMatch(/^articles +2$/m);
    expect(text).toMatch(/^fts_data +FTS5 word lists +\d+ /m);
    expect(JSON.parse(renderIndexStatsJson(info))).toMatchObject({ library: '/library', articles: 2, bytes: storage.bytes, objects: storage.objects });
  });
});

describe('light hits', () => {
  it('give the same order, scores, snippets and article heads as whole hits, without body and quotes', async () => {
    const long = Array.from({ length: 3000 }, (_, i) => `harbour word${i}`).join(' ');
    const index = await libraryIndex({
      small: file('Small harbour', 'The harbour was quiet. "Harbour fees rise," said Jo Varga.'),
      large: file('Large harbour', long, 'The harbour again.'),
      other: file('Nothing here', 'Nothing.'),
    });
    expect(searchIndex(index, 'harbour').map((h) => h.article.slug)).toEqual(expect.arrayContaining(['small', 'large']));
    for (const query of ['harbour', '"harbour word7"', 'headline:large']) {
      const whole = searchIndex(index, query);
      const light = searchIndex(index, query, { light: true });
      expect(whole.length).toBeGreaterThan(0);
      expect(light.map((h) => [h.article.slug, h.score, h.snippet])).toEqual(whole.map((h) => [h.article.slug, h.score, h.snippet]));
      expect(light.map((h) => h.article)).toEqual(whole.map((h) => ({ ...h.article, body: [], quotes: [] })));
    }
  });
});
