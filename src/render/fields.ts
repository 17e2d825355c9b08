// Model fields as one line of text, for tab-separated output and `--format`.
import { ARTICLE_FIELDS, type ArticleField } from '../model.js';
import type { DisplayArticle, DisplayDateline, DisplayQuote } from '../text/sanitize.js';

export function formatDateline(dateline: DisplayDateline): string {
  let text: string = dateline.place;
  if (dateline.date) text += `, ${dateline.date}`;
  if (dateline.agency) text += ` (${dateline.agency})`;
  return text;
}

export function formatQuote(quote: DisplayQuote): string {
  return `“${quote.text}” — ${quote.speaker ?? 'unattributed'}`;
}

/** A field's value as text: null is empty, lists are joined. */
export function fieldText(article: DisplayArticle, field: ArticleField): string {
  switch (field) {
    case 'dateline':
      return article.dateline ? formatDateline(article.dateline) : '';
    case 'tags':
      return article.tags.join(', ');
    case 'body':
      return article.body.join(' ');
    case 'quotes':
      return article.quotes.map(formatQuote).join('; ');
    default:
      return article[field] ?? '';
  }
}

/** A tab-separated field: tabs and line breaks inside it become spaces. */
export function tsvField(text: string): string {
  return text.replace(/[\t\n\r]+/g, ' ');
}

export class TemplateError extends Error {
  override name = 'TemplateError';
}

type Part = string | { field: ArticleField };

/**
 * Compiles a `--format` template: `{field}` for any model field, `{{` and `}}`
 * for braces, `\t` and `\n` for tab and newline.
 */
export function compileTemplate(template: string): (article: DisplayArticle) => string {
  const parts: Part[] = [];
  const pattern = /\{\{|\}\}|\{([^{}]*)\}|\\[tn\\]/g;
  let last = 0;
  const literal = (text: string) => {
    // A brace left over is a field left open (`{slug`) or closed twice: `{{` and `}}` write braces.
    const stray = /[{}]/.exec(text);
    if (stray)
      throw new TemplateError(`${stray[0] === '{' ? 'unclosed {' : 'unmatched }'} in --format '${template}' (write ${stray[0].repeat(2)} for a brace)`);
    return text;
  };
  for (const match of template.matchAll(pattern)) {
    parts.push(literal(template.slice(last, match.index)));
    last = match.index + match[0].length;
    const token = match[0];
    if (token === '{{') parts.push('{');
    else if (token === '}}') parts.push('}');
    else if (token === '\\t') parts.push('\t');
    else if (token === '\\n') parts.push('\n');
    else if (token === '\\\\') parts.push('\\');
    else {
      const name = (match[1] ?? '').trim();
      if (!(ARTICLE_FIELDS as readonly string[]).includes(name)) {
        throw new TemplateError(`unknown field {${name}} in --format; fields: ${ARTICLE_FIELDS.join(', ')}`);
      }
      parts.push({ field: name as ArticleField });
    }
  }
  parts.push(literal(template.slice(last)));
  return (article) => parts.map((part) => (typeof part === 'string' ? part : tsvField(fieldText(article, part.field)))).join('');
}

/** An ISO 8601 time to the minute, as people read it: `2026-11-29 09:12`. */
export const minuteOf = (iso: string): string => iso.slice(0, 16).replace('T', ' ');
