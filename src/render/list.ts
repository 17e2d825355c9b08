// `news list`: one line an article.
import type { DisplayArticle } from '../text/sanitize.js';
import { tsvField } from './fields.js';
import { plainStyle, type Style } from './style.js';

/** SLUG<TAB>DATE<TAB>HEADLINE, the stable form for scripts. */
export function renderListTsv(articles: readonly DisplayArticle[], style: Style = plainStyle): string {
  return articles.map((a) => `${style.slug(tsvField(a.slug))}\t${style.date(tsvField(a.date ?? ''))}\t${style.headline(tsvField(a.headline))}\n`).join('');
}
