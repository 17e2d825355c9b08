// `news show`: one article as a reader sees it.
import type { DisplayArticle } from '../text/sanitize.js';
import { formatDateline } from './fields.js';
import { wrapTo, type Layout } from './layout.js';
import { plainStyle } from './style.js';

/** The source / section / author / date line; empty when none is known. */
export function metaLine(article: DisplayArticle): string {
  const parts: string[] = [];
  if (article.source) parts.push(article.source);
  if (article.section) parts.push(article.section);
  if (article.author) parts.push(`By ${article.author}`);
  if (article.date) parts.push(article.date);
  return parts.join(' · ');
}

/** Sets the article's quotations off within a paragraph: in colour, on a terminal or in a pipe with colour forced. */
function markQuotes(article: DisplayArticle, index: number, paragraph: string, layout: Layout): string {
  if (layout.style === plainStyle) return paragraph;
  // Spans are found in the paragraph as written, never in text already
  // styled: a quote's words may be found inside a colour code put in for an
  // earlier quote, and styling them there would break the code open.
  const spans: Array<[number, number]> = [];
  let from = 0;
  for (const quote of article.quotes) {
    if (quote.paragraph !== index || quote.text === '') continue;
    const at = paragraph.indexOf(quote.text, from);
    if (at < 0) continue;
    // Take in the quotation marks around the quote when they are there.
    const start = at > from && /["“”'‘’]/.test(paragraph[at - 1]!) ? at - 1 : at;
    let end = at + quote.text.length;
    // The closing mark may follow the sentence's own comma or full stop.
    const close = /^[,.;:?!]?["“”'‘’]/.exec(paragraph.slice(end, end + 2));
    if (close) end += close[0].length;
    spans.push([start, end]);
    from = end;
  }
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    out += paragraph.slice(at, start) + layout.style.quote(paragraph.slice(start, end));
    at = end;
  }
  return out + paragraph.slice(at);
}

export function renderArticle(article: DisplayArticle, layout: Layout): string {
  const { style } = layout;
  const lines: string[] = [style.headline(wrapTo(layout, article.headline))];
  if (article.dateline) lines.push(style.dateline(wrapTo(layout, formatDateline(article.dateline))));
  const meta = metaLine(article);
  if (meta) lines.push(style.meta(wrapTo(layout, meta)));
  // Where it came from and how it is filed: the url is what `news open` opens.
  if (article.url) lines.push(style.meta(wrapTo(layout, article.url)));
  if (article.tags.length > 0) lines.push(style.meta(wrapTo(layout, `Tags: ${article.tags.join(', ')}`)));
  for (const [index, paragraph] of article.body.entries()) {
    lines.push('', wrapTo(layout, markQuotes(article, index, paragraph, layout)));
  }
  if (article.quotes.length > 0) {
    lines.push('', style.heading('Quotes'));
    for (const [index, quote] of article.quotes.entries()) {
      const speaker = style.speaker(quote.speaker ?? 'unattributed');
      if (layout.terminal) {
        if (index > 0) lines.push('');
        lines.push(wrapTo(layout, style.quote(`“${quote.text}”`), '  '), wrapTo(layout, `— ${speaker}`, '    '));
      } else {
        lines.push(wrapTo(layout, `${speaker}: ${style.quote(`“${quote.text}”`)}`));
      }
    }
  }
  return lines.join('\n') + '\n';
}

/** Several articles, one after another, a blank line between them. */
export function renderArticles(articles: readonly DisplayArticle[], layout: Layout): string {
  return articles.map((article) => renderArticle(article, layout)).join('\n');
}
