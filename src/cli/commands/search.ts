import { parseQuery, QueryError } from '../../search/query.js';
import { FTS_WEIGHTS, toFtsQuery } from '../../search/fts.js';
import { renderSearchTerminal, renderSearchTsv, type DisplayHit } from '../../render/search.js';
import { sanitizeArticle, sanitizeHighlighted } from '../../text/sanitize.js';
import type { SearchHit } from '../../model.js';
import { jsonLines, layoutFor, linesFrom, openLibrary, terminalFor, type CommandResult, type Context } from '../context.js';
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
  const match = toFtsQuery(query);
  const display = (h: SearchHit): DisplayHit => ({ article: sanitizeArticle(h.article), snippet: sanitizeHighlighted(h.snippet) });
  const layout = options.json ? null : await layoutFor(terminalFor(ctx, options));
  if (!layout?.terminal) {
    // For scripts, hits are written as they are read: `--all` of a common word need not hold them all.
    const result: CommandResult = { stdout: '', exitCode: EXIT.notFound };
    const line = (hit: SearchHit) => {
      result.exitCode = EXIT.ok;
      return layout ? renderSearchTsv([display(hit)], layout.style) : jsonLines([hit.article]);
    };
    result.more = linesFrom(index, index.eachHit(match, FTS_WEIGHTS, limit), line);
    return result;
  }
  const hits = index.search(match, FTS_WEIGHTS, limit);
  index.close();
  const exitCode = hits.length > 0 ? EXIT.ok : EXIT.notFound;
  return { stdout: renderSearchTerminal(hits.map(display), layout), exitCode, pageable: options.pager !== false };
}
