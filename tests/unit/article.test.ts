import { describe, expect, it } from 'vitest';
import { parseArticle, readArticle, ArticleError, slugFromPath } from '../../src/parse/article.js';

const article = (frontMatter: string, body = 'One paragraph.') => `---\n${frontMatter}\n---\n\n${body}\n`;

describe('parseArticle', () => {
  it('reads every front matter field into the model, unknown ones as null', () => {
    const parsed = parseArticle(
      article(
        [
          'title: Ministers Meet in Geneva',
          'section: World',
          'source: The Daily Example',
          'author: Jo Writer',
          'date: 2014-09-24',
          'url: https://example.com/a',
          'tags: [diplomacy, europe]',
        ].join('\n'),
        'First paragraph.\n\nSecond paragraph\ncontinues here.',
      ),
      'lib/world/ministers-meet.md',
    );
    expect(parsed).toEqual({
      slug: 'ministers-meet',
      headline: 'Ministers Meet in Geneva',
      section: 'World',
      source: 'The Daily Example',
      author: 'Jo Writer',
      date: '2014-09-24',
      dateline: null,
      url: 'https://example.com/a',
      tags: ['diplomacy', 'europe'],
      body: ['First paragraph.', 'Second paragraph continues here.'],
      quotes: [],
      path: 'lib/world/ministers-meet.md',
    });
  });

  it('gives null for every field the front matter does not name', () => {
    const parsed = parseArticle(article('title: Only a Title'), 'a.md');
    expect([parsed.section, parsed.source, parsed.author, parsed.date, parsed.dateline, parsed.url]).toEqual([null, null, null, null, null, null]);
    expect(parsed.tags).toEqual([]);
  });

  it('keeps date-times and quoted dates as written', () => {
    expect(parseArticle(article('title: T\ndate: 2014-09-24T10:30:00Z'), 'a.md').date).toBe('2014-09-24T10:30:00Z');
    expect(parseArticle(article("title: T\ndate: '2015-01-02'"), 'a.md').date).toBe('2015-01-02');
  });

  it('detects a wire dateline and takes it out of the first paragraph', () => {
    const parsed = parseArticle(article('title: T', 'LONDON, Sept. 24 (Reuters) - Markets fell.\n\nMore.'), 'a.md');
    expect(parsed.dateline).toEqual({ place: 'LONDON', date: 'Sept. 24', agency: 'Reuters' });
    expect(parsed.body).toEqual(['Markets fell.', 'More.']);
  });

  it('prefers the front matter dateline, as text or as a mapping', () => {
    const text = parseArticle(article('title: T\ndateline: PARIS (AFP)', 'WASHINGTON (AP) — Body.'), 'a.md');
    expect(text.dateline).toEqual({ place: 'PARIS', date: null, agency: 'AFP' });
    expect(text.body).toEqual(['WASHINGTON (AP) — Body.']);
    const mapping = parseArticle(article('title: T\ndateline: {place: ROME, date: May 3}'), 'a.md');
    expect(mapping.dateline).toEqual({ place: 'ROME', date: 'May 3', agency: null });
  });

  it('takes the front matter dateline out of the body when the body opens with it too', () => {
    const again = parseArticle(article('title: T\ndateline: HARBOURTON', 'HARBOURTON — The vote ran late.\n\nMore.'), 'a.md');
    expect(again.dateline).toEqual({ place: 'HARBOURTON', date: null, agency: null });
    expect(again.body).toEqual(['The vote ran late.', 'More.']);
    const withAgency = parseArticle(article('title: T\ndateline: Harbourton (Wire)', 'HARBOURTON (Wire) - Ferries ran.'), 'a.md');
    expect(withAgency.body).toEqual(['Ferries ran.']);
  });

  it('reads a UTF-8 byte order mark and CRLF line ends', () => {
    const parsed = parseArticle('\uFEFF---\r\ntitle: Windows File\r\n---\r\n\r\nLine one\r\nline two.\r\n', 'w.md');
    expect(parsed.headline).toBe('Windows File');
    expect(parsed.body).toEqual(['Line one line two.']);
  });

  it('shows only the real paragraphs of a body with reference definitions, footnotes and bracketed link text', () => {
    const body = [
      'The port authority [approved the plan [phase two] on Monday][plan], its chair said.[^1]',
      '',
      '"We waited long enough," said Ana Ruiz, the chair.',
      '',
      '[plan]: https://example.com/port/plan',
      '[^1]: "Nobody asked the fishermen," a trade group said in a statement.',
    ].join('\n');
    const parsed = parseArticle(article('title: Port Plan Approved', body), 'port-plan.md');
    expect(parsed.body).toEqual([
      'The port authority approved the plan [phase two] on Monday, its chair said.',
      '"We waited long enough," said Ana Ruiz, the chair.',
    ]);
    expect(parsed.quotes.map((q) => q.paragraph)).toEqual([1]);
  });

  it('reads front matter closed with "..."', () => {
    const parsed = parseArticle('---\ntitle: Dotted\nsection: World\n...\n\nThe body.\n', 'd.md');
    expect([parsed.headline, parsed.section, parsed.body]).toEqual(['Dotted', 'World', ['The body.']]);
  });

  it('reads YAML values as written: dates, times and words YAML 1.1 took for other types', () => {
    const parsed = parseArticle(article('title: 1:20\nsection: yes\nsource: 0o17\ndate: 2014-09-24 10:30'), 'a.md');
    expect([parsed.headline, parsed.section, parsed.date]).toEqual(['1:20', 'yes', '2014-09-24 10:30']);
  });

  it('does not evaluate front matter written in JavaScript', () => {
    const text = '---js\n{ title: (globalThis.hacked = true, "x") }\n---\nBody\n';
    expect(() => parseArticle(text, 'js.md')).toThrow(ArticleError);
    expect((globalThis as { hacked?: boolean }).hacked).toBeUndefined();
  });
});

