// Bytes from the web → text, for pages and for feeds. Both decide the
// encoding from, in order of authority, a byte order mark, then what the
// document and its HTTP Content-Type declare, then the bytes themselves:
// strict UTF-8, else Windows-1252, the usual encoding of older pages and
// feeds (where a browser would guess from the user's locale). They differ in
// where a document declares its encoding, each a small function here: a page
// in a `<meta>` of its first 1024 bytes (prescanCharset, the WHATWG sniffing
// algorithm), a feed in its XML declaration (xmlDeclaredEncoding), its width
// shown by the bytes of `<?xml` (sniffXml).
import { byteOrderMark, decodeAs, decodeUtf8OrWindows1252, decodeWindows1252 } from '../text/encoding.js';

export interface Decoded {
  text: string;
  /**
   * The WHATWG name of the encoding the bytes were read as ('utf-8',
   * 'windows-1252', 'utf-16le', …), or 'utf-32le'/'utf-32be'; 'utf-16' for
   * a feed given as a string.
   */
  encoding: string;
}
export type DecodedPage = Decoded;
export type DecodedFeed = Decoded;

/**
 * The WHATWG name of an encoding label, or null when TextDecoder knows no
 * such encoding, or knows it as "replacement": one unsafe to decode, which
 * browsers show nothing of; a reader is better served by the fallback.
 */
export function encodingOf(label: string): string | null {
  try {
    const encoding = new TextDecoder(label.trim()).encoding;
    return encoding === 'replacement' ? null : encoding;
  } catch {
    return null;
  }
}

/** The charset parameter of a Content-Type value (`text/html; charset="utf-8"`), unquoted, or null. */
export function charsetOfContentType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"]+))/i.exec(contentType);
  const label = (match?.[1] ?? match?.[2] ?? match?.[3])?.trim();
  return label ? label : null;
}

/** The encoding a byte order mark names, and the rest of the bytes; null without one. */
function decodeByBom(bytes: Uint8Array): Decoded | null {
  const bom = byteOrderMark(bytes);
  return bom && { text: decodeAs(bom.encoding, bytes.subarray(bom.length)), encoding: bom.encoding };
}

// Pages.

// A page can only declare an encoding that keeps ASCII where it is: the spec
// reads a declared UTF-16 as UTF-8 (the page got this far as ASCII) and
// x-user-defined as Windows-1252.
function fromDeclaration(label: string): string | null {
  const encoding = encodingOf(label);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'utf-8';
  if (encoding === 'x-user-defined') return 'windows-1252';
  return encoding;
}

const PRESCAN_BYTES = 1024;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/g;

/** The first bytes of a document as Latin-1: offsets stay byte offsets, and any ASCII-compatible declaration reads as written. */
function headOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString('latin1');
}

/**
 * The encoding a page declares in a `<meta>` tag of its first 1024 bytes, as
 * the HTML prescan finds it: comments are skipped, `charset` wins inside a
 * tag, else `http-equiv="content-type"` with a `content` naming a charset.
 */
export function prescanCharset(bytes: Uint8Array): string | null {
  const head = headOf(bytes);
  let at = 0;
  while (at < head.length) {
    const open = head.indexOf('<', at);
    if (open < 0) break;
    if (head.startsWith('<!--', open)) {
      const close = head.indexOf('-->', open + 4);
      if (close < 0) break;
      at = close + 3;
      continue;
    }
    const tag = /^<meta[\s/]/i.exec(head.slice(open, open + 6));
    const end = head.indexOf('>', open);
    if (end < 0) break;
    if (tag) {
      const found = charsetOfMeta(head.slice(open + 5, end));
      if (found) return found;
    }
    at = end + 1;
  }
  return null;
}

function charsetOfMeta(attributes: string): string | null {
  let charset: string | null = null;
  let httpEquiv = false;
  let content: string | null = null;
  for (const match of attributes.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    if (name === 'charset' && charset === null) charset = value;
    else if (name === 'http-equiv') httpEquiv = value.trim().toLowerCase() === 'content-type';
    else if (name === 'content' && content === null) content = value;
  }
  if (charset !== null) return fromDeclaration(charset);
  if (httpEquiv && content !== null) {
    const label = charsetOfContentType(';' + content.replace(/^[^;]*;?/, ''));
    if (label) return fromDeclaration(label);
  }
  return null;
}

