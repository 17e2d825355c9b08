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

/**
 * Reads the bytes of a text file: UTF-8 (with or without a byte order mark),
 * UTF-16 LE or BE (with a byte order mark), else Windows-1252. The byte order
 * mark is not part of the text. Line ends are left as they are.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    try {
      return { text: utf8.decode(body), encoding: 'utf-8' };
    } catch {
      return { text: decodeWindows1252(body), encoding: 'windows-1252' };
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16le.decode(bytes.subarray(2)), encoding: 'utf-16le' };
  // Big-endian is swapped by hand: Node built without full ICU lacks a utf-16be decoder.
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16le.decode(swapBytes(bytes.subarray(2))), encoding: 'utf-16be' };
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}
