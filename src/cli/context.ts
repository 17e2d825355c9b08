// What every command is handed: which folders make the library, the terminal
// facts and where warnings go; and what every command hands back: its output
// and the facts its exit status follows from. Commands return; main.ts writes.
import { join } from 'node:path';
import type { Article, Problem } from '../model.js';
import { assertSlug } from '../library/names.js';
import type { ArticleIndex } from '../index/article-index.js';
import { openUpdatedIndex } from '../index/open.js';
import type { Layout } from '../render/layout.js';
import { colorStyle, plainStyle } from '../render/style.js';
import { sanitize, sanitizeArticle, toJsonLine, type DisplayArticle } from '../text/sanitize.js';
import { nearest } from '../text/suggest.js';
import { slugFromPath } from '../parse/slug.js';
import type { Tally } from './exit.js';
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

/** The form of a command's output, from its flags and stdout. */
export function formatFor<F extends FormatFlags>(ctx: Context, flags: F): FormatOf<F> {
  return decideFormat(flags, ctx.stdout);
}

export function terminalFor(ctx: Context, flags: { plain?: boolean; width?: number }): Terminal {
  return decideTerminal({ color: ctx.color, plain: flags.plain ?? false, width: flags.width }, ctx.env, ctx.stdout);
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

/**
 * The library's index, brought up to date with the files, after a warning on
 * stderr for each file that cannot be read as an article (once a run).
 */
export async function openLibrary(ctx: Context, options: { warnProblems?: boolean; full?: boolean; rebuild?: boolean } = {}): Promise<ArticleIndex> {
  const index = await openUpdatedIndex(ctx.env, ctx.roots, ctx.warn, { ...options, workerScript: join(__dirname, 'parse-worker.cjs') });
  if (options.warnProblems !== false) {
    for (const problem of index.problems()) ctx.warn(`news: warning: ${problemLine(problem)} (skipped)`);
  }
  return index;
}

/**
 * Output lines made from the index's rows as they are written (see
 * CommandResult.more); the index is closed when they end or writing stops.
 */
export function* linesFrom<T>(index: ArticleIndex, rows: Iterable<T>, line: (row: T) => string): Generator<string> {
  try {
    for (const row of rows) yield line(row);
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
