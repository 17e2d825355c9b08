import type { Article } from '../../model.js';
import { compareArticles } from '../../library/files.js';
import { compileTemplate, TemplateError } from '../../render/fields.js';
import { UsageError } from '../errors.js';
import { renderListTsv } from '../../render/list.js';
import { fold } from '../../text/fold.js';
import { forDisplay, jsonLines, layoutFor, loadLibrary, terminalFor, type CommandResult, type Context } from '../context.js';

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

const contains = (value: string | null, wanted: string) => value !== null && fold(value).includes(fold(wanted));

/** The articles a list shows: filtered, newest first, then by slug. */
export function selectArticles(articles: readonly Article[], options: ListOptions): Article[] {
  const selected = articles.filter(
    (a) =>
      (options.section === undefined || contains(a.section, options.section)) &&
      (options.source === undefined || contains(a.source, options.source)) &&
      (options.since === undefined || (a.date !== null && a.date.slice(0, options.since.length) >= options.since)) &&
      (options.until === undefined || (a.date !== null && a.date.slice(0, options.until.length) <= options.until)),
  );
  selected.sort(compareArticles);
  return options.limit === undefined ? selected : selected.slice(0, options.limit);
}

export async function list(ctx: Context, options: ListOptions): Promise<CommandResult> {
  let render: ((article: Article) => string) | null = null;
  try {
    if (options.format !== undefined) render = compileTemplate(options.format);
  } catch (error) {
    if (error instanceof TemplateError) throw new UsageError(error.message);
    throw error;
  }
  const articles = selectArticles(loadLibrary(ctx), options);
  if (options.json) return { stdout: jsonLines(articles), exitCode: 0 };
  const shown = forDisplay(articles);
  if (render) return { stdout: shown.map((a) => render(a) + '\n').join(''), exitCode: 0 };
  const layout = await layoutFor(terminalFor(ctx, options));
  if (!layout.terminal) return { stdout: renderListTsv(shown, layout.style), exitCode: 0 };
  const { renderListTable } = await import('../../render/table.js');
  return { stdout: renderListTable(shown, layout), exitCode: 0, pageable: options.pager !== false };
}
