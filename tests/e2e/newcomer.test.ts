// What a newcomer runs into first (issue 12): a missing pager, a wrong
// --dir, query words that look like options, error messages in one style,
// templates, Ctrl-C during progress, progress while indexing, forced colour.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFile, cleanEnv, library, NEWS, news, onTerminal, ROOT } from './helpers.js';

const ESC = '\u001b';
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

const world = library({
  'both.md': articleFile({ title: 'Obama Meets Trump', date: '2016-11-10', section: 'Politics', source: 'Daily Example' }, 'Obama and Trump met.'),
  'solo.md': articleFile(
    { title: 'Obama Speaks Alone', date: '2015-02-10', section: 'Politics', source: 'Daily Example' },
    'WASHINGTON (AP) — Obama spoke on Monday.\n\n"We made progress on tariffs," the president said.\n\n"We will stay," said Senator Jo Varga.',
  ),
});

const slugs = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t')[0]);

describe('a pager that cannot run', () => {
  it('is named in an error, and the output is written to the terminal all the same', () => {
    const run = onTerminal(['show', 'us-iran-is'], { rows: 10, env: { PAGER: 'nosuchpager' } });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("news: cannot run the pager 'nosuchpager'");
    expect(run.stdout).toContain('US Informed Iran of Intent to Hit IS');
    expect(run.stdout).toContain('Ayatollah Seyyed Ali Khamenei');
  });

  it('is not an error when it exits non-zero on its own (the user quit)', () => {
    const run = onTerminal(['show', 'us-iran-is'], { rows: 10, env: { PAGER: 'false' } });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('news:');
  });
});

describe('a library folder that is not there', () => {
  it('is a usage error naming it, from --dir or NEWS_DIR', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'news-gone-')), 'nonexistent');
    for (const [args, env, message] of [
      [['--dir', missing, 'list'], {}, `news: --dir ${missing}: no such folder`],
      [['check', '--dir', missing], {}, `news: --dir ${missing}: no such folder`],
      [['--dir', '/etc/passwd', 'check'], {}, 'news: --dir /etc/passwd: not a folder'],
      [['--dir', '', 'list'], {}, 'news: --dir is empty: name a library folder'],
      [['list'], { NEWS_DIR: missing }, `news: NEWS_DIR ${missing}: no such folder`],
    ] as const) {
      const run = news([...args], { ...env });
      expect(run.stderr, args.join(' ')).toBe(message + '\n');
      expect(run.stdout).toBe('');
      expect(run.status).toBe(2);
    }
  });

  it('is made by import', () => {
    const lib = join(mkdtempSync(join(tmpdir(), 'news-new-')), 'lib');
    const raw = mkdtempSync(join(tmpdir(), 'news-raw-'));
    writeFileSync(join(raw, 'a.txt'), 'Harbour Reopens\n\nThe harbour reopened.\n');
    const run = news(['import', '--dir', lib, raw]);
    expect(run.stdout).toBe('harbour-reopens\n');
    expect(run.status).toBe(0);
  });
});

describe('query words that start with -', () => {
  it('belong to the query, before or after the options', () => {
    for (const args of [
      ['obama', '-trump'],
      ['--limit', '5', 'obama', '-trump'],
      ['obama', '-trump', '--limit', '5'],
      ['obama', '--', '-trump'],
      ['-trump', 'obama'],
    ]) {
      const run = news(['search', '--dir', world, ...args]);
      expect(run.stderr, args.join(' ')).toBe('');
      expect(slugs(run.stdout), args.join(' ')).toEqual(['solo']);
      expect(run.status).toBe(0);
    }
  });

  it('are words even where they begin like a short option (-h, -V)', () => {
    const run = news(['search', '--dir', world, 'obama', '-hillary', '-Vladimir']);
    expect(run.stderr).toBe('');
    expect(slugs(run.stdout).sort()).toEqual(['both', 'solo']);
  });

  it('leave an unknown long option a usage error', () => {
    const run = news(['search', '--dir', world, 'obama', '--nosuch']);
    expect(run.stderr).toBe("news: unknown option '--nosuch'\n");
    expect(run.status).toBe(2);
  });
});

describe('news help COMMAND', () => {
  it('says a command is unknown, with a suggestion', () => {
    const run = news(['help', 'nosuch']);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("news: unknown command 'nosuch'\n");
    expect(run.status).toBe(2);
    expect(news(['help', 'lst']).stderr).toBe("news: unknown command 'lst'; did you mean 'list'?\n");
  });

  it('still shows the help of a command', () => {
    const run = news(['help', 'search']);
    expect(run.stdout).toContain('Usage: news search');
    expect(run.status).toBe(0);
  });
});

