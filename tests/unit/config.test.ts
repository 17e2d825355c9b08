import { describe, expect, it } from 'vitest';
import { browserArgs, openableUrl, remoteWithoutDisplay, shellWords } from '../../src/cli/commands/open.js';
import { colorSetting, configPath, librarySetting, pagerSetting, parseConfig, widthSetting } from '../../src/cli/config.js';
import { UsageError } from '../../src/cli/errors.js';

const PATH = '/home/ada/.config/news/config.yml';

describe('parseConfig', () => {
  it('reads each setting with its line, sections included', async () => {
    const { config, warnings } = await parseConfig(
      'library: ~/news\nwidth: 72\npager: most\ncolor: never\nbrowser: firefox --new-tab %u\nupdate:\n  concurrency: 8\nfeed:\n  full-text: false\n',
      PATH,
      '/home/ada',
    );
    expect(warnings).toEqual([]);
    expect(config.values).toEqual({
      library: '/home/ada/news',
      width: 72,
      pager: 'most',
      color: 'never',
      browser: 'firefox --new-tab %u',
      'update.concurrency': 8,
      'feed.full-text': false,
    });
    expect(config.lines).toEqual({ library: 1, width: 2, pager: 3, color: 4, browser: 5, 'update.concurrency': 7, 'feed.full-text': 9 });
  });

  it('takes a relative library from the folder of the file', async () => {
    const { config } = await parseConfig('library: lib\n', PATH);
    expect(config.values.library).toBe('/home/ada/.config/news/lib');
  });

  it('reads an empty file as no settings', async () => {
    expect((await parseConfig('', PATH)).config.values).toEqual({});
    expect((await parseConfig('# nothing yet\n', PATH)).config.values).toEqual({});
  });

  it('warns of an unknown setting, with the nearest name', async () => {
    const { config, warnings } = await parseConfig('width: 80\n\ncolour: never\nupdate:\n  concurency: 2\n', PATH);
    expect(config.values).toEqual({ width: 80 });
    expect(warnings).toEqual([
      `${PATH}:3: unknown setting 'colour' (did you mean 'color'?)`,
      `${PATH}:5: unknown setting 'update.concurency' (did you mean 'update.concurrency'?)`,
    ]);
  });

  it.each([
    ['width: wide\n', `${PATH}:1: width must be a whole number, at least 20, not 'wide'`],
    ['pager: less\ncolor: sometimes\n', `${PATH}:2: color must be auto, always, never, not 'sometimes'`],
    ['update:\n  concurrency: 0\n', `${PATH}:2: update.concurrency must be a whole number, above 0, not 0`],
    ['feed:\n  full-text: yes please\n', `${PATH}:2: feed.full-text must be true or false, not 'yes please'`],
    ['library: [a, b]\n', `${PATH}:1: library must be a folder, not a list`],
    ['width: 80\npager: "less\n', `${PATH}:2: not valid YAML`],
    ['- width\n', `${PATH}:1: the settings must be "name: value" lines`],
    ['width: 80\nwidth: 90\n', `${PATH}:2: not valid YAML`],
  ])('refuses %j with its line and setting', async (source, message) => {
    const error = await parseConfig(source, PATH).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message.startsWith(message)).toBe(true);
  });
});

