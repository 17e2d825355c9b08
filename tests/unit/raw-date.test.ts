import { describe, expect, it } from 'vitest';
import { dateLineDate, isoDateOf } from '../../src/parse/dateline.js';
import { parseRawText } from '../../src/parse/raw.js';

describe('isoDateOf', () => {
  it.each([
    ['3 March 2016', '2016-03-03'],
    ['3rd Mar 2016', '2016-03-03'],
    ['Thursday, 3 March 2016', '2016-03-03'],
    ['March 3, 2016', '2016-03-03'],
    ['Sept. 24, 2014', '2014-09-24'],
    ['Thu Mar 3 2016', '2016-03-03'],
    ['2016-03-03', '2016-03-03'],
    // The publisher's day, never moved to UTC.
    ['3 March 2016 23:30 EST', '2016-03-03'],
    ['March 3, 2016 11:30 p.m. ET', '2016-03-03'],
    ['2016-03-03T23:30:00-05:00', '2016-03-03'],
    ['29 February 2016', '2016-02-29'],
  ])('reads %s as %s', (text, iso) => {
    expect(isoDateOf(text)).toBe(iso);
  });

  it.each(['March 3', '3 March', 'March 2016', '31 February 2016', '29 February 2015', '03/03/2016', 'Octopus 3, 2016', 'The vote was on 3 March 2016.', ''])(
    'reads no date in %j',
    (text) => {
      expect(isoDateOf(text)).toBeNull();
    },
  );

  it('reads a labelled date line', () => {
    expect(dateLineDate('Published: 3 March 2016')).toBe('2016-03-03');
    expect(dateLineDate('Last updated on March 3, 2016')).toBe('2016-03-03');
    expect(dateLineDate('Published by the council')).toBeNull();
  });
});

describe('parseRawText: the date in the opening lines', () => {
  it('takes a line that is only a date into the date, out of the body', () => {
    const raw = parseRawText('Harbour Reopens\n\n3 March 2016\n\nThe harbour reopened on Monday.\n');
    expect(raw).toMatchObject({ headline: 'Harbour Reopens', date: '2016-03-03', paragraphs: ['The harbour reopened on Monday.'] });
  });

  it('reads "Published: …" and a by-line before it', () => {
    const raw = parseRawText('Harbour Reopens\nBy Jo Varga\nPublished: 3 March 2016\nThe harbour reopened.\nShips were waiting.\n');
    expect(raw.date).toBe('2016-03-03');
    expect(raw.paragraphs).toEqual(['By Jo Varga', 'The harbour reopened.', 'Ships were waiting.']);
  });

  it("reads a dateline's date when it has a year, and leaves the dateline in the body", () => {
    const raw = parseRawText('Vote Delayed\n\nWASHINGTON, Nov. 19, 2015 (UPI) — The vote was delayed.\n');
    expect(raw.date).toBe('2015-11-19');
    expect(raw.paragraphs).toEqual(['WASHINGTON, Nov. 19, 2015 (UPI) — The vote was delayed.']);
  });

  it('invents no date: none for a dateline without a year, a date in a sentence, a date far down', () => {
    expect(parseRawText('Vote Delayed\n\nNEW YORK, Nov. 19 (UPI) — The vote was delayed.\n').date).toBeNull();
    expect(parseRawText('Vote Delayed\n\nThe vote was held on 3 March 2016 in the hall.\n').date).toBeNull();
    expect(parseRawText('Vote Delayed\n\nOne.\n\nTwo.\n\nThree.\n\n3 March 2016\n').date).toBeNull();
    expect(parseRawText('Vote Delayed\n\n31 February 2016\n\nOne.\n')).toMatchObject({ date: null, paragraphs: ['31 February 2016', 'One.'] });
  });

  it('reads the date of the scraped form too', () => {
    const raw = parseRawText('National\n123\nHarbour Reopens\nHarbour Reopens\n3 March 2016\nThe harbour reopened.\nExample.com\n');
    expect(raw).toMatchObject({ section: 'National', source: 'Example.com', date: '2016-03-03', paragraphs: ['The harbour reopened.'] });
  });
});
