import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWindows1252 } from '../../src/text/encoding.js';
import { parseOpml, parseOpmlDocument, writeOpml, type OpmlFeed } from '../../src/web/feeds/index.js';
import { failure, fixture } from '../helpers/feeds.js';

describe('parseOpml', () => {
  it('flattens nested outlines, takes title else text, and keeps the first of each URL', () => {
    expect(parseOpml(fixture('nested.opml'))).toEqual<OpmlFeed[]>([
      { title: 'Harbour Gazette', xmlUrl: 'https://gazette.example/feed.xml', htmlUrl: 'https://gazette.example/' },
      { title: 'Hill Observatory', xmlUrl: 'https://observatory.example/blog/feed.atom', htmlUrl: null },
      { title: 'Valley & Hills Weekly', xmlUrl: 'https://valley.example/rss?format=rdf&lang=en', htmlUrl: null },
    ]);
  });

  it('passes over subscriptions that are commands, not URLs, and names them', () => {
    expect(parseOpmlDocument(fixture('nested.opml'))).toMatchObject({ title: 'Morning reading', skipped: ['Script: |~/bin/make-feed.sh'] });
  });

  it('reads a list with no subscriptions as empty', () => {
    expect(parseOpml('<opml version="2.0"><head/><body><outline text="Empty folder"/></body></opml>')).toEqual([]);
  });

  it('says what is wrong with a file that is not an OPML list', () => {
    expect(failure(() => parseOpml('')).kind).toBe('empty');
    expect(failure(() => parseOpml('<not-opml><body/></not-opml>'))).toMatchObject({
      kind: 'not-opml',
      message: 'not an OPML subscription list: its root element is <not-opml>',
    });
    expect(failure(() => parseOpml('<opml version="1.0"><head><title>No body</title></head></opml>'))).toMatchObject({
      kind: 'not-opml',
      message: 'not an OPML subscription list: it has no <body>',
    });
    expect(failure(() => parseOpml('{"feeds": []}')).kind).toBe('malformed');
  });

  it('gives the line of broken XML', () => {
    const err = failure(() => parseOpml('<?xml version="1.0"?>\n<opml version="2.0">\n<body>\n<outline text="a" xmlUrl="https://a.example/"\n'));
    expect(err.kind).toBe('malformed');
    expect(err.line).toBe(5);
    expect(err.message).toMatch(/^not well-formed XML: line 5, column \d+: /);
  });

  it('expands no entities of a document type declaration', () => {
    let entities = '<!ENTITY a0 "aaaaaaaaaa">';
    for (let i = 1; i <= 9; i++) entities += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
    const bomb = `<!DOCTYPE opml [${entities}<!ENTITY x SYSTEM "file:///etc/passwd">]><opml><body><outline text="&a9;&x;" xmlUrl="https://a.example/"/></body></opml>`;
    expect(parseOpml(bomb)).toEqual([{ title: '&a9;&x;', xmlUrl: 'https://a.example/', htmlUrl: null }]);
  });
});

describe('writeOpml', () => {
  it('writes OPML 2.0, escaping what XML needs escaped', () => {
    const text = writeOpml(
      [
        { title: 'Fish & "Chips" <daily>', xmlUrl: 'https://a.example/rss?x=1&y=2', htmlUrl: 'https://a.example/' },
        { title: null, xmlUrl: 'https://b.example/feed', htmlUrl: null },
      ],
      { title: 'My feeds' },
    );
    expect(text).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        '  <head>',
        '    <title>My feeds</title>',
        '  </head>',
        '  <body>',
        '    <outline type="rss" text="Fish &amp; &quot;Chips&quot; &lt;daily&gt;" title="Fish &amp; &quot;Chips&quot; &lt;daily&gt;" xmlUrl="https://a.example/rss?x=1&amp;y=2" htmlUrl="https://a.example/"/>',
        '    <outline type="rss" text="" xmlUrl="https://b.example/feed"/>',
        '  </body>',
        '</opml>',
        '',
      ].join('\n'),
    );
  });

  it('drops characters XML 1.0 cannot carry', () => {
    const text = writeOpml([{ title: 'bell\u0007 and \ud800 lone', xmlUrl: 'https://a.example/', htmlUrl: null }]);
    expect(text).toContain('text="bell and  lone"');
  });

  // What parseOpml gives back of a title: without the characters XML cannot carry, C1 controls read as
  // the Windows-1252 punctuation they stand for, trimmed, white space folded.
  const readBack = (title: string | null): string | null =>
    title === null
      ? null
      : title

          .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
          .replace(/[\u0080-\u009f]/g, (c) => decodeWindows1252(Uint8Array.of(c.charCodeAt(0))))
          .trim()
          .replace(/[ \t\n\r\f]+/g, ' ')
          .replace(/^ | $/g, '') || null;

  it('round-trips through parseOpml', () => {
    const url = fc.webUrl({ withQueryParameters: true, withFragments: true }).map((u) => new URL(u).href);
    const feeds = fc.uniqueArray(
      fc.record({
        title: fc.option(
          fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('&amp;', '&lt;x&gt;', ' a\tb\nc ', '&#38;', ']]>', '"\'')),
          {
            nil: null,
          },
        ),
        xmlUrl: url,
        htmlUrl: fc.option(url, { nil: null }),
      }),
      { selector: (f) => f.xmlUrl, maxLength: 8 },
    );
    fc.assert(
      fc.property(feeds, (list: OpmlFeed[]) => {
        const back = parseOpml(writeOpml(list));
        expect(back).toEqual(list.map((f) => ({ ...f, title: readBack(f.title) })));
      }),
      { numRuns: 300 },
    );
  });
});
