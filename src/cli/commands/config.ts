// `news config`: each setting in effect and where it comes from (a flag, the
// environment, the settings file and its line, or the default).
import { sanitize } from '../../text/sanitize.js';
import {
  browserSetting,
  colorSetting,
  concurrencySetting,
  configPath,
  DEFAULT_WIDTH_WORDS,
  fullTextSetting,
  librarySetting,
  pagerSetting,
  SETTING_NAMES,
  widthSetting,
  type Effective,
  type SettingName,
  type Source,
} from '../config.js';
import { formatFor, type CommandResult, type Context } from '../context.js';
import type { ColorMode } from '../terminal.js';

export interface ConfigFlags {
  /** --dir, when given. */
  dir?: string;
  /** --color, when given. */
  color?: ColorMode;
}

export interface ConfigReport {
  /** The settings file looked for, and whether it is there. */
  file: { path: string | null; exists: boolean };
  settings: Record<SettingName, Effective<unknown>>;
}

/** The settings in effect for this run, each with its source. */
export function configReport(ctx: Context, flags: ConfigFlags): ConfigReport {
  const { env, config } = ctx;
  const color = colorSetting(flags.color, env, config);
  // FORCE_COLOR or NO_COLOR decide in `auto`: shown as what they decide.
  if (color.source.kind === 'environment')
    color.value = color.source.variable === 'NO_COLOR' || env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false' ? 'never' : 'always';
  const settings: Record<SettingName, Effective<unknown>> = {
    library: librarySetting(flags.dir, env, config),
    width: widthSetting(undefined, config),
    pager: pagerSetting(false, env, config),
    color,
    browser: browserSetting(env, config, process.platform),
    'update.concurrency': concurrencySetting(config),
    'feed.full-text': fullTextSetting(undefined, config),
  };
  const path = config?.path ?? configPath(env);
  return { file: { path, exists: config !== null && config !== undefined }, settings };
}

function sourceWords(source: Source): string {
  switch (source.kind) {
    case 'flag':
      return `flag (${source.flag})`;
    case 'environment':
      return `environment (${source.variable})`;
    case 'config':
      return `config file (${source.path}:${source.line})`;
    case 'default':
      return 'default';
  }
}

function valueWords(name: SettingName, value: unknown, ctx: Context): string {
  if (value === null) {
    if (name === 'library') return ctx.roots.join(', ');
    if (name === 'width') return DEFAULT_WIDTH_WORDS;
    if (name === 'pager') return 'none';
  }
  return String(value);
}

export function configCommand(ctx: Context, options: { json?: boolean }, flags: ConfigFlags): CommandResult {
  const report = configReport(ctx, flags);
  if (formatFor(ctx, options) === 'json') return { stdout: JSON.stringify(report) + '\n' };
  const rows = SETTING_NAMES.map((name) => [name, valueWords(name, report.settings[name].value, ctx), sourceWords(report.settings[name].source)] as const);
  const file = `${report.file.path ?? 'no settings file (HOME is not set)'}${report.file.path !== null && !report.file.exists ? ' (not there)' : ''}`;
  if (!ctx.stdout.isTTY) {
    return { stdout: rows.map((row) => row.map(sanitize).join('\t') + '\n').join('') };
  }
  const nameWidth = rows.reduce((most, [name]) => Math.max(most, name.length), 0);
  const valueWidth = Math.min(
    40,
    rows.reduce((most, [, value]) => Math.max(most, value.length), 0),
  );
  const lines = rows.map(([name, value, source]) => `${name.padEnd(nameWidth)}  ${value.padEnd(valueWidth)}  ${source}`);
  return { stdout: sanitize(`settings file: ${file}\n\n${lines.join('\n')}\n`) };
}
