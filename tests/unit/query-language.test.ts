// Issue 12: the query language read fields it does not know, parentheses,
// AND and NOT as words, silently. Each is now syntax or an error that says so.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleIndex } from '../../src/index/article-index.js';
import { openUpdatedIndex } from '../../src/index/open.js';
import { toFtsQuery } from '../../src/search/fts.js';
import { parseQuery } from '../../src/search/query.js';
import { phrase, queryError, term } from './query-helpers.js';
import { searchIndex } from '../../src/search/search.js';

describe('unknown fields', () => {
  it.each([
    ['foo:bar', 'foo'],
    ['date:2016', 'date'],
    ['url:x', 'url'],
    ['iran URL:"https://example.com"', 'URL'],
    ['iran -body:talks', 'body'],
    ['trade OR foo:(a OR b)', 'foo'],
    ['https://example.com/x', 'https'],
  ])('%j is an error naming %s', (input, field) => {
    const error = queryError(input);
    expect(error.reason).toContain(`unknown field ${field}:`);
    expect(error.reason).toContain('headline:');
    expect(error.input).toBe(input);
  });

  it('reads a colon inside quotes, or after something no field is named by, as text', () => {
    expect(parseQuery('"10:30" "https://example.com" "foo:bar"')).toEqual({
      must: [[phrase(['10', '30'])], [phrase(['https', 'example', 'com'])], [phrase(['foo', 'bar'])]],
      mustNot: [],
    });
    expect(parseQuery('10:30 :x')).toEqual({ must: [[phrase(['10', '30'])], [term('x')]], mustNot: [] });
  });
});

describe('AND and NOT', () => {
  it('reads AND as the space between two terms', () => {
    expect(parseQuery('iran AND syria')).toEqual(parseQuery('iran syria'));
    expect(parseQuery('iran OR iraq AND assad')).toEqual(parseQuery('iran OR iraq assad'));
  });

  it('reads NOT as the minus before a term', () => {
    expect(parseQuery('iran NOT syria')).toEqual(parseQuery('iran -syria'));
    expect(parseQuery('iran AND NOT "state department"')).toEqual(parseQuery('iran -"state department"'));
    expect(parseQuery('NOT headline:syria iran')).toEqual(parseQuery('-headline:syria iran'));
  });

  it('reads them as words only in lower case, quoted, or after a field', () => {
    expect(parseQuery('war and not peace')).toEqual({ must: [[term('war')], [term('and')], [term('not')], [term('peace')]], mustNot: [] });
    expect(parseQuery('"AND" headline:NOT')).toEqual({ must: [[term('and')], [term('not', { field: 'headline' })]], mustNot: [] });
  });

  it.each([
    ['AND iran', /AND needs a term on each side/],
    ['iran AND', /AND needs a term on each side/],
    ['iran AND OR syria', /needs a term on each side/],
    ['iran NOT', /NOT needs a term after it/],
    ['iran NOT OR syria', /NOT needs a term after it/],
    ['iran NOT -syria', /NOT needs a term after it/],
    ['NOT iran', /only excludes/],
    ['syria OR NOT iran', /exclusion cannot be part of OR/],
  ])('rejects %j', (input, reason) => {
    expect(queryError(input).reason).toMatch(reason);
  });
});

