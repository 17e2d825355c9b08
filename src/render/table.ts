// `news list` on a terminal: aligned columns. Apart from list.ts because
// measuring display width loads Unicode tables that plain output never needs.
import type { DisplayArticle } from '../text/sanitize.js';
import { wrapTo, type Layout } from './layout.js';
import { displayWidth, truncate } from '../text/width.js';

/** Columns a headline keeps beside the slug before the row is split in two. */
const MIN_HEADLINE = 10;
/** The widest the slug column grows: a longer slug is cut with "…" so that one long name does not squeeze every headline. */
const SLUG_COLUMN = 32;
/** The narrowest slug column worth cutting a slug to; on a terminal narrower than that leaves, a long slug gets a line of its own. */
const MIN_SLUG_COLUMN = 12;

const padTo = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/**
 * Aligned columns (date, slug, headline) cut to the terminal's width. The
 * slug column is at most SLUG_COLUMN wide, a longer slug cut with "…" (the
 * piped form and --format give it whole). On a terminal too narrow for
 * that, a long slug stands whole on a line of its own, the headline under
 * it, so that no line is wider than the terminal. Given the slugs of the
 * unread articles, only their headlines are styled (bold in colour): the
 * read ones are plain.
 */
export function renderListTable(articles: readonly DisplayArticle[], layout: Layout, unread?: ReadonlySet<string>): string {
  const { style, width } = layout;
  const headlineOf = (a: DisplayArticle, text: string) => (unread === undefined || unread.has(a.slug) ? style.headline(text) : text);
  const dateOf = (a: DisplayArticle) => a.date?.slice(0, 10) ?? '';
  // Widest entries by a loop: spread into Math.max, a library's rows overflow the call stack.
  let dateWidth = 0;
  let widestSlug = 0;
  for (const a of articles) {
    dateWidth = Math.max(dateWidth, displayWidth(dateOf(a)));
    widestSlug = Math.max(widestSlug, displayWidth(a.slug));
  }
  // A date is an ISO day, 10 columns; anything wider (a hostile front matter) is cut so the row still fits.
  if (width !== null) dateWidth = Math.min(dateWidth, Math.max(0, width - 4));
  const dateColumn = dateWidth > 0 ? dateWidth + 2 : 0;
  const room = width === null ? SLUG_COLUMN : Math.min(SLUG_COLUMN, width - dateColumn - 2 - MIN_HEADLINE);
  const slugWidth = Math.min(widestSlug, Math.max(room, 0));
  const cut = room >= MIN_SLUG_COLUMN || width === null;
  return articles
    .map((a) => {
      const date = dateWidth > 0 ? style.date(padTo(truncate(dateOf(a), dateWidth), dateWidth)) + '  ' : '';
      if (!cut && displayWidth(a.slug) > slugWidth) {
        const indent = Math.max(0, Math.min(dateColumn, width! - MIN_HEADLINE));
        const headline = truncate(a.headline, width! - indent);
        return `${wrapTo(layout, date + style.slug(a.slug))}\n${' '.repeat(indent)}${headlineOf(a, headline)}\n`;
      }
      const slug = truncate(a.slug, slugWidth);
      const used = dateColumn + slugWidth + 2;
      const headline = width === null ? a.headline : truncate(a.headline, width - used);
      return `${date}${style.slug(padTo(slug, slugWidth))}  ${headlineOf(a, headline)}\n`;
    })
    .join('');
}
