// What every command is handed: where the library is, the terminal facts and
// where warnings go. Commands return their output; main.ts writes it.
import type { Article, Problem } from '../model.js';
import { findArticleFile, listArticleFiles, loadArticles, readArticleFile } from '../library/files.js';
import { slugFromPath } from '../parse/article.js';
import { nearest } from '../text/suggest.js';
import type { Layout } from '../render/layout.js';
import { colorStyle, plainStyle } from '../render/style.js';
import { sanitize, sanitizeArticle, toJsonLine } from '../text/sanitize.js';
import { decideTerminal, type ColorMode, type StreamFacts, type Terminal } from './terminal.js';

export interface Context {
  /** The library folder articles are read from. */
  dir: string;
  env: NodeJS.ProcessEnv;
  stdout: StreamFacts;
  color: ColorMode;
  /** Writes one line to stderr. */
  warn(line: string): void;
}

export interface CommandResult {
  stdout: string;
  exitCode: number;
  /** Long output may go through a pager on a terminal. */
  pageable?: boolean;
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

/** Reads the library, warning once on stderr for each file that is skipped. */
export function loadLibrary(ctx: Context): Article[] {
  const { articles, problems } = loadArticles(ctx.dir);
  for (const problem of problems) ctx.warn(`news: warning: ${problemLine(problem)} (skipped)`);
  return articles;
}

/** JSON Lines: the model itself, control characters escaped. */
export function jsonLines(articles: readonly Article[]): string {
  return articles.map((article) => toJsonLine(article) + '\n').join('');
}

/** Human-readable output only ever sees sanitised articles. */
export const forDisplay = (articles: readonly Article[]): Article[] => articles.map(sanitizeArticle);

/** Reads the named articles; names that are not found or not readable are reported and skipped. */
export function readNamedArticles(ctx: Context, slugs: readonly string[]): { articles: Article[]; failed: boolean } {
  const articles: Article[] = [];
  let failed = false;
  let allSlugs: string[] | null = null;
  for (const slug of slugs) {
    let path: string | null;
    try {
      path = findArticleFile(ctx.dir, slug);
    } catch (error) {
      ctx.warn(`news: ${sanitize((error as Error).message)}`);
      failed = true;
      continue;
    }
    if (path === null) {
      allSlugs ??= listArticleFiles(ctx.dir).map(slugFromPath);
      const near = nearest(slug, allSlugs);
      const hint = near.length > 0 ? `; did you mean ${near.map((s) => `'${s}'`).join(' or ')}?` : '';
      ctx.warn(sanitize(`news: no article named '${slug}'${hint}`));
      failed = true;
      continue;
    }
    const { article, problems } = readArticleFile(path, ctx.dir);
    if (!article) {
      for (const problem of problems) ctx.warn(`news: ${problemLine(problem)}`);
      failed = true;
      continue;
    }
    articles.push(article);
  }
  return { articles, failed };
}

