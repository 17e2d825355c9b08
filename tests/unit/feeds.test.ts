import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FeedError,
  MAX_ENTRIES,
  MAX_FEED_CHARS,
  MAX_HTML_CHARS,
  decodeFeedBody,
  findFeedLinks,
  normalizeFeedDate,
  parseFeed,
  type FeedEntry,
} from '../../src/web/feeds/index.js';
import { failure, fixture } from '../helpers/feeds.js';

const rss = (items: string, channel = '<title>T</title>') => `<?xml version="1.0"?><rss version="2.0"><channel>${channel}${items}</channel></rss>`;

describe('parseFeed: the formats', () => {
  it('reads RSS 2.0 with content:encoded, Dublin Core, categories and an enclosure', () => {
    const feed = parseFeed(fixture('rss2.xml'), { url: 'https://gazette.example/feed.xml' });
    expect(feed).toMatchObject({ kind: 'rss', title: 'The Harbour Gazette', link: 'https://gazette.example/', warnings: [] });
    expect(feed.entries).toHaveLength(2);
    expect(feed.entries[0]).toEqual<FeedEntry>({
      id: 'gazette-2024-1187',
      title: 'Ferry timetable changes for winter',
      link: 'https://gazette.example/2024/11/ferry-timetable',
      date: '2024-11-05T09:30:00-05:00',
      author: 'Mara Lindqvist',
      categories: ['Transport', 'Harbour'],
      contentHtml:
        '<p>The harbour board said on Monday that the <a href="https://gazette.example/timetables/winter">winter timetable</a> starts on 1 December.</p>' +
        '<img src="https://gazette.example/images/ferry.jpg" alt="">',
      summary: '<p>The last evening crossing moves to 18:40.</p>',
      enclosures: [{ url: 'https://gazette.example/audio/ferry.mp3', type: 'audio/mpeg', length: 482113 }],
    });
    // A relative <link> against the feed's URL; RSS's author "email (Name)" as the name; GMT as Z.
    expect(feed.entries[1]).toMatchObject({
      id: 'https://gazette.example/2024/11/lighthouse',
      title: 'Lighthouse reopens & draws a crowd',
      link: 'https://gazette.example/2024/11/lighthouse',
      date: '2024-11-04T17:05:00Z',
      author: 'News Desk',
      contentHtml: null,
      summary: 'About 300 people climbed the tower on Sunday.',
    });
  });

  it('reads RSS 1.0 (RDF): rdf:about is the identity, dc:date the date', () => {
    const feed = parseFeed(fixture('rss1.rdf'));
    expect(feed).toMatchObject({ kind: 'rss', title: 'Valley Weekly', link: 'https://valley.example/' });
    expect(feed.entries.map((e) => [e.id, e.title, e.date, e.author, e.categories])).toEqual([
      ['https://valley.example/mill', 'Old mill gets a new roof', '2024-10-12T08:00:00+02:00', 'Ilse Baumann', ['Heritage']],
      ['https://valley.example/bridge', 'Footbridge closed for inspection', '2024-10-13', null, []],
    ]);
  });

  it('reads Atom 1.0, resolving links and content against nested xml:base', () => {
    const feed = parseFeed(fixture('atom1.xml'), { url: 'https://elsewhere.example/feeds/notes' });
    // An html title is made plain text.
    expect(feed).toMatchObject({ kind: 'atom', title: 'Hill Observatory notes', link: 'https://observatory.example/blog/' });
    const [comet, night] = feed.entries;
    expect(comet).toEqual<FeedEntry>({
      id: 'tag:observatory.example,2024:comet',
      title: 'Comet visible after midnight',
      // entry xml:base "posts/2024/" inside the feed's "https://observatory.example/blog/".
      link: 'https://observatory.example/blog/posts/2024/comet.html',
      date: '2024-09-21T22:15:00+01:00',
      author: 'Priya Nair',
      categories: ['Night sky'],
      contentHtml: '<p>The comet rises at <a href="https://observatory.example/blog/posts/times.html">01:10</a>.</p>',
      // A text summary becomes HTML: escaped.
      summary: 'Look north-east; bring binoculars &amp; patience.',
      enclosures: [{ url: 'https://observatory.example/media/comet.png', type: 'image/png', length: 20480 }],
    });
    expect(night).toMatchObject({
      title: 'Open night on Saturday',
      link: 'https://observatory.example/blog/open-night',
      date: '2024-09-18T12:00:00Z',
      // The feed's author stands for an entry that names none.
      author: 'Observatory staff',
      contentHtml: '<p>Doors open at <a href="https://observatory.example/visit">20:00</a>.</p>',
    });
  });

  it('reads Atom 0.3: issued is the date, escaped content is HTML', () => {
    const feed = parseFeed(fixture('atom03.xml'));
    expect(feed).toMatchObject({ kind: 'atom', title: 'Orchard Diary', link: 'http://orchard.example/' });
    expect(feed.entries).toEqual([
      {
        id: 'tag:orchard.example,2004:blossom',
        title: 'Blossom came early',
        link: 'http://orchard.example/2004/05/blossom',
        date: '2004-05-02T18:30:00-04:00',
        author: 'Tomas Reyes',
        categories: [],
        contentHtml: '<p>The pear trees flowered a week early.</p>',
        summary: null,
        enclosures: [],
      },
    ]);
  });

  it('reads JSON Feed 1.1: attachments, tags, a number id, content_text as HTML', () => {
    const feed = parseFeed(fixture('feed.json'), { contentType: 'application/feed+json' });
    expect(feed).toMatchObject({ kind: 'json', title: 'Corner Shop Bulletin', link: 'https://cornershop.example/' });
    expect(feed.entries[0]).toEqual<FeedEntry>({
      id: '2024-07-bread',
      title: 'Fresh bread on Sundays',
      link: 'https://cornershop.example/bread',
      date: '2024-07-01T08:00:00+02:00',
      author: 'Lena Ortiz',
      categories: ['bakery', 'hours'],
      // Without the document's URL, feed_url is the base; the item's page is the base of its HTML.
      contentHtml: '<p>From July the bakery delivers <a href="https://cornershop.example/hours">on Sundays</a>.</p>',
      summary: 'Sunday bread &lt;from July&gt;',
      enclosures: [{ url: 'https://cornershop.example/menu.pdf', type: 'application/pdf', length: 10240 }],
    });
    expect(feed.entries[1]).toMatchObject({
      id: '42',
      title: null,
      date: '2024-07-03T09:00:00Z',
      author: 'Shop team',
      contentHtml: '<p>Closed on Monday.</p>\n<p>Back on Tuesday.</p>',
    });
  });

  it('reads JSON Feed 1.0 (author, not authors)', () => {
    const feed = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1',
        title: 'Old style',
        items: [{ id: 'a', content_text: 'x', author: { name: 'Single Author' } }],
      }),
    );
    expect(feed.entries[0]).toMatchObject({ id: 'a', author: 'Single Author' });
  });

  it('gives an empty feed for a feed element without entries', () => {
    expect(parseFeed('<rss version="2.0"><channel></channel></rss>')).toEqual({ kind: 'rss', title: null, link: null, entries: [], warnings: [] });
    expect(parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet</title></feed>')).toMatchObject({ kind: 'atom', title: 'Quiet', entries: [] });
  });

  it('takes the root element, not text in an entry, for the format', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id><title>About &lt;rss version="2.0"&gt;</title>
      <content type="html"><![CDATA[<rss version="2.0"><channel><item>no</item></channel></rss>]]></content></entry></feed>`;
    expect(parseFeed(atom)).toMatchObject({ kind: 'atom', entries: [{ id: 'x', title: 'About <rss version="2.0">' }] });
  });
});

describe('parseFeed: charsets', () => {
  const latin = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

  it('reads windows-1252 from the XML declaration, its 0x80–0x9F punctuation included', () => {
    const bytes = latin('<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>Caf\xe9 \x93news\x94 \x80 5</title></channel></rss>');
    expect(parseFeed(bytes).title).toBe('Café “news” € 5');
  });

  it('lets the Content-Type charset override the declaration', () => {
    const bytes = latin('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Na\xefve \x96 yes</title></channel></rss>');
    expect(parseFeed(bytes, { contentType: 'application/rss+xml; charset="windows-1252"' }).title).toBe('Naïve – yes');
  });

  it('falls back to Windows-1252 for undeclared bytes that are not UTF-8, and takes UTF-8 C1 controls for its punctuation', () => {
    expect(parseFeed(latin('<rss version="2.0"><channel><title>Gr\xfc\xdfe</title></channel></rss>')).title).toBe('Grüße');
    expect(parseFeed(Buffer.from('<rss version="2.0"><channel><title>don\u0092t</title></channel></rss>')).title).toBe('don’t');
  });

  it('reads UTF-16 by its byte order mark, and without one by the bytes of "<?"', () => {
    const text = '<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel><title>Ünïcode ✓</title></channel></rss>';
    const le = Buffer.from(text, 'utf16le');
    expect(parseFeed(Buffer.concat([Buffer.from([0xff, 0xfe]), le])).title).toBe('Ünïcode ✓');
    expect(parseFeed(le).title).toBe('Ünïcode ✓');
    expect(decodeFeedBody(le).encoding).toBe('utf-16le');
  });

  it('ignores a UTF-16 label on bytes that read as ASCII', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>plain</title></channel></rss>');
    expect(parseFeed(bytes).title).toBe('plain');
  });
});

describe('parseFeed: identity', () => {
  it('keeps entries that share a guid, in order, and says so', () => {
    const feed = parseFeed(
      rss(`<item><guid>same</guid><title>First</title></item><item><guid>same</guid><title>Second</title></item><item><guid>other</guid></item>`),
    );
    expect(feed.entries.map((e) => [e.id, e.title])).toEqual([
      ['same', 'First'],
      ['same', 'Second'],
      ['other', null],
    ]);
    expect(feed.warnings).toEqual(['1 entry repeats the id of an earlier one']);
  });

  it('without an id: its link, else its title and date, else a hash of the text', () => {
    const feed = parseFeed(
      rss(
        `<item><link>https://a.example/1</link><pubDate>Sat, 01 Jun 2024 10:00:00 +0000</pubDate><title>One</title></item>` +
          `<item><link>https://a.example/2</link><title>Two</title></item>` +
          `<item><title>Three</title><pubDate>Sat, 01 Jun 2024 10:00:00 +0000</pubDate></item>` +
          `<item><description>Only words.</description></item>` +
          `<item><description>Only words.</description></item>`,
      ),
    );
    const ids = feed.entries.map((e) => e.id);
    expect(ids.slice(0, 3)).toEqual(['https://a.example/1', 'https://a.example/2', 'Three2024-06-01T10:00:00+00:00']);
    expect(ids[3]).toMatch(/^sha256:[0-9a-f]{32}$/);
    // The same text, the same identity: the second is the first again.
    expect(ids[4]).toBe(ids[3]);
  });

  it('does not take a guid marked isPermaLink="false" for the link, and takes a permalink guid when there is no link', () => {
    const feed = parseFeed(rss(`<item><guid isPermaLink="false">https://a.example/x</guid></item><item><guid>https://a.example/y</guid></item>`));
    expect(feed.entries.map((e) => [e.id, e.link])).toEqual([
      ['https://a.example/x', null],
      ['https://a.example/y', 'https://a.example/y'],
    ]);
  });
});

