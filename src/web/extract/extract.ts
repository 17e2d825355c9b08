// A saved web page → the article it holds: metadata and body paragraphs as
// Markdown. Pure: text or bytes in, fields out; nothing is fetched and no
// script runs (linkedom builds a DOM and runs nothing; Readability only reads
// and prunes it).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodePage } from '../charset.js';
import { all, isElement, tagOf, TEXT_NODE, type DomDocument, type DomElement } from './dom.js';
import { NotAnArticle, PageTooLarge } from './errors.js';
import { cleanBlocks, cleanDocument, keepFirstArticle } from './clean.js';
import { toBlocks, toParagraphs, type Block } from './markdown.js';
import { readMetadata } from './metadata.js';
import { absoluteUrl } from '../url.js';
import { judgePage, pageSignals, visibleText } from './verdict.js';

export interface ExtractOptions {
  /** The page's http(s) address: relative links and the canonical link are resolved against it (other schemes are ignored). */
  url?: string;
  /** The HTTP Content-Type the page was served with; its charset decides how bytes are read. */
  contentType?: string;
  /** The largest page read, in bytes (characters for a string); larger ones throw PageTooLarge. Default 10 MiB. */
  maxBytes?: number;
  /** The most elements a page may have once scripts and styles are set aside; more throw PageTooLarge. Default 50,000. */
  maxElements?: number;
}

export interface ExtractedPage {
  headline: string;
  /** The byline's names joined with ", ", or null when the page names no author. */
  author: string | null;
  /** ISO 8601, as the publisher states it: a day, or a date-time with the publisher's offset. */
  date: string | null;
  /** The site's name ("The Daily Example"), else its host name. */
  source: string | null;
  /** The canonical address, absolute; else the page's address; else null. */
  url: string | null;
  section: string | null;
  tags: string[];
  /** The body's paragraphs as Markdown: links, emphasis, headings, lists, block quotes and tables kept. */
  body: string[];
  /** The WHATWG name of the encoding the page's bytes were read in ("utf-8", "windows-1252", …); null for text. */
  encoding: string | null;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
// Saved news pages have 100 to 2,000 elements once their scripts are set
// aside; the time to extract grows faster than their number, and at this
// many it is some seconds.
export const DEFAULT_MAX_ELEMENTS = 50_000;

// What a server calls HTML; anything else (text/plain included: a browser
// shows its markup as text) is not a page to extract.
const HTML_TYPES = /^\s*(?:text\/html|application\/xhtml\+xml|application\/xml|text\/xml)?\s*(?:;|$)/i;

// The HTML parser looks through its stack of open elements at every tag, so
// its time grows with the square of the nesting depth: a page of a million
// nested <div>s would take minutes. Tags past this depth are dropped before
// parsing (their text stays). Real pages nest 10 to 50 deep.
const MAX_NESTING = 500;
const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame']);
// Tags that close an open one of their own name, as the parser does.
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th']);
const MARKUP =
  /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title|xmp|plaintext)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(\/?)>/gi;

/** The page with tags nested deeper than MAX_NESTING taken out; the same string when there are none. */
export function limitNesting(html: string): string {
  const open = new Map<string, number>();
  const dropped = new Map<string, number>();
  let depth = 0;
  let deep = false;
  let out = '';
  let at = 0;
  for (const match of html.matchAll(MARKUP)) {
    if (match[3] === undefined) continue;
    const name = match[3].toLowerCase();
    let drop = false;
    if (match[2] === '/') {
      if ((dropped.get(name) ?? 0) > 0) {
        dropped.set(name, dropped.get(name)! - 1);
        drop = true;
      } else if ((open.get(name) ?? 0) > 0) {
        open.set(name, open.get(name)! - 1);
        depth--;
      }
    } else if (!VOID_TAGS.has(name) && match[4] !== '/') {
      if (SELF_CLOSING_SIBLINGS.has(name) && (open.get(name) ?? 0) > 0) continue;
      if (depth >= MAX_NESTING) {
        dropped.set(name, (dropped.get(name) ?? 0) + 1);
        drop = deep = true;
      } else {
        open.set(name, (open.get(name) ?? 0) + 1);
        depth++;
      }
    }
    if (drop) {
      out += html.slice(at, match.index);
      at = match.index + match[0].length;
    }
  }
  return deep ? out + html.slice(at) : html;
}

// Scripts (but JSON-LD, which is metadata), styles, comments and inline SVG
// are most of a page's bytes and none of its text: dropped before parsing,
// they cost nothing to parse and can never be read as text.
const NOT_CONTENT =
  /<script\b(?![^>]*\bapplication\/ld\+json)[^>]*>[\s\S]*?(?:<\/script\s*>|$)|<style\b[^>]*>[\s\S]*?(?:<\/style\s*>|$)|<!--[\s\S]*?(?:-->|$)|<svg\b[^>]*>[\s\S]*?(?:<\/svg\s*>|$)|<template\b[^>]*>[\s\S]*?(?:<\/template\s*>|$)/gi;

