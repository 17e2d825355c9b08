import { describe, expect, it } from 'vitest';
import { charsetOfContentType, decodeFeedBody, decodePage, prescanCharset, xmlDeclaredEncoding } from '../../src/web/charset.js';

const latin = (text: string) => Buffer.from(text, 'latin1');
const bom16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);

// Pages and feeds share the decoding; each has its own rule for where a
// document declares its encoding.
describe('the charset of pages and feeds', () => {
  it('reads the charset of a Content-Type, quoted either way', () => {
    expect(charsetOfContentType('text/html; charset=ISO-8859-1')).toBe('ISO-8859-1');
    expect(charsetOfContentType(`application/rss+xml; charset='windows-1252'`)).toBe('windows-1252');
    expect(charsetOfContentType('text/html;charset="utf-8"; foo=bar')).toBe('utf-8');
    expect(charsetOfContentType(undefined)).toBeNull();
  });

  it('takes a byte order mark over anything declared, in both', () => {
    const page = bom16be('<meta charset="windows-1251"><p>Zoë</p>');
    expect(decodePage(page, 'text/html; charset=iso-8859-1')).toEqual({ text: '<meta charset="windows-1251"><p>Zoë</p>', encoding: 'utf-16be' });
    const feed = bom16be('<?xml version="1.0" encoding="iso-8859-1"?><rss/>');
    expect(decodeFeedBody(feed, 'text/xml; charset=iso-8859-1')).toEqual({ text: '<?xml version="1.0" encoding="iso-8859-1"?><rss/>', encoding: 'utf-16be' });
  });

  it('reads a page by its <meta> and a feed by its XML declaration, not the other way round', () => {
    const page = latin('<meta charset="windows-1252"><p>\x93caf\xe9\x94</p>');
    expect(prescanCharset(page)).toBe('windows-1252');
    expect(xmlDeclaredEncoding(page)).toBeNull();
    expect(decodePage(page)).toEqual({ text: '<meta charset="windows-1252"><p>“café”</p>', encoding: 'windows-1252' });
    const feed = latin('<?xml version="1.0" encoding="windows-1252"?><rss><title>\x93caf\xe9\x94</title></rss>');
    expect(xmlDeclaredEncoding(feed)).toBe('windows-1252');
    expect(prescanCharset(feed)).toBeNull();
    expect(decodeFeedBody(feed).encoding).toBe('windows-1252');
  });

  it('lets the Content-Type outrank what the document declares, in both', () => {
    expect(decodePage(latin('<meta charset="utf-8"><p>\xe9</p>'), 'text/html; charset=iso-8859-1')).toEqual({
      text: '<meta charset="utf-8"><p>é</p>',
      encoding: 'windows-1252',
    });
    expect(decodeFeedBody(latin('<?xml version="1.0" encoding="utf-8"?><t>\xe9</t>'), 'text/xml; charset=iso-8859-1').text).toBe(
      '<?xml version="1.0" encoding="utf-8"?><t>é</t>',
    );
  });

  it('reads undeclared bytes as UTF-8, else Windows-1252, in both', () => {
    expect(decodePage(Buffer.from('<p>Grüße</p>'))).toEqual({ text: '<p>Grüße</p>', encoding: 'utf-8' });
    expect(decodePage(latin('<p>Gr\xfc\xdfe \x96</p>'))).toEqual({ text: '<p>Grüße –</p>', encoding: 'windows-1252' });
    expect(decodeFeedBody(Buffer.from('<t>Grüße</t>'))).toEqual({ text: '<t>Grüße</t>', encoding: 'utf-8' });
    expect(decodeFeedBody(latin('<t>Gr\xfc\xdfe \x96</t>'))).toEqual({ text: '<t>Grüße –</t>', encoding: 'windows-1252' });
  });

  it('passes over an encoding that is unsafe to decode', () => {
    expect(decodePage(Buffer.from('<p>plain</p>'), 'text/html; charset=iso-2022-kr')).toEqual({ text: '<p>plain</p>', encoding: 'utf-8' });
    expect(decodeFeedBody(Buffer.from('<t>plain</t>'), 'text/xml; charset=iso-2022-kr')).toEqual({ text: '<t>plain</t>', encoding: 'utf-8' });
  });
});
