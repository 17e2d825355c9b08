import { renderArticles } from '../../render/show.js';
import type { Output } from '../output.js';
import type { ShowOptions } from '../program.js';
import type { FormatOf } from '../terminal.js';
import { forDisplay, formatFor, jsonLines, layoutFor, openLibrary, readNamedArticles, terminalFor, type CommandResult, type Context } from '../context.js';

/**
 * `news show SLUG...`: the articles named, in the order named; a name that is
 * no article fails. What is shown on a terminal is marked read; piped output
 * changes no state unless --mark-read asks it to.
 */
export async function show(ctx: Context, slugs: readonly string[], options: ShowOptions): Promise<CommandResult> {
  const index = await openLibrary(ctx);
  const { articles, failed } = readNamedArticles(ctx, index, slugs);
  index.close();
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
  if (options.markRead === true) (await import('../read-state.js')).mark(ctx, articles, true);
  else if (ctx.stdout.isTTY) (await import('../read-state.js')).markShown(ctx, articles);
  return result;
}
