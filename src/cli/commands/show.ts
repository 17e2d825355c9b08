import type { Article } from '../../model.js';
import { findArticleFile, listArticleFiles, readArticleFile } from '../../library/files.js';
import { slugFromPath } from '../../parse/article.js';
import { renderArticles } from '../../render/show.js';
import { sanitize } from '../../text/sanitize.js';
import { nearest } from '../../text/suggest.js';
import { forDisplay, jsonLines, layoutFor, problemLine, terminalFor, type CommandResult, type Context } from '../context.js';
import { EXIT } from '../errors.js';

export interface ShowOptions {
  json?: boolean;
  plain?: boolean;
  width?: number;
  pager?: boolean;
}

/** Reads the named articles; names that are not found or not readable are reported and skipped. */
function readNamed(ctx: Context, slugs: readonly string[]): { articles: Article[]; failed: boolean } {
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

export async function show(ctx: Context, slugs: readonly string[], options: ShowOptions): Promise<CommandResult> {
  const { articles, failed } = readNamed(ctx, slugs);
  const exitCode = failed ? EXIT.notFound : EXIT.ok;
  if (options.json) return { stdout: jsonLines(articles), exitCode };
  const layout = await layoutFor(terminalFor(ctx, options));
  return { stdout: renderArticles(forDisplay(articles), layout), exitCode, pageable: options.pager !== false };
}
