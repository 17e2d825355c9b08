// Small text and URL helpers of the feed model. Titles are plain text (a
// headline is never markup); content and summaries are HTML, so plain-text
// ones are escaped into it; every URL the model gives is absolute http(s).
import { decodeEntities } from '../../text/entities.js';

// XML's white space only: a no-break or other Unicode space is the author's.
export const foldSpace = (text: string): string => text.replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, '');

/** The text of an HTML fragment, white space folded. */
export function htmlToText(html: string): string {
  const bare = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
    .replace(/<\/?[A-Za-z][^>]*>?/g, ' ');
  return foldSpace(decodeEntities(bare));
}

export const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain text as HTML: escaped; when it has several lines, paragraphs at blank lines and line breaks kept. */
export function textToHtml(text: string): string {
  const trimmed = text.trim();
  if (!/[\r\n]/.test(trimmed)) return escapeHtml(trimmed);
  return trimmed
    .split(/\r?\n[ \t]*\r?\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\r?\n/g, '<br>')}</p>`)
    .join('\n');
}

/** A base URL for resolving against, or undefined when `href` makes none. */
export function baseUrl(href: string | undefined, parent: string | undefined): string | undefined {
  if (!href) return parent;
  try {
    return new URL(href.trim(), parent).href;
  } catch {
    return parent;
  }
}

/** Whether `href` names a scheme other than http(s) (javascript:, data:, file: …): a link dropped for its scheme, not for being broken. */
export const unsafeScheme = (href: string | undefined | null): boolean => {
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(href ?? '')?.[1]?.toLowerCase();
  return scheme !== undefined && scheme !== 'http' && scheme !== 'https';
};

// href and src inside start tags. The tag pattern stops at the first `>`, so
// an attribute value holding `>` ends the tag early and what follows is left
// as it was: a missed rewrite, never a broken one.
const TAG = /<[A-Za-z][^<>]*>/g;
const URL_ATTRIBUTE = /(\s(?:href|src|poster)\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'<>`=]+))/gi;

/** Relative href, src and poster values of an HTML fragment made absolute against `base`. Absolute URLs and fragments are left alone. */
export function resolveHtmlUrls(html: string, base: string | undefined): string {
  if (!base || !/\s(?:href|src|poster)\s*=/i.test(html)) return html;
  return html.replace(TAG, (tag) =>
    tag.replace(URL_ATTRIBUTE, (whole, lead: string, dq?: string, sq?: string, bare?: string) => {
      const value = dq ?? sq ?? bare ?? '';
      const trimmed = value.trim();
      if (!trimmed || trimmed.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return whole;
      let resolved: string;
      try {
        resolved = new URL(decodeEntities(trimmed), base).href;
      } catch {
        return whole;
      }
      const quoted = escapeHtml(resolved);
      return `${lead}"${quoted}"`;
    }),
  );
}

/** At most `max` characters, cut at a character boundary. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
  return text.slice(0, cut);
}