describe('readArticle problems', () => {
  const problems = (text: string) => readArticle(text, 'bad.md').problems.map((p) => `${p.line}: ${p.message}`);

  it('names the line of invalid YAML', () => {
    const lineOf = (text: string) => problems(text).map((p) => p.split(': ')[0]);
    expect(problems('---\ntitle: ok\nsection: [unclosed\n---\nbody\n')[0]).toMatch(/^3: invalid YAML in front matter: \S/);
    expect(lineOf('---\ntitle: ok\nbad: : :\n  - x\n---\n')).toEqual(['3']);
    expect(lineOf('---\n\n# note\ntitle: a\ntitle: b\n---\n')).toEqual(['5']);
    // An unclosed quotation mark is found where the front matter ends.
    expect(lineOf('---\ntitle: "unterminated\nsection: x\n---\n')).toEqual(['3']);
    expect(lineOf('---\ntitle: a\nsection: b\n\tsource: c\n---\n')).toEqual(['4']);
    expect(lineOf('---\ntitle: a\nsection: x\nsource: *nowhere\n---\n')).toEqual(['4']);
  });

  it('refuses YAML tags that name other types, on their line', () => {
    expect(problems('---\ntitle: T\nsection: !!js/function "function () {}"\n---\n')).toEqual([
      '3: invalid YAML in front matter: Unresolved tag: tag:yaml.org,2002:js/function',
    ]);
    expect(problems('---\ntitle: T\n\nsource: !custom x\n---\n')).toEqual(['4: invalid YAML in front matter: Unresolved tag: !custom']);
  });

  it('reports a missing title, a title that is not text, and an empty title', () => {
    expect(problems(article('section: X'))).toEqual(['1: no title: front matter needs "title: ..."']);
    expect(problems(article('section: X\ntitle: [a, b]'))).toEqual(['3: title must be text, not a list']);
    expect(problems(article('title: "  "'))).toEqual(['2: title is empty']);
  });

  it('reports an invalid date on its line', () => {
    expect(problems(article('title: T\ndate: 2014-13-45'))).toEqual(['3: date "2014-13-45" is not an ISO 8601 date (YYYY-MM-DD)']);
    expect(problems(article('title: T\ndate: yesterday'))).toEqual(['3: date "yesterday" is not an ISO 8601 date (YYYY-MM-DD)']);
  });

  it('reports a date written as a list or a mapping, even one String() cannot convert', () => {
    // Found by tests/unit/properties.test.ts: String({toString: 1}) throws.
    expect(problems(article('title: T\ndate: {toString: 1}'))).toEqual(['3: date must be an ISO 8601 date (YYYY-MM-DD), not a mapping']);
    expect(problems(article('title: T\ndate: [2014-09-24]'))).toEqual(['3: date must be an ISO 8601 date (YYYY-MM-DD), not a list']);
  });

  it('reports empty files, binary files, missing and unclosed front matter', () => {
    expect(problems('')).toEqual(['1: empty file: an article needs front matter with a title']);
    expect(problems('---\ntitle: a\0b\n---\n')).toEqual(['1: binary file (NUL bytes): not an article']);
    expect(problems('Just text.\n')[0]).toMatch(/^1: no front matter/);
    expect(problems('---\ntitle: Never closed\n\nBody.\n')).toEqual(['1: front matter opened on line 1 is never closed with "---"']);
  });

  it('gives every problem of a file, not only the first', () => {
    expect(problems(article('title: T\ndate: nope\ntags: {a: 1}'))).toEqual([
      '3: date "nope" is not an ISO 8601 date (YYYY-MM-DD)',
      '4: tags must be a list of words',
    ]);
  });
});

describe('slugFromPath', () => {
  it('is the file name without .md, whatever the folder', () => {
    expect(slugFromPath('articles/world/2014/us-iran-is.md')).toBe('us-iran-is');
    expect(slugFromPath('C:\\news\\a-b.markdown')).toBe('a-b');
  });
});