describe('error messages', () => {
  it('start with news: in lower case, with no full stop at the end', () => {
    const cases: Array<[string[], string]> = [
      [['list', '--nosuch'], "news: unknown option '--nosuch'"],
      [['lsit'], "news: unknown command 'lsit'; did you mean 'list'?"],
      [['list', '--limit', 'x'], "news: option '-n, --limit <n>' argument 'x' is invalid: limit must be a whole number above 0"],
      [['list', 'extra'], "news: too many arguments for 'list': expected 0 arguments but got 1"],
      [['search', '--', '-syria'], 'news: invalid query "-syria": it only excludes: add a word to search for, as in syria -iran'],
    ];
    for (const [args, line] of cases) {
      const run = news(args);
      expect(run.stderr.split('\n')[0], args.join(' ')).toBe(line);
      expect(run.status).toBe(2);
    }
  });
});

describe('--format', () => {
  it('refuses a brace left open, naming the template', () => {
    const run = news(['list', '--format', '{slug']);
    expect(run.stderr).toBe("news: unclosed { in --format '{slug' (write {{ for a brace)\n");
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
  });

  it('cannot be used with --json', () => {
    const run = news(['list', '--json', '--format', '{slug}']);
    expect(run.stderr).toBe('news: --json and --format cannot be used together\n');
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
  });
});

describe('Ctrl-C during a progress line', () => {
  it('takes the line away, says indexing stopped, and ends with status 130', () => {
    const raw = mkdtempSync(join(tmpdir(), 'news-raw-'));
    // Enough articles that the build outlasts the 0.8 s before Ctrl-C on a fast machine too.
    for (let i = 0; i < 12000; i++) writeFileSync(join(raw, `story-${i}.md`), articleFile({ title: `Story Number ${i}` }, `Body ${i}.`));
    const env = cleanEnv({ TERM: 'xterm', XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'news-cache-')) });
    // `news index` draws its line at once, and builds on worker threads for a while.
    const inner = `set -m; '${process.execPath}' '${NEWS}' index --rebuild --dir '${raw}' & pid=$!; sleep 0.8; kill -INT $pid; wait $pid; echo "status=$?"`;
    const result = spawnSync('script', ['-qfec', `bash -c '${inner.replace(/'/g, `'\\''`)}'`, '/dev/null'], { env, encoding: 'utf8', cwd: ROOT });
    const out = result.stdout;
    expect(out, JSON.stringify(out.slice(-300))).toContain('status=130');
    expect(out).not.toContain('news index: 12000 articles');
    // The last progress line drawn (the terminal of `script` is narrow: the label is cut).
    const lastLine = out.lastIndexOf(`\r${ESC}[Kindexing`);
    expect(lastLine).toBeGreaterThan(-1);
    // Drawn as \r ESC[K text: the line is taken away when a \r ESC[K follows the last one.
    expect(out.lastIndexOf(`\r${ESC}[K`)).toBeGreaterThan(lastLine);
    expect(out).toContain('news: indexing stopped; the next command brings the index up to date');
    expect(out.lastIndexOf('news: indexing stopped')).toBeGreaterThan(lastLine);
  });
});

describe('news index on a terminal', () => {
  it('shows a progress line while it builds, and takes it away', () => {
    const run = onTerminal(['index', '--rebuild', '--dir', world]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`\r${ESC}\\[Kindexing ${world.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(run.stdout).toMatch(new RegExp(`\r${ESC}\\[Knews index: 2 articles, built in`));
  });
});

describe('--color always in a pipe', () => {
  it("colours every styled field and keeps the pipe's layout", () => {
    for (const args of [['list'], ['show', 'solo', 'both'], ['search', 'obama'], ['quotes'], ['speakers']]) {
      const plain = news([...args, '--dir', world]);
      const colour = news([...args, '--dir', world, '--color', 'always']);
      expect(colour.stdout, args.join(' ')).toContain(ESC);
      expect(stripAnsi(colour.stdout), args.join(' ')).toBe(plain.stdout);
    }
    const show = news(['show', 'solo', '--dir', world, '--color', 'always']).stdout;
    // The quotation in the body and in the quotes section, as on a terminal.
    expect(show).toContain(`${ESC}[36m"We made progress on tariffs,"${ESC}[39m the president said.`);
    expect(show).toContain(`${ESC}[36m“We made progress on tariffs”${ESC}[39m`);
  });
});