describe('parseFeed: faults', () => {
  it('says a document is empty', () => {
    for (const body of ['', '  \n', new Uint8Array(0)]) expect(failure(() => parseFeed(body)).kind).toBe('empty');
  });

  it('says what a document is when it is not a feed', () => {
    expect(failure(() => parseFeed('<!DOCTYPE html><html><head><title>x</title></head></html>')).message).toBe('not a feed: an HTML page');
    expect(failure(() => parseFeed(fixture('nested.opml'))).message).toBe('not a feed: an OPML subscription list');
    expect(failure(() => parseFeed('<note><to>you</to></note>')).message).toBe('not a feed: XML whose root element is <note>');
    expect(failure(() => parseFeed('{"name": "not a feed"}')).kind).toBe('not-a-feed');
    expect(failure(() => parseFeed('Hello, world')).message).toBe('not a feed: neither XML nor JSON');
  });

  it('gives the line of broken XML it cannot read', () => {
    const broken = '<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>A</title>\n<item><title><![CDATA[never closed\n';
    const err = failure(() => parseFeed(broken));
    expect(err.kind).toBe('malformed');
    expect(err.line).toBeGreaterThanOrEqual(5);
    expect(err.message).toMatch(/^not well-formed XML: line \d+, column \d+: /);
  });

  it('says where the XML ends inside an element', () => {
    const err = failure(() => parseFeed('<rss version="2.0">\n<channel>\n<title>A'));
    expect(err).toMatchObject({ kind: 'malformed', line: 3, column: 9, message: 'not well-formed XML: line 3, column 9: the document ends inside <title>' });
  });

  it('says what is wrong with broken JSON, with its line when V8 gives the place', () => {
    expect(failure(() => parseFeed('{\n  "version": "https://jsonfeed.org/version/1.1",\n  "items": [,]\n}')).message).toMatch(
      /^not well-formed JSON: .*Unexpected token/,
    );
    expect(failure(() => parseFeed('{\n  "version": "https://jsonfeed.org/version/1.1",\n  "items": ['))).toMatchObject({
      kind: 'malformed',
      line: 3,
      column: 13,
    });
  });

  it('reads the whole entries of a document cut short, and says so', () => {
    const cut = rss('<item><guid>1</guid></item>\n<item><guid>2</guid></item>\n<item><guid>3</guid><title>Half a tit').replace(/<\/channel><\/rss>$/, '');
    const feed = parseFeed(cut);
    expect(feed.entries.map((e) => e.id)).toEqual(['1', '2']);
    expect(feed.warnings).toEqual(['the XML is cut short or broken after line 2: the entries before it were read']);
  });

  it('reads leniently what is broken but readable (a bare ampersand, a mismatched end tag)', () => {
    const feed = parseFeed(rss('<item><title>Fish & chips</title><link>https://a.example/?a=1&b=2</link></item>'));
    expect(feed.entries[0]).toMatchObject({ title: 'Fish & chips', link: 'https://a.example/?a=1&b=2' });
  });

  it('refuses a document over the size limit before reading it', () => {
    const err = failure(() => parseFeed(new Uint8Array(MAX_FEED_CHARS + 1)));
    expect(err.kind).toBe('too-large');
  });

  it('throws nothing but FeedError on odd input', () => {
    const odd = [
      '<',
      '<rss',
      '<rss version="2.0"><channel><item>',
      '<feed>',
      '<?xml version="1.0"?>',
      '<!-- only a comment -->',
      '<rdf:RDF/>',
      '{"items": 3}',
      '[]',
      'null',
      '<![CDATA[x]]>',
    ];
    for (const body of odd) {
      try {
        const feed = parseFeed(body);
        expect(Array.isArray(feed.entries)).toBe(true);
      } catch (err) {
        expect(err, body).toBeInstanceOf(FeedError);
      }
    }
  });
});

