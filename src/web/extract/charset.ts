// Bytes of a web page → text, deciding the encoding the way browsers do (the
// WHATWG encoding sniffing algorithm, without the locale-dependent guess): a
// byte order mark, else the charset of the HTTP Content-Type, else a
// `<meta charset>` or `http-equiv` declaration in the first 1024 bytes, else
// UTF-8. Where a browser would guess from the user's locale, bytes that are not
// valid UTF-8 are read as Windows-1252, the usual encoding of older pages.

import { decodeWindows1252 } from '../../text/encoding.js';

export interface DecodedPage {
  text: string;
  /** The WHATWG name of the encoding the bytes were read as, e.g. "windows-1252". */
  encoding: string;
}

/** The WHATWG name of an encoding label, or null when TextDecoder knows no such encoding. */
export function encodingOf(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** The charset parameter of a Content-Type value (`text/html; charset="utf-8"`), or null. */
export function charsetOfContentType(contentType: string): string | null {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s"]+))/i.exec(contentType);
  const label = match?.[1] ?? match?.[2];
  return label ? label.trim() : null;
}

// A page can only declare an encoding that keeps ASCII where it is: the spec
// reads a declared UTF-16 as UTF-8 (the page got this far as ASCII) and
// x-user-defined as Windows-1252.
function fromDeclaration(label: string): string | null {
  const encoding = encodingOf(label);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'utf-8';
  if (encoding === 'x-user-defined') return 'windows-1252';
  // "replacement" stands for encodings that are unsafe to decode; browsers
  // show nothing, a reader is better served by UTF-8.
  if (encoding === 'replacement') return null;
  return encoding;
}

const PRESCAN_BYTES = 1024;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/g;

/**
 * The encoding a page declares in a `<meta>` tag of its first 1024 bytes, as
 * the HTML prescan finds it: comments are skipped, `charset` wins inside a
 * tag, else `http-equiv="content-type"` with a `content` naming a charset.
 */
export function prescanCharset(bytes: Uint8Array): string | null {
  // Latin-1 maps each byte to one character, so offsets stay byte offsets and
  // any ASCII-compatible declaration reads as written.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString('latin1');
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

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  return null;
}

function decodeAs(encoding: string, bytes: Uint8Array): string {
  // Node 20's TextDecoder reads windows-1252 (and every label the standard
  // maps to it: iso-8859-1, latin1, ascii) as Latin-1, so 0x80–0x9F become
  // C1 controls instead of € “ ” – …; the project's own decoder is right.
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

/** Decodes the bytes of a page; never throws, undecodable bytes become U+FFFD. */
export function decodePage(bytes: Uint8Array, contentType?: string): DecodedPage {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeAs(bom.encoding, bytes.subarray(bom.skip)), encoding: bom.encoding };
  const transport = contentType ? charsetOfContentType(contentType) : null;
  const fromTransport = transport ? encodingOf(transport) : null;
  const declared = (fromTransport !== 'replacement' ? fromTransport : null) ?? prescanCharset(bytes);
  if (declared) return { text: decodeAs(declared, bytes), encoding: declared };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}
