import { describe, expect, it } from 'vitest';
import { markdownToParagraphs, stripInline } from '../../src/parse/markdown.js';

describe('stripInline', () => {
  it('removes emphasis, code, links, images, autolinks and tags', () => {
    expect(stripInline('A **bold** and *soft* _word_ and ***both***.')).toBe('A bold and soft word and both.');
    expect(stripInline('See [the report](https://example.com/r "Report") and ![a chart](c.png).')).toBe(
      'See the report and a chart.',
    );
    expect(stripInline('Mail <someone@example.com> or visit <https://example.com>.')).toBe(
      'Mail someone@example.com or visit https://example.com.',
    );
    expect(stripInline('Run `ls *.md` <b>now</b><!-- note -->.')).toBe('Run ls *.md now.');
    expect(stripInline('~~old~~ new')).toBe('old new');
  });

  it('keeps characters that are not markup', () => {
    expect(stripInline('5 * 3 = 15, snake_case_name and *NSYNC')).toBe('5 * 3 = 15, snake_case_name and *NSYNC');
    expect(stripInline('He said "yes" & left; 10 < 20 > 5')).toBe('He said "yes" & left; 10 < 20 > 5');
  });

  it('honours backslash escapes and decodes entities', () => {
    expect(stripInline('\\*not emphasis\\* and \\_x\\_')).toBe('*not emphasis* and _x_');
    expect(stripInline('AT&amp;T &#8212; caf&eacute; &#x2019;')).toBe('AT&T — café ’');
  });
});

describe('markdownToParagraphs', () => {
  it('splits on blank lines and joins the lines of a paragraph', () => {
    expect(markdownToParagraphs('One\nstill one.\n\n\nTwo.\n')).toEqual(['One still one.', 'Two.']);
  });

  it('turns headings, list items, quotes, tables and code into paragraphs', () => {
    const md = [
      '# A Heading #',
      '',
      '- first item',
      '- second *item*',
      '',
      '> quoted line',
      '> continues',
      '',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '',
      '```',
      'code here',
      '```',
      '',
      '---',
      '',
      'Setext',
      '======',
    ].join('\n');
    expect(markdownToParagraphs(md)).toEqual([
      'A Heading',
      'first item',
      'second item',
      'quoted line continues',
      'a | b',
      '1 | 2',
      'code here',
      'Setext',
    ]);
  });

  it('folds no-break spaces and runs of white space', () => {
    expect(markdownToParagraphs('informed\u00a0Iran  in\tadvance')).toEqual(['informed Iran in advance']);
  });
});
