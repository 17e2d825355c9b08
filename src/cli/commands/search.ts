import { parseQuery, QueryError } from '../../search/query.js';
import { FTS_WEIGHTS, toFtsQuery } from '../../search/fts.js';
import { renderSearchTerminal, renderSearchTsv, type DisplayHit } from '../../render/search.js';
import { sanitizeArticle, sanitizeHighlighted } from '../../text/sanitize.js';
import { jsonLines, layoutFor, openLibrary, terminalFor, type CommandResult, type Context } from '../context.js';
import { EXIT, UsageError } from '../errors.js';

/** Results shown unless --limit or --all says otherwise: the best ones, as a search engine shows. */
export const DEFAULT_LIMIT = 20;

export interface SearchOptions {
  json?: boolean;
  limit?: number;
  all?: boolean;
  plain?: boolean;
  width?: number;
  pager?: boolean;
}

export async function search(ctx: Context, words: readonly string[], options: SearchOptions): Promise<CommandResult> {
  let query;
  try {
    query = parseQuery(words.join(' '));
  } catch (error) {
    if (error instanceof QueryError) throw new UsageError(error.message);
    throw error;
  }
  const index = await openLibrary(ctx);
  const limit = options.all ? null : (options.limit ?? DEFAULT_LIMIT);
  const hits = index.search(toFtsQuery(query), FTS_WEIGHTS, limit);
  index.close();
  const exitCode = hits.length > 0 ? EXIT.ok : EXIT.notFound;
  if (options.json) return { stdout: jsonLines(hits.map((h) => h.article)), exitCode };
  const shown: DisplayHit[] = hits.map((h) => ({ article: sanitizeArticle(h.article), snippet: sanitizeHighlighted(h.snippet) }));
  const layout = await layoutFor(terminalFor(ctx, options));
  const stdout = layout.terminal ? renderSearchTerminal(shown, layout) : renderSearchTsv(shown, layout.style);
  return { stdout, exitCode, pageable: options.pager !== false };
}
