// What every command is handed: which folders make the library, the terminal
// facts and where warnings go; and what every command hands back: its output
// and the facts its exit status follows from. Commands return; main.ts writes.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Problem } from '../model.js';
import { assertSlug } from '../library/names.js';
import type { ArticleIndex } from '../index/article-index.js';
import { openUpdatedIndex } from '../index/open.js';
import type { Layout } from '../render/layout.js';
import { colorStyle, plainStyle } from '../render/style.js';
import { sanitize, sanitizeArticle, toJsonLine, type DisplayArticle, type JsonPiece } from '../text/sanitize.js';
import { nearest } from '../text/suggest.js';
import { slugFromPath } from '../parse/slug.js';
import { librarySetting, sourceLabel, type Config } from './config.js';
import { UsageError } from './errors.js';
import type { Tally } from './exit.js';
import { StatusLine } from './status-line.js';
import type { Output } from './output.js';
import { decideFormat, decideTerminal, type ColorMode, type FormatFlags, type FormatOf, type StreamFacts, type Terminal } from './terminal.js';

export interface Context {
  /** The folders articles are read from, in order. */
  roots: string[];
  /** The folder `news import` writes to. */
  importDir: string;
  env: NodeJS.ProcessEnv;
  /** The reader's version, as servers are told it. */
  version: string;
  stdout: StreamFacts;
  /** Where warnings and progress lines go: a progress line is drawn only on a terminal. */
  stderr: StreamFacts;
  color: ColorMode;
  /** The settings file, when there is one (config.ts). */
  config?: Config | null;
  /** Writes one line to stderr. */
  warn(line: string): void;
}

/** A command's output, and the facts its exit status follows from (exit.ts). */
export interface CommandResult extends Output {
  /**
   * For commands that look for something (search, quotes): how many they
   * found. Output made as it is written counts in a Tally as it goes, read
   * only once the output is written.
   */
  found?: number | Tally;
  /** How many of the names or files given could not be used: unknown slugs, invalid articles, files not imported. */
  failed?: number;
}

/**
 * The library folder named by --dir, else NEWS_DIR (an empty NEWS_DIR names
 * none), else the settings file's `library`, or undefined. A folder that is not there is a usage error, unless the
 * command makes it (`creates`: import); a file is an error for every command.
 */
