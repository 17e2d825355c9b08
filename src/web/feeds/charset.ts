// Feed bytes → text. Which charset, in order of authority: a byte order mark;
// the bytes of `<?xml` in UTF-16 or UTF-32 without one; the charset of the
// HTTP Content-Type; the encoding of the XML declaration; UTF-8. A label
// that TextDecoder does not know is passed over, and so is UTF-8 that does
// not decode (servers and feeds often claim UTF-8 for Latin-1 text); when
// nothing else fits the bytes are read as Windows-1252, which maps every byte.
// C1 control characters in the text are taken for the Windows-1252
// punctuation they almost always are (curly quotes, dashes written by a
// Windows program and labelled Latin-1 or converted to UTF-8 byte by byte).
import { decodeWindows1252 } from '../../text/encoding.js';

export interface DecodedFeed {
  text: string;
  /** The WHATWG name of the encoding used ('utf-8', 'windows-1252', 'utf-16le', …), or 'utf-32le'/'utf-32be'. */
  encoding: string;
}

/** The charset parameter of a Content-Type, unquoted, or null. */
export function charsetOfContentType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;]+))/i.exec(contentType);
  const label = (match?.[1] ?? match?.[2] ?? match?.[3])?.trim();
  return label ? label : null;
}

type Decoder = InstanceType<typeof TextDecoder>;

function decoderFor(label: string, fatal = false): Decoder | null {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: true });
  } catch {
    return null;
  }
}

// TextDecoder has no UTF-32: few feeds use it, and it is simple to read.
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength - (bytes.byteLength % 4));
  const chars: string[] = [];
  for (let at = 0; at < view.byteLength; at += 4) {
    const code = view.getUint32(at, littleEndian);
    chars.push(String.fromCodePoint(code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? code : 0xfffd));
  }
  return chars.join('');
}

type Sniffed = { encoding: string; skip: number };

function sniff(bytes: Uint8Array): Sniffed | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return { encoding: 'utf-32le', skip: 4 };
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return { encoding: 'utf-32be', skip: 4 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', skip: 2 };
  // No mark: the first character of an XML document is `<`, which shows the width and order.
  if (b0 === 0 && b1 === 0 && b2 === 0 && b3 === 0x3c) return { encoding: 'utf-32be', skip: 0 };
  if (b0 === 0x3c && b1 === 0 && b2 === 0 && b3 === 0) return { encoding: 'utf-32le', skip: 0 };
  if (b0 === 0 && b1 === 0x3c && b2 === 0 && b3 === 0x3f) return { encoding: 'utf-16be', skip: 0 };
  if (b0 === 0x3c && b1 === 0 && b2 === 0x3f && b3 === 0) return { encoding: 'utf-16le', skip: 0 };
  return null;
}

// Node's TextDecoder reads 'windows-1252' (and the labels that mean it:
// iso-8859-1, us-ascii, latin1) as Latin-1, leaving 0x80–0x9F as controls.
function decodeWith(decoder: Decoder, bytes: Uint8Array): string {
  return decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
}

function decodeAs(encoding: string, bytes: Uint8Array): string {
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return decodeUtf32(bytes, encoding === 'utf-32le');
  return (decoderFor(encoding) ?? new TextDecoder()).decode(bytes);
}

const demoronize = (text: string): string =>
  /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => decodeWindows1252(Uint8Array.of(c.charCodeAt(0)))) : text;

/** The encoding named by an XML declaration at the start of ASCII-compatible bytes. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = decodeWindows1252(bytes.subarray(0, 1024));
  const match = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)\s*["']/.exec(head);
  return match?.[1] ?? null;
}

/** Decodes a feed's body; a string is taken as already decoded (a byte order mark at its start is dropped). */
export function decodeFeedBody(body: string | Uint8Array, contentType?: string): DecodedFeed {
  const decoded = decodeBytes(body, contentType);
  return { text: demoronize(decoded.text), encoding: decoded.encoding };
}

function decodeBytes(body: string | Uint8Array, contentType: string | undefined): DecodedFeed {
  if (typeof body === 'string') return { text: body.replace(/^\uFEFF/, ''), encoding: 'utf-16' };
  const sniffed = sniff(body);
  if (sniffed) return { text: decodeAs(sniffed.encoding, body.subarray(sniffed.skip)), encoding: sniffed.encoding };
  // Bytes that read as ASCII cannot be UTF-16 or UTF-32, whatever a label says.
  const usable = (label: string | null): Decoder | null => {
    if (!label || /^(?:utf|ucs)-?(?:16|32|2|4)/i.test(label)) return null;
    return decoderFor(label);
  };
  for (const label of [charsetOfContentType(contentType), declaredEncoding(body)]) {
    const decoder = usable(label);
    if (!decoder) continue;
    if (decoder.encoding === 'utf-8') {
      try {
        return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
      } catch {
        continue;
      }
    }
    return { text: decodeWith(decoder, body), encoding: decoder.encoding };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}