describe('parseFeed: hostile input', () => {
  const work = mkdtempSync(join(tmpdir(), 'feeds-test-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('does not expand a billion laughs', () => {
    let entities = '<!ENTITY lol0 "lol">';
    for (let i = 1; i <= 9; i++) entities += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n${entities}\n]>\n<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><description>&lol9;&lol9;</description></item></channel></rss>`;
    const started = performance.now();
    const feed = parseFeed(bomb);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(feed.title).toBe('&lol9;');
    expect(JSON.stringify(feed).length).toBeLessThan(1000);
  });

  it('does not read an external entity, nor an external DTD', () => {
    const secret = join(work, 'secret.txt');
    writeFileSync(secret, 'SECRET-7f3a-not-for-feeds');
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE rss [ <!ENTITY leak SYSTEM "file://${secret}"> <!ENTITY pw SYSTEM "file:///etc/passwd"> ]>\n<rss version="2.0"><channel><title>&leak;</title><item><title>&pw;</title><description>&leak;</description></item></channel></rss>`;
    const feed = parseFeed(xxe);
    const all = JSON.stringify(feed);
    expect(all).not.toContain('SECRET-7f3a');
    expect(all).not.toContain('root:');
    expect(feed.title).toBe('&leak;');
    const dtd = `<!DOCTYPE rss SYSTEM "file://${secret}"><rss version="2.0"><channel><title>ok</title></channel></rss>`;
    expect(parseFeed(dtd).title).toBe('ok');
  });

  it('leaves internal DTD entities unexpanded, the five predefined ones and character references read', () => {
    const feed = parseFeed(
      `<!DOCTYPE rss [<!ENTITY co "Example Co">]><rss version="2.0"><channel><title>&co; &amp; &lt;&gt;&quot;&apos; &#233;&#x263A;</title></channel></rss>`,
    );
    expect(feed.title).toBe(`&co; & <>"' é☺`);
  });

  it('drops links with schemes other than http(s), and says how many', () => {
    const feed = parseFeed(
      rss(
        `<item><title>a</title><link>javascript:alert(1)</link><enclosure url="file:///etc/passwd" type="text/plain" length="1"/></item>` +
          `<item><title>b</title><link>data:text/html,&lt;script&gt;</link><guid isPermaLink="false">b</guid></item>` +
          `<item><title>c</title><link>  HTTPS://Safe.Example/c  </link></item>`,
        '<title>T</title><link>javascript:void(0)</link>',
      ),
    );
    expect(feed.link).toBeNull();
    expect(feed.entries.map((e) => [e.link, e.enclosures.length])).toEqual([
      [null, 0],
      [null, 0],
      ['https://safe.example/c', 0],
    ]);
    expect(feed.warnings).toContain('4 links with a scheme other than http or https dropped');
  });

  it(`keeps the first ${MAX_ENTRIES} entries of a longer feed`, () => {
    const items = Array.from({ length: MAX_ENTRIES + 200 }, (_, i) => `<item><guid>n${i}</guid></item>`).join('');
    const feed = parseFeed(rss(items));
    expect(feed.entries).toHaveLength(MAX_ENTRIES);
    expect(feed.entries.at(-1)!.id).toBe(`n${MAX_ENTRIES - 1}`);
    expect(feed.warnings).toContain(`more than ${MAX_ENTRIES} entries: the first ${MAX_ENTRIES} were kept`);
  });

  it('cuts huge text fields', () => {
    const feed = parseFeed(rss(`<item><title>${'T'.repeat(50_000)}</title><description>${'d'.repeat(MAX_HTML_CHARS + 10)}</description></item>`));
    expect(feed.entries[0]!.title!.length).toBe(1000);
    expect(feed.entries[0]!.summary!.length).toBe(MAX_HTML_CHARS);
    expect(feed.warnings).toContain('2 overlong fields cut to the size limit');
  });

  it('puts nothing but printable text in error messages', () => {
    const err = failure(() => parseFeed('<\u001b[31mred>x</\u001b[31mred>'));
    expect(err.message).not.toContain('\u001b');
  });
});

