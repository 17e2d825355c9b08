import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charsetOfContentType, decodePage, prescanCharset } from '../../src/web/charset.js';
import { dayInUrl, normalizeDate } from '../../src/web/dates.js';
import { limitNesting } from '../../src/web/extract/extract.js';
import { cleanAuthor, stripSiteName } from '../../src/web/extract/metadata.js';

describe('normalizeDate', () => {
  it("keeps the publisher's wall-clock time and offset", () => {
    expect(normalizeDate('2019-11-19T05:00:09-05:00')).toBe('2019-11-19T05:00:09-05:00');
    expect(normalizeDate('2019-11-19T05:00:09.123-0500')).toBe('2019-11-19T05:00:09-05:00');
    expect(normalizeDate('2019-11-19 23:30 +0530')).toBe('2019-11-19T23:30:00+05:30');
    expect(normalizeDate('2019-11-19T10:00:09Z')).toBe('2019-11-19T10:00:09Z');
    expect(normalizeDate('2019-11-19T05:00:09')).toBe('2019-11-19T05:00:09');
    expect(normalizeDate('2019-11-19')).toBe('2019-11-19');
  });

  it('reads RFC 2822 dates, and days written in words without guessing an hour', () => {
    expect(normalizeDate('Tue, 19 Nov 2019 05:00:09 -0500')).toBe('2019-11-19T05:00:09-05:00');
    expect(normalizeDate('19 Nov 2019 05:00:09 GMT')).toBe('2019-11-19T05:00:09Z');
    expect(normalizeDate('Nov. 19, 2019 5:00 a.m. ET')).toBe('2019-11-19');
    expect(normalizeDate('Published 19th November 2019')).toBe('2019-11-19');
    expect(normalizeDate('September 3 2021')).toBe('2021-09-03');
  });

  it('refuses what is not a date', () => {
    for (const text of ['', 'yesterday', '2019-02-30', '2019-13-01', 'Mayor 12, 2019', '2019-11-19T25:00:00Z']) expect(normalizeDate(text)).toBeNull();
  });

  it('finds the day of a dated address', () => {
    expect(dayInUrl('https://news.example/2019/11/19/story-name')).toBe('2019-11-19');
    expect(dayInUrl('https://news.example/story/2019-11-19/name')).toBe('2019-11-19');
    expect(dayInUrl('https://news.example/story/12345/name')).toBeNull();
  });
});

describe('charset', () => {
  const bytes = (text: string) => Buffer.from(text, 'latin1');

  it('reads the charset of a Content-Type', () => {
    expect(charsetOfContentType('text/html; charset=ISO-8859-1')).toBe('ISO-8859-1');
    expect(charsetOfContentType('text/html;charset="utf-8"; foo=bar')).toBe('utf-8');
    expect(charsetOfContentType('text/html')).toBeNull();
  });

  it('finds a declaration in the first 1024 bytes only, skipping comments', () => {
    expect(prescanCharset(bytes('<!doctype html><meta charset=windows-1251>'))).toBe('windows-1251');
    expect(prescanCharset(bytes(`<meta content="text/html; charset=shift_jis" http-equiv="Content-Type">`))).toBe('shift_jis');
    expect(prescanCharset(bytes('<!-- <meta charset="koi8-r"> --><meta charset="gb2312">'))).toBe('gbk');
    expect(prescanCharset(bytes(`${' '.repeat(1100)}<meta charset="windows-1251">`))).toBeNull();
    // A page cannot declare itself UTF-16: it got this far as ASCII.
    expect(prescanCharset(bytes('<meta charset="utf-16le">'))).toBe('utf-8');
    // An unknown encoding is passed over, as browsers do.
    expect(prescanCharset(bytes('<meta charset="no-such-encoding"><meta charset="utf-8">'))).toBe('utf-8');
    expect(prescanCharset(bytes('<meta charset="no-such-encoding">'))).toBeNull();
  });

  it('decodes UTF-16 with a byte order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>Zoë</p>', 'utf16le')]);
    expect(decodePage(le)).toEqual({ text: '<p>Zoë</p>', encoding: 'utf-16le' });
  });

  it('never throws, whatever the bytes and the declared encoding', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.constantFrom(undefined, 'text/html; charset=shift_jis', 'text/html; charset=utf-8', 'text/html; charset=bogus'),
        (data, type) => {
          expect(typeof decodePage(data, type).text).toBe('string');
        },
      ),
    );
  });
});

describe('limitNesting', () => {
  it('leaves ordinary pages as they are', () => {
    const html = '<html><body><div><p>One<p>Two</div><script>if (a < b) { document.write("<div><div>") }</script></body></html>';
    expect(limitNesting(html)).toBe(html);
  });

  it('drops the tags nested past 500 levels and keeps their text', () => {
    const html = `${'<div>'.repeat(600)}deep text${'</div>'.repeat(600)}`;
    const limited = limitNesting(html);
    expect(limited.match(/<div>/g)).toHaveLength(500);
    expect(limited.match(/<\/div>/g)).toHaveLength(500);
    expect(limited).toContain('deep text');
  });
});

describe('metadata helpers', () => {
  it('strips the site name that templates add to titles', () => {
    expect(stripSiteName('Harbour board approves ferry | The Alder Gazette', ['The Alder Gazette'])).toBe('Harbour board approves ferry');
    expect(stripSiteName('Alder Gazette - Harbour board approves ferry', ['alder-gazette.example'])).toBe('Harbour board approves ferry');
    expect(stripSiteName('Ferries: the long view', ['The Alder Gazette'])).toBe('Ferries: the long view');
  });

  it('cleans bylines into names', () => {
    expect(cleanAuthor('By Jane Doe')).toBe('Jane Doe');
    expect(cleanAuthor('  Written by  Jane Doe | Staff ')).toBe('Jane Doe');
    expect(cleanAuthor('Текст: Анна Петрова')).toBe('Анна Петрова');
    expect(cleanAuthor('https://social.example/janedoe')).toBeNull();
    expect(cleanAuthor('admin')).toBeNull();
  });
});
