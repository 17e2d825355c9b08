// Plain text → Markdown that reads back as the same text, and the article
// file written by `news import`. Pure. The escapes are chosen against the
// reader in markdown.ts (CommonMark with tables, strikethrough and footnotes):
// whatever it would take as syntax is escaped, and nothing else, so the files
// stay readable by people too.
import { createHash } from 'node:crypto';
import { collapseSpace } from '../text/space.js';
import type { RawArticle } from './raw.js';

// `&` matters only where it starts something the reader decodes as an entity.
const ENTITY_START = /^&(?:#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/i;
const INLINE_SYNTAX = /[\\*_[\]<>~|`&]/g;

function escapeInline(line: string): string {
  return line.replace(INLINE_SYNTAX, (char: string, offset: number) => {
    switch (char) {
      // A backslash does not escape a backtick inside a code span, so
      // backticks are written as an entity and no code span can open.
      case '`':
        return '&#96;';
      case '&':
        return ENTITY_START.test(line.slice(offset, offset + 34)) ? '&amp;' : '&';
      default:
        return '\\' + char;
    }
  });
}

// Block syntax opens a line: headings, list items, setext underlines and
// thematic breaks. (`>`, `|`, `*`, `_`, `~` and backticks are escaped wherever
// they stand.)
const ORDERED_MARKER = /^(\d{1,9})([.)])(?=\s|$)/;
// A line of colons and hyphens under a line holding an (escaped) `|` would be
// a table's delimiter row; the hyphens and pipes it could start with are
// escaped already.
const DELIMITER_ROW = /^:[-:\s]*$/;