/** Page text → a DOM whose body holds the whole page, as a browser's would. */
function parseDocument(text: string, maxElements: number): DomDocument {
  // linkedom keeps no content after </body> or </html> and makes no <html>
  // for a fragment; a browser moves such content into the body. Dropping the
  // end tags and wrapping a fragment gives the same tree.
  const source = limitNesting(text.replace(NOT_CONTENT, ' ')).replace(/<\/(?:html|body)\s*>/gi, '');
  let { document } = parseHTML(source) as unknown as { document: DomDocument };
  // An "<html>" that is not the root (in an unclosed script, or missing) leaves linkedom without one.
  if (document.documentElement?.localName !== 'html') ({ document } = parseHTML(`<html>${source}</html>`) as unknown as { document: DomDocument });
  const elements = document.querySelectorAll('*').length;
  if (elements > maxElements) throw new PageTooLarge(elements, maxElements, 'elements');
  const html = document.documentElement!;
  if (!Array.from(html.children).some((child) => tagOf(child) === 'body')) {
    const body = document.createElement('body');
    for (const child of Array.from(html.childNodes)) {
      if (!(isElement(child) && tagOf(child) === 'head')) body.appendChild(child);
    }
    html.appendChild(body);
  }
  return document;
}

// Real pages nest elements 10 to 50 deep. Readability's cost grows with the
// square of the depth and its recursion overflows the stack past a few
// thousand levels, so deeper content is flattened to its text.
const MAX_DEPTH = 80;

function flattenDeepElements(document: DomDocument): void {
  const root = document.documentElement;
  if (!root) return;
  const stack: Array<[DomElement, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth >= MAX_DEPTH) {
      if (element.firstElementChild) element.textContent = visibleText(element);
      continue;
    }
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
}

// Readability turns runs of <br> into paragraphs and drops the empty ones it
// makes, which can bring the words on either side together ("<b>Title<br><br></b>Text"
// → "TitleText"). A space before each break keeps them apart.
function spaceBeforeBreaks(document: DomDocument): void {
  for (const br of all(document, 'br')) {
    const previous = br.previousSibling;
    if (previous?.nodeType === TEXT_NODE && /\s$/.test(previous.textContent ?? '')) continue;
    br.parentElement?.insertBefore(document.createTextNode(' '), br);
  }
}

function readText(input: string | Uint8Array, options: ExtractOptions): { text: string; encoding: string | null } {
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (input.length > limit) throw new PageTooLarge(input.length, limit);
  const decoded = typeof input === 'string' ? { text: input, encoding: null } : decodePage(input, options.contentType);
  // NULs are no text in any page, and in the body they would reach files and terminals.
  return { text: decoded.text.replaceAll('\0', ''), encoding: decoded.encoding };
}

function firstWords(text: string, max: number): string {
  const sentence = /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  return sentence.length <= max ? sentence : sentence.slice(0, max).replace(/\s+\S*$/, '') + '…';
}

/**
 * The article of a page. Throws NotAnArticle when the page holds none (a
 * front page, an error page, a sign-in wall, an empty page) and PageTooLarge
 * past `maxBytes` or `maxElements`.
 */
export function extractPage(input: string | Uint8Array, options: ExtractOptions = {}): ExtractedPage {
  if (options.contentType && !HTML_TYPES.test(options.contentType)) throw new NotAnArticle('not-html', options.contentType.trim());
  const { text, encoding } = readText(input, options);
  if (!/\S/.test(text)) throw new NotAnArticle('empty');
  // Only a web address can be a base for links; anything else is no address.
  const pageUrl = absoluteUrl(options.url, null);
  const document = parseDocument(text, options.maxElements ?? DEFAULT_MAX_ELEMENTS);
  flattenDeepElements(document);
  const metadata = readMetadata(document, pageUrl);
  const signals = pageSignals(document, metadata, pageUrl);
  cleanDocument(document);
  spaceBeforeBreaks(document);

  let content: DomElement | null = null;
  try {
    // The serializer hands back Readability's element itself, to be walked, rather than its HTML.
    const article = new Readability<DomElement>(document as never, { serializer: (node) => node as unknown as DomElement }).parse();
    content = article?.content ?? null;
  } catch {
    // Readability gives up on some malformed trees; the page's body is then
    // the candidate, and the verdict below judges it like any other.
    content = null;
  }
  content ??= document.body;
  if (content) keepFirstArticle(content);
  const chosen: Block[] = content ? toBlocks(content, metadata.base) : [];
  const blocks = cleanBlocks(chosen, metadata);
  judgePage(signals, chosen, blocks);
  const body = toParagraphs(blocks);
  const firstText = blocks[0]?.text ?? '';
  return {
    headline: metadata.headline ?? firstWords(firstText, 300),
    author: metadata.authors.length > 0 ? metadata.authors.join(', ') : null,
    date: metadata.date,
    source: metadata.source,
    url: metadata.url,
    section: metadata.section,
    tags: metadata.tags,
    body,
    encoding,
  };
}