/** Decodes the bytes of a page; never throws, undecodable bytes become U+FFFD. */
export function decodePage(bytes: Uint8Array, contentType?: string): DecodedPage {
  const byBom = decodeByBom(bytes);
  if (byBom) return byBom;
  const transport = charsetOfContentType(contentType);
  const declared = (transport ? encodingOf(transport) : null) ?? prescanCharset(bytes);
  if (declared) return { text: decodeAs(declared, bytes), encoding: declared };
  return decodeUtf8OrWindows1252(bytes);
}

// Feeds.

/** Without a byte order mark, the first character of an XML document is `<`, which shows the width and order; UTF-32 by its mark. */
function sniffXml(bytes: Uint8Array): { encoding: string; skip: number } | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return { encoding: 'utf-32le', skip: 4 };
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return { encoding: 'utf-32be', skip: 4 };
  if (b0 === 0 && b1 === 0 && b2 === 0 && b3 === 0x3c) return { encoding: 'utf-32be', skip: 0 };
  if (b0 === 0x3c && b1 === 0 && b2 === 0 && b3 === 0) return { encoding: 'utf-32le', skip: 0 };
  if (b0 === 0 && b1 === 0x3c && b2 === 0 && b3 === 0x3f) return { encoding: 'utf-16be', skip: 0 };
  if (b0 === 0x3c && b1 === 0 && b2 === 0x3f && b3 === 0) return { encoding: 'utf-16le', skip: 0 };
  return null;
}

/** The encoding named by an XML declaration at the start of ASCII-compatible bytes. */
export function xmlDeclaredEncoding(bytes: Uint8Array): string | null {
  const match = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)\s*["']/.exec(headOf(bytes));
  return match?.[1] ?? null;
}

// C1 control characters in the text are taken for the Windows-1252
// punctuation they almost always are (curly quotes, dashes written by a
// Windows program and labelled Latin-1 or converted to UTF-8 byte by byte).
const demoronize = (text: string): string =>
  /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => decodeWindows1252(Uint8Array.of(c.charCodeAt(0)))) : text;

/**
 * Decodes a feed's body; a string is taken as already decoded (a byte order
 * mark at its start is dropped). After the mark and the bytes of `<?xml`, the
 * Content-Type's charset outranks the XML declaration. A label that names no
 * known encoding, or UTF-16 or UTF-32 on bytes that read as ASCII, is passed
 * over, and so is UTF-8 that does not decode (servers and feeds often claim
 * UTF-8 for Latin-1 text).
 */
export function decodeFeedBody(body: string | Uint8Array, contentType?: string): DecodedFeed {
  const decoded = decodeFeedBytes(body, contentType);
  return { text: demoronize(decoded.text), encoding: decoded.encoding };
}

function decodeFeedBytes(body: string | Uint8Array, contentType: string | undefined): DecodedFeed {
  if (typeof body === 'string') return { text: body.replace(/^\uFEFF/, ''), encoding: 'utf-16' };
  const sniffed = sniffXml(body);
  if (sniffed) return { text: decodeAs(sniffed.encoding, body.subarray(sniffed.skip)), encoding: sniffed.encoding };
  const byBom = decodeByBom(body);
  if (byBom) return byBom;
  for (const label of [charsetOfContentType(contentType), xmlDeclaredEncoding(body)]) {
    if (!label || /^(?:utf|ucs)-?(?:16|32|2|4)/i.test(label)) continue;
    const encoding = encodingOf(label);
    if (encoding === null) continue;
    if (encoding !== 'utf-8') return { text: decodeAs(encoding, body), encoding };
    const strict = decodeUtf8OrWindows1252(body);
    if (strict.encoding === 'utf-8') return strict;
  }
  return decodeUtf8OrWindows1252(body);
}