function escapeLine(line: string): string {
  const text = escapeInline(line.trim());
  if (/^[#+=-]/.test(text) || DELIMITER_ROW.test(text)) return '\\' + text;
  return text.replace(ORDERED_MARKER, '$1\\$2');
}

/**
 * Escapes text so that a Markdown reader gives back its characters: inline
 * syntax (`\ * _ [ ] < > ~ |`) backslash-escaped, backticks and `&` that would
 * start an entity written as entities, block markers at the start of a line
 * escaped. White space at the ends of lines is dropped; line breaks are kept.
 */
export function escapeMarkdown(text: string): string {
  // The reader takes a lone carriage return for a line end too.
  return text
    .split(/\r\n?|\n/)
    .map(escapeLine)
    .join('\n');
}

/** One paragraph as one line of Markdown: white space folded, syntax escaped. */
export function escapeParagraph(paragraph: string): string {
  return escapeMarkdown(collapseSpace(paragraph));
}

const hex4 = (char: string) => '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0');

/**
 * A YAML double-quoted string. JSON strings are YAML, once the characters
 * YAML will not take literally (DEL, C1 controls and NEL, the Unicode line
 * and paragraph separators, byte order marks, U+FFFE/U+FFFF) are escaped too;
 * JSON already escapes control characters and lone surrogates.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, hex4);
}

/** What an import adds to the front matter of every article it writes, beyond the article's own fields. */
export interface FileExtras {
  /** Tags for every article of a batch (`news import --tag`), after the article's own. */
  tags?: readonly string[];
  /** Whether to write `source-hash:` (sourceHash of the headline and body), by which an import knows the article again. */
  sourceHash?: boolean;
}

/**
 * What an import knows an article by: a hash of its headline and its body
 * as written in the file. It is the same whichever file, encoding or line
 * ends the article came in, and whatever section, source, date or tags
 * were given to it.
 */
export function sourceHash(headline: string, body: string): string {
  return createHash('sha256')
    .update(`${collapseSpace(headline)}\n\n${body}`)
    .digest('hex')
    .slice(0, 32);
}

const SOURCE_HASH_LINE = /^source-hash:[ \t]*"?([0-9a-f]{32})"?[ \t]*$/m;
const TITLE_LINE = /^title:[ \t]*(.*)$/m;

/**
 * The source hash of an article file: its `source-hash` when it has one,
 * else sourceHash of its title and body (so that files written before the
 * field was, by `news import` or `news update`, are known too); null for
 * text with no front matter or title.
 */
export function fileSourceHash(text: string): string | null {
  if (!text.startsWith('---\n')) return null;
  const close = text.indexOf('\n---\n', 3);
  if (close < 0) return null;
  const front = text.slice(4, close);
  const recorded = SOURCE_HASH_LINE.exec(front);
  // A copy, not a slice: V8 keeps the whole text alive for as long as a slice
  // of it is, and an import keeps the hash of every article in the library.
  if (recorded) return recorded[1]!.split('').join('');
  const title = TITLE_LINE.exec(front)?.[1]?.trim();
  if (title === undefined || title === '') return null;
  let headline = title;
  if (title.startsWith('"')) {
    try {
      headline = JSON.parse(title) as string;
    } catch {
      // Not a title written by an import: hashed as written.
    }
  }
  const body = text
    .slice(close + 5)
    .replace(/^\n+/, '')
    .replace(/\n$/, '');
  return sourceHash(headline, body);
}

function extraFields(front: string[], headline: string, body: string, own: readonly string[], extras: FileExtras): void {
  const tags = [...new Set([...own, ...(extras.tags ?? [])].map(collapseSpace).filter((tag) => tag !== ''))];
  if (tags.length > 0) front.push(`tags: [${tags.map(yamlString).join(', ')}]`);
  if (extras.sourceHash === true) front.push(`source-hash: ${sourceHash(headline, body)}`);
}

/** The article file for a raw article: YAML front matter, then the paragraphs. */
export function articleFileText(article: RawArticle, extras: FileExtras = {}): string {
  const front = [`title: ${yamlString(article.headline)}`];
  if (article.date !== undefined && article.date !== null) front.push(`date: ${yamlString(article.date)}`);
  if (article.section !== null) front.push(`section: ${yamlString(article.section)}`);
  if (article.source !== null) front.push(`source: ${yamlString(article.source)}`);
  const body = article.paragraphs
    .map(escapeParagraph)
    .filter((p) => p !== '')
    .join('\n\n');
  extraFields(front, article.headline, body, [], extras);
  return `---\n${front.join('\n')}\n---\n\n${body}\n`;
}

/** An article made from a web page or a feed entry, about to be written as a file. */
export interface ArticleDraft {
  headline: string;
  section: string | null;
  source: string | null;
  author: string | null;
  /** ISO 8601, as the publisher gave it (its own day and offset). */
  date: string | null;
  url: string | null;
  tags: readonly string[];
  /** Paragraphs as Markdown (links, emphasis, lists and quotes as the page had them). */
  body: readonly string[];
}

/**
 * The article file for a page or feed entry: every field the draft has in
 * the front matter, then its Markdown paragraphs as they are (a paragraph's
 * line breaks kept inside it, blank lines only between paragraphs).
 */
export function draftFileText(draft: ArticleDraft, extras: FileExtras = {}): string {
  const front = [`title: ${yamlString(collapseSpace(draft.headline))}`];
  const field = (key: string, value: string | null) => {
    if (value !== null && value.trim() !== '') front.push(`${key}: ${yamlString(collapseSpace(value))}`);
  };
  field('date', draft.date);
  field('author', draft.author);
  field('source', draft.source);
  field('section', draft.section);
  field('url', draft.url);
  const body = draft.body
    .map((paragraph) =>
      paragraph
        .replace(/\r\n?/g, '\n')
        .replace(/\n[ \t]*(?=\n)/g, '\n')
        .replace(/\n{2,}/g, '\n')
        .trim(),
    )
    .filter((p) => p !== '')
    .join('\n\n');
  extraFields(front, draft.headline, body, draft.tags, extras);
  return `---\n${front.join('\n')}\n---\n\n${body}\n`;
}