export function namedLibrary(dir: string | undefined, env: NodeJS.ProcessEnv, creates: boolean, config?: Config | null): string | undefined {
  if (dir === '') throw new UsageError('--dir is empty: name a library folder');
  const named = librarySetting(dir, env, config);
  if (named.value === null) return undefined;
  const [source, path] = [sourceLabel(named.source, 'library'), named.value];
  let stats;
  try {
    stats = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${source} ${path}: ${code === 'ENOTDIR' ? 'no such folder' : `cannot be read (${code ?? (error as Error).message})`}`);
  }
  if (stats === undefined) {
    if (creates) return path;
    throw new UsageError(`${source} ${path}: no such folder`);
  }
  if (!stats.isDirectory()) throw new UsageError(`${source} ${path}: not a folder`);
  return path;
}

/** The form of a command's output, from its flags and stdout. */
export function formatFor<F extends FormatFlags>(ctx: Context, flags: F): FormatOf<F> {
  return decideFormat(flags, ctx.stdout);
}

export function terminalFor(ctx: Context, flags: { plain?: boolean; width?: number }): Terminal {
  return decideTerminal({ color: ctx.color, plain: flags.plain ?? false, width: flags.width, preferredWidth: ctx.config?.values.width }, ctx.env, ctx.stdout);
}

/** Builds the layout, loading colour and wrapping code only when they are used. */
export async function layoutFor(terminal: Terminal): Promise<Layout> {
  const style = terminal.color > 0 ? await colorStyle(terminal.color as 1 | 2 | 3) : plainStyle;
  let wrap: Layout['wrap'] = null;
  if (terminal.width !== null) {
    const { default: wrapAnsi } = await import('wrap-ansi');
    wrap = (text, width) => wrapAnsi(text, width, { hard: true, trim: true });
  }
  return { style, width: terminal.width, wrap, terminal: terminal.terminal };
}

export function problemLine(problem: Problem): string {
  return sanitize(`${problem.path}:${problem.line}: ${problem.message}`);
}

/** How long an update of the index runs before a progress line says so (`news index` says so at once). */
const PROGRESS_AFTER_MS = 1000;

/** A count with its thousands marked: 12,345. */
const counted = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/**
 * A progress line on stderr while the index is brought up to date, on a
 * terminal: how many files it has indexed, as the index tells it (a few
 * times a second), and the time it has taken, each second. Returns the warn
 * that clears it first, the index's progress hook (none off a terminal, so
 * that a build sends none), and what takes it away.
 */
function indexProgress(ctx: Context, atOnce: boolean): { warn: (line: string) => void; onProgress?: (files: number) => void; done: () => void } {
  if (!ctx.stderr.isTTY) return { warn: ctx.warn, done: () => {} };
  // The index is built on worker threads: this thread waits, and can take the line away on Ctrl-C.
  // A stopped update is rolled back, and a stopped build leaves the index as it was.
  const line = new StatusLine({ interrupt: true, stopped: 'indexing stopped; the next command brings the index up to date' });
  const started = Date.now();
  const room = Math.max(20, (ctx.stderr.columns ?? 80) - 1);
  const label = sanitize(`indexing ${ctx.roots.join(', ')}`);
  // Display width is measured with Unicode tables that cost start-up time: loaded here, on a terminal only, and
  // until they are in, the line is cut by characters.
  let cut = (text: string, width: number): string => Array.from(text).slice(0, width).join('');
  void import('../text/width.js').then((width) => (cut = width.truncate));
  let files = 0;
  let shown = false;
  const draw = () => {
    const seconds = Math.floor((Date.now() - started) / 1000);
    const parts = [...(files > 0 ? [`${counted(files)} file${files === 1 ? '' : 's'}`] : []), ...(seconds > 0 ? [`${seconds} s`] : [])];
    // A long library path is cut, not the count and time after it.
    const tail = parts.length > 0 ? ` ${parts.join(', ')}` : '';
    line.show(cut(`${label}…`, Math.max(10, room - tail.length)) + tail);
  };
  let every: NodeJS.Timeout | undefined;
  const start = () => {
    shown = true;
    draw();
    every = setInterval(draw, 1000).unref();
  };
  const first = atOnce ? undefined : setTimeout(start, PROGRESS_AFTER_MS).unref();
  if (atOnce) start();
  return {
    warn: (text) => {
      line.clear();
      ctx.warn(text);
    },
    onProgress: (count) => {
      files = count;
      if (shown) draw();
    },
    done: () => {
      shown = false;
      clearTimeout(first);
      clearInterval(every);
      line.clear();
    },
  };
}

/**
 * The library's index, brought up to date with the files, after a warning on
 * stderr for each file that cannot be read as an article (once a run).
 * `progress`: a progress line from the start (`news index`), not only once
 * the update takes a while.
 */
export async function openLibrary(
  ctx: Context,
  options: { warnProblems?: boolean; full?: boolean; rebuild?: boolean; progress?: boolean } = {},
): Promise<ArticleIndex> {
  const { progress = false, ...update } = options;
  const shown = indexProgress(ctx, progress);
  let index;
  try {
    index = await openUpdatedIndex(ctx.env, ctx.roots, shown.warn, {
      ...update,
      workerScript: join(__dirname, 'parse-worker.cjs'),
      onProgress: shown.onProgress,
    });
  } finally {
    shown.done();
  }
  if (options.warnProblems !== false) {
    for (const problem of index.problems()) ctx.warn(`news: warning: ${problemLine(problem)} (skipped)`);
  }
  return index;
}

/**
 * Output lines made from the index's rows as they are written (see
 * CommandResult.more); the index is closed when they end or writing stops.
 */
export function* linesFrom<T>(index: ArticleIndex, rows: Iterable<T>, line: (row: T) => string | readonly JsonPiece[]): Generator<JsonPiece> {
  try {
    for (const row of rows) {
      const made = line(row);
      if (typeof made === 'string') yield made;
      else yield* made;
    }
  } finally {
    index.close();
  }
}

/** JSON Lines: the model itself, control characters escaped. */
export function jsonLines(articles: readonly Article[]): string {
  return articles.map((article) => toJsonLine(article) + '\n').join('');
}

/** Human-readable output only ever sees sanitised articles: the renderers take no other kind. */
export const forDisplay = (articles: readonly Article[]): DisplayArticle[] => articles.map(sanitizeArticle);

/**
 * The named articles, in the order asked. A name that is not an article is
 * reported with the nearest names (or the problem of its file) and skipped.
 */
export function readNamedArticles(ctx: Context, index: ArticleIndex, slugs: readonly string[]): { articles: Article[]; failed: string[] } {
  const articles: Article[] = [];
  const failed: string[] = [];
  let problems: Problem[] | null = null;
  let allSlugs: string[] | null = null;
  for (const slug of slugs) {
    try {
      assertSlug(slug);
    } catch (error) {
      ctx.warn(`news: ${sanitize((error as Error).message)}`);
      failed.push(slug);
      continue;
    }
    const article = index.get(slug);
    if (article) {
      articles.push(article);
      continue;
    }
    failed.push(slug);
    problems ??= index.problems();
    // A broken file was named in the warnings already.
    if (problems.some((p) => slugFromPath(p.path) === slug)) continue;
    allSlugs ??= index.slugs();
    const near = nearest(slug, allSlugs);
    const hint = near.length > 0 ? `; did you mean ${near.map((s) => `'${s}'`).join(' or ')}?` : '';
    ctx.warn(sanitize(`news: no article named '${slug}'${hint}`));
  }
  return { articles, failed };
}
