// OPML subscription lists, in (`news feed import`) and out (`news feed
// export`). Folders of outlines are flattened: a subscription is an outline
// with an xmlUrl, wherever it stands. Only http(s) subscriptions are taken;
// other readers write commands there (newsboat's `|script`, `exec:`), which
// news never runs.
import { DetectError, MalformedError, ParseError, parseOpml as readOpml, type Opml } from 'feedsmith';
import { sanitize } from '../../text/sanitize.js';
import { decodeFeedBody } from '../charset.js';
import { absoluteUrl } from '../url.js';
import { foldSpace } from './text.js';
import { FeedError } from './types.js';
import { localName, prepareXml, xmlFault } from './xml.js';

export interface OpmlFeed {
  /** The outline's title (else its text), white space folded; null when it has neither. */
  title: string | null;
  /** The feed's URL: absolute http(s). */
  xmlUrl: string;
  /** The site's URL, or null. */
  htmlUrl: string | null;
}

export interface OpmlDocument {
  /** The list's own title (its head's title), or null. */
  title: string | null;
  feeds: OpmlFeed[];
  /** Outlines with an xmlUrl that is not an http(s) URL, as "title: url", for the user to be told. */
  skipped: string[];
}

// Far more than any reader's list; a bound on a hostile file's work.
const MAX_FEEDS = 10000;
const MAX_DEPTH = 50;

type Outline = Opml.Outline<string>;

function fault(text: string, why: string): FeedError {
  const where = xmlFault(text);
  return where
    ? new FeedError('malformed', `not well-formed XML: line ${where.line}, column ${where.column}: ${sanitize(where.message.slice(0, 200))}`, {
        line: where.line,
        column: where.column,
      })
    : new FeedError('malformed', `not an OPML subscription list: ${why}`);
}

/** Reads an OPML file: its title, its subscriptions (first of each URL kept), and what was passed over. */
export function parseOpmlDocument(input: string | Uint8Array): OpmlDocument {
  const { text: decoded } = decodeFeedBody(input);
  if (!decoded.trim()) throw new FeedError('empty', 'the OPML file is empty');
  const { text, root } = prepareXml(decoded);
  if (root === null) throw fault(text, 'it is not XML');
  if (localName(root) !== 'opml') {
    throw new FeedError('not-opml', `not an OPML subscription list: its root element is <${sanitize(root.slice(0, 60))}>`);
  }
  let document: Opml.Document<string>;
  try {
    document = readOpml(text);
  } catch (err) {
    if (err instanceof MalformedError) throw fault(text, 'the XML parser gave up');
    if (err instanceof ParseError || err instanceof DetectError) {
      if (/<body[\s/>]/i.test(text)) return { title: null, feeds: [], skipped: [] };
      throw new FeedError('not-opml', 'not an OPML subscription list: it has no <body>');
    }
    throw err;
  }
  // feedsmith leaves out a body without outlines: an empty list, not a broken one.
  if (!document.body && !/<body[\s/>]/i.test(text)) throw new FeedError('not-opml', 'not an OPML subscription list: it has no <body>');

  const feeds: OpmlFeed[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const walk = (outlines: Outline[] | undefined, depth: number): void => {
    if (!outlines || depth > MAX_DEPTH) return;
    for (const outline of outlines) {
      if (feeds.length >= MAX_FEEDS) return;
      const title = foldSpace(outline.title ?? outline.text ?? '') || null;
      if (outline.xmlUrl) {
        const xmlUrl = absoluteUrl(outline.xmlUrl, undefined);
        if (!xmlUrl) skipped.push(`${title ?? '(untitled)'}: ${outline.xmlUrl}`);
        else if (!seen.has(xmlUrl)) {
          seen.add(xmlUrl);
          feeds.push({ title, xmlUrl, htmlUrl: absoluteUrl(outline.htmlUrl, xmlUrl) });
        }
      }
      walk(outline.outlines, depth + 1);
    }
  };
  walk(document.body?.outlines, 0);
  return { title: foldSpace(document.head?.title ?? '') || null, feeds, skipped };
}

/** The subscriptions of an OPML file, nested outlines flattened; throws FeedError for a file that is not OPML. */
export function parseOpml(input: string | Uint8Array): OpmlFeed[] {
  return parseOpmlDocument(input).feeds;
}

// XML 1.0 cannot carry C0 controls other than tab, LF and CR, U+FFFE, U+FFFF
// or lone surrogates, not even as character references: they are dropped.

const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A string as an XML attribute value in double quotes; tabs and line ends as references, so that they survive attribute normalisation. */
function attribute(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** An OPML 2.0 subscription list of the feeds, one outline each, in the order given. */
export function writeOpml(feeds: readonly OpmlFeed[], options: { title?: string } = {}): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${attribute(options.title ?? 'news subscriptions')}</title>`,
    '  </head>',
    '  <body>',
  ];
  for (const feed of feeds) {
    // OPML 2.0 requires text; an untitled feed gets an empty one, which reads back as no title.
    const title = feed.title ?? '';
    const attrs = [`type="rss"`, `text="${attribute(title)}"`];
    if (feed.title !== null) attrs.push(`title="${attribute(title)}"`);
    attrs.push(`xmlUrl="${attribute(feed.xmlUrl)}"`);
    if (feed.htmlUrl) attrs.push(`htmlUrl="${attribute(feed.htmlUrl)}"`);
    lines.push(`    <outline ${attrs.join(' ')}/>`);
  }
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}
