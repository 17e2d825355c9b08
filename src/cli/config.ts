// The settings file, $XDG_CONFIG_HOME/news/config.yml, and where each setting
// comes from: a flag, then the environment, then the file, then the default.
// Loaded by every command, so it costs a stat when there is no file: the YAML
// parser is loaded only to read one.
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { nearest } from '../text/suggest.js';
import { UsageError } from './errors.js';
import { COLOR_MODES, MAX_WIDTH, type ColorMode } from './terminal.js';

/** What each setting holds, once read from the file. */
export interface SettingValues {
  library: string;
  width: number;
  pager: string;
  color: ColorMode;
  browser: string;
  'update.concurrency': number;
  'feed.full-text': boolean;
}
export type SettingName = keyof SettingValues;

/** Each setting, what it is for and how its value is read; the order is the order `news config` prints them in. */
const SETTINGS: { [K in SettingName]: { about: string; read: (value: unknown) => SettingValues[K] } } = {
  library: { about: 'the library folder, as --dir', read: (value) => text(value, 'a folder') },
  width: { about: 'the widest a terminal layout wraps to', read: (value) => wholeNumber(value, 20, 'at least 20') },
  pager: { about: 'the pager for long output on a terminal ("" for none)', read: (value) => text(value, 'a command', true) },
  color: { about: 'when to colour the output', read: colorMode },
  browser: { about: 'the command `news open` runs (%u for the URL)', read: (value) => text(value, 'a command') },
  'update.concurrency': { about: 'how many requests `news update` makes at once', read: (value) => wholeNumber(value, 1, 'above 0') },
  'feed.full-text': { about: "whether `news feed add` fetches the page of a feed's summary-only entries", read: boolean },
};
export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];
/** The sections of the file: `update:` holds `concurrency:`. */
const SECTIONS = new Set(SETTING_NAMES.filter((name) => name.includes('.')).map((name) => name.split('.')[0]!));

/** A value of the wrong kind; the message says what was expected. */
class BadValue extends Error {}

const shown = (value: unknown) =>
  typeof value === 'string'
    ? `'${value}'`
    : value === null
      ? 'nothing'
      : Array.isArray(value)
        ? 'a list'
        : typeof value === 'object'
          ? 'a mapping'
          : String(value);

function text(value: unknown, what: string, emptyAllowed = false): string {
  if (typeof value !== 'string' || (!emptyAllowed && value.trim() === '')) throw new BadValue(`must be ${what}, not ${shown(value)}`);
  return value;
}

function wholeNumber(value: unknown, least: number, words: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < least) throw new BadValue(`must be a whole number, ${words}, not ${shown(value)}`);
  return value;
}

function colorMode(value: unknown): ColorMode {
  if (typeof value !== 'string' || !(COLOR_MODES as readonly string[]).includes(value))
    throw new BadValue(`must be ${COLOR_MODES.join(', ')}, not ${shown(value)}`);
  return value as ColorMode;
}

function boolean(value: unknown): boolean {
  if (typeof value !== 'boolean') throw new BadValue(`must be true or false, not ${shown(value)}`);
  return value;
}

/** The settings a file gives, and the line each is on. */
export interface Config {
  path: string;
  values: Partial<SettingValues>;
  lines: Partial<Record<SettingName, number>>;
}

/** `$XDG_CONFIG_HOME/news/config.yml`, else `~/.config/news/config.yml` (a relative XDG_CONFIG_HOME is ignored); null without either. */
export function configPath(env: NodeJS.ProcessEnv): string | null {
  const xdg = env.XDG_CONFIG_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'news', 'config.yml');
  return env.HOME ? join(env.HOME, '.config', 'news', 'config.yml') : null;
}

/**
 * Reads the settings of a file's text. Throws UsageError naming `PATH:LINE`
 * and the setting for YAML that cannot be read or a value of the wrong kind;
 * a key that is no setting is a warning. A library folder is taken from the
 * home folder (`~/`) or the file's folder.
 */
