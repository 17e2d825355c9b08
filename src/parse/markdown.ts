// Markdown body → paragraphs of plain text, read by markdown-it: CommonMark,
// with tables, strikethrough and footnotes. Only the words a reader sees are
// kept; link and reference definitions, footnotes and raw HTML tags are not.
//
// markdown-it is loaded with this module, which comes with the article
// parser: `news show` loads neither while the index is up to date, and the
// raw-text reader, which only needs collapseSpace, takes it from text/.
import { collapseSpace } from '../text/space.js';
import MarkdownIt, { type PluginSimple } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import type Token from 'markdown-it/lib/token.mjs';

// The plugin's declarations are written against markdown-it's CommonJS
// declarations, which TypeScript holds apart from the module ones.
const footnotes = footnote as unknown as PluginSimple;

let parser: MarkdownIt | undefined;

function markdownIt(): MarkdownIt {
  if (parser !== undefined) return parser;
  // Raw HTML is recognised so that its tags can be dropped rather than read
  // as words. The typographer stays off: it would rewrite the quotation marks
  // that quotes.ts reads.
  const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false }).use(footnotes);
  // Only a link's text is kept, never its destination, so no destination is
  // unsafe: refused ones (javascript:, data:) would leave the link as syntax.
  md.validateLink = () => true;
  parser = md;
  return md;
}

/** The text of an inline token's children: emphasis, links and tags gone, images as their alt text. */
function inlineText(tokens: Token[] | null): string {
  let text = '';
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'text':
      case 'text_special':
      case 'code_inline':
        text += token.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += '\n';
        break;
      case 'image':
        text += inlineText(token.children);
        break;
      // html_inline and footnote_ref show no words of the body.
    }
  }
  return text;
}

// An HTML block is raw HTML: its words are what a browser shows, so scripts
// and styles go whole, tags and comments go, and entities are decoded.
const HIDDEN_HTML = /<(script|style)\b[\s\S]*?<\/\1\s*>/gi;
const HTML_MARKUP = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![\s\S]*?>|<\/?[A-Za-z][^>]*>/g;
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;

function htmlText(html: string, md: MarkdownIt): string {
  return html
    .replace(HIDDEN_HTML, '')
    .replace(HTML_MARKUP, '')
    .replace(ENTITY, (entity) => md.utils.unescapeAll(entity));
}

/** Removes Markdown inline syntax, leaving the words a reader sees. */
export function stripInline(markdown: string): string {
  return inlineText(markdownIt().parseInline(markdown, {})[0]?.children ?? null);
}

/**
 * The body's paragraphs as plain text, in order, empty ones dropped. Headings,
 * list items, block quotes' paragraphs, table rows (cells joined by " | ") and
 * code blocks each become paragraphs of their own; thematic breaks, link
 * reference definitions and footnotes are not part of the body.
 */
export function markdownToParagraphs(source: string): string[] {
  return plainParagraphs(source) ?? parsedParagraphs(source);
}

/**
 * What Markdown can read as syntax anywhere in a line (escapes, code,
 * emphasis, strikethrough, links, images and footnotes, raw HTML, entities,
 * tables), and what the parser replaces (NUL, CR).
 */
const INLINE_SYNTAX = /[\\`*_~[\]!<>&|\0\r]/;
/**
 * The start of a line that could open a block other than a paragraph or go
 * on one: indented (a code block, or a blank line of spaces), a heading,
 * quotation, list item, rule, setext underline or table delimiter row.
 */
const BLOCK_OPENER = /(?:^|\n)(?:[^\S\n]|[#>+\-=:]|\d{1,9}[.)])/;

/**
 * A body that is plain paragraphs (lines of words with blank lines between,
 * and none of Markdown's syntax), read without the parser: the form of most
 * articles, read as the parser reads it (the tests hold the two to that) in
 * a fraction of its time. Null for any other body.
 */
export function plainParagraphs(source: string): string[] | null {
  if (INLINE_SYNTAX.test(source) || BLOCK_OPENER.test(source)) return null;
  const out: string[] = [];
  for (const block of source.split('\n\n')) {
    const paragraph = collapseSpace(block);
    if (paragraph !== '') out.push(paragraph);
  }
  return out;
}

/** markdownToParagraphs by the parser, for any body. */
export function parsedParagraphs(source: string): string[] {
  const md = markdownIt();
  const out: string[] = [];
  const add = (text: string) => {
    const paragraph = collapseSpace(text);
    if (paragraph !== '') out.push(paragraph);
  };
  const tokens = md.parse(source, {});
  // Past its nesting limit (an option its declarations leave out) the parser
  // skips the rest of the text; such a body is read as plain blocks rather
  // than lose words.
  const limit = (md.options as { maxNesting: number }).maxNesting;
  if (tokens.some((token) => token.nesting === 1 && token.level >= limit - 1)) {
    for (const block of source.split(/\n[ \t]*\n/)) add(block);
    return out;
  }
  let row: string[] | null = null;
  for (const token of tokens) {
    switch (token.type) {
      case 'inline':
        if (row === null) add(inlineText(token.children));
        else row.push(collapseSpace(inlineText(token.children)));
        break;
      case 'tr_open':
        row = [];
        break;
      case 'tr_close':
        // Empty cells show nothing (the parser also pads short rows with them).
        add((row ?? []).filter((cell) => cell !== '').join(' | '));
        row = null;
        break;
      case 'fence':
      case 'code_block':
        add(token.content);
        break;
      case 'html_block':
        add(htmlText(token.content, md));
        break;
      // The footnotes are gathered after the body, which ends here.
      case 'footnote_block_open':
        return out;
    }
  }
  return out;
}
