// The completion scripts, run by the shells themselves: bash calls the
// function it registers with COMP_WORDS and COMP_CWORD set, as on a TAB
// press; fish is asked with `complete -C`. Candidates are checked against
// commander's own command tree, so a command added anywhere is expected too.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandTree } from '../../src/cli/main.js';
import { articleFile, cleanEnv, library, news, ROOT } from './helpers.js';

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
const BASH = has('bash');
const FISH = has('fish');
const ZSH = has('zsh');

const lib = library({
  'alpha-one.md': articleFile({ title: 'Alpha one', date: '2014-09-24' }, 'First.'),
  'alpha-two.md': articleFile({ title: 'Alpha two', date: '2014-09-25' }, 'Second.'),
  'beta.md': articleFile({ title: 'Beta', date: '2014-09-26' }, 'Third.'),
});
mkdirSync(join(lib, '.news'));
writeFileSync(join(lib, '.news', 'feeds.json'), JSON.stringify({ version: 1, feeds: [{ name: 'harbour-news' }, { name: 'hill-times' }, { name: 'other' }] }));
// The index the slugs are read from: made as any command makes it.
expect(news(['list', '--dir', lib]).status).toBe(0);

const scripts = mkdtempSync(join(tmpdir(), 'news-completion-'));
const scriptFor = (shell: 'bash' | 'zsh' | 'fish') => {
  const run = news(['completion', shell]);
  expect(run.status).toBe(0);
  const file = join(scripts, `news.${shell}`);
  writeFileSync(file, run.stdout);
  return file;
};

