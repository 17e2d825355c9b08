import { describe, expect, it } from 'vitest';
import { dayInWords, normalizeDate, normalizeFeedDate } from '../../src/web/dates.js';

// One grammar reads the dates of pages and of feeds; they differ only in
// what they make of what a date leaves unsaid.
describe('the dates of pages and feeds', () => {
  it.each([
    ['2019-11-19T05:00:09-05:00', '2019-11-19T05:00:09-05:00', '2019-11-19T05:00:09-05:00'],
    ['Tue, 19 Nov 2019 05:00:09 -0500', '2019-11-19T05:00:09-05:00', '2019-11-19T05:00:09-05:00'],
    ['Tue, 19 Nov 2019 05:00:09 EST', '2019-11-19T05:00:09-05:00', '2019-11-19T05:00:09-05:00'],
    ['Nov 19, 2019 05:00 +0100', '2019-11-19T05:00:00+01:00', '2019-11-19T05:00:00+01:00'],
    ['20191119', '2019-11-19', '2019-11-19'],
    // A time without a zone: the wall clock on a page, UTC in a feed.
    ['2019-11-19T05:00:09', '2019-11-19T05:00:09', '2019-11-19T05:00:09Z'],
    // Milliseconds: kept in feeds only.
    ['2019-11-19T05:00:09.5Z', '2019-11-19T05:00:09Z', '2019-11-19T05:00:09.500Z'],
    // A year or a month alone: a date in feeds (W3C-DTF) only.
    ['2019-11', null, '2019-11'],
  ])('%s → page %s, feed %s', (raw, page, feed) => {
    expect(normalizeDate(raw)).toBe(page);
    expect(normalizeFeedDate(raw)).toBe(feed);
  });

  it('reads no hour past AM or PM: a page keeps the day, a feed asks Date.parse', () => {
    expect(normalizeDate('November 19, 2019 5:00 PM')).toBe('2019-11-19');
    expect(normalizeFeedDate('Nov 19, 2019 5:00 PM')).toBe('2019-11-19T17:00:00Z');
  });

  it('refuses what names no real day in both', () => {
    for (const raw of ['2019-02-30', 'Thu, 31 Jun 2024 10:00:00 GMT', '2019-13-01', '2019-11-19T25:00:00Z']) {
      expect(normalizeDate(raw)).toBeNull();
      expect(normalizeFeedDate(raw)).toBeNull();
    }
  });

  it('finds days in running text by English month names only', () => {
    expect(dayInWords('Updated 19 November 2019, 10:04')).toBe('2019-11-19');
    expect(dayInWords('Lisboa, 19 out 2019')).toBeNull();
    expect(normalizeFeedDate('Sáb, 19 Out 2019 10:00:00 -0300')).toBe('2019-10-19T10:00:00-03:00');
  });
});
