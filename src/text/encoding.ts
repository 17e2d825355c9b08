// Bytes of a text file → text. Raw articles come from scrapers and archives in
// whatever encoding they were saved in: a byte order mark says which Unicode
// form it is; without one, UTF-8 is tried strictly, and a file that is not
// valid UTF-8 is read as Windows-1252, the usual encoding of older archives.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F. The five bytes it
// leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 controls of
// the same value, as the WHATWG Encoding Standard does.
const WINDOWS_1252_HIGH: readonly number[] = [
  0x20ac,
  0x0081,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021, // 80–87 € ‚ ƒ „ … † ‡
  0x02c6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  0x008d,
  0x017d,
  0x008f, // 88–8F ˆ ‰ Š ‹ Œ Ž
  0x0090,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014, // 90–97 ‘ ’ “ ” • – —
  0x02dc,
  0x2122,
  0x0161,
  0x203a,
  0x0153,
  0x009d,
  0x017e,
  0x0178, // 98–9F ˜ ™ š › œ ž Ÿ
];

/** Decodes Windows-1252 bytes; every byte has a character, so this never fails. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  // Built in chunks: String.fromCharCode takes its arguments on the stack.
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const byte = bytes[i]!;
      codes[i - start] = byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80]! : byte;
    }
    // eslint-disable-next-line no-restricted-syntax -- a chunk of CHUNK codes at most
    out += String.fromCharCode(...codes);
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });

function swapBytes(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  return swapped;
}

// TextDecoder has no UTF-32: few texts use it, and it is simple to read.
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength - (bytes.byteLength % 4));
  const chars: string[] = [];
  for (let at = 0; at < view.byteLength; at += 4) {
    const code = view.getUint32(at, littleEndian);
    chars.push(String.fromCodePoint(code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? code : 0xfffd));
  }
  return chars.join('');
}

/** The Unicode form a byte order mark at the start of the bytes names, and the mark's length. */
export function byteOrderMark(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * Decodes bytes in an encoding known by its WHATWG name (or 'utf-32le',
 * 'utf-32be'); never throws, bytes that do not decode become U+FFFD. A byte
 * order mark is not dropped: the caller knows whether there is one.
 */
export function decodeAs(encoding: string, bytes: Uint8Array): string {
  // Node 20's TextDecoder reads windows-1252 (and every label the standard
  // maps to it: iso-8859-1, latin1, ascii) as Latin-1, so 0x80–0x9F become
  // C1 controls instead of € “ ” – …; the project's own decoder is right.
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  if (encoding === 'utf-16le') return utf16le.decode(bytes);
  // Big-endian is swapped by hand: Node built without full ICU lacks a utf-16be decoder.
  if (encoding === 'utf-16be') return utf16le.decode(swapBytes(bytes));
  if (encoding === 'utf-32le' || encoding === 'utf-32be') return decodeUtf32(bytes, encoding === 'utf-32le');
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

/** Strict UTF-8, else Windows-1252: what bytes of no declared encoding most likely are. */
export function decodeUtf8OrWindows1252(bytes: Uint8Array): DecodedText {
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Reads the bytes of a text file: UTF-8 (with or without a byte order mark),
 * UTF-16 LE or BE (with a byte order mark), else Windows-1252. The byte order
 * mark is not part of the text. Line ends are left as they are.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom === null || bom.encoding === 'utf-8') return decodeUtf8OrWindows1252(bytes.subarray(bom?.length ?? 0));
  return { text: decodeAs(bom.encoding, bytes.subarray(bom.length)), encoding: bom.encoding };
}
