import type { Article } from '../../model.js';
import { compileTemplate, TemplateError } from '../../render/fields.js';
import { UsageError } from '../errors.js';
import { renderListTsv } from '../../render/list.js';
import { forDisplay, jsonLines, layoutFor, openLibrary, terminalFor, type CommandResult, type Context } from '../context.js';

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
  const articles = index.list(options);
  index.close();
  if (options.json) return { stdout: jsonLines(articles), exitCode: 0 };
  const shown = forDisplay(articles);
  if (render) return { stdout: shown.map((a) => render(a) + '\n').join(''), exitCode: 0 };
  const layout = await layoutFor(terminalFor(ctx, options));
  if (!layout.terminal) return { stdout: renderListTsv(shown, layout.style), exitCode: 0 };
  const { renderListTable } = await import('../../render/table.js');
  return { stdout: renderListTable(shown, layout), exitCode: 0, pageable: options.pager !== false };
}
