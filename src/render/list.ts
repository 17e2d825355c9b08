// `news list`: one line an article.
import type { Article } from '../model.js';
import { tsvField } from './fields.js';
import { plainStyle, type Style } from './style.js';

/** SLUG<TAB>DATE<TAB>HEADLINE, the stable form for scripts. */
export function renderListTsv(articles: readonly Article[], style: Style = plainStyle): string {
  return articles
    .map((a) => `${style.slug(tsvField(a.slug))}\t${style.date(tsvField(a.date ?? ''))}\t${style.headline(tsvField(a.headline))}\n`)
    .join('');
}
