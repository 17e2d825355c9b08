import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { articleFile, library, news, onTerminal, ROOT, shell } from './helpers.js';

/** The largest of a few numbers (not Math.max(...): the lint refuses spreads into calls). */
const widest = (values: readonly number[]) => values.reduce((most, value) => Math.max(most, value), 0);

const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'article.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true });
const validate = ajv.compile(schema);
const validateHit = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schema', 'search-hit.schema.json'), 'utf8')));
const ESC = '\u001b';

function jsonLines(stdout: string): unknown[] {
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

function expectValid(objects: unknown[]): void {
  for (const object of objects) {
    expect(validate(object), JSON.stringify(validate.errors)).toBe(true);
  }
}

const world = library({
  'a-old.md': articleFile({ title: 'Old Harbour Story', date: '2013-05-01', section: 'Local', source: 'Coast Gazette' }, 'The harbour was quiet.'),
  'nested/b-new.md': articleFile(
    { title: 'Ministers Meet Over Trade', date: '2015-02-10', section: 'World', source: 'Daily Example' },
    'GENEVA (AP) — Ministers met on Monday.\n\n"We made progress on tariffs," the minister said.',
  ),
  'c-undated.md': articleFile({ title: 'Undated Feature', section: 'Culture' }, 'A feature about Zürich cafés.'),
  'd-mid.md': articleFile({ title: 'Trade Talks Resume', date: '2014-07-15', section: 'World', source: 'Daily Example' }, 'Trade talks resumed in Geneva.'),
});

describe('news list', () => {
  it('prints SLUG<TAB>DATE<TAB>HEADLINE when piped, newest first, undated last', () => {
    const run = news(['list', '--dir', world]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        'b-new\t2015-02-10\tMinisters Meet Over Trade',
        'd-mid\t2014-07-15\tTrade Talks Resume',
        'a-old\t2013-05-01\tOld Harbour Story',
        'c-undated\t\tUndated Feature',
        '',
      ].join('\n'),
    );
  });

  it('lists the bundled seed article by default', () => {
    expect(news(['list']).stdout).toBe('us-iran-is\t\tUS Informed Iran of Intent to Hit IS\n');
  });

  it('filters by section, source, dates and limit', () => {
    const slugs = (args: string[]) =>
      news(['list', '--dir', world, '--format', '{slug}', ...args])
        .stdout.trim()
        .split('\n');
    expect(slugs(['--section', 'world'])).toEqual(['b-new', 'd-mid']);
    expect(slugs(['--source', 'coast'])).toEqual(['a-old']);
    expect(slugs(['--since', '2014'])).toEqual(['b-new', 'd-mid']);
    expect(slugs(['--until', '2014-07-15'])).toEqual(['d-mid', 'a-old']);
    expect(slugs(['--since', '2014-01-01', '--until', '2014-12'])).toEqual(['d-mid']);
    expect(slugs(['--limit', '1'])).toEqual(['b-new']);
  });

  it("keeps a date's own day and offset in every filter, not the day in UTC", () => {
    const late = library({
      'late.md': articleFile({ title: 'Late Night Vote', date: '2016-03-01T23:30:00-05:00' }, 'The vote ran late.'),
      'early.md': articleFile({ title: 'Early Ferry', date: '2016-03-02T00:30:00+09:00' }, 'The ferry left early.'),
    });
    const slugs = (args: string[]) =>
      news(['list', '--dir', late, '--format', '{slug}', ...args])
        .stdout.trim()
        .split('\n');
    expect(slugs(['--until', '2016-03-01'])).toEqual(['late']);
    expect(slugs(['--since', '2016-03-02'])).toEqual(['early']);
    expect(news(['list', '--dir', late, '--format', '{slug} {date}']).stdout).toContain('late 2016-03-01T23:30:00-05:00\n');
  });

  it('fills --format templates with any model field', () => {
    const run = news(['list', '--dir', world, '--format', '{date}|{section}|{dateline}|{headline}', '--limit', '1']);
    expect(run.stdout).toBe('2015-02-10|World|GENEVA (AP)|Ministers Meet Over Trade\n');
  });

  it('prints JSON Lines that match the schema, with every field present', () => {
    const objects = jsonLines(news(['list', '--dir', world, '--json']).stdout) as Array<Record<string, unknown>>;
    expect(objects).toHaveLength(4);
    expectValid(objects);
    expect(Object.keys(objects[0]!)).toEqual(['slug', 'headline', 'section', 'source', 'author', 'date', 'dateline', 'url', 'tags', 'body', 'quotes', 'path']);
    expect(objects[0]).toMatchObject({
      slug: 'b-new',
      dateline: { place: 'GENEVA', date: null, agency: 'AP' },
      body: ['Ministers met on Monday.', '"We made progress on tariffs," the minister said.'],
      quotes: [{ text: 'We made progress on tariffs', speaker: 'the minister', paragraph: 1 }],
      author: null,
    });
  });

  it('rejects bad option values as usage errors', () => {
    expect(news(['list', '--limit', 'ten']).status).toBe(2);
    expect(news(['list', '--since', 'last week']).status).toBe(2);
    expect(news(['list', '--format', '{nope}']).status).toBe(2);
    expect(news(['list', '--color', 'sometimes']).status).toBe(2);
  });

  it('aligns columns in colour on a terminal', () => {
    const run = onTerminal(['list', '--dir', world], { columns: 60 });
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(run.stdout).toContain(`${ESC}[`);
    const plain = lines.map((l) => l.replace(/\u001b\[[0-9;]*m/g, ''));
    expect(plain[0]).toBe('2015-02-10  b-new      Ministers Meet Over Trade');
    expect(plain[3]).toBe('            c-undated  Undated Feature');
  });
});

describe('news show', () => {
  it('prints the seed: headline, meta line, eleven paragraphs and its quotes', () => {
    const run = news(['show', 'us-iran-is']);
    expect(run.status).toBe(0);
    const [head, quotes] = run.stdout.split('\nQuotes\n');
    const blocks = head!.trim().split('\n\n');
    expect(blocks[0]).toBe('US Informed Iran of Intent to Hit IS\nFinancial Tribune (financialtribune.com) · National');
    expect(blocks).toHaveLength(12);
    expect(blocks[11]).toMatch(/^Leader of the Islamic Revolution Ayatollah Seyyed Ali Khamenei/);
    expect(
      quotes!
        .trim()
        .split('\n')
        .map((line) => line.slice(0, line.indexOf(':'))),
    ).toEqual([
      'the Iranian official',
      'the Iranian official',
      'the senior US State Department official',
      'President Hassan Rouhani',
      'President Hassan Rouhani',
    ]);
  });

  it('gives the seed quotes and speakers in --json, valid against the schema', () => {
    const [article] = jsonLines(news(['show', 'us-iran-is', '--json']).stdout) as Array<{
      body: string[];
      quotes: Array<{ text: string; speaker: string | null; paragraph: number }>;
      date: unknown;
      dateline: unknown;
    }>;
    expectValid([article]);
    expect(article!.body).toHaveLength(11);
    expect(article!.date).toBeNull();
    expect(article!.dateline).toBeNull();
    const quotes = article!.quotes.map((q) => [q.text.slice(0, 30), q.speaker, q.paragraph]);
    expect(quotes).toEqual([
      ['Iran was concerned about Assad', 'the Iranian official', 3],
      ['This issue was first discussed', 'the Iranian official', 4],
      ['We communicated our intentions', 'the senior US State Department official', 6],
      ['The bombardment must have a ce', 'President Hassan Rouhani', 9],
      ["don't have any legal standing.", 'President Hassan Rouhani', 9],
    ]);
    for (const quote of article!.quotes) {
      expect(article!.body[quote.paragraph]).toContain(quote.text);
    }
  });

  it('prints the dateline on its own line', () => {
    const run = news(['show', 'b-new', '--dir', world]);
    expect(run.stdout.split('\n').slice(0, 4)).toEqual(['Ministers Meet Over Trade', 'GENEVA (AP)', 'Daily Example · World · 2015-02-10', '']);
  });

  it('shows several articles in the order asked', () => {
    const run = news(['show', 'd-mid', 'a-old', '--dir', world]);
    expect(run.stdout.indexOf('Trade Talks Resume')).toBeLessThan(run.stdout.indexOf('Old Harbour Story'));
  });

  it('says so and suggests the nearest slug for an unknown one, exit 1', () => {
    const run = news(['show', 'us-iran']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("news: no article named 'us-iran'; did you mean 'us-iran-is'?\n");
  });

  it('refuses names that point outside the library', () => {
    for (const slug of ['../../etc/passwd', '/etc/passwd', 'a\\b']) {
      const run = news(['show', slug]);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/not an article name/);
    }
  });

  it('is not wrapped when piped, and wrapped to --width when asked', () => {
    const piped = news(['show', 'us-iran-is']).stdout.split('\n');
    expect(widest(piped.map((l) => l.length))).toBeGreaterThan(200);
    const wrapped = news(['show', 'us-iran-is', '--width', '50']).stdout.split('\n');
    expect(widest(wrapped.map((l) => l.length))).toBeLessThanOrEqual(50);
  });

  it('on a terminal: wraps to the terminal width, colours, and sets quotes off', () => {
    const run = onTerminal(['show', 'us-iran-is', '--no-pager'], { columns: 72 });
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n').map((l) => l.replace(/\u001b\[[0-9;]*m/g, ''));
    expect(widest(lines.map((l) => [...l].length))).toBeLessThanOrEqual(72);
    expect(run.stdout).toContain(`${ESC}[36m"Iran was concerned`);
    expect(lines).toContain('Quotes');
  });

  it('on a terminal caps the width at 100 columns', () => {
    const run = onTerminal(['show', 'us-iran-is', '--no-pager'], { columns: 200 });
    const lines = run.stdout.split('\n').map((l) => l.replace(/\u001b\[[0-9;]*m/g, ''));
    expect(widest(lines.map((l) => [...l].length))).toBe(100);
  });

  it('pages long output on a terminal through $NEWS_PAGER, and --plain gives plain text', () => {
    const paged = onTerminal(['show', 'us-iran-is'], { rows: 10, env: { NEWS_PAGER: "sed 's/^/PAGER: /'" } });
    expect(paged.stdout.split('\n')[0]).toMatch(/^PAGER: /);
    const plain = onTerminal(['show', 'us-iran-is', '--plain', '--no-pager'], { columns: 60 });
    expect(plain.stdout).not.toContain(ESC);
    expect(widest(plain.stdout.split('\n').map((l) => l.length))).toBeGreaterThan(60);
  });

  it('colours piped output only when asked', () => {
    expect(news(['show', 'us-iran-is']).stdout).not.toContain(ESC);
    expect(news(['show', 'us-iran-is'], { FORCE_COLOR: '1' }).stdout).toContain(`${ESC}[1mUS Informed Iran`);
    expect(news(['show', 'us-iran-is', '--color', 'always']).stdout).toContain(ESC);
    expect(news(['show', 'us-iran-is', '--color', 'never'], { FORCE_COLOR: '1' }).stdout).not.toContain(ESC);
    expect(onTerminal(['show', 'us-iran-is', '--no-pager'], { env: { NO_COLOR: '1' } }).stdout).not.toContain(ESC);
  });
});

describe('news search', () => {
  it('finds articles with every word, ranked, as SLUG<TAB>HEADLINE<TAB>SNIPPET', () => {
    const run = news(['search', '--dir', world, 'trade']);
    expect(run.status).toBe(0);
    const rows = run.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    // "Trade" in the headline and the body outranks the headline alone.
    expect(rows.map((r) => r[0])).toEqual(['d-mid', 'b-new']);
    expect(rows.every((r) => r.length === 3)).toBe(true);
  });

  it('matches possessives and ignores diacritics', () => {
    expect(news(['search', 'assad']).stdout).toMatch(/^us-iran-is\t/);
    expect(news(['search', '--dir', world, 'zurich']).stdout).toMatch(/^c-undated\t.*Zürich/);
  });

  it('understands phrases, exclusions, OR and field filters', () => {
    const slugs = (query: string) =>
      news(['search', '--dir', world, query])
        .stdout.trim()
        .split('\n')
        .map((l) => l.split('\t')[0]);
    expect(slugs('"trade talks"')).toEqual(['d-mid']);
    expect(slugs('trade -geneva')).toEqual(['b-new']);
    expect(slugs('harbour OR feature').sort()).toEqual(['a-old', 'c-undated']);
    expect(slugs('headline:ministers')).toEqual(['b-new']);
    expect(slugs('section:culture')).toEqual(['c-undated']);
    // speaker: finds people by name; "the minister" is a description.
    expect(news(['search', '--dir', world, 'speaker:minister'])).toMatchObject({ status: 1, stdout: '' });
    expect(news(['search', 'speaker:rouhani']).stdout).toMatch(/^us-iran-is\t/);
  });

  it('exits 1 with no output when nothing matches, 2 for a malformed query', () => {
    const none = news(['search', 'xylophone']);
    expect([none.status, none.stdout]).toEqual([1, '']);
    expect(news(['search', '-iran']).status).toBe(2);
  });

  it('prints each hit as a JSON line: the article, its score and its snippet', () => {
    const hits = jsonLines(news(['search', '--dir', world, 'trade', '--json', '--limit', '2']).stdout) as Array<{
      article: unknown;
      score: number;
      snippet: { text: string; highlights: Array<[number, number]> };
    }>;
    expect(hits).toHaveLength(2);
    for (const hit of hits) {
      expect(validateHit(hit), JSON.stringify(validateHit.errors)).toBe(true);
      expect(Object.keys(hit)).toEqual(['article', 'score', 'snippet']);
      expect(hit.score).toBeGreaterThan(0);
      const [start, end] = hit.snippet.highlights[0]!;
      expect(hit.snippet.text.slice(start, end).toLowerCase()).toBe('trade');
    }
    expectValid(hits.map((hit) => hit.article));
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
  });

  it('prints the hit of an article of megabytes whole, as show --json prints it, beside the others', () => {
    // Over 256 K characters of paragraphs: the index keeps it as printed, and search writes its bytes.
    const paragraphs = Array.from(
      { length: 400 },
      (_, i) => `Paragraph ${i} on the trade talks, "in quotes," said Jo Varga. ${'Tariffs and ports. '.repeat(40)}\u2028`,
    );
    const dir = library({
      'big.md': articleFile({ title: 'Trade at Length', date: '2015-02-11', url: 'https://example.org/big' }, paragraphs.join('\n\n')),
      'small.md': articleFile({ title: 'Trade in Brief', date: '2015-02-12' }, 'Trade talks went on.'),
    });
    const run = news(['search', '--dir', dir, 'trade', '--json']);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('\u2028');
    const hits = jsonLines(run.stdout) as Array<{ article: { slug: string; body: string[] } }>;
    expect(hits.map((hit) => hit.article.slug).sort()).toEqual(['big', 'small']);
    for (const hit of hits) {
      expect(validateHit(hit), JSON.stringify(validateHit.errors)).toBe(true);
      expect(hit.article).toEqual(jsonLines(news(['show', hit.article.slug, '--dir', dir, '--json']).stdout)[0]);
    }
    expect(hits.find((hit) => hit.article.slug === 'big')!.article.body).toHaveLength(400);
  });

  it('says on a terminal when the limit cut the list, and how to see the rest', () => {
    const run = onTerminal(['search', '--dir', world, 'trade', '--limit', '1', '--no-pager', '--color', 'never']);
    expect(run.stdout).toContain('1 of 2 shown; --all for every one, --limit N for more');
    expect(onTerminal(['search', '--dir', world, 'trade', '--no-pager', '--color', 'never']).stdout).not.toContain('shown;');
  });

  it('highlights the match on a terminal', () => {
    const run = onTerminal(['search', 'rouhani', '--no-pager']);
    expect(run.stdout).toMatch(/\u001b\[1m\u001b\[31mRouhani/);
  });
});

describe('news quotes', () => {
  const quoted = library({
    'talks.md': articleFile(
      { title: 'Talks Stall', date: '2015-03-01' },
      [
        'Senator Anna Lindqvist arrived on Monday.',
        '"We will not sign anything this week," Lindqvist said.',
        '"The text is not ready," said Tomas Berg, a negotiator.',
      ].join('\n\n'),
    ),
    'harbour.md': articleFile({ title: 'Harbour Reopens', date: '2014-01-01' }, '"It took four long years," the mayor said.'),
  });

  it('lists who said what across the library as SPEAKER<TAB>QUOTE<TAB>SLUG', () => {
    const run = news(['quotes', '--dir', quoted]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        'Senator Anna Lindqvist\tWe will not sign anything this week\ttalks',
        'Tomas Berg\tThe text is not ready\ttalks',
        'the mayor\tIt took four long years\tharbour',
        '',
      ].join('\n'),
    );
  });

  it('finds a person by any of the words they are named by', () => {
    for (const name of ['lindqvist', 'Anna Lindqvist', 'Mr. Lindqvist', 'senator lindqvist']) {
      expect(news(['quotes', '--dir', quoted, '--speaker', name]).stdout.split('\n')[0]).toMatch(/^Senator Anna Lindqvist\t/);
    }
    const none = news(['quotes', '--dir', quoted, '--speaker', 'Lindgren']);
    expect([none.status, none.stdout]).toEqual([1, '']);
    const nameless = news(['quotes', '--dir', quoted, '--speaker', '!?']);
    expect([nameless.status, nameless.stdout, nameless.stderr]).toEqual([2, '', 'news: --speaker needs a name with letters or digits in it\n']);
  });

  it('exits 1 with nothing printed when the library quotes no one', () => {
    const silent = library({ 'notice.md': articleFile({ title: 'Notice' }, 'The office is closed on Friday.') });
    expect(news(['quotes', '--dir', silent])).toMatchObject({ status: 1, stdout: '' });
  });

  it('lists the quotes of the given articles, as JSON Lines of articles with those quotes', () => {
    const objects = jsonLines(news(['quotes', 'talks', '--dir', quoted, '--speaker', 'berg', '--json']).stdout) as Array<{ slug: string; quotes: unknown[] }>;
    expectValid(objects);
    expect(objects.map((a) => [a.slug, a.quotes])).toEqual([
      ['talks', [{ text: 'The text is not ready', speaker: 'Tomas Berg', person: 'Tomas Berg', paragraph: 2 }]],
    ]);
  });

  it('gives the seed article its speakers', () => {
    const speakers = news(['quotes', 'us-iran-is'])
      .stdout.trim()
      .split('\n')
      .map((l) => l.split('\t')[0]);
    expect(speakers).toEqual([
      'the Iranian official',
      'the Iranian official',
      'the senior US State Department official',
      'President Hassan Rouhani',
      'President Hassan Rouhani',
    ]);
  });
});

describe('news check', () => {
  it('passes a valid library', () => {
    const run = news(['check', '--dir', world]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('prints FILE:LINE: message for each problem and exits 1', () => {
    const dir = library({
      'good.md': articleFile({ title: 'Fine' }, 'Body.'),
      'bad-yaml.md': '---\ntitle: ok\nsection: [open\n---\nBody\n',
      'no-title.md': '---\nsection: x\n---\nBody\n',
      'bad-date.md': '---\ntitle: T\ndate: 2014-02-31\n---\nBody\n',
      'empty.md': '',
      'latin1.md': Buffer.from('---\ntitle: Caf\xe9\n---\n', 'latin1'),
    });
    const run = news(['check', '--dir', dir]);
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n').sort();
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(`${join(dir, 'bad-date.md')}:3: date "2014-02-31" is not an ISO 8601 date (YYYY-MM-DD)`);
    expect(lines[1]).toMatch(new RegExp(`^${join(dir, 'bad-yaml.md')}:[34]: invalid YAML`));
    expect(lines[2]).toBe(`${join(dir, 'empty.md')}:1: empty file: an article needs front matter with a title`);
    expect(lines[3]).toBe(`${join(dir, 'latin1.md')}:2: not valid UTF-8 text`);
    expect(lines[4]).toBe(`${join(dir, 'no-title.md')}:1: no title: front matter needs "title: ..."`);
    const json = news(['check', '--dir', dir, '--json']);
    expect(json.status).toBe(1);
    expect(jsonLines(json.stdout)).toContainEqual({ path: join(dir, 'empty.md'), line: 1, message: 'empty file: an article needs front matter with a title' });
  });
});

describe('news check and news list: one owner for a slug', () => {
  const two = () =>
    library({
      'x/a.md': articleFile({ title: 'From X', date: '2020-01-01' }, 'Body x.'),
      'y/a.md': articleFile({ title: 'From Y', date: '2020-01-01' }, 'Body y.'),
    });
  const listed = (dir: string) => (jsonLines(news(['list', '--dir', dir, '--json']).stdout) as Array<{ path: string }>).map((a) => a.path);
  const duplicates = (dir: string) => jsonLines(news(['check', '--dir', dir, '--json']).stdout);

  it('list shows the file check does not call a duplicate: the first in path order', () => {
    const dir = two();
    expect(listed(dir)).toEqual([join(dir, 'x/a.md')]);
    expect(duplicates(dir)).toEqual([{ path: join(dir, 'y/a.md'), line: 1, message: `slug "a" is already used by ${join(dir, 'x/a.md')}` }]);
  });

  it('whatever order the files came in', () => {
    const dir = library({ 'y/a.md': articleFile({ title: 'From Y', date: '2020-01-01' }, 'Body y.') });
    expect(listed(dir)).toEqual([join(dir, 'y/a.md')]);
    const later = library({ 'x/a.md': articleFile({ title: 'From X', date: '2020-01-01' }, 'Body x.') });
    renameSync(join(later, 'x'), join(dir, 'x'));
    expect(listed(dir)).toEqual([join(dir, 'x/a.md')]);
    expect(duplicates(dir)).toEqual([{ path: join(dir, 'y/a.md'), line: 1, message: `slug "a" is already used by ${join(dir, 'x/a.md')}` }]);
  });
});

describe('broken and hostile articles', () => {
  const hostile = library({
    'ok.md': articleFile({ title: 'A Fine Story' }, 'Nothing odd here.'),
    'broken.md': '---\ntitle: [unclosed\n---\nBody\n',
    'evil.md': articleFile(
      { title: '"Evil \\e]0;pwned\\a title \\e[2J"', section: '"\\e[31mred"' },
      'Body with \u001b]52;c;aGVsbG8=\u0007 clipboard, \u009b31m C1 and \u202e reversed. "Quoted \u001b[5mblink\u001b[0m words here," the attacker said.',
    ),
  });

  it('warns once naming the broken file, and goes on with the others', () => {
    const run = news(['list', '--dir', hostile]);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^news: warning: .*broken\.md:2: invalid YAML.*\(skipped\)$/)]);
    expect(news(['search', '--dir', hostile, 'story']).status).toBe(0);
    expect(news(['show', 'ok', '--dir', hostile]).status).toBe(0);
  });

  it('never lets escape sequences from articles reach the output', () => {
    const runs = [
      news(['list', '--dir', hostile]),
      news(['list', '--dir', hostile, '--format', '{headline} {section} {body}']),
      news(['show', 'evil', '--dir', hostile]),
      news(['show', 'evil', '--dir', hostile], { FORCE_COLOR: '1' }),
      news(['search', 'clipboard', '--dir', hostile]),
      onTerminal(['show', 'evil', '--dir', hostile, '--no-pager']),
      onTerminal(['search', 'clipboard', '--dir', hostile, '--no-pager']),
    ];
    for (const run of runs) {
      // Only the reader's own colour codes (SGR: ESC [ digits m) may appear.
      expect(run.stdout.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      expect(run.stdout).not.toContain(`${ESC}]`);
    }
    expect(runs[2]!.stdout).toContain('^[]0;pwned^G');
    expect(runs[2]!.stdout).toContain('<U+202E>');
  });

  it('keeps control characters in JSON, escaped', () => {
    const run = news(['show', 'evil', '--dir', hostile, '--json']);
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    const [article] = jsonLines(run.stdout) as Array<{ headline: string }>;
    expect(article!.headline).toBe(`Evil ${ESC}]0;pwned\u0007 title ${ESC}[2J`);
  });
});

describe('pipes, exit status and help', () => {
  it('ends quietly with status 0 when the reader of the pipe stops early', () => {
    const many = library(Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`a${i}.md`, articleFile({ title: `Story ${i}` }, 'Words. '.repeat(200))])));
    const list = shell(`set -o pipefail; news list --dir '${many}' | head -1`);
    expect([list.status, list.stderr, list.stdout.split('\n').length]).toEqual([0, '', 2]);
    const show = shell(`set -o pipefail; news show a1 a2 a3 --dir '${many}' | head -c 10`);
    expect([show.status, show.stderr, show.stdout]).toEqual([0, '', 'Story 1\n\nW']);
    const all = shell(`news list --dir '${many}' --json | wc -l`);
    expect(all.stdout.trim()).toBe('400');
  });

  it('gives status 2 for unknown commands and options', () => {
    const command = news(['lsit']);
    expect(command.status).toBe(2);
    expect(command.stderr).toMatch(/unknown command 'lsit'/);
    expect(command.stderr).toMatch(/list/);
    expect(news(['list', '--bogus']).status).toBe(2);
    expect(news(['show']).status).toBe(2);
  });

  it('leads help with examples, and prints the version', () => {
    const help = news(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout.startsWith('Examples:\n')).toBe(true);
    for (const command of ['list', 'show', 'search', 'quotes', 'check']) {
      const sub = news([command, '--help']);
      expect(sub.status).toBe(0);
      expect(sub.stdout.startsWith('Examples:\n')).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(news(['--version']).stdout.trim()).toBe(pkg.version);
  });

  it('reads NEWS_DIR, and --dir over it', () => {
    expect(news(['list', '--format', '{slug}'], { NEWS_DIR: world }).stdout.split('\n')[0]).toBe('b-new');
    expect(news(['list', '--format', '{slug}', '--dir', join(ROOT, 'articles')], { NEWS_DIR: world }).stdout).toBe('us-iran-is\n');
  });
});
