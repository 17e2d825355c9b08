// Article text is written by strangers. Before any of it reaches a terminal
// (or a pipe that may end in one) every control character is made visible,
// so no escape sequence, cursor move, title change, hyperlink, clipboard
// write or bidirectional override in an article can act on the terminal.
//
// What `sanitize` returns is of the type `Display`, which nothing else makes,
// and the renderers (src/render/) take only `Display` text and `Displayed`
// models: a renderer handed an article that was not sanitised does not compile.
import type { Article, Dateline, Quote, Snippet } from '../model.js';

declare const display: unique symbol;

/** Text safe to write to a terminal: every control character made visible. Made only by `sanitize`. */
export type Display = string & { readonly [display]: true };

/** A model with every string in it `Display` text: what `sanitize*` make of it. */
export type Displayed<T> = T extends string ? Display : T extends object ? { [K in keyof T]: Displayed<T[K]> } : T;

/* eslint-disable @typescript-eslint/no-empty-object-type -- interfaces, not aliases, so that a compiler error names them */
export interface DisplayArticle extends Displayed<Article> {}
export interface DisplayDateline extends Displayed<Dateline> {}
export interface DisplayQuote extends Displayed<Quote> {}
export interface DisplaySnippet extends Displayed<Snippet> {}
/* eslint-enable @typescript-eslint/no-empty-object-type */

// C0 controls, DEL, C1 controls, every bidirectional control (the marks
// U+061C, U+200E, U+200F and the embeddings, overrides and isolates) and the
// line/paragraph separators. Tab, LF, CR, VT and FF are white space: folded to
// a single space so a field stays on its line. In a `u` pattern a surrogate
// range matches only lone surrogates: written as UTF-8 they become U+FFFD
// anyway, and left in, wrapping measures them as nothing and may join two
// halves into a character the article never had.

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\p{Bidi_Control}\u2028\u2029\ud800-\udfff]/gu;

function visible(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return '\ufffd';
  if (code === 0x09 || code === 0x0a || code === 0x0b || code === 0x0c || code === 0x0d) return ' ';
  // Caret notation, as `cat -v` shows them: ESC is ^[.
  if (code < 0x20) return '^' + String.fromCharCode(code + 0x40);
  if (code === 0x7f) return '^?';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** The text with every control character shown visibly, on one line. */
export function sanitize(text: string): Display {
  return text.replace(UNSAFE, visible) as Display;
}

function sanitizeDateline(dateline: Dateline | null): DisplayDateline | null {
  if (!dateline) return null;
  return {
    place: sanitize(dateline.place),
    date: dateline.date === null ? null : sanitize(dateline.date),
    agency: dateline.agency === null ? null : sanitize(dateline.agency),
  };
}

const maybe = (text: string | null) => (text === null ? null : sanitize(text));

/** A copy of the article that is safe to print in any human-readable format. */
export function sanitizeArticle(article: Article): DisplayArticle {
  return {
    slug: sanitize(article.slug),
    headline: sanitize(article.headline),
    section: maybe(article.section),
    source: maybe(article.source),
    author: maybe(article.author),
    date: maybe(article.date),
    dateline: sanitizeDateline(article.dateline),
    url: maybe(article.url),
    tags: article.tags.map(sanitize),
    body: article.body.map(sanitize),
    quotes: article.quotes.map((quote): DisplayQuote => ({
      text: sanitize(quote.text),
      speaker: maybe(quote.speaker),
      person: maybe(quote.person),
      paragraph: quote.paragraph,
    })),
    path: sanitize(article.path),
  };
}

// JSON.stringify escapes C0 only; DEL, C1 and the bidi controls would reach a
// terminal that cats the JSON, so they are escaped too.
const JSON_UNSAFE = /[\u007f-\u009f\p{Bidi_Control}\u2028\u2029]/gu;

/** A piece of JSON text written one after another with others: a piece of bytes is UTF-8. */
export type JsonPiece = string | Uint8Array;

/** One JSON line with every control character escaped. */
export function toJsonLine(value: unknown): string {
  return JSON.stringify(value).replace(JSON_UNSAFE, (char) => '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** A stretch of text with the parts to highlight, by offsets into `text`. */
export type Highlighted = Snippet;

/** Sanitises highlighted text, moving the highlights with the text. */
export function sanitizeHighlighted(snippet: Highlighted): DisplaySnippet {
  // Pieces of Display text joined are Display text: no control character is made by joining.
  let text = '' as Display;
  const highlights: Array<[number, number]> = [];
  let at = 0;
  const ordered = [...snippet.highlights].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of ordered) {
    if (start < at || end <= start) continue;
    text = (text + sanitize(snippet.text.slice(at, start))) as Display;
    const marked = sanitize(snippet.text.slice(start, end));
    highlights.push([text.length, text.length + marked.length]);
    text = (text + marked) as Display;
    at = end;
  }
  return { text: (text + sanitize(snippet.text.slice(at))) as Display, highlights };
}

/** Like `sanitize`, but keeps line breaks (for multi-line messages). */
export function sanitizeLines(text: string): string {
  return text.split('\n').map(sanitize).join('\n');
}
