// A document from the web, saved or fetched, as the articles it holds: a page
// is one article, a feed one per entry (from the entry's own text; nothing
// is fetched here). Pure, and loaded only when such a document is imported:
// the HTML and feed parsers are large.
import type { ArticleDraft } from '../parse/markdown-escape.js';
import { collapseSpace } from '../text/space.js';
import { extractPage, NotAnArticle } from './extract/index.js';
import { htmlToParagraphs } from './extract/fragment.js';
import { FeedError, parseFeed, type Feed, type FeedEntry } from './feeds/index.js';

export type DocumentKind = 'page' | 'feed';

/** A document that gives no article: the message says why. */
export class NotImportable extends Error {
  override name = 'NotImportable';

  constructor(
    message: string,
    /** A document of another kind altogether (JSON or XML that is no feed), rather than a broken or empty one. */
    readonly otherKind = false,
  ) {
    super(message);
  }
}

/** What a served document is, by its Content-Type (else its first bytes). */
export function kindOfResponse(contentType: string | undefined, body: Uint8Array): DocumentKind {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (/^application\/(rss|atom|feed|rdf)\+(xml|json)$|^application\/(xml|json)$|^text\/xml$/.test(type)) return 'feed';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'page';
  const start = new TextDecoder()
    .decode(body.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return /^(<\?xml|<rss|<feed|<rdf:RDF|\{)/i.test(start) ? 'feed' : 'page';
}

/** One article from a page; NotImportable when the page holds none (a front page, an error page, a wall). */
export function pageDraft(body: Uint8Array | string, options: { url?: string; contentType?: string }): ArticleDraft {
  try {
    const page = extractPage(body, options);
    return {
      headline: page.headline,
      section: page.section,
      source: page.source,
      author: page.author,
      date: page.date,
      url: page.url,
      tags: page.tags,
      body: page.body,
    };
  } catch (error) {
    if (error instanceof NotAnArticle) throw new NotImportable(`not an article: ${error.message}`);
    throw error;
  }
}

/** A feed's document, parsed; NotImportable when it is not a feed. */
export function readFeed(body: Uint8Array | string, options: { url?: string; contentType?: string }): Feed {
  try {
    return parseFeed(body, options);
  } catch (error) {
    if (error instanceof FeedError) throw new NotImportable(error.message, error.kind === 'not-a-feed');
    throw error;
  }
}

/** An entry's own text, as Markdown paragraphs: its content, else its summary. */
export function entryParagraphs(entry: FeedEntry): string[] {
  const html = entry.contentHtml ?? entry.summary;
  return html === null ? [] : htmlToParagraphs(html, entry.link);
}

/** Words in an entry's own text below which it is a summary, not the story: the story is on its page. */
const SUMMARY_WORDS = 120;

/** Whether the feed gives only a summary of the entry (a sentence or two), so its page holds the story. */
export function isSummaryOnly(paragraphs: readonly string[]): boolean {
  let words = 0;
  for (const paragraph of paragraphs) words += paragraph.split(/\s+/).filter(Boolean).length;
  return words < SUMMARY_WORDS;
}

/** An entry as an article, with the paragraphs given (its own, or its page's). */
export function entryDraft(entry: FeedEntry, feed: Feed, body: readonly string[], page?: ArticleDraft): ArticleDraft {
  const headline = entry.title ?? page?.headline ?? firstWords(body) ?? 'Untitled';
  return {
    headline,
    section: page?.section ?? null,
    source: feed.title ?? page?.source ?? null,
    author: entry.author ?? page?.author ?? null,
    date: entry.date ?? page?.date ?? null,
    url: entry.link ?? page?.url ?? null,
    tags: entry.categories.length > 0 ? entry.categories : [...(page?.tags ?? [])],
    body,
  };
}

/** The articles of a saved feed: one an entry that has any text, from its own text. */
export function feedDrafts(feed: Feed): ArticleDraft[] {
  const drafts: ArticleDraft[] = [];
  for (const entry of feed.entries) {
    const body = entryParagraphs(entry);
    if (body.length === 0 && entry.title === null) continue;
    drafts.push(entryDraft(entry, feed, body));
  }
  return drafts;
}

/** A headline for an entry that has none: its first words, Markdown taken out. */
function firstWords(body: readonly string[]): string | null {
  const text = collapseSpace((body[0] ?? '').replace(/[*_`#>[\]()\\]/g, ' '));
  if (text === '') return null;
  const words = text.split(' ');
  return words.length <= 12 ? text : words.slice(0, 12).join(' ') + '…';
}
