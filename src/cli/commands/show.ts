import { existsSync, readFileSync } from 'node:fs';
import type { Article } from '../../model.js';
import { ARTICLE_FILE } from '../../parse/slug.js';
import { renderArticles } from '../../render/show.js';
import { sanitize } from '../../text/sanitize.js';
import type { Output } from '../output.js';
import type { ShowOptions } from '../program.js';
import type { FormatOf } from '../terminal.js';
import { forDisplay, formatFor, jsonLines, layoutFor, openLibrary, readNamedArticles, terminalFor, type CommandResult, type Context } from '../context.js';

/**
 * `news show SLUG...`: the articles named, in the order named; a name that is
 * no article fails. A path to a Markdown file, or `-` for stdin, shows that
 * file as an article without the library. What is shown on a terminal is marked read; piped output
 * changes no state unless --mark-read asks it to.
 */
export async function show(ctx: Context, names: readonly string[], options: ShowOptions): Promise<CommandResult> {
  // A Markdown file named by its path, or `-` for one on stdin, is shown as it is, from outside the library (as bat and glow take files).
  const isFile = (name: string) => name === '-' || (ARTICLE_FILE.test(name) && (name.includes('/') || existsSync(name)));
  const slugs = names.filter((name) => !isFile(name));
  const outside = names.length > slugs.length ? await readFiles(ctx, names.filter(isFile)) : { articles: [], failed: [] };
  let named: { articles: Article[]; failed: string[] } = { articles: [], failed: [] };
  if (slugs.length > 0) {
    const index = await openLibrary(ctx);
    named = readNamedArticles(ctx, index, slugs);
    index.close();
  }
  // In the order named.
  const articles = names.flatMap((name) => {
    const list = isFile(name) ? outside.articles : named.articles;
    const at = list.findIndex((a) => (isFile(name) ? a.path === (name === '-' ? '-' : name) : a.slug === name));
    return at < 0 ? [] : list.splice(at, 1);
  });
  const failed = [...outside.failed, ...named.failed];
  const read = async (): Promise<Output> => ({
    stdout: renderArticles(forDisplay(articles), await layoutFor(terminalFor(ctx, options))),
    pageable: options.pager,
  });
  const output = {
    json: async () => ({ stdout: jsonLines(articles) }),
    plain: read,
    terminal: read,
  } satisfies Record<FormatOf<ShowOptions>, () => Promise<Output>>;
  const result = { ...(await output[formatFor(ctx, options)]()), failed: failed.length };
  // Only the library's articles have a read state.
  const inLibrary = articles.filter((a) => a.path !== '-' && !names.includes(a.path));
  if (options.markRead === true) (await import('../read-state.js')).mark(ctx, inLibrary, true);
  else if (ctx.stdout.isTTY && inLibrary.length > 0) (await import('../read-state.js')).markShown(ctx, inLibrary);
  return result;
}

/** Article files read as they are: a path, or `-` for stdin; a file that is no article is warned of, with its line. */
async function readFiles(ctx: Context, paths: readonly string[]): Promise<{ articles: Article[]; failed: string[] }> {
  const { readArticleFile } = await import('../../library/files.js');
  const { readArticle } = await import('../../parse/article.js');
  const articles: Article[] = [];
  const failed: string[] = [];
  for (const path of paths) {
    const { article, problems } = path === '-' ? readArticle(readFileSync(0, 'utf8'), '-') : readArticleFile(path);
    for (const p of problems) ctx.warn(sanitize(`news: ${p.path === '-' ? 'stdin' : p.path}:${p.line}: ${p.message}`));
    if (article === null) failed.push(path);
    else articles.push({ ...article, path });
  }
  return { articles, failed };
}