describe('where each setting comes from', () => {
  const config = {
    path: PATH,
    values: { library: '/lib', width: 72, pager: 'most', color: 'never' as const },
    lines: { library: 1, width: 2, pager: 3, color: 4 },
  };
  const file = (line: number) => ({ kind: 'config', path: PATH, line });

  it('the settings file is looked for in XDG_CONFIG_HOME, else ~/.config', () => {
    expect(configPath({ XDG_CONFIG_HOME: '/x', HOME: '/h' })).toBe('/x/news/config.yml');
    expect(configPath({ XDG_CONFIG_HOME: 'relative', HOME: '/h' })).toBe('/h/.config/news/config.yml');
    expect(configPath({})).toBeNull();
  });

  it('a flag, then the environment, then the file, then the default', () => {
    expect(librarySetting('/flag', { NEWS_DIR: '/env' }, config)).toEqual({ value: '/flag', source: { kind: 'flag', flag: '--dir' } });
    expect(librarySetting(undefined, { NEWS_DIR: '/env' }, config)).toEqual({ value: '/env', source: { kind: 'environment', variable: 'NEWS_DIR' } });
    expect(librarySetting(undefined, { NEWS_DIR: '' }, config)).toEqual({ value: null, source: { kind: 'environment', variable: 'NEWS_DIR' } });
    expect(librarySetting(undefined, {}, config)).toEqual({ value: '/lib', source: file(1) });
    expect(librarySetting(undefined, {}, null)).toEqual({ value: null, source: { kind: 'default' } });

    expect(colorSetting('always', { NO_COLOR: '1' }, config).value).toBe('always');
    expect(colorSetting(undefined, { NO_COLOR: '1' }, config)).toEqual({ value: 'auto', source: { kind: 'environment', variable: 'NO_COLOR' } });
    expect(colorSetting(undefined, {}, config)).toEqual({ value: 'never', source: file(4) });
    expect(colorSetting(undefined, {}, null)).toEqual({ value: 'auto', source: { kind: 'default' } });

    expect(widthSetting(100, config).value).toBe(100);
    expect(widthSetting(undefined, config)).toEqual({ value: 72, source: file(2) });
  });

  it('NEWS_PAGER, then PAGER, beat the file, as any environment variable does', () => {
    expect(pagerSetting(true, { NEWS_PAGER: 'more' }, config).value).toBeNull();
    expect(pagerSetting(false, { NEWS_PAGER: 'more', PAGER: 'pg' }, config).value).toBe('more');
    expect(pagerSetting(false, { PAGER: 'pg' }, config)).toEqual({ value: 'pg', source: { kind: 'environment', variable: 'PAGER' } });
    expect(pagerSetting(false, {}, config)).toEqual({ value: 'most', source: file(3) });
    expect(pagerSetting(false, { PAGER: 'pg' }, null).value).toBe('pg');
    expect(pagerSetting(false, { PAGER: 'cat' }, null).value).toBeNull();
    expect(pagerSetting(false, {}, null).value).toBe('less -FRX');
  });
});

describe('news open, its parts', () => {
  it('opens only http and https URLs, normalised', () => {
    expect(openableUrl('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(openableUrl(' http://example.org ')).toBe('http://example.org/');
    expect(openableUrl('javascript:alert(1)')).toBeNull();
    expect(openableUrl('file:///etc/passwd')).toBeNull();
    expect(openableUrl('--help')).toBeNull();
  });

  it('splits a command as a shell splits words, and puts the URL in as one word', () => {
    expect(shellWords(`firefox  --new-tab 'a b' "c \\"d\\"" e\\ f`)).toEqual(['firefox', '--new-tab', 'a b', 'c "d"', 'e f']);
    expect(shellWords(`x ''`)).toEqual(['x', '']);
    expect(() => shellWords(`x 'y`)).toThrow(UsageError);
    expect(browserArgs('firefox --new-tab %u', 'https://e.org/;rm -rf', '%u')).toEqual(['firefox', '--new-tab', 'https://e.org/;rm -rf']);
    expect(browserArgs('"my browser" -a', 'https://e.org/', '%u')).toEqual(['my browser', '-a', 'https://e.org/']);
    expect(browserArgs('w3m --url=%s', 'https://e.org/', '%s')).toEqual(['w3m', '--url=https://e.org/']);
  });

  it('over SSH without a display there is no browser to open', () => {
    expect(remoteWithoutDisplay({ SSH_CONNECTION: '1 2 3 4' })).toBe(true);
    expect(remoteWithoutDisplay({ SSH_CONNECTION: '1 2 3 4', DISPLAY: ':0' })).toBe(false);
    expect(remoteWithoutDisplay({ SSH_CONNECTION: '1 2 3 4', WAYLAND_DISPLAY: 'wayland-0' })).toBe(false);
    expect(remoteWithoutDisplay({})).toBe(false);
  });
});
