// Terminal facts, decided once from flags, then the environment, then the
// stream; everything below receives them as plain values.
import type { Format } from '../render/format.js';
import { UsageError } from './errors.js';

export const COLOR_MODES = ['auto', 'always', 'never'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

export interface StreamFacts {
  isTTY: boolean;
  columns: number | undefined;
  rows: number | undefined;
}

export interface Terminal {
  /** stdout is a terminal and plain text was not asked for. */
  terminal: boolean;
  /** Colour level to use, or 0 for none. */
  color: 0 | 1 | 2 | 3;
  /** Width for wrapping, or null for none. */
  width: number | null;
  /** Screen height, when stdout is a terminal. */
  rows: number | null;
}

export const MAX_WIDTH = 100;

function forcedLevel(value: string): 0 | 1 | 2 | 3 {
  if (value === '0' || value === 'false') return 0;
  if (value === '2') return 2;
  if (value === '3') return 3;
  return 1;
}

function ttyLevel(env: NodeJS.ProcessEnv): 1 | 2 | 3 {
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (/-256(color)?$/i.test(env.TERM ?? '')) return 2;
  return 1;
}

/** Colour: --color wins; then FORCE_COLOR; then NO_COLOR; then is-a-terminal. */
export function decideColor(mode: ColorMode, env: NodeJS.ProcessEnv, stdout: StreamFacts): 0 | 1 | 2 | 3 {
  if (mode === 'never') return 0;
  if (mode === 'always') return env.FORCE_COLOR ? (Math.max(1, forcedLevel(env.FORCE_COLOR)) as 1 | 2 | 3) : ttyLevel(env);
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return forcedLevel(env.FORCE_COLOR);
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!stdout.isTTY || env.TERM === 'dumb') return 0;
  return ttyLevel(env);
}

export interface TerminalFlags {
  color: ColorMode;
  plain: boolean;
  width: number | undefined;
  /** The widest a terminal layout wraps to (the settings file's `width`), in place of MAX_WIDTH; --width wins. */
  preferredWidth?: number;
}

/** The output flags a command may have. */
export interface FormatFlags {
  json?: boolean;
  plain?: boolean;
  format?: string;
}

/** The formats a command's flags can ask for: templates only with a --format flag. */
export type FormatOf<F> = 'format' extends keyof F ? Format : Exclude<Format, 'template'>;

/** The terminal layout is for a terminal, unless plain text was asked for. */
const terminalLayout = (plain: boolean | undefined, stdout: StreamFacts) => stdout.isTTY && !plain;

/** --json or --format, then the terminal layout on a terminal unless --plain, else plain. */
export function decideFormat<F extends FormatFlags>(flags: F, stdout: StreamFacts): FormatOf<F> {
  if (flags.json && flags.format !== undefined) throw new UsageError('--json and --format cannot be used together');
  const format: Format = flags.json ? 'json' : flags.format !== undefined ? 'template' : terminalLayout(flags.plain, stdout) ? 'terminal' : 'plain';
  // 'template' only when `format` is set, and it is a key of F then.
  return format as FormatOf<F>;
}

export function decideTerminal(flags: TerminalFlags, env: NodeJS.ProcessEnv, stdout: StreamFacts): Terminal {
  const terminal = terminalLayout(flags.plain, stdout);
  let width: number | null = null;
  if (flags.width !== undefined) width = flags.width;
  else if (terminal) width = Math.min(flags.preferredWidth ?? MAX_WIDTH, stdout.columns && stdout.columns > 0 ? stdout.columns : 80);
  return {
    terminal,
    color: flags.plain && flags.color === 'auto' ? 0 : decideColor(flags.color, env, stdout),
    width,
    rows: stdout.isTTY && stdout.rows ? stdout.rows : null,
  };
}