export async function parseConfig(source: string, path: string, home?: string): Promise<{ config: Config; warnings: string[] }> {
  const { isMap, isScalar, parseDocument } = await import('yaml');
  // An error at the end of the text (a quote never closed) is on its last line, not the empty one after it.
  const lineAt = (offset: number) => source.slice(0, Math.min(offset, source.trimEnd().length)).split('\n').length;
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error !== undefined)
    throw new UsageError(`${path}:${lineAt(error.pos[0])}: not valid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  const config: Config = { path, values: {}, lines: {} };
  const warnings: string[] = [];
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return { config, warnings };
  if (!isMap(doc.contents)) throw new UsageError(`${path}:${lineAt(doc.contents.range?.[0] ?? 0)}: the settings must be "name: value" lines`);
  const unknown = (name: string, line: number, section: string | null) => {
    const names = section === null ? [...SETTING_NAMES, ...SECTIONS] : SETTING_NAMES.filter((n) => n.startsWith(`${section}.`));
    const near = nearest(name, names).slice(0, 1);
    warnings.push(`${path}:${line}: unknown setting '${name}'${near.length > 0 ? ` (did you mean '${near[0]}'?)` : ''}`);
  };
  const take = (items: typeof doc.contents.items, section: string | null) => {
    for (const pair of items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyNode = pair.key as { range?: [number, number, number] } | null;
      const line = lineAt(keyNode?.range?.[0] ?? 0);
      const name = section === null ? key : `${section}.${key}`;
      if (section === null && SECTIONS.has(key)) {
        if (isMap(pair.value)) take(pair.value.items, key);
        else if (!(isScalar(pair.value) && pair.value.value === null))
          throw new UsageError(
            `${path}:${line}: ${key} must be a mapping of settings (${SETTING_NAMES.filter((n) => n.startsWith(`${key}.`))
              .map((n) => n.split('.')[1])
              .join(', ')})`,
          );
        continue;
      }
      if (!Object.hasOwn(SETTINGS, name)) {
        unknown(name, line, section);
        continue;
      }
      const setting = name as SettingName;
      const value = isScalar(pair.value) ? pair.value.value : ((pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null);
      try {
        let read: unknown = SETTINGS[setting].read(value);
        if (setting === 'library') read = libraryPath(read as string, path, home);
        (config.values as Record<string, unknown>)[setting] = read;
        config.lines[setting] = line;
      } catch (thrown) {
        if (!(thrown instanceof BadValue)) throw thrown;
        throw new UsageError(`${path}:${line}: ${setting} ${thrown.message}`);
      }
    }
  };
  take(doc.contents.items, null);
  return { config, warnings };
}

function libraryPath(value: string, file: string, home: string | undefined): string {
  if ((value === '~' || value.startsWith('~/')) && home) return join(home, value.slice(1));
  return resolve(dirname(file), value);
}

/**
 * The settings file, or null when there is none: the file is looked for
 * first, and read (and the YAML parser loaded) only when it is there.
 * Warnings (unknown settings) go to `warn`.
 */
export async function loadConfig(env: NodeJS.ProcessEnv, warn: (line: string) => void): Promise<Config | null> {
  const path = configPath(env);
  if (path === null) return null;
  let stats;
  try {
    stats = statSync(path, { throwIfNoEntry: false });
  } catch {
    return null;
  }
  if (stats === undefined || !stats.isFile()) return null;
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const { config, warnings } = await parseConfig(source, path, env.HOME);
  for (const line of warnings) warn(`news: ${line}`);
  return config;
}

/** Where a setting's value came from. */
export type Source =
  { kind: 'flag'; flag: string } | { kind: 'environment'; variable: string } | { kind: 'config'; path: string; line: number } | { kind: 'default' };

export interface Effective<T> {
  value: T;
  source: Source;
}

const fromFile = <K extends SettingName>(config: Config | null | undefined, name: K): Effective<SettingValues[K]> | undefined => {
  const value = config?.values[name];
  return value === undefined ? undefined : { value: value as SettingValues[K], source: { kind: 'config', path: config!.path, line: config!.lines[name] ?? 1 } };
};

/** Where the named library folder is said, for messages: `--dir`, `NEWS_DIR` or `PATH:LINE: library`. */
export function sourceLabel(source: Source, name: string): string {
  switch (source.kind) {
    case 'flag':
      return source.flag;
    case 'environment':
      return source.variable;
    case 'config':
      return `${source.path}:${source.line}: ${name}`;
    case 'default':
      return name;
  }
}

/** The library folder named: --dir, then NEWS_DIR (empty: none, the default), then the file; null for the default (the bundled articles and the user's library). */
export function librarySetting(dir: string | undefined, env: NodeJS.ProcessEnv, config: Config | null | undefined): Effective<string | null> {
  if (dir !== undefined) return { value: dir, source: { kind: 'flag', flag: '--dir' } };
  if (env.NEWS_DIR !== undefined) return { value: env.NEWS_DIR === '' ? null : env.NEWS_DIR, source: { kind: 'environment', variable: 'NEWS_DIR' } };
  return fromFile(config, 'library') ?? { value: null, source: { kind: 'default' } };
}

/**
 * The colour mode: --color, then FORCE_COLOR or NO_COLOR (which decide in
 * `auto`, see terminal.ts), then the file, then `auto`.
 */
export function colorSetting(flag: ColorMode | undefined, env: NodeJS.ProcessEnv, config: Config | null | undefined): Effective<ColorMode> {
  if (flag !== undefined) return { value: flag, source: { kind: 'flag', flag: '--color' } };
  for (const variable of ['FORCE_COLOR', 'NO_COLOR']) {
    if (env[variable] !== undefined && env[variable] !== '') return { value: 'auto', source: { kind: 'environment', variable } };
  }
  return fromFile(config, 'color') ?? { value: 'auto', source: { kind: 'default' } };
}

/** The width to wrap to: --width, then the file (on a terminal, at most its width), else the terminal's width up to MAX_WIDTH; null: the default. */
export function widthSetting(flag: number | undefined, config: Config | null | undefined): Effective<number | null> {
  if (flag !== undefined) return { value: flag, source: { kind: 'flag', flag: '--width' } };
  return fromFile(config, 'width') ?? { value: null, source: { kind: 'default' } };
}

export const DEFAULT_PAGER = 'less -FRX';

/**
 * The pager: --no-pager, then NEWS_PAGER, then the file, then PAGER, then
 * `less -FRX`. PAGER, which every program reads, gives way to the file, as
 * git's core.pager does; an empty command or `cat` means none (null).
 */
export function pagerSetting(noPager: boolean, env: NodeJS.ProcessEnv, config: Config | null | undefined): Effective<string | null> {
  const none = (command: string) => (command.trim() === '' || command.trim() === 'cat' ? null : command.trim());
  if (noPager) return { value: null, source: { kind: 'flag', flag: '--no-pager' } };
  if (env.NEWS_PAGER !== undefined) return { value: none(env.NEWS_PAGER), source: { kind: 'environment', variable: 'NEWS_PAGER' } };
  if (env.PAGER !== undefined) return { value: none(env.PAGER), source: { kind: 'environment', variable: 'PAGER' } };
  const file = fromFile(config, 'pager');
  if (file) return { value: none(file.value), source: file.source };
  return { value: DEFAULT_PAGER, source: { kind: 'default' } };
}

/** What `news open` runs: the file's browser, then $BROWSER, then the system's opener; see commands/open.ts. */
export function browserSetting(env: NodeJS.ProcessEnv, config: Config | null | undefined, platform: NodeJS.Platform): Effective<string> {
  const file = fromFile(config, 'browser');
  if (file) return file;
  if (env.BROWSER !== undefined && env.BROWSER.trim() !== '') return { value: env.BROWSER, source: { kind: 'environment', variable: 'BROWSER' } };
  return { value: platform === 'darwin' ? 'open' : 'xdg-open', source: { kind: 'default' } };
}

export const DEFAULT_CONCURRENCY = 4;

export function concurrencySetting(config: Config | null | undefined): Effective<number> {
  return fromFile(config, 'update.concurrency') ?? { value: DEFAULT_CONCURRENCY, source: { kind: 'default' } };
}

/** Full text for a feed added: --no-full-text, then the file, then true. */
export function fullTextSetting(flag: boolean | undefined, config: Config | null | undefined): Effective<boolean> {
  if (flag === false) return { value: false, source: { kind: 'flag', flag: '--no-full-text' } };
  return fromFile(config, 'feed.full-text') ?? { value: true, source: { kind: 'default' } };
}

/** What a setting is for, for `news config`. */
export const aboutSetting = (name: SettingName): string => SETTINGS[name].about;

/** The width a terminal layout wraps to by default, for `news config`. */
export const DEFAULT_WIDTH_WORDS = `the terminal's, at most ${MAX_WIDTH}; none when piped`;
