import type { Article } from '../../model.js';
import { compileTemplate, TemplateError } from '../../render/fields.js';
import type { Format } from '../../render/format.js';
import { renderListTsv } from '../../render/list.js';
import { sanitizeArticle } from '../../text/sanitize.js';
import { UsageError } from '../errors.js';
import type { ListOptions } from '../program.js';
import { forDisplay, formatFor, jsonLines, layoutFor, linesFrom, openLibrary, terminalFor, type CommandResult, type Context } from '../context.js';

/** `news list`: every article, newest first, or those the filters leave. Finding none is no failure. */
export async function list(ctx: Context, options: ListOptions): Promise<CommandResult> {
  // Decided first: flags that cannot go together are a usage error before anything is read.
  const format = formatFor(ctx, options);
  let template: ((article: Article) => string) | null = null;
  try {
    // Compiled first: a bad template is a usage error, whatever else was asked.
    if (options.format !== undefined) {
      const fill = compileTemplate(options.format);
      template = (article) => fill(sanitizeArticle(article)) + '\n';
    }
  } catch (error) {
    if (error instanceof TemplateError) throw new UsageError(error.message);
    throw error;
  }
  const index = await openLibrary(ctx);
  // The read state is read only when it is used: for --unread, and on a terminal, where unread articles stand out.
  const readState = options.unread === true || format === 'terminal' ? await import('../read-state.js') : null;
  const isUnread = readState === null ? null : options.unread === true ? readState.unreadTest(ctx) : readState.unreadTestOrWarn(ctx);
  // With --unread, the limit counts unread articles: it is applied after they are picked.
  const articles = (): Iterable<Article> =>
    options.unread === true && isUnread !== null
      ? readState!.unreadOnly(index.eachArticle({ ...options, limit: undefined }), isUnread, options.limit)
      : index.eachArticle(options);
  // Lines for scripts are made an article at a time, as they are written.
  const lines = (line: (article: Article) => string): CommandResult => ({ stdout: '', more: linesFrom(index, articles(), line) });
  const output = {
    json: async () => lines((article) => jsonLines([article])),
    // --format was given: that is what makes the format 'template'.
    template: async () => lines(template!),
    plain: async () => {
      const { style } = await layoutFor(terminalFor(ctx, options));
      return lines((article) => renderListTsv([sanitizeArticle(article)], style));
    },
    terminal: async () => {
      const layout = await layoutFor(terminalFor(ctx, options));
      // The table's columns fit its widest entries, so it needs every row first;
      // the rows keep only what the table shows.
      const unread = new Set<string>();
      const rows = forDisplay(
        [...articles()].map((article) => {
          if (options.unread === true || isUnread!(article)) unread.add(article.slug);
          return { ...article, body: [], quotes: [] };
        }),
      );
      index.close();
      const { renderListTable } = await import('../../render/table.js');
      return { stdout: renderListTable(rows, layout, unread), pageable: options.pager };
    },
  } satisfies Record<Format, () => Promise<CommandResult>>;
  return output[format]();
}
