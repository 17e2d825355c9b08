import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252 } from '../../src/text/encoding.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};

describe('decodeText', () => {
  it('reads UTF-8, with or without a byte order mark, which is not part of the text', () => {
    expect(decodeText(Buffer.from('Zürich — “quoted”\r\n'))).toEqual({ text: 'Zürich — “quoted”\r\n', encoding: 'utf-8' });
    expect(decodeText(Buffer.from('\uFEFFZürich'))).toEqual({ text: 'Zürich', encoding: 'utf-8' });
  });

  it('reads UTF-16 with a byte order mark, little- and big-endian', () => {
    expect(decodeText(Buffer.concat([bytes(0xff, 0xfe), Buffer.from('Zürich £5 😀', 'utf16le')]))).toEqual({
      text: 'Zürich £5 😀',
      encoding: 'utf-16le',
    });
    expect(decodeText(Buffer.concat([bytes(0xfe, 0xff), utf16be('Zürich £5 😀')]))).toEqual({
      text: 'Zürich £5 😀',
      encoding: 'utf-16be',
    });
  });

  it('falls back to Windows-1252 for text that is not valid UTF-8', () => {
    // "£5m" with the pound sign as the single byte 0xA3.
    expect(decodeText(bytes(0xa3, 0x35, 0x6d))).toEqual({ text: '£5m', encoding: 'windows-1252' });
    expect(decodeText(bytes(0x93, 0x48, 0x69, 0x94, 0x20, 0x80, 0x31, 0x20, 0x97, 0x20, 0xe9)).text).toBe('“Hi” €1 — é');
    // A byte order mark does not make bytes valid UTF-8.
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0xa3, 0x31))).toEqual({ text: '£1', encoding: 'windows-1252' });
  });

  it('round-trips any text through UTF-8 and UTF-16 with a byte order mark', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(decodeText(Buffer.from('\uFEFF' + text)).text).toBe(text);
        expect(decodeText(Buffer.concat([bytes(0xff, 0xfe), Buffer.from(text, 'utf16le')])).text).toBe(text);
        expect(decodeText(Buffer.concat([bytes(0xfe, 0xff), utf16be(text)])).text).toBe(text);
      }),
    );
  });
});

describe('decodeWindows1252', () => {
  it('maps 0x80–0x9F through the Windows-1252 table and the rest as Latin-1', () => {
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    expect(all).toHaveLength(256);
    expect(all.slice(0x80, 0xa0)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
    expect(all.slice(0xa0)).toBe(Buffer.from(Uint8Array.from({ length: 96 }, (_, i) => 0xa0 + i)).toString('latin1'));
    expect(all.slice(0, 0x80)).toBe(Buffer.from(Uint8Array.from({ length: 128 }, (_, i) => i)).toString('latin1'));
  });

  it('decodes large files', () => {
    expect(decodeWindows1252(new Uint8Array(100_000).fill(0xa3))).toBe('£'.repeat(100_000));
  });
});
