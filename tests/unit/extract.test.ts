import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownToParagraphs } from '../../src/parse/markdown.js';
import { extractPage, NotAnArticle, PageTooLarge, type ExtractedPage } from '../../src/web/extract/index.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url));
const PAGE_URL = 'https://gazette.example/news/night-ferry';

const STORY = [
  'PORT ALDER — The harbour board voted on Friday to run a ferry to Gull Island after dark for the first time, ending a fight that began when the last evening boat was [cut five years ago](https://gazette.example/news/2019/evening-boat-cut).',
  "Islanders had asked for the service at every meeting since the winter, saying that nurses and cooks who work late shifts on the mainland were sleeping in their cars. The board's chair, Aiko Brandt, called the vote *long overdue* and said the first night crossing would sail in May.",
  "The new timetable adds three crossings between nine o'clock and midnight:",
  '- a 9:15 p.m. boat from the north quay,\n- a 10:40 p.m. boat that waits for the last train,\n- and a midnight return on Fridays and Saturdays.',
  '> We have waited a long time for a boat that fits the way people on this island actually live and work.',
  'Not everyone on the board agreed. Two members voted against the plan, warning that the crossings would cost **more than 400,000 dollars** a year and that fares might have to rise to pay for them.',
  'The board will review the service after its first year, looking at how many people use each crossing and whether the midnight boat should run every night of the week.',
];

/** A page around a body, with enough story to be taken for an article. */
function page(body: string, head = ''): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Test page</title>${head}</head><body><article>${body}</article></body></html>`;
}

const filler = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `<p>Paragraph ${i + 1} of the story goes on about the harbour, the boats and the people who wait for them on the quay each evening.</p>`,
  ).join('');

function refusal(run: () => unknown): NotAnArticle {
  try {
    run();
  } catch (err) {
    if (err instanceof NotAnArticle) return err;
    throw err;
  }
  throw new Error('the page was taken for an article');
}

describe('extractPage: the body', () => {
  const article: ExtractedPage = extractPage(fixture('article.html'), { url: PAGE_URL });

  it('keeps the story, as Markdown: links, emphasis, lists and block quotes', () => {
    expect(article.body).toEqual(STORY);
  });

  it('drops navigation, breadcrumbs, byline, share bar, caption and credit, newsletter box, related links, comments, cookie banner and footer', () => {
    const text = article.body.join('\n');
    for (const boilerplate of [
      'Home',
      'Mira Osei',
      'Share',
      'The old ferry',
      'Photo: Lena Park',
      'Sign up',
      'morning briefing',
      'Island school',
      'Read more',
      'About time',
      'cookies',
      'All rights reserved',
    ]) {
      expect(text).not.toContain(boilerplate);
    }
  });

  it('runs no script: nothing a script would write is in the body', () => {
    expect(article.body.join('\n')).not.toMatch(/Injected|Replaced/);
    expect(article.body).toHaveLength(STORY.length);
  });

  it("reads back through the project's Markdown reader as the page's words", () => {
    expect(markdownToParagraphs(article.body.join('\n\n'))).toEqual([
      expect.stringMatching(/^PORT ALDER — .* was cut five years ago\.$/),
      expect.stringContaining('called the vote long overdue and said'),
      "The new timetable adds three crossings between nine o'clock and midnight:",
      'a 9:15 p.m. boat from the north quay,',
      'a 10:40 p.m. boat that waits for the last train,',
      'and a midnight return on Fridays and Saturdays.',
      'We have waited a long time for a boat that fits the way people on this island actually live and work.',
      expect.stringContaining('would cost more than 400,000 dollars a year'),
      expect.stringMatching(/^The board will review/),
    ]);
  });

  it('escapes text that Markdown would read as syntax', () => {
    const { body } = extractPage(
      page(`<p>Five * three is [not] fifteen_minutes, says the # sign &amp; the <code>a*b</code> code, at 1. the start.</p>${filler(3)}`),
    );
    expect(body[0]).toBe('Five \\* three is \\[not\\] fifteen\\_minutes, says the # sign & the `a*b` code, at 1. the start.');
    expect(markdownToParagraphs(body[0]!)).toEqual(['Five * three is [not] fifteen_minutes, says the # sign & the a*b code, at 1. the start.']);
  });

  it('keeps headings, ordered lists, nested quotes and line breaks; resolves links and drops javascript: ones', () => {
    const { body } = extractPage(
      page(
        `${filler(2)}<h2>What comes next</h2><ol start="3"><li>First <i>step</i></li><li>Second</li></ol>` +
          `<blockquote><p>One line<br>and the next</p><p>A second paragraph</p></blockquote>` +
          `<p>See <a href="javascript:alert(1)">this</a> and <a href="../docs/plan.pdf">the plan (draft)</a>.</p>${filler(2)}`,
      ),
      { url: 'https://gazette.example/news/today/' },
    );
    expect(body).toContain('## What comes next');
    expect(body).toContain('3. First *step*\n4. Second');
    expect(body).toContain('> One line\\\n> and the next\n>\n> A second paragraph');
    expect(body).toContain('See this and [the plan (draft)](https://gazette.example/news/docs/plan.pdf).');
  });
});

