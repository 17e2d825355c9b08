// `news quotes`: who said what, one quotation at a time.
import type { DisplayArticle, DisplayQuote } from '../text/sanitize.js';
import { tsvField } from './fields.js';
import { wrapTo, type Layout } from './layout.js';
import { plainStyle, type Style } from './style.js';

export interface QuoteRow {
  article: DisplayArticle;
  quote: DisplayQuote;
}

const speakerOf = (quote: DisplayQuote) => quote.speaker ?? 'unattributed';

/** SPEAKER<TAB>QUOTE<TAB>SLUG, the stable form for scripts (speaker empty when unknown). */
export function renderQuotesTsv(rows: readonly QuoteRow[], style: Style = plainStyle): string {
  return rows
    .map(
      ({ article, quote }) => `${style.speaker(tsvField(quote.speaker ?? ''))}\t${style.quote(tsvField(quote.text))}\t${style.slug(tsvField(article.slug))}\n`,
    )
    .join('');
}

/** The speaker and the article on one line, the quotation wrapped under it. */
export function renderQuotesTerminal(rows: readonly QuoteRow[], layout: Layout): string {
  const { style } = layout;
  return rows
    .map(({ article, quote }) => {
      const head = wrapTo(layout, `${style.speaker(speakerOf(quote))}  ${style.slug(article.slug)}`);
      return `${head}\n${wrapTo(layout, style.quote(`“${quote.text}”`), '  ')}\n`;
    })
    .join('\n');
}
