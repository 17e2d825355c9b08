import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToParagraphs, parsedParagraphs, plainParagraphs, stripInline } from '../../src/parse/markdown.js';

describe('stripInline', () => {
  it('removes emphasis, code, links, images, autolinks and tags', () => {
    expect(stripInline('A **bold** and *soft* _word_ and ***both***.')).toBe('A bold and soft word and both.');
    expect(stripInline('See [the report](https://example.com/r "Report") and ![a chart](c.png).')).toBe('See the report and a chart.');
    expect(stripInline('Mail <someone@example.com> or visit <https://example.com>.')).toBe('Mail someone@example.com or visit https://example.com.');
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
    expect(markdownToParagraphs(md)).toEqual(['A Heading', 'first item', 'second item', 'quoted line continues', 'a | b', '1 | 2', 'code here', 'Setext']);
  });

  it('folds no-break spaces and runs of white space', () => {
    expect(markdownToParagraphs('informed\u00a0Iran  in\tadvance')).toEqual(['informed Iran in advance']);
  });
});

describe('markdownToParagraphs: definitions and links', () => {
  it('leaves reference definitions out of the body and reads reference links as their text', () => {
    const md = [
      'The harbour board [voted][vote] on Tuesday, and the [mayor] spoke after it.',
      '',
      '[vote]: https://example.com/board/vote "The vote"',
      '[mayor]:',
      '  <https://example.com/mayor>',
      "  'Office of the mayor'",
      '',
      'Work starts in [spring][].',
      '',
      '[spring]: https://example.com/plan',
    ].join('\n');
    expect(markdownToParagraphs(md)).toEqual(['The harbour board voted on Tuesday, and the mayor spoke after it.', 'Work starts in spring.']);
  });

  it('leaves footnotes out of the body, and their markers out of the text', () => {
    const md = [
      'Turnout was the lowest since 1998.[^turnout] Counting ends on Friday.[^2]',
      '',
      '[^turnout]: Figures from the electoral office,',
      '    counted by hand.',
      '',
      '    A second paragraph of the same note.',
      '',
      '[^2]: Provisional.',
      '',
      'The council meets again in May.',
    ].join('\n');
    expect(markdownToParagraphs(md)).toEqual(['Turnout was the lowest since 1998. Counting ends on Friday.', 'The council meets again in May.']);
  });

  it('reads a link whose text holds brackets as its text', () => {
    expect(markdownToParagraphs('Ministers said [the plan [draft two] was](https://example.com/plan) not final.')).toEqual([
      'Ministers said the plan [draft two] was not final.',
    ]);
    expect(markdownToParagraphs('![the bridge [closed] at night](bridge.jpg "Bridge")')).toEqual(['the bridge [closed] at night']);
    expect(markdownToParagraphs('A [link](<a dest> "t") and [another](javascript:void(0)).')).toEqual(['A link and another.']);
  });

  it('keeps brackets that are not links as written', () => {
    expect(markdownToParagraphs('He said [sic] the figure [^9] was [wrong][nowhere].')).toEqual(['He said [sic] the figure [^9] was [wrong][nowhere].']);
  });
});

describe('markdownToParagraphs: nesting', () => {
  it('keeps every word of a body nested deeper than the parser goes', () => {
    for (const marker of ['- ', '> ', '1. ']) {
      const paragraphs = markdownToParagraphs(`Before.\n\n${marker.repeat(150)}deep\n\nAfter.`);
      expect(paragraphs[0]).toBe('Before.');
      expect(paragraphs[1]).toMatch(/ deep$/);
      expect(paragraphs[2]).toBe('After.');
    }
  });

  it('reads nesting within the limit as Markdown', () => {
    expect(markdownToParagraphs(`Before.\n\n${'> '.repeat(40)}deep\n\n${'- '.repeat(40)}deeper`)).toEqual(['Before.', 'deep', 'deeper']);
  });
});

describe('markdownToParagraphs: raw HTML and quotation marks', () => {
  it('reads an HTML block as the words it shows', () => {
    const md = ['<div class="note">', '<p>Polls close at <b>eight</b> &amp; results follow.</p>', '<script>track("x")</script>', '</div>'].join('\n');
    expect(markdownToParagraphs(md)).toEqual(['Polls close at eight & results follow.']);
  });

  it('keeps quotation marks, dashes and ellipses as written', () => {
    const text = '"It was -- frankly -- a mistake..." she said, (c) \'98.';
    expect(markdownToParagraphs(text)).toEqual([text]);
  });
});

describe('plainParagraphs', () => {
  // Words, and what Markdown makes blocks or inline syntax of.
  const piece = fc.constantFrom(
    'Ana',
    'said',
    ' ',
    '\n',
    '\n\n',
    '1',
    '12',
    '.',
    ')',
    '-',
    '#',
    '\t',
    '\u00a0',
    ':',
    '=',
    '+',
    '>',
    '\u2028',
    '*',
    '"',
    '\u2019',
    '&',
    '|',
    '`',
    '[x]',
    '    ',
    '---',
    '===',
    '<b>',
    '\\',
  );

  it('reads a body as the parser reads it, whenever it reads it at all', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const body = pieces.join('');
        const plain = plainParagraphs(body);
        if (plain !== null) expect(plain).toEqual(parsedParagraphs(body));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads paragraphs of words, and leaves any syntax to the parser', () => {
    expect(plainParagraphs('\nOne line\nand the next.  \n\n\nTwo: 20 of them, "yes" - 100%.\n')).toEqual([
      'One line and the next.',
      'Two: 20 of them, "yes" - 100%.',
    ]);
    for (const body of [
      '# A heading',
      'Text\n    indented',
      '1. An item',
      '2) Another',
      'Some *emphasis*',
      'AT&amp;T',
      'A\n===',
      'A\n\u00a0\nB',
      '> Quoted',
      'a | b',
    ]) {
      expect(plainParagraphs(body)).toBeNull();
    }
  });
});