describe('extractPage: metadata', () => {
  const article = extractPage(fixture('article.html'), { url: PAGE_URL });

  it('takes headline, authors, date, site, section and tags from JSON-LD, its @graph and @id references', () => {
    expect({ ...article, body: undefined }).toEqual({
      headline: 'Harbour board approves night ferry to Gull Island',
      author: 'Mira Osei, Tomas Riel',
      date: '2024-03-08T16:30:00-05:00',
      source: 'The Alder Gazette',
      url: 'https://gazette.example/news/2024/03/08/night-ferry-gull-island?ref=home',
      section: 'Local',
      tags: ['Transport'],
      encoding: 'utf-8',
      body: undefined,
    });
  });

  it("keeps the publisher's offset: a UTC statement gives way to the same instant stated with it", () => {
    const head =
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry","datePublished":"2024-03-08T21:30:00Z"}</script>' +
      '<meta property="article:published_time" content="2024-03-08T23:30:00+0200">';
    expect(extractPage(page(filler(3), head)).date).toBe('2024-03-08T23:30:00+02:00');
  });

  it('reads OpenGraph and meta when there is no JSON-LD, and <time datetime> for the date', () => {
    const head =
      '<meta property="og:title" content="Quay repairs to finish by summer - Harbour News">' +
      '<meta property="og:site_name" content="Harbour News"><meta property="article:section" content="Port">' +
      '<meta property="article:tag" content="quay"><meta property="article:tag" content="repairs">' +
      '<meta name="author" content="By Lena Park"><meta property="og:url" content="https://harbour.example/quay">';
    const result = extractPage(page(`<time datetime="2024-05-02T09:15:00+01:00">2 May</time>${filler(3)}`, head));
    expect(result).toMatchObject({
      headline: 'Quay repairs to finish by summer',
      author: 'Lena Park',
      date: '2024-05-02T09:15:00+01:00',
      source: 'Harbour News',
      url: 'https://harbour.example/quay',
      section: 'Port',
      tags: ['quay', 'repairs'],
    });
  });

  it('reads JSON-LD that is not quite JSON: raw line breaks in strings, trailing commas, arrays of nodes', () => {
    const head =
      '<script type="application/ld+json">[{"@type":"Organization","name":"Isle Radio"},' +
      '{"@type":["NewsArticle"],"headline":"Storm\nwarning","datePublished":"2024-01-02","author":"By Ana Lund","articleSection":"Weather",}]</script>';
    expect(extractPage(page(filler(3), head))).toMatchObject({
      headline: 'Storm warning',
      date: '2024-01-02',
      author: 'Ana Lund',
      section: 'Weather',
      source: 'Isle Radio',
    });
  });

  it('survives JSON-LD that is not JSON at all, and falls back to the h1 and the address', () => {
    const head = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>';
    expect(extractPage(page(`<h1>Gales expected along the coast</h1>${filler(3)}`, head), { url: 'https://isle.example/2024/02/10/gales' })).toMatchObject({
      headline: 'Gales expected along the coast',
      date: '2024-02-10',
      url: 'https://isle.example/2024/02/10/gales',
      source: 'isle.example',
      author: null,
    });
  });

  it('resolves a relative canonical link, and ignores one that points at the home page', () => {
    const relative = page(filler(3), '<link rel="canonical" href="../stories/ferry">');
    expect(extractPage(relative, { url: 'https://gazette.example/news/x/ferry?utm=1' }).url).toBe('https://gazette.example/news/stories/ferry');
    const home = page(filler(3), '<link rel="canonical" href="https://gazette.example/">');
    expect(extractPage(home, { url: 'https://gazette.example/news/ferry' }).url).toBe('https://gazette.example/news/ferry');
  });
});

