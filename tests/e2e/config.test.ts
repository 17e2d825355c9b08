import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFile, library, news, onTerminal } from './helpers.js';

const ESC = '\u001b';

/** A folder to be XDG_CONFIG_HOME, with news/config.yml holding `text`; returns the folder and the file. */
function settings(text: string): { home: string; file: string } {
  const home = mkdtempSync(join(tmpdir(), 'news-config-'));
  mkdirSync(join(home, 'news'));
  const file = join(home, 'news', 'config.yml');
  writeFileSync(file, text);
  return { home, file };
}

const harbour = library({ 'harbour.md': articleFile({ title: 'Harbour Reopens', date: '2015-03-01' }, 'The harbour reopened.') });
const market = library({ 'market.md': articleFile({ title: 'Market Day', date: '2015-03-02' }, 'The market opened "at last," a trader said.') });

describe('the settings file', () => {
  it('names the library, and NEWS_DIR and then --dir win over it', () => {
    const { home } = settings(`# my news\nlibrary: ${harbour}\n`);
    const env = { XDG_CONFIG_HOME: home };
    expect(news(['list', '--format', '{slug}'], env).stdout).toBe('harbour\n');
    expect(news(['list', '--format', '{slug}'], { ...env, NEWS_DIR: market }).stdout).toBe('market\n');
    expect(news(['list', '--format', '{slug}', '--dir', market], env).stdout).toBe('market\n');
  });

  it('is found in ~/.config/news without XDG_CONFIG_HOME', () => {
    const user = mkdtempSync(join(tmpdir(), 'news-user-'));
    mkdirSync(join(user, '.config', 'news'), { recursive: true });
    writeFileSync(join(user, '.config', 'news', 'config.yml'), `library: ${harbour}\n`);
    expect(news(['list', '--format', '{slug}'], { HOME: user }).stdout).toBe('harbour\n');
  });

  it('sets the colour, and NO_COLOR and then --color win over it', () => {
    const { home } = settings('color: always\n');
    const env = { XDG_CONFIG_HOME: home };
    expect(news(['list', '--dir', harbour], env).stdout).toContain(ESC);
    expect(news(['list', '--dir', harbour], { ...env, NO_COLOR: '1' }).stdout).not.toContain(ESC);
    expect(news(['list', '--dir', harbour, '--color', 'never'], env).stdout).not.toContain(ESC);
    const never = settings('color: never\n');
    expect(news(['list', '--dir', harbour], { XDG_CONFIG_HOME: never.home, FORCE_COLOR: '1' }).stdout).toContain(ESC);
  });

  it('sets the width of a terminal layout, and --width wins over it', () => {
    const body = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const wide = library({ 'wide.md': articleFile({ title: 'Wide' }, body) });
    const { home } = settings('width: 40\npager: ""\n');
    const widest = (text: string) => text.split('\n').reduce((most, line) => Math.max(most, line.replace(/\u001b\[[0-9;]*m/g, '').length), 0);
    const run = onTerminal(['show', 'wide', '--dir', wide], { columns: 120, env: { XDG_CONFIG_HOME: home } });
    expect(run.status).toBe(0);
    expect(widest(run.stdout)).toBeLessThanOrEqual(40);
    expect(widest(onTerminal(['show', 'wide', '--dir', wide, '--width', '60'], { columns: 120, env: { XDG_CONFIG_HOME: home } }).stdout)).toBeGreaterThan(40);
  });

  it('a bad value is an error naming the file, its line and the setting: exit 2', () => {
    const { home, file } = settings('color: never\nwidth: wide\n');
    const run = news(['list', '--dir', harbour], { XDG_CONFIG_HOME: home });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`news: ${file}:2: width must be a whole number, at least 20, not 'wide'\n`);
  });

  it('YAML that cannot be read is an error with its line: exit 2', () => {
    const { home, file } = settings('color: never\npager: "less\n');
    const run = news(['list', '--dir', harbour], { XDG_CONFIG_HOME: home });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^news: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: not valid YAML: `));
  });

  it('a library named by the file that is not there is an error naming the line', () => {
    const { home, file } = settings('library: /no/such/folder\n');
    const run = news(['list'], { XDG_CONFIG_HOME: home });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`news: ${file}:1: library /no/such/folder: no such folder\n`);
  });

  it('an unknown setting is a warning, with the nearest name; the command runs', () => {
    const { home, file } = settings('width: 80\n\ncolour: never\n');
    const run = news(['list', '--dir', harbour], { XDG_CONFIG_HOME: home });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('harbour\t2015-03-01\tHarbour Reopens\n');
    expect(run.stderr).toBe(`news: ${file}:3: unknown setting 'colour' (did you mean 'color'?)\n`);
  });
});

describe('news config', () => {
  it('prints each setting, its value and where it comes from', () => {
    const { home, file } = settings(`library: ${harbour}\nwidth: 72\nbrowser: firefox %u\nupdate:\n  concurrency: 2\n`);
    const run = news(['config', '--color', 'never'], { XDG_CONFIG_HOME: home, PAGER: 'most' });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([
      `library\t${harbour}\tconfig file (${file}:1)`,
      `width\t72\tconfig file (${file}:2)`,
      'pager\tmost\tenvironment (PAGER)',
      'color\tnever\tflag (--color)',
      `browser\tfirefox %u\tconfig file (${file}:3)`,
      `update.concurrency\t2\tconfig file (${file}:5)`,
      'feed.full-text\ttrue\tdefault',
    ]);
  });

  it('--json: the file and each setting with its value and source', () => {
    const { home, file } = settings('color: always\nfeed:\n  full-text: false\n');
    const run = news(['config', '--json', '--dir', harbour], { XDG_CONFIG_HOME: home, NO_COLOR: '1' });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.file).toEqual({ path: file, exists: true });
    expect(report.settings).toEqual({
      library: { value: harbour, source: { kind: 'flag', flag: '--dir' } },
      width: { value: null, source: { kind: 'default' } },
      pager: { value: 'less -FRX', source: { kind: 'default' } },
      color: { value: 'never', source: { kind: 'environment', variable: 'NO_COLOR' } },
      browser: { value: 'xdg-open', source: { kind: 'default' } },
      'update.concurrency': { value: 4, source: { kind: 'default' } },
      'feed.full-text': { value: false, source: { kind: 'config', path: file, line: 3 } },
    });
  });

  it('without a settings file, every setting is its default', () => {
    const home = mkdtempSync(join(tmpdir(), 'news-config-'));
    const report = JSON.parse(news(['config', '--json'], { XDG_CONFIG_HOME: home }).stdout);
    expect(report.file).toEqual({ path: join(home, 'news', 'config.yml'), exists: false });
    for (const name of ['library', 'width', 'pager', 'color', 'update.concurrency', 'feed.full-text'])
      expect(report.settings[name].source).toEqual({ kind: 'default' });
  });
});
