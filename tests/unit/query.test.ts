import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseQuery, QueryError } from '../../src/search/query.js';
import { phrase, queryError, term } from './query-helpers.js';

describe('parseQuery: words', () => {
  it('requires every word (implicit AND)', () => {
    expect(parseQuery('iran assad')).toEqual({ must: [[term('iran')], [term('assad')]], mustNot: [] });
  });

  it('folds case and diacritics the way article text is folded', () => {
    expect(parseQuery('ZÜRICH Café')).toEqual({ must: [[term('zurich')], [term('cafe')]], mustNot: [] });
  });

  it('makes a token that splits into several words a phrase', () => {
    expect(parseQuery("Assad's al-Assad")).toEqual({
      must: [[phrase(['assad', 's'])], [phrase(['al', 'assad'])]],
      mustNot: [],
    });
  });

  it('ignores tokens without a word', () => {
    expect(parseQuery('!! iran - "" ...')).toEqual({ must: [[term('iran')]], mustNot: [] });
  });

  it('reads parentheses around one word as the word', () => {
    expect(parseQuery('(iran)')).toEqual({ must: [[term('iran')]], mustNot: [] });
  });
});

describe('parseQuery: phrases', () => {
  it('keeps the words of a quoted phrase in order', () => {
    expect(parseQuery('"Nuclear Talks" geneva')).toEqual({
      must: [[phrase(['nuclear', 'talks'])], [term('geneva')]],
      mustNot: [],
    });
  });

  it('makes a quoted single word a term', () => {
    expect(parseQuery('"Iran"')).toEqual({ must: [[term('iran')]], mustNot: [] });
  });

  it('runs an unbalanced quote to the end of the input', () => {
    expect(parseQuery('iran "state department official')).toEqual({
      must: [[term('iran')], [phrase(['state', 'department', 'official'])]],
      mustNot: [],
    });
  });

  it('reads OR, a leading minus and a field name inside quotes as words', () => {
    expect(parseQuery('"iran OR -syria headline:x"')).toEqual({
      must: [[phrase(['iran', 'or', 'syria', 'headline', 'x'])]],
      mustNot: [],
    });
  });

  it('ends a bare token at a quote', () => {
    expect(parseQuery('iran"nuclear talks"')).toEqual({
      must: [[term('iran')], [phrase(['nuclear', 'talks'])]],
      mustNot: [],
    });
  });
});

describe('parseQuery: prefixes', () => {
  it('makes word* a prefix', () => {
    expect(parseQuery('irani* talks')).toEqual({
      must: [[term('irani', { prefix: true })], [term('talks')]],
      mustNot: [],
    });
  });

  it('makes the last word of a quoted phrase followed by * a prefix', () => {
    expect(parseQuery('"nuclear tal"*')).toEqual({
      must: [[phrase(['nuclear', 'tal'], { prefix: true })]],
      mustNot: [],
    });
  });

  it('ignores a lone star', () => {
    expect(parseQuery('* iran')).toEqual({ must: [[term('iran')]], mustNot: [] });
  });
});

describe('parseQuery: exclusions', () => {
  it('excludes -word and -"a phrase"', () => {
    expect(parseQuery('iran -syria -"state department"')).toEqual({
      must: [[term('iran')]],
      mustNot: [term('syria'), phrase(['state', 'department'])],
    });
  });

  it('reads a hyphen inside a word as a separator, not an exclusion', () => {
    expect(parseQuery('al-Assad')).toEqual({ must: [[phrase(['al', 'assad'])]], mustNot: [] });
  });

  it('excludes a prefix and a field filter', () => {
    expect(parseQuery('iran -syri* -section:sports')).toEqual({
      must: [[term('iran')]],
      mustNot: [term('syri', { prefix: true }), term('sports', { field: 'section' })],
    });
  });
});

describe('parseQuery: OR', () => {
  it('binds tighter than the implicit AND', () => {
    expect(parseQuery('iran OR syria assad')).toEqual({
      must: [[term('iran'), term('syria')], [term('assad')]],
      mustNot: [],
    });
  });

  it('chains', () => {
    expect(parseQuery('assad iran OR syria OR "islamic state"')).toEqual({
      must: [[term('assad')], [term('iran'), term('syria'), phrase(['islamic', 'state'])]],
      mustNot: [],
    });
  });

  it('is only the operator in upper case', () => {
    expect(parseQuery('war or peace')).toEqual({
      must: [[term('war')], [term('or')], [term('peace')]],
      mustNot: [],
    });
  });

  it('joins fielded terms', () => {
    expect(parseQuery('headline:iran OR speaker:rouhani')).toEqual({
      must: [[term('iran', { field: 'headline' }), term('rouhani', { field: 'speaker' })]],
      mustNot: [],
    });
  });
});

describe('parseQuery: fields', () => {
  it.each(['headline', 'speaker', 'section', 'source'] as const)('restricts a word to %s', (field) => {
    expect(parseQuery(`${field}:Rouhani`)).toEqual({ must: [[term('rouhani', { field })]], mustNot: [] });
  });

  it('takes a quoted phrase as a value, and field names in any case', () => {
    expect(parseQuery('Speaker:"Hassan Rouhani" HEADLINE:iran*')).toEqual({
      must: [[phrase(['hassan', 'rouhani'], { field: 'speaker' })], [term('iran', { field: 'headline', prefix: true })]],
      mustNot: [],
    });
  });

  it('refuses an unknown field rather than reading it as plain words', () => {
    expect(queryError('foo:bar').reason).toMatch(/unknown field foo:/);
    expect(parseQuery('"foo:bar"')).toEqual({ must: [[phrase(['foo', 'bar'])]], mustNot: [] });
  });

  it('reads OR after a field as its value', () => {
    expect(parseQuery('headline:OR')).toEqual({ must: [[term('or', { field: 'headline' })]], mustNot: [] });
  });
});

describe('parseQuery: malformed queries', () => {
  it.each([
    ['', /nothing to search for/],
    ['   ', /nothing to search for/],
    ['!!! ""', /nothing to search for/],
    ['-iran', /only excludes/],
    ['-iran -"state department"', /only excludes/],
    ['OR iran', /OR needs a term on each side/],
    ['iran OR', /OR needs a term on each side/],
    ['iran OR OR syria', /OR needs a term on each side/],
    ['iran OR !!', /OR needs a term on each side/],
    ['-iran OR syria', /exclusion cannot be part of OR/],
    ['syria OR -iran', /exclusion cannot be part of OR/],
    ['headline:', /headline: needs a value/],
    ['speaker: rouhani', /speaker: needs a value/],
  ])('rejects %j', (input, reason) => {
    const error = queryError(input);
    expect(error.name).toBe('QueryError');
    expect(error.input).toBe(input);
    expect(error.reason).toMatch(reason);
    expect(error.message).toContain(JSON.stringify(input));
  });

  it('never throws anything but QueryError, and never returns an empty query', () => {
    const pieces = fc.constantFrom(...['iran', 'Zürich', 'OR', 'or', '-', '"', '*', ':', 'headline:', 'speaker:', 'foo:', ' ', "'s", '(', ')']);
    const input = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')),
    );
    fc.assert(
      // Plain booleans rather than expect(): fast-check reports the failing input.
      fc.property(input, (text) => {
        try {
          const query = parseQuery(text);
          return query.must.length > 0 && query.must.every((group) => group.length > 0);
        } catch (error) {
          return error instanceof QueryError;
        }
      }),
      { numRuns: 1000 },
    );
  });
});