describe('extractPage: encodings', () => {
  // "Café “Zoë” – 5 €" in Windows-1252: é E9, “ 93, ë EB, ” 94, – 96, € 80.
  const cp1252 = (head: string) =>
    Buffer.concat([
      Buffer.from(`<html><head>${head}<title>t</title></head><body><article><p>Caf`),
      Buffer.from([0xe9, 0x20, 0x93, 0x5a, 0x6f, 0xeb, 0x94, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80]),
      Buffer.from(` is the name of the place.</p>${filler(3)}</article></body></html>`),
    ]);
  const first = (result: ExtractedPage) => result.body[0];

  it('reads windows-1252 declared by <meta charset> and by http-equiv', () => {
    expect(first(extractPage(cp1252('<meta charset="windows-1252">')))).toBe('Café “Zoë” – 5 € is the name of the place.');
    const equiv = extractPage(cp1252('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'));
    expect(equiv.encoding).toBe('windows-1252');
    expect(first(equiv)).toBe('Café “Zoë” – 5 € is the name of the place.');
  });

  it('lets the HTTP Content-Type win over the page, and a byte order mark over both', () => {
    const page1252 = cp1252('<meta charset="utf-8">');
    expect(first(extractPage(page1252, { contentType: 'text/html; charset=Windows-1252' }))).toBe('Café “Zoë” – 5 € is the name of the place.');
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page(`<p>Zoë’s café</p>${filler(3)}`))]);
    const result = extractPage(utf8, { contentType: 'text/html; charset=windows-1252' });
    expect([result.encoding, first(result)]).toEqual(['utf-8', 'Zoë’s café']);
  });

  it('reads UTF-8 without a declaration, and bytes that are not UTF-8 as windows-1252', () => {
    expect(first(extractPage(Buffer.from(page(`<p>Zoë’s café</p>${filler(3)}`).replace('<meta charset="utf-8">', ''))))).toBe('Zoë’s café');
    const undeclared = extractPage(cp1252(''));
    expect([undeclared.encoding, first(undeclared)]).toEqual(['windows-1252', 'Café “Zoë” – 5 € is the name of the place.']);
  });

  it('reads the other encodings TextDecoder knows: Shift_JIS, windows-1251', () => {
    // "日本" in Shift_JIS; "Мир" in windows-1251.
    const sjis = Buffer.concat([
      Buffer.from('<html><head><meta charset="shift_jis"></head><body><article><p>'),
      Buffer.from([0x93, 0xfa, 0x96, 0x7b]),
      Buffer.from(`</p>${filler(3)}</article></body></html>`),
    ]);
    expect(first(extractPage(sjis))).toBe('日本');
    const cyrillic = Buffer.concat([
      Buffer.from('<html><body><article><p>'),
      Buffer.from([0xcc, 0xe8, 0xf0]),
      Buffer.from(`</p>${filler(3)}</article></body></html>`),
    ]);
    expect(first(extractPage(cyrillic, { contentType: 'text/html;charset="windows-1251"' }))).toBe('Мир');
  });
});

