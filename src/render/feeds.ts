// `news feed list`: the feeds a library follows, one a line.
import type { Display } from '../text/sanitize.js';
import { displayWidth, truncate } from '../text/width.js';
import { tsvField } from './fields.js';
import type { Layout } from './layout.js';

/** A feed as the list shows it, its text sanitised. */
export interface DisplayFeedRow {
  name: Display;
  url: Display;
  /** The last update, `YYYY-MM-DD HH:MM` (UTC), or "never". */
  updated: Display;
  /** What the feed last answered: "ok", "not modified", the error, or "not fetched yet". */
  status: Display;
  articles: number;
  /** How many of its articles are unread, when counted (not in the tab-separated form). */
  unread?: number;
}

const cells = (feed: DisplayFeedRow): string[] => [feed.name, feed.url, feed.updated, feed.status, String(feed.articles)];

/** NAME<TAB>URL<TAB>UPDATED<TAB>STATUS<TAB>ARTICLES, the stable form for scripts. */
export function renderFeedsTsv(feeds: readonly DisplayFeedRow[]): string {
  return feeds.map((feed) => cells(feed).map(tsvField).join('\t') + '\n').join('');
}

/**
 * Aligned columns under their headings, the unread count last when there is
 * one; the status, before the counts, is cut to the terminal's width.
 */
export function renderFeedsTable(feeds: readonly DisplayFeedRow[], layout: Layout): string {
  const counted = feeds.some((feed) => feed.unread !== undefined);
  const head = ['NAME', 'URL', 'UPDATED', 'STATUS', 'ARTICLES', ...(counted ? ['UNREAD'] : [])];
  const rows = feeds.map((feed) => [...cells(feed), ...(counted ? [String(feed.unread ?? 0)] : [])]);
  const widths = head.map((cell) => displayWidth(cell));
  for (const row of rows) row.forEach((cell, column) => (widths[column] = Math.max(widths[column]!, displayWidth(cell))));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => {
        if (column === row.length - 1) return cell;
        let text = cell;
        if (column === 3 && layout.width !== null) {
          const room = layout.width - (widths[0]! + widths[1]! + widths[2]! + widths[4]! + (counted ? widths[5]! + 2 : 0) + 8);
          if (room > 0 && displayWidth(text) > room) text = truncate(text, room);
        }
        return text + ' '.repeat(Math.max(0, widths[column]! - displayWidth(text)));
      })
      .join('  ') + '\n';
  return layout.style.heading(line(head).trimEnd()) + '\n' + rows.map(line).join('');
}