describe('normalizeFeedDate', () => {
  it.each([
    ['Tue, 05 Nov 2024 09:30:00 -0500', '2024-11-05T09:30:00-05:00'],
    ['Tue, 5 Nov 2024 09:30:00 EST', '2024-11-05T09:30:00-05:00'],
    ['Tue, 05 Nov 2024 09:30:00 PDT', '2024-11-05T09:30:00-07:00'],
    ['Tue, 05 Nov 2024 09:30:00 GMT', '2024-11-05T09:30:00Z'],
    ['Tue, 05 Nov 2024 09:30:00 +0000', '2024-11-05T09:30:00+00:00'],
    ['05 Nov 24 09:30 +0530', '2024-11-05T09:30:00+05:30'],
    ['Seg, 12 Set 2016 14:02:00 -0300', '2016-09-12T14:02:00-03:00'],
    ['Tue, 05 Nov 2024', '2024-11-05'],
    ['2024-11-05T09:30:00.123456+01:00', '2024-11-05T09:30:00.123+01:00'],
    ['2024-11-05T09:30Z', '2024-11-05T09:30:00Z'],
    ['2024-11-05 09:30:00', '2024-11-05T09:30:00Z'],
    ['2024-11-05', '2024-11-05'],
    ['2024-11', '2024-11'],
    ['Nov 5, 2024 9:30:00 -0500', '2024-11-05T09:30:00-05:00'],
  ])('%s → %s', (raw, iso) => expect(normalizeFeedDate(raw)).toBe(iso));

  it.each(['Thu, 31 Jun 2024 10:00:00 GMT', '2024-02-30', '2024-13-01', 'soon', '', '2024-11-05T25:00:00Z'])('%s → null', (raw) =>
    expect(normalizeFeedDate(raw)).toBeNull(),
  );
});