/** Runs a shell with `news` (the built one) on the PATH. */
function inShell(shell: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(shell, args, {
    env: cleanEnv({ ...env, PATH: `${join(ROOT, 'bin')}:${process.env.PATH}` }),
    encoding: 'utf8',
    cwd: ROOT,
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout.split('\n').filter((line) => line !== '');
}

const topCommands = () =>
  commandTree()
    .commands.filter((command) => !(command as unknown as { _hidden: boolean })._hidden)
    .map((command) => command.name());

describe('news __complete', () => {
  it('prints the slugs of the index that start with a prefix, one a line', () => {
    const run = news(['__complete', 'slugs', 'alpha-', lib]);
    expect(run).toEqual({ stdout: 'alpha-one\nalpha-two\n', stderr: '', status: 0 });
  });

  it('reads the library of NEWS_DIR, and the feed list', () => {
    expect(news(['__complete', 'slugs', 'b'], { NEWS_DIR: lib }).stdout).toBe('beta\n');
    expect(news(['__complete', 'feeds', 'h', lib]).stdout).toBe('harbour-news\nhill-times\n');
  });

  it('answers nothing, quietly, where there is no index or feed list yet', () => {
    const empty = mkdtempSync(join(tmpdir(), 'news-empty-'));
    expect(news(['__complete', 'slugs', '', empty])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(news(['__complete', 'feeds', '', empty])).toEqual({ stdout: '', stderr: '', status: 0 });
  });
});

describe.skipIf(!BASH)('bash completion (skipped: bash is not installed)', () => {
  const script = BASH ? scriptFor('bash') : '';
  /** The candidates bash would offer for `words`, the last the one completed. */
  const complete = (words: string[], env: Record<string, string> = {}) => {
    const quoted = words.map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
    return inShell(
      'bash',
      ['--norc', '--noprofile', '-c', `source '${script}'; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _news; printf '%s\\n' "\${COMPREPLY[@]}"`],
      env,
    );
  };

  it('offers every command of the tree', () => {
    expect(new Set(complete(['news', '']))).toEqual(new Set([...topCommands(), 'help']));
    expect(complete(['news', 'comp'])).toEqual(['completion']);
    expect(complete(['news', 'feed', ''])).toEqual(expect.arrayContaining(['add', 'list', 'remove', 'import', 'export']));
  });

  it('offers options, with those every command shares', () => {
    expect(complete(['news', 'list', '--li'])).toEqual(['--limit']);
    expect(complete(['news', 'show', '--'])).toEqual(expect.arrayContaining(['--json', '--width', '--dir', '--color', '--help']));
  });

  it("offers an option's choices, given apart or after =", () => {
    expect(complete(['news', '--color', ''])).toEqual(['auto', 'always', 'never']);
    expect(complete(['news', 'list', '--color', '=', 'a'])).toEqual(['auto', 'always']);
    expect(complete(['news', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
  });

  it('offers the slugs of the library named by --dir or NEWS_DIR', () => {
    expect(complete(['news', '--dir', lib, 'show', 'alpha-'])).toEqual(['alpha-one', 'alpha-two']);
    expect(complete(['news', 'quotes', 'alpha-one', ''], { NEWS_DIR: lib })).toEqual(['alpha-one', 'alpha-two', 'beta']);
  });

  it('offers feed names for feed remove and update', () => {
    expect(complete(['news', 'feed', 'remove', '--dir', lib, 'h'])).toEqual(['harbour-news', 'hill-times']);
    expect(complete(['news', 'update', 'o'], { NEWS_DIR: lib })).toEqual(['other']);
  });
});

describe.skipIf(!FISH)('fish completion (skipped: fish is not installed)', () => {
  const script = FISH ? scriptFor('fish') : '';
  const complete = (line: string, env: Record<string, string> = {}) =>
    inShell('fish', ['--no-config', '-c', `source '${script}'; complete -C '${line.replace(/'/g, `\\'`)}'`], env).map((row) => row.split('\t')[0]);

  it('offers commands, with their descriptions', () => {
    expect(complete('news sh')).toEqual(['show']);
    expect(new Set(complete('news ').filter((name) => name !== 'help'))).toEqual(new Set(topCommands()));
  });

  it("offers options and an option's choices", () => {
    expect(complete('news list --li')).toEqual(['--limit']);
    expect(complete('news --color ').sort()).toEqual(['always', 'auto', 'never']);
    expect(complete('news --color=n')).toEqual(['--color=never']);
  });

  it('offers slugs and feed names of the library', () => {
    expect(complete(`news --dir ${lib} show alpha-`)).toEqual(['alpha-one', 'alpha-two']);
    expect(complete('news feed remove h', { NEWS_DIR: lib })).toEqual(['harbour-news', 'hill-times']);
  });
});

describe.skipIf(!ZSH)('zsh completion (skipped: zsh is not installed)', () => {
  it('is a script zsh can read', () => {
    inShell('zsh', ['-n', scriptFor('zsh')]);
  });

  // Outside a completion widget zsh has no compadd: a function of that name
  // prints what the script offers (the words after --, with any -P prefix),
  // and the script's _news runs with words and CURRENT as on a TAB press.
  const complete = (line: string, env: Record<string, string> = {}) => {
    const script = scriptFor('zsh');
    const program = [
      'compdef() { :; }',
      'compadd() { local prefix=""; while [[ $# -gt 0 && $1 != -- ]]; do if [[ $1 == -P ]]; then prefix=$2; shift; fi; shift; done; shift; for w in "$@"; do print -r -- "$prefix$w"; done; }',
      `source ${script}`,
      'words=(${=LINE}); [[ $LINE == *" " ]] && words+=("")',
      'CURRENT=${#words}; PREFIX=${words[CURRENT]}',
      '_news',
    ].join('\n');
    return inShell('zsh', ['-f', '-c', program], { ...env, LINE: line }).filter((word) => word.startsWith(line.split(' ').pop()!));
  };

  it('offers commands, options, option values, slugs and feed names', () => {
    expect(complete('news ')).toEqual(expect.arrayContaining(topCommands()));
    expect(complete('news list --so').sort()).toEqual(['--sort', '--source']);
    expect(complete('news --color ').sort()).toEqual(['always', 'auto', 'never']);
    expect(complete(`news --dir ${lib} show alpha-`)).toEqual(['alpha-one', 'alpha-two']);
    expect(complete('news feed remove h', { NEWS_DIR: lib })).toEqual(['harbour-news', 'hill-times']);
  });
});
