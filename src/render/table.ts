// `news list` on a terminal: aligned columns. Apart from list.ts because
// measuring display width loads Unicode tables that plain output never needs.
import type { Article } from '../model.js';
import type { Layout } from './layout.js';
import { displayWidth, truncate } from '../text/width.js';

/** Aligned columns (date, slug, headline) cut to the terminal's width. */
export function renderListTable(articles: readonly Article[], layout: Layout): string {
  const { style } = layout;
  const dateWidth = Math.max(0, ...articles.map((a) => displayWidth(a.date?.slice(0, 10) ?? '')));
  const slugWidth = Math.max(0, ...articles.map((a) => displayWidth(a.slug)));
  return articles
    .map((a) => {
      const date = (a.date?.slice(0, 10) ?? '').padEnd(dateWidth);
      const slug = a.slug + ' '.repeat(slugWidth - displayWidth(a.slug));
      const used = (dateWidth > 0 ? dateWidth + 2 : 0) + slugWidth + 2;
      const headline = layout.width === null ? a.headline : truncate(a.headline, Math.max(10, layout.width - used));
      return `${dateWidth > 0 ? style.date(date) + '  ' : ''}${style.slug(slug)}  ${style.headline(headline)}\n`;
    })
    .join('');
}
