import { describe, expect, it } from 'vitest';
import { detectDateline, parseDatelineText } from '../../src/parse/dateline.js';

describe('detectDateline', () => {
  const cases: Array<[string, { place: string; date: string | null; agency: string | null }, string]> = [
    ['WASHINGTON (AP) — The Senate voted.', { place: 'WASHINGTON', date: null, agency: 'AP' }, 'The Senate voted.'],
    ['LONDON, Sept. 24 (Reuters) - Shares rose.', { place: 'LONDON', date: 'Sept. 24', agency: 'Reuters' }, 'Shares rose.'],
    ['HEMPSTEAD, N.Y., Sept. 26 (UPI) — The debate began.', { place: 'HEMPSTEAD, N.Y.', date: 'Sept. 26', agency: 'UPI' }, 'The debate began.'],
    ['SELMA, N.C.—Crowds gathered.', { place: 'SELMA, N.C.', date: null, agency: null }, 'Crowds gathered.'],
    ['NEWPORT NEWS, Va. - The yard closed.', { place: 'NEWPORT NEWS, Va.', date: null, agency: null }, 'The yard closed.'],
    ['WASHINGTON -- Lawmakers left.', { place: 'WASHINGTON', date: null, agency: null }, 'Lawmakers left.'],
    ['BEIRUT, Lebanon (AP) — Fighting resumed.', { place: 'BEIRUT, Lebanon', date: null, agency: 'AP' }, 'Fighting resumed.'],
    ['SÃO PAULO, Jan. 5, 2015 (Reuters) – Rain fell.', { place: 'SÃO PAULO', date: 'Jan. 5, 2015', agency: 'Reuters' }, 'Rain fell.'],
  ];
  for (const [paragraph, dateline, rest] of cases) {
    it(`reads ${paragraph.slice(0, 30)}`, () => {
      expect(detectDateline(paragraph)).toEqual({ dateline, rest });
    });
  }

  it('leaves ordinary openings alone', () => {
    for (const paragraph of [
      'The United States informed Iran in advance.',
      'US - Iran relations are warming.',
      'I — for one — disagree.',
      'WASHINGTON-BASED groups objected.',
      'NATO said on Monday that it would act.',
      'WASHINGTON (AP) —',
    ]) {
      expect(detectDateline(paragraph)).toBeNull();
    }
  });
});

describe('parseDatelineText', () => {
  it('reads the parts of a dateline written in front matter', () => {
    expect(parseDatelineText('LONDON, Sept. 24 (Reuters)')).toEqual({ place: 'LONDON', date: 'Sept. 24', agency: 'Reuters' });
    expect(parseDatelineText('Somewhere in the hills')).toEqual({ place: 'Somewhere in the hills', date: null, agency: null });
  });
});