describe('findFeedLinks', () => {
  const page = `<!doctype html><html><head>
    <base href="/blog/">
    <link rel="stylesheet" href="/style.css">
    <link rel="alternate" type="application/rss+xml" title="All posts" href="feed.xml">
    <link type="application/atom+xml" rel="Alternate home" href='https://example.com/atom.xml' title="  Atom &amp; more ">
    <LINK REL=alternate TYPE=application/feed+json HREF=/feed.json>
    <!-- <link rel="alternate" type="application/rss+xml" href="/commented-out.xml"> -->
    <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
    <link rel="alternate" type="application/rss+xml" href="feed.xml">
    <link rel="alternate" hreflang="fr" href="/fr/">
  </head><body><link rel="alternate" type="application/rss+xml" href="/in-body.xml"></body></html>`;

  it('finds the feed links of a page, resolved against its <base>, each once', () => {
    expect(findFeedLinks(page, 'https://example.com/blog/post.html')).toEqual([
      { url: 'https://example.com/blog/feed.xml', kind: 'rss', title: 'All posts' },
      { url: 'https://example.com/atom.xml', kind: 'atom', title: 'Atom & more' },
      { url: 'https://example.com/feed.json', kind: 'json', title: null },
    ]);
  });

  it('takes no link from a script, a comment, an attribute value or the body', () => {
    const tricky = `<html><head><script>document.write('<link rel="alternate" type="application/rss+xml" href="/s.xml">')</script>
      <meta name="x" content='<link rel="alternate" type="application/rss+xml" href="/m.xml">'>
      <!-- <link rel="alternate" type="application/atom+xml" href="/c.xml"> -->
      <link rel="alternate" type="application/atom+xml" href="/real.xml"></head>
      <body><link rel="alternate" type="application/rss+xml" href="/b.xml"></body></html>`;
    expect(findFeedLinks(tricky, 'https://example.com/').map((l) => l.url)).toEqual(['https://example.com/real.xml']);
  });

  it('reads a hostile page in linear time', () => {
    for (const page of ['<link a="'.repeat(50_000), '<link '.repeat(80_000), "<link rel=alternate x='y".repeat(30_000), '<'.repeat(500_000)]) {
      const started = performance.now();
      expect(findFeedLinks(page, 'https://example.com/')).toEqual([]);
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });

  it('finds none in a page without them', () => {
    expect(findFeedLinks('<html><head><title>x</title></head></html>', 'https://example.com/')).toEqual([]);
    expect(findFeedLinks('', 'https://example.com/')).toEqual([]);
  });
});
