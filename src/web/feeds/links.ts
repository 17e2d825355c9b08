// The feeds a web page announces, for `news feed add PAGE_URL`: its
// <link rel="alternate" type="application/rss+xml | atom+xml | feed+json">.
// Read by a small scanner of the page's tags rather than an HTML parser:
// they are all that is wanted. The page is untrusted, so the scan is one pass
// (no pattern that backtracks over an unclosed quote), steps over comments
// and the text of scripts and styles, and reads at most MAX_SCAN characters.
import { decodeEntities } from '../../text/entities.js';
import { absoluteUrl } from '../url.js';
import { foldSpace } from './text.js';
import type { FeedKind } from './types.js';

export interface FeedLink {
  /** Absolute http(s) URL of the feed. */
  url: string;
  kind: FeedKind;
  /** The link's title attribute ("Comments feed"), or null. */
  title: string | null;
}

const KINDS: Record<string, FeedKind> = {
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json',
};

// Feed links belong in the head; this is far past the head of any page.
const MAX_SCAN = 1024 * 1024;

interface Tag {
  name: string;
  attrs: Map<string, string>;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';

/** The start tags of `html` up to `</head>`, with their attributes, the way an HTML tokenizer splits them. */
function startTags(html: string): Tag[] {
  const tags: Tag[] = [];
  const lower = html.toLowerCase();
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    i = lt + 1;
    if (html.startsWith('!--', i)) {
      const end = html.indexOf('-->', i + 3);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    const closing = html[i] === '/';
    if (closing) i++;
    const nameStart = i;
    if (!/[A-Za-z]/.test(html[i] ?? '')) continue;
    while (i < n && !isSpace(html[i]) && html[i] !== '>' && html[i] !== '/') i++;
    const name = lower.slice(nameStart, i);
    const attrs = new Map<string, string>();
    // Attributes: name, optional = and a quoted or bare value, up to the tag's `>`.
    while (i < n && html[i] !== '>') {
      if (isSpace(html[i]) || html[i] === '/') {
        i++;
        continue;
      }
      const attrStart = i;
      while (i < n && !isSpace(html[i]) && html[i] !== '>' && html[i] !== '=' && html[i] !== '/') i++;
      if (i === attrStart) i++;
      const attr = lower.slice(attrStart, i);
      while (isSpace(html[i])) i++;
      let value = '';
      if (html[i] === '=') {
        i++;
        while (isSpace(html[i])) i++;
        const quote = html[i];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, i + 1);
          if (end < 0) return tags;
          value = html.slice(i + 1, end);
          i = end + 1;
        } else {
          const valueStart = i;
          while (i < n && !isSpace(html[i]) && html[i] !== '>') i++;
          value = html.slice(valueStart, i);
        }
      }
      // The first of a repeated attribute counts, as in HTML.
      if (attr && !attrs.has(attr)) attrs.set(attr, decodeEntities(value));
    }
    i++;
    if (closing) {
      if (name === 'head') break;
      continue;
    }
    if (name === 'body') break;
    tags.push({ name, attrs });
    // Script and style hold text, not tags.
    if (name === 'script' || name === 'style') {
      const end = lower.indexOf(`</${name}`, i);
      if (end < 0) break;
      i = end;
    }
  }
  return tags;
}

/** The feeds a page links to, in page order, each URL once, resolved against the page's <base> and URL. */
export function findFeedLinks(html: string, pageUrl: string): FeedLink[] {
  const tags = startTags(html.length > MAX_SCAN ? html.slice(0, MAX_SCAN) : html);
  // The first <base href> is the base of every link of the page, those before it too.
  const baseHref = tags.find((t) => t.name === 'base' && t.attrs.get('href'))?.attrs.get('href');
  const base = (baseHref && absoluteUrl(baseHref, pageUrl)) || pageUrl;
  const links: FeedLink[] = [];
  for (const { name, attrs } of tags) {
    if (name !== 'link') continue;
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('alternate')) continue;
    const type = (attrs.get('type') ?? '').toLowerCase().split(';')[0]!.trim();
    const kind = KINDS[type];
    if (!kind) continue;
    const url = absoluteUrl(attrs.get('href'), base);
    if (!url || links.some((l) => l.url === url)) continue;
    const title = foldSpace(attrs.get('title') ?? '');
    links.push({ url, kind, title: title || null });
  }
  return links;
}