describe('parentheses', () => {
  it('apply a field before them to every term inside', () => {
    expect(parseQuery('headline:(trump OR clinton)')).toEqual(parseQuery('headline:trump OR headline:clinton'));
    expect(parseQuery('HEADLINE:(trump "hillary clinton"*)')).toEqual(parseQuery('headline:trump headline:"hillary clinton"*'));
    expect(parseQuery('iran -speaker:(rouhani OR zarif)')).toEqual(parseQuery('iran -speaker:rouhani -speaker:zarif'));
  });

  it('group terms for OR', () => {
    expect(parseQuery('(iran OR syria) (assad OR putin)')).toEqual({
      must: [
        [term('iran'), term('syria')],
        [term('assad'), term('putin')],
      ],
      mustNot: [],
    });
    expect(parseQuery('(iran assad) OR syria')).toEqual({
      must: [[{ kind: 'group', must: [[term('iran')], [term('assad')]], mustNot: [] }, term('syria')]],
      mustNot: [],
    });
    expect(parseQuery('syria OR (iran -assad)')).toEqual({
      must: [[term('syria'), { kind: 'group', must: [[term('iran')]], mustNot: [term('assad')] }]],
      mustNot: [],
    });
  });

  it('exclude a group with - or NOT', () => {
    expect(parseQuery('iran -(syria OR assad)')).toEqual(parseQuery('iran -syria -assad'));
    expect(parseQuery('iran NOT (syria assad)')).toEqual({
      must: [[term('iran')]],
      mustNot: [{ kind: 'group', must: [[term('syria')], [term('assad')]], mustNot: [] }],
    });
  });

  it('end a bare word, and leave no trace when they hold nothing', () => {
    expect(parseQuery('(iran)')).toEqual({ must: [[term('iran')]], mustNot: [] });
    expect(parseQuery('f(x) () (!!)')).toEqual({ must: [[term('f')], [term('x')]], mustNot: [] });
    expect(parseQuery('((iran OR (syria)))')).toEqual(parseQuery('iran OR syria'));
  });

  it('are text inside quotes', () => {
    expect(parseQuery('"(iran OR syria)"')).toEqual({ must: [[phrase(['iran', 'or', 'syria'])]], mustNot: [] });
  });

  it.each([
    ['(iran', /\( without a matching \)/],
    ['iran)', /\) without a matching \(/],
    ['headline:(iran speaker:rouhani)', /speaker: inside headline:\(/],
    ['(-iran) OR syria', /exclusion cannot be part of OR/],
    ['-(-iran)', /only excludes/],
    ['headline:()', /headline: needs a value/],
  ])('rejects %j', (input, reason) => {
    expect(queryError(input).reason).toMatch(reason);
  });
});

describe('on the index', () => {
  const home = mkdtempSync(join(tmpdir(), 'news-query-language-'));
  let index: ArticleIndex;
  const slugs = (query: string) =>
    searchIndex(index, query)
      .map((hit) => hit.article.slug)
      .sort();
  beforeAll(async () => {
    const dir = mkdtempSync(join(home, 'library-'));
    const files = {
      trump: ['Trump visits the harbour', 'Clinton was not there. Trade talks went on.'],
      clinton: ['Clinton on trade', 'Trump said nothing.'],
      both: ['Trade: what now', 'Trump and Clinton met at the harbour.'],
      other: ['Herring prices', 'Not a word about anyone.'],
    };
    const by: Record<string, string> = {
      trump: 'author: Jane Doe\ntags: [syria, world]\n',
      clinton: 'author: John Doe\ntags: [iran]\n',
      both: 'author: Jane Doe\ntags: [world]\n',
    };
    for (const [slug, [title, body]] of Object.entries(files)) {
      writeFileSync(join(dir, `${slug}.md`), `---\ntitle: ${JSON.stringify(title)}\n${by[slug] ?? ''}---\n\n${body}\n`);
    }
    index = await openUpdatedIndex({ XDG_CACHE_HOME: home }, [dir], () => {});
  });
  afterAll(() => {
    index.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('finds with headline:( … OR … ) what headline: OR headline: finds', () => {
    expect(slugs('headline:(trump OR clinton)')).toEqual(['clinton', 'trump']);
    expect(slugs('headline:(trump OR clinton)')).toEqual(slugs('headline:trump OR headline:clinton'));
  });

  it('runs AND and NOT as operators', () => {
    expect(slugs('trump AND clinton')).toEqual(['both', 'clinton', 'trump']);
    expect(slugs('trump NOT harbour')).toEqual(['clinton']);
    expect(slugs('not')).toEqual(['other', 'trump']);
  });

  it('runs groups with exclusions inside OR', () => {
    expect(slugs('(trade -harbour) OR herring')).toEqual(['clinton', 'other']);
    expect(slugs('harbour NOT (headline:trump OR headline:trade)')).toEqual([]);
    expect(slugs('clinton NOT headline:(trump OR now)')).toEqual(['clinton']);
  });

  it('finds by author: and tag:, in their own columns', () => {
    expect(toFtsQuery(parseQuery('author:"jane doe" tag:(iran OR syria)'))).toBe('author : "jane doe" AND (tags : "iran" OR tags : "syria")');
    expect(slugs('author:"jane doe"')).toEqual(['both', 'trump']);
    expect(slugs('author:"jane doe" tag:(iran OR syria)')).toEqual(['trump']);
    expect(slugs('tag:world -author:jane')).toEqual([]);
    expect(slugs('tag:iran')).toEqual(['clinton']);
    // A word of the author or a tag is not a word of the text.
    expect(slugs('syria')).toEqual([]);
  });

  it('writes a group as one parenthesised FTS5 expression', () => {
    expect(toFtsQuery(parseQuery('(trade -harbour) OR herring'))).toBe(
      '((({headline body} : "trade") NOT {headline body} : "harbour") OR {headline body} : "herring")',
    );
  });
});
