import { parseQuery, QueryError } from '../../search/query.js';
import { countSearchHits, eachSearchHit, searchIndex } from '../../search/search.js';
import { renderSearchJson, renderSearchTerminal, renderSearchTsv, type DisplayHit } from '../../render/search.js';
import { sanitizeArticle, sanitizeHighlighted } from '../../text/sanitize.js';
import type { SearchHit } from '../../model.js';
import { formatFor, layoutFor, linesFrom, openLibrary, terminalFor, type CommandResult, type Context } from '../context.js';
import { UsageError } from '../errors.js';
import { Tally } from '../exit.js';
import type { SearchOptions } from '../program.js';
import type { FormatOf } from '../terminal.js';

/** Results shown unless --limit or --all says otherwise: the best ones, as a search engine shows. */
export const DEFAULT_LIMIT = 20;

export async function search(ctx: Context, words: readonly string[], options: SearchOptions): Promise<CommandResult> {
  let query;
  try {
    query = parseQuery(words.join(' '));
  } catch (error) {
    if (error instanceof QueryError) throw new UsageError(`invalid query ${JSON.stringify(error.input)}: ${error.reason}`);
    throw error;
  }
  const index = await openLibrary(ctx);
  const limit = options.all ? undefined : (options.limit ?? DEFAULT_LIMIT);
  const display = (h: SearchHit): DisplayHit => ({ article: sanitizeArticle(h.article), snippet: sanitizeHighlighted(h.snippet) });
  // For scripts, hits are written as they are read: `--all` of a common word
  // need not hold them all. They are counted as they are written.
  const streamed = (line: (hit: SearchHit) => string, light = false): CommandResult => {
    const found = new Tally();
    const counted = (hit: SearchHit) => {
      found.count++;
      return line(hit);
    };
    return { stdout: '', more: linesFrom(index, eachSearchHit(index, query, { limit, light }), counted), found };
  };
  const output = {
    json: async () => streamed((hit) => renderSearchJson([hit])),
    plain: async () => {
      const { style } = await layoutFor(terminalFor(ctx, options));
      return streamed((hit) => renderSearchTsv([display(hit)], style), true);
    },
    terminal: async () => {
      const layout = await layoutFor(terminalFor(ctx, options));
      const hits = searchIndex(index, query, { limit, light: true });
      // A list cut by the limit says so, as gh does: what was left out, and how to see it.
      const total = limit !== undefined && hits.length === limit ? countSearchHits(index, query) : hits.length;
      index.close();
      const cut = total > hits.length ? `\n${layout.style.meta(`${hits.length} of ${total} shown; --all for every one, --limit N for more`)}\n` : '';
      return { stdout: renderSearchTerminal(hits.map(display), layout) + cut, found: hits.length, pageable: options.pager };
    },
  } satisfies Record<FormatOf<SearchOptions>, () => Promise<CommandResult>>;
  return output[formatFor(ctx, options)]();
}
