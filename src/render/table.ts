// `news list` on a terminal: aligned columns. Apart from list.ts because
// measuring display width loads Unicode tables that plain output never needs.
import type { DisplayArticle } from '../text/sanitize.js';
import { wrapTo, type Layout } from './layout.js';
import { displayWidth, truncate } from '../text/width.js';

/** Columns a headline keeps beside the slug before the row is split in two. */
const MIN_HEADLINE = 10;

const padTo = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/**
 * Aligned columns (date, slug, headline) cut to the terminal's width. A slug
 * too long to leave the headline room stands whole on a line of its own, the
 * headline under it, so that no line is wider than the terminal and no slug
 * is cut: it is the name `news show` takes.
 */
export function renderListTable(articles: readonly DisplayArticle[], layout: Layout): string {
  const { style, width } = layout;
  const dateOf = (a: DisplayArticle) => a.date?.slice(0, 10) ?? '';
  // Widest entries by a loop: spread into Math.max, a library's rows overflow the call stack.
  let dateWidth = 0;
  for (const a of articles) dateWidth = Math.max(dateWidth, displayWidth(dateOf(a)));
  const dateColumn = dateWidth > 0 ? dateWidth + 2 : 0;
  const fits = (a: DisplayArticle) => width === null || dateColumn + displayWidth(a.slug) + 2 + MIN_HEADLINE <= width;
  let slugWidth = 0;
  for (const a of articles) if (fits(a)) slugWidth = Math.max(slugWidth, displayWidth(a.slug));
  return articles
    .map((a) => {
      const date = dateWidth > 0 ? style.date(padTo(dateOf(a), dateWidth)) + '  ' : '';
      if (!fits(a)) {
        const indent = Math.max(0, Math.min(dateColumn, width! - MIN_HEADLINE));
        const headline = truncate(a.headline, width! - indent);
        return `${wrapTo(layout, date + style.slug(a.slug))}\n${' '.repeat(indent)}${style.headline(headline)}\n`;
      }
      const used = dateColumn + slugWidth + 2;
      const headline = width === null ? a.headline : truncate(a.headline, width - used);
      return `${date}${style.slug(padTo(a.slug, slugWidth))}  ${style.headline(headline)}\n`;
    })
    .join('');
}
