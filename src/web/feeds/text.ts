// Small text and URL helpers of the feed model. Titles are plain text (a
// headline is never markup); content and summaries are HTML, so plain-text
// ones are escaped into it; every URL the model gives is absolute http(s).

// XML's white space only: a no-break or other Unicode space is the author's.
export const foldSpace = (text: string): string => text.replace(/[ \t\n\r\f]+/g, ' ').replace(/^ | $/g, '');

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  bull: '\u2022',
  middot: '\u00b7',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201a',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bdquo: '\u201e',
  laquo: '\u00ab',
  raquo: '\u00bb',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  deg: '\u00b0',
  eacute: '\u00e9',
  egrave: '\u00e8',
  aacute: '\u00e1',
  agrave: '\u00e0',
  oacute: '\u00f3',
  uacute: '\u00fa',
  iacute: '\u00ed',
  ccedil: '\u00e7',
  ntilde: '\u00f1',
  auml: '\u00e4',
  ouml: '\u00f6',
  uuml: '\u00fc',
  szlig: '\u00df',
  euro: '\u20ac',
  pound: '\u00a3',
};

/** Character references and the common named entities; others are left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return NAMED[name] ?? NAMED[name.toLowerCase()] ?? whole;
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

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

const SAFE = new Set(['http:', 'https:']);

/** `href` resolved against `base`: absolute, http or https; null otherwise (relative without a base, another scheme, not a URL). */
export function absoluteUrl(href: string | undefined | null, base: string | undefined): string | null {
  const written = href?.trim();
  if (!written) return null;
  try {
    const url = new URL(written, base);
    return SAFE.has(url.protocol) ? url.href : null;
  } catch {
    return null;
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
