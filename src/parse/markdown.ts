// Markdown body → paragraphs of plain text.
//
// Written here rather than taken from a Markdown library: `news show` has to
// start in a few milliseconds, and the libraries build their full grammar at
// load time (marked alone cost more than the rest of `show` together). A
// reader needs only the words: blocks are split on blank lines, and inline
// syntax (emphasis, code, links, images, autolinks, HTML tags, escapes,
// entities) is removed following CommonMark's rules where they matter for
// news text — `*` and `_` only pair as emphasis at word edges, so "5 * 3",
// "snake_case" and "*NSYNC" keep their characters.

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  pound: '£',
  euro: '€',
  eacute: 'é',
};

/** Decodes HTML entities (`&amp;`, `&#8212;`, `&#x2014;`). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const hex = name[1] === 'x' || name[1] === 'X';
      const code = hex ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Runs of white space, including no-break spaces, read as one space. */
export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

// The 32 characters a backslash escapes in CommonMark. While the inline rules
// run, an escaped one stands as one of the 32 Unicode noncharacters
// U+FDD0–U+FDEF, so that `\*` never opens emphasis.
const ESCAPABLE_CHARS = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const ESCAPE = /\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g;
const HELD = /[\ufdd0-\ufdef]/g;
const hold = (_: string, char: string) => String.fromCharCode(0xfdd0 + ESCAPABLE_CHARS.indexOf(char));
const release = (char: string) => ESCAPABLE_CHARS[char.charCodeAt(0) - 0xfdd0]!;

const CODE_SPAN = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
const IMAGE = /!\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const LINK = /\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const REFERENCE_LINK = /\[([^\]]+)\]\[[^\]]*\]/g;
const AUTOLINK = /<((?:https?|ftp|mailto):[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>/gi;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>|<!--[\s\S]*?-->/g;
// Emphasis: the run opens before a non-space and closes after one, and is not
// inside a word (for `_`) or next to another delimiter.
const STRONG_EM = /(?<![\p{L}\p{N}*_\\])(\*\*\*|___)(?=\S)([\s\S]*?\S)\1(?![\p{L}\p{N}*_])/gu;
const STRONG = /(?<![\p{L}\p{N}*_\\])(\*\*|__)(?=\S)([\s\S]*?\S)\1(?![\p{L}\p{N}*_])/gu;
const EM_STAR = /(?<![*\\])\*(?=[^\s*])([^*]*?[^\s*])\*(?!\*)/gu;
const EM_UNDERSCORE = /(?<![\p{L}\p{N}_\\])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])/gu;
const STRIKE = /(?<!~)~~(?=\S)([\s\S]*?\S)~~(?!~)/g;

function stripSpans(markdown: string): string {
  return markdown
    .replace(ESCAPE, hold)
    .replace(IMAGE, '$1')
    .replace(LINK, '$1')
    .replace(REFERENCE_LINK, '$1')
    .replace(AUTOLINK, '$1')
    .replace(HTML_TAG, '')
    .replace(STRONG_EM, '$2')
    .replace(STRONG, '$2')
    .replace(EM_STAR, '$1')
    .replace(EM_UNDERSCORE, '$1')
    .replace(STRIKE, '$1')
    // Hard line breaks: two spaces or a backslash before the newline.
    .replace(/(?: {2,}|\\)\n/g, '\n')
    .replace(HELD, release);
}

/** Removes Markdown inline syntax, leaving the words a reader sees. */
export function stripInline(markdown: string): string {
  // Code spans are taken literally; the rules apply to the text between them.
  let out = '';
  let at = 0;
  for (const match of markdown.matchAll(CODE_SPAN)) {
    out += stripSpans(markdown.slice(at, match.index));
    const code = match[2]!;
    out += code.length > 2 && code.startsWith(' ') && code.endsWith(' ') ? code.slice(1, -1) : code;
    at = match.index + match[0].length;
  }
  return decodeEntities(out + stripSpans(markdown.slice(at)));
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]+|$)/;
const CLOSING_HASHES = /[ \t]+#+[ \t]*$/;
const BLOCKQUOTE = /^ {0,3}> ?/;
const LIST_ITEM = /^ {0,3}(?:[-+*]|\d{1,9}[.)])[ \t]+/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * The body's paragraphs as plain text, in order, empty ones dropped. Headings,
 * list items, block quotes, table rows and code blocks each become paragraphs
 * of their own; thematic breaks and table delimiter rows are dropped.
 */
export function markdownToParagraphs(markdown: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) {
      const paragraph = collapseSpace(stripInline(current.join('\n')));
      if (paragraph !== '') out.push(paragraph);
      current = [];
    }
  };
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      flush();
      const marker = fence[1]!;
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trimStart().startsWith(marker); i++) code.push(lines[i]!);
      const paragraph = collapseSpace(code.join('\n'));
      if (paragraph !== '') out.push(paragraph);
      continue;
    }
    while (BLOCKQUOTE.test(line)) line = line.replace(BLOCKQUOTE, '');
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (THEMATIC_BREAK.test(line) && !(current.length > 0 && /^ {0,3}-+[ \t]*$/.test(line))) {
      flush();
      continue;
    }
    if (current.length > 0 && SETEXT_UNDERLINE.test(line)) {
      flush();
      continue;
    }
    if (HEADING.test(line)) {
      flush();
      current.push(line.replace(HEADING, '').replace(CLOSING_HASHES, ''));
      flush();
      continue;
    }
    if (TABLE_DELIMITER.test(line) && line.includes('-') && line.includes('|')) continue;
    if (LIST_ITEM.test(line)) {
      flush();
      line = line.replace(LIST_ITEM, '');
    }
    if (/^ {0,3}\|.*\|[ \t]*$/.test(line)) {
      flush();
      current.push(line.trim().slice(1, -1).split('|').map((cell) => cell.trim()).join(' | '));
      flush();
      continue;
    }
    current.push(line);
  }
  flush();
  return out;
}
