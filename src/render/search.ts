// `news search`: one result an article, best first.
import type { SearchHit } from '../model.js';
import { toJsonLine, type DisplayArticle, type DisplaySnippet, type JsonPiece } from '../text/sanitize.js';
import { tsvField } from './fields.js';
import { wrapTo, type Layout } from './layout.js';
import { plainStyle, type Style } from './style.js';

export interface DisplayHit {
  article: DisplayArticle;
  snippet: DisplaySnippet;
}

function highlight(snippet: DisplaySnippet, mark: (text: string) => string): string {
  let out = '';
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    out += snippet.text.slice(at, start) + mark(snippet.text.slice(start, end));
    at = end;
  }
  return out + snippet.text.slice(at);
}

/** SLUG<TAB>HEADLINE<TAB>SNIPPET, the stable form for scripts. */
export function renderSearchTsv(hits: readonly DisplayHit[], style: Style = plainStyle): string {
  return hits
    .map((h) => `${style.slug(tsvField(h.article.slug))}\t${style.headline(tsvField(h.article.headline))}\t${tsvField(highlight(h.snippet, style.match))}\n`)
    .join('');
}

/** Slug and headline on one line, the snippet under it with matches marked. */
export function renderSearchTerminal(hits: readonly DisplayHit[], layout: Layout): string {
  const { style } = layout;
  return hits
    .map((h) => {
      const head = wrapTo(layout, `${style.slug(h.article.slug)}  ${style.headline(h.article.headline)}`);
      return `${head}\n${wrapTo(layout, highlight(h.snippet, style.match), '  ')}\n`;
    })
    .join('\n');
}

/**
 * `--json`: a line a hit, the model's SearchHit itself: the article, its
 * score (BM25, higher is better) and the snippet of its best column, with
 * the matches as [start, end) offsets into the snippet's text.
 */
export function renderSearchJson(hits: readonly SearchHit[]): string {
  return hits.map((hit) => searchJsonLine(hit, [toJsonLine(hit.article)]).join('')).join('');
}

/**
 * A hit's JSON line, toJsonLine({ article, score, snippet }), from the
 * article's JSON text (pieces of text, and of UTF-8 bytes written as they are).
 */
export function searchJsonLine<P extends JsonPiece>(hit: Omit<SearchHit, 'article'>, article: readonly P[]): Array<P | string> {
  return ['{"article":', ...article, `,"score":${toJsonLine(hit.score)},"snippet":${toJsonLine(hit.snippet)}}\n`];
}