describe('extractPage: pages that are not articles', () => {
  it('refuses a front page of teasers', () => {
    expect(refusal(() => extractPage(fixture('front-page.html'), { url: 'https://gazette.example/' })).reason).toBe('front-page');
    // Without its address or og:type, the teasers alone say so.
    const bare = fixture('front-page.html').toString().replace('<meta property="og:type" content="website">', '');
    expect(refusal(() => extractPage(bare)).reason).toBe('front-page');
  });

  it('refuses an error page', () => {
    const notFound =
      '<html><head><title>Page not found | The Alder Gazette</title></head><body><h1>Sorry, we could not find that page</h1><p>The page you were looking for may have moved. Try the search box or go back to the home page to find the latest news from Port Alder and the islands.</p></body></html>';
    expect(refusal(() => extractPage(notFound)).reason).toBe('error-page');
  });

  it('refuses an article behind a sign-in wall', () => {
    const wall = page(
      '<h1>Harbour board approves night ferry</h1><p>The harbour board voted on Friday to run a ferry to Gull Island after dark for the first time.</p>' +
        '<div class="wall"><p>Subscribe to continue reading. Already a subscriber? Sign in below.</p><form><input name="user"><input type="password" name="pw"><button>Sign in</button></form></div>',
    );
    expect(refusal(() => extractPage(wall)).reason).toBe('login-wall');
  });

  it('takes a short article for an article, whatever its header holds or its headline says', () => {
    const brief = page(
      '<h1>S&amp;P 500 falls 2% as harbour stocks slide</h1><p>Shares of the three listed harbour operators fell on Tuesday after the board said night ferries would cost more than planned. Analysts said the drop was likely to be short-lived because fares are set to rise next year, and two brokers kept their advice to buy the shares.</p>' +
        '<p>Trading was heavy in the last hour, and the index closed near its low of the day.</p>',
      '<meta property="og:type" content="article">',
    ).replace('<body>', '<body><header><a href="/subscribe">Already a subscriber? Sign in</a><form><input type="password"></form></header>');
    expect(extractPage(brief).headline).toBe('S&P 500 falls 2% as harbour stocks slide');
  });

  it('refuses empty pages and pages with too little text', () => {
    for (const empty of [
      '',
      '   \n',
      '<html><head><title>x</title></head><body></body></html>',
      '<html><body><script>var story = "words";</script></body></html>',
    ]) {
      expect(refusal(() => extractPage(empty)).reason).toBe('empty');
    }
    expect(refusal(() => extractPage(page('<p>Just a line.</p>'))).reason).toBe('too-short');
  });

  it('refuses what is not HTML by its Content-Type', () => {
    expect(refusal(() => extractPage(Buffer.from('%PDF-1.7'), { contentType: 'application/pdf' })).reason).toBe('not-html');
  });
});

describe('extractPage: hostile pages', () => {
  it('strips NULs and keeps other text as it is', () => {
    const { body, headline } = extractPage(page(`<p>Nul\u0000 bytes\u0000 vanish.</p>${filler(3)}`, '<meta property="og:title" content="Head\u0000line">'));
    expect(body[0]).toBe('Nul bytes vanish.');
    expect(headline).toBe('Headline');
  });

  it('refuses pages over the size limit with a clear error', () => {
    const big = Buffer.alloc(2048, 0x20);
    expect(() => extractPage(big, { maxBytes: 1024 })).toThrow(PageTooLarge);
    expect(() => extractPage(big, { maxBytes: 1024 })).toThrow('the page has 2048 bytes, more than the limit of 1024');
    expect(() => extractPage(page(filler(30)), { maxElements: 20 })).toThrow(/elements, more than the limit of 20/);
  });

  it('extracts pages nested far deeper than the parser and Readability could otherwise take', () => {
    const deep = `<html><body>${'<div>'.repeat(20_000)}${filler(4)}${'</div>'.repeat(20_000)}</body></html>`;
    const { body } = extractPage(deep);
    expect(body.join(' ')).toContain('Paragraph 4 of the story');
  });

  it('does not follow <base>, <img> or <link> anywhere: the result names their addresses at most', () => {
    const result = extractPage(
      page(`<img src="http://127.0.0.1:9/x.png"><p>See <a href="/next">the next</a> story.</p>${filler(3)}`, '<base href="https://mirror.example/a/">'),
    );
    expect(result.body[0]).toBe('See [the next](https://mirror.example/next) story.');
  });
});

