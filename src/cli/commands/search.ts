import { parseQuery, QueryError } from '../../search/query.js';
import { countSearchHits, eachSearchHit, eachSearchHitJson, searchIndex } from '../../search/search.js';
import { renderSearchJson, renderSearchTerminal, renderSearchTsv, searchJsonLine, type DisplayHit } from '../../render/search.js';
import { sanitizeArticle, sanitizeHighlighted, type JsonPiece } from '../../text/sanitize.js';
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
  // The limit takes the first hits of the order asked, among every match.
  const order = { sort: options.sort, reverse: options.reverse ?? false };
  // With --unread, articles are read whole (an article without a URL is known by its body), and the limit counts unread hits.
  const readState = options.unread === true ? await import('../read-state.js') : null;
  const isUnread = readState === null ? null : readState.unreadTest(ctx);
  const hits = (light: boolean, most = limit): Iterable<SearchHit> =>
    isUnread === null
      ? eachSearchHit(index, query, { limit: most, light, ...order })
      : readState!.unreadOnly(eachSearchHit(index, query, { light: false, ...order }), (hit) => isUnread(hit.article), most);
  const display = (h: SearchHit): DisplayHit => ({ article: sanitizeArticle(h.article), snippet: sanitizeHighlighted(h.snippet) });
  // For scripts, hits are written as they are read: `--all` of a common word
  // need not hold them all. They are counted as they are written.
  const streamed = <H>(each: Iterable<H>, line: (hit: H) => string | readonly JsonPiece[]): CommandResult => {
    const found = new Tally();
    const counted = (hit: H) => {
      found.count++;
      return line(hit);
    };
    return { stdout: '', more: linesFrom(index, each, counted), found };
  };
  const output = {
    // Without --unread, an article's JSON comes from the index as it is printed: one of megabytes is never made a string.
    json: async () =>
      isUnread === null
        ? streamed(eachSearchHitJson(index, query, { limit, ...order }), (hit) => searchJsonLine(hit, [hit.json]))
        : streamed(hits(false), (hit) => renderSearchJson([hit])),
    plain: async () => {
      const { style } = await layoutFor(terminalFor(ctx, options));
      return streamed(hits(true), (hit) => renderSearchTsv([display(hit)], style));
    },
    terminal: async () => {
      const layout = await layoutFor(terminalFor(ctx, options));
      let shown: SearchHit[];
      let total: number;
      if (isUnread === null) {
        shown = searchIndex(index, query, { limit, light: true, ...order });
        // A list cut by the limit says so, as gh does: what was left out, and how to see it.
        total = limit !== undefined && shown.length === limit ? countSearchHits(index, query) : shown.length;
      } else {
        // Unread hits are counted by reading them: the index does not know which are read.
        shown = [];
        total = 0;
        for (const hit of hits(true, undefined)) {
          if (limit === undefined || total < limit) shown.push({ ...hit, article: { ...hit.article, body: [], quotes: [] } });
          total++;
        }
      }
      index.close();
      const cut = total > shown.length ? `\n${layout.style.meta(`${shown.length} of ${total} shown; --all for every one, --limit N for more`)}\n` : '';
      return { stdout: renderSearchTerminal(shown.map(display), layout) + cut, found: shown.length, pageable: options.pager };
    },
  } satisfies Record<FormatOf<SearchOptions>, () => Promise<CommandResult>>;
  return output[formatFor(ctx, options)]();
}
