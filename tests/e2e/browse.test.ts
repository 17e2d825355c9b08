// `news browse` (and `news` alone on a terminal) with a fake fzf first on
// PATH: a script that records its arguments, what it was given to read and
// its environment, and picks a line as a user would.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFile, cleanEnv, library, news, onTerminal } from './helpers.js';

const lib = library({
  'alpha.md': articleFile({ title: 'Alpha Harbour Opens', date: '2014-03-01', source: 'Daily Example' }, 'The harbour opened on Monday.'),
  'bravo.md': articleFile({ title: 'Bravo Trade Deal', date: '2015-01-01' }, 'A deal was made.'),
  'charlie.md': articleFile({ title: 'Charlie Mango Fair', date: '2013-01-01' }, 'Mangoes arrived.'),
});

/** A folder holding a fake fzf that ends with `status`, printing line `pick` of its input (when 0). */
function fakeFzf(pick: number, status = 0): string {
  const dir = mkdtempSync(join(tmpdir(), 'news-fzf-'));
  const script = `#!/bin/sh
printf '%s\\n' "$@" > '${dir}/args'
cat > '${dir}/stdin'
printf '%s' "$NEWS_DIR" > '${dir}/news-dir'
sed -n '${pick}p' '${dir}/stdin'
exit ${status}
`;
  writeFileSync(join(dir, 'fzf'), script);
  chmodSync(join(dir, 'fzf'), 0o755);
  return dir;
}
// The Node running the tests first after fzf: bin/news starts with `env node`, and the compiled addon is for this Node.
const PATH = (dir: string) => `${dir}:${dirname(process.execPath)}:/usr/bin:/bin`;
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

describe('news browse', () => {
  it('pipes the plain list into fzf and shows the article picked', () => {
    const dir = fakeFzf(2);
    const run = news(['--dir', lib, 'browse'], { PATH: PATH(dir) });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(read(dir, 'stdin')).toBe(news(['--dir', lib, 'list', '--plain']).stdout);
    // The second line is alpha's: shown as `news show alpha` shows it.
    expect(run.stdout).toBe(news(['--dir', lib, 'show', 'alpha']).stdout);
    expect(read(dir, 'news-dir')).toBe(lib);
  });

  it('gives fzf the preview and the keys, each running news on the slug', () => {
    const dir = fakeFzf(1);
    news(['--dir', lib, 'browse'], { PATH: PATH(dir) });
    const args = read(dir, 'args').trimEnd().split('\n');
    const after = (flag: string) => args.filter((_, at) => args[at - 1] === flag);
    const [preview] = after('--preview');
    expect(preview).toMatch(/ show \{1\} --color always --width \$FZF_PREVIEW_COLUMNS$/);
    const binds = after('--bind');
    expect(binds).toContainEqual(expect.stringMatching(/^ctrl-o:execute-silent\(.* open \{1\}\)$/));
    expect(binds).toContainEqual(expect.stringMatching(/^ctrl-r:execute-silent\(.* mark read \{1\}\)/));
    // The preview runs: fzf puts the slug, quoted, for {1}.
    const command = preview!.replace('{1}', "'alpha'");
    const shown = spawnSync('sh', ['-c', command], { env: cleanEnv({ NEWS_DIR: lib, FZF_PREVIEW_COLUMNS: '40' }), encoding: 'utf8' });
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('\u001b[');
    expect(shown.stdout).toContain('Harbour');
  });

  it('takes --sort and --reverse', () => {
    const dir = fakeFzf(1);
    news(['--dir', lib, 'browse', '--sort', 'slug', '--reverse'], { PATH: PATH(dir) });
    expect(read(dir, 'stdin')).toBe(news(['--dir', lib, 'list', '--plain', '--sort', 'slug', '--reverse']).stdout);
  });

  it('ends quietly when fzf is left without a pick', () => {
    for (const status of [1, 130]) {
      const run = news(['--dir', lib, 'browse'], { PATH: PATH(fakeFzf(1, status)) });
      expect(run).toEqual({ stdout: '', stderr: '', status: 0 });
    }
  });

  it('without fzf, says so and how to install it', () => {
    const empty = mkdtempSync(join(tmpdir(), 'news-nofzf-'));
    const run = news(['--dir', lib, 'browse'], { PATH: empty });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^news: fzf is not on PATH, and `news browse` needs it: install it \(apt install fzf/);
  });
});

describe('news alone', () => {
  it('browses on a terminal', () => {
    const dir = fakeFzf(1);
    const run = onTerminal(['--dir', lib], { env: { PATH: PATH(dir) } });
    expect(run.stdout).toContain('Bravo Trade Deal');
    expect(read(dir, 'stdin')).toBe(news(['--dir', lib, 'list', '--plain']).stdout);
  });

  it('piped, prints the help and fails as before', () => {
    const dir = fakeFzf(1);
    const run = news(['--dir', lib], { PATH: PATH(dir) });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Usage: news/);
  });
});
