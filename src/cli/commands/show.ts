import { renderArticles } from '../../render/show.js';
import { forDisplay, jsonLines, layoutFor, openLibrary, readNamedArticles, terminalFor, type CommandResult, type Context } from '../context.js';
import { EXIT } from '../errors.js';

export interface ShowOptions {
  json?: boolean;
  plain?: boolean;
  width?: number;
  pager?: boolean;
}

export async function show(ctx: Context, slugs: readonly string[], options: ShowOptions): Promise<CommandResult> {
  const index = await openLibrary(ctx);
  const { articles, failed } = readNamedArticles(ctx, index, slugs);
  index.close();
  const exitCode = failed ? EXIT.notFound : EXIT.ok;
  if (options.json) return { stdout: jsonLines(articles), exitCode };
  const layout = await layoutFor(terminalFor(ctx, options));
  return { stdout: renderArticles(forDisplay(articles), layout), exitCode, pageable: options.pager !== false };
}