describe('extractPage: Markdown that reads back as the page', () => {
  const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
  const piece = fc.stringMatching(/^[a-zA-Z0-9 *_[\]()<>#!&\\`~|+.="'“”:;,-]{1,12}$/);
  type Node = string | { tag: string; children: Node[] };
  const inline = (tags: string[]) =>
    fc.letrec<{ node: Node }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        piece,
        fc.record({ tag: fc.constantFrom(...tags), children: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      ),
    })).node;
  const html = (n: Node): string =>
    typeof n === 'string'
      ? escapeHtml(n)
      : n.tag === 'br'
        ? '<br>'
        : n.tag === 'code'
          ? `<code>${escapeHtml(text(n))}</code>`
          : `<${n.tag}${n.tag === 'a' ? ' href="/x"' : ''}>${n.children.map(html).join('')}</${n.tag}>`;
  const text = (n: Node): string => (typeof n === 'string' ? n : n.tag === 'br' ? ' ' : n.children.map(text).join(''));
  /** The story's paragraphs as the reader gives them back, the filler's three left out. */
  const readBack = (nodes: Node[]) => {
    const paragraph = `<p>The story goes on to say ${nodes.map(html).join('')} and then it ends.</p>`;
    const { body } = extractPage(page(paragraph + filler(3)), { url: PAGE_URL });
    return markdownToParagraphs(body.join('\n\n')).slice(0, -3);
  };

  it('gives back the words and spaces of any paragraph of text, emphasis, links and code, through the reader', () => {
    const nodes = fc.array(inline(['em', 'strong', 'i', 'b', 'span', 'a', 's', 'code']), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(nodes, (nodes) => {
        expect(readBack(nodes).map(fold)).toEqual([fold(`The story goes on to say ${nodes.map(text).join('')} and then it ends.`)]);
      }),
      { numRuns: 300 },
    );
  });

  it('gives back the words when line breaks split the paragraph too', () => {
    // Two <br>s in a row end a paragraph, where spaces may come or go; the characters stay.
    const nodes = fc.array(inline(['em', 'strong', 'span', 's', 'code', 'br']), { minLength: 1, maxLength: 5 });
    const squeeze = (text: string) => text.replace(/\s+/g, '');
    fc.assert(
      fc.property(nodes, (nodes) => {
        expect(squeeze(readBack(nodes).join(''))).toBe(squeeze(`The story goes on to say ${nodes.map(text).join('')} and then it ends.`));
      }),
      { numRuns: 300 },
    );
  });
});

describe('extractPage: any input', () => {
  const token = fc.oneof(
    fc.constantFrom(
      '<p>',
      '</p>',
      '<div class="share">',
      '</div>',
      '<article>',
      '<b>',
      '</i>',
      '<br>',
      '<a href="javascript:x">',
      '<a href="//[::1">',
      '</a>',
      '<table><tr><td>',
      '<ul><li>',
      '<blockquote>',
      '<h2>',
      '<script>',
      '</script>',
      '<!--',
      '-->',
      '<meta charset="x-user-defined">',
      '<script type="application/ld+json">{"@graph":[{"@id":"a","author":{"@id":"a"}}',
      '<time datetime="2024-99-99">',
      '<html>',
      '</body>',
      '&#0;',
      '&#xD800;',
      '\u0000',
      '\u202e',
    ),
    fc.string({ maxLength: 30 }),
    fc.constant('The harbour board voted on Friday to run a ferry to the island after dark for the first time in years. '),
  );

  it('returns an article or throws NotAnArticle, never anything else, and leaves no NUL in the text', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), fc.boolean(), (tokens, asBytes) => {
        const source = tokens.join('');
        try {
          const result = extractPage(asBytes ? Buffer.from(source) : source, { url: 'https://gazette.example/a/b' });
          expect(JSON.stringify(result)).not.toMatch(/\\u0000/);
        } catch (err) {
          if (!(err instanceof NotAnArticle)) throw err;
        }
      }),
      { numRuns: 300 },
    );
  });
});
