import type { Article } from '../../model.js';
import { compileTemplate, TemplateError } from '../../render/fields.js';
import { UsageError } from '../errors.js';
import { renderListTsv } from '../../render/list.js';
import { forDisplay, jsonLines, layoutFor, linesFrom, openLibrary, terminalFor, type CommandResult, type Context } from '../context.js';

export interface ListOptions {
  json?: boolean;
  format?: string;
  section?: string;
  source?: string;
  since?: string;
  until?: string;
  limit?: number;
  plain?: boolean;
  pager?: boolean;
}

export async function list(ctx: Context, options: ListOptions): Promise<CommandResult> {
  let render: ((article: Article) => string) | null = null;
  try {
    if (options.format !== undefined) render = compileTemplate(options.format);
  } catch (error) {
    if (error instanceof TemplateError) throw new UsageError(error.message);
    throw error;
  }
  const index = await openLibrary(ctx);
  // Lines for scripts are made an article at a time, as they are written.
  if (options.json) return { stdout: '', more: linesFrom(index, index.eachArticle(options), (article) => jsonLines([article])), exitCode: 0 };
  if (render) return { stdout: '', more: linesFrom(index, index.eachArticle(options), (article) => render(forDisplay([article])[0]!) + '\n'), exitCode: 0 };
  const layout = await layoutFor(terminalFor(ctx, options));
  if (!layout.terminal) {
    return { stdout: '', more: linesFrom(index, index.eachArticle(options), (article) => renderListTsv(forDisplay([article]), layout.style)), exitCode: 0 };
  }
  // The table's columns fit its widest entries, so it needs every row first;
  // the rows keep only what the table shows.
  const rows = forDisplay([...index.eachArticle(options)].map((article) => ({ ...article, body: [], quotes: [] })));
  index.close();
  const { renderListTable } = await import('../../render/table.js');
  return { stdout: renderListTable(rows, layout), exitCode: 0, pageable: options.pager !== false };
}
