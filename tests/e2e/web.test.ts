// Feeds and pages from a web server on 127.0.0.1: `news feed`, `news update`
// and `news import URL`, run as a user runs them. The server is in this
// process, so `news` runs asynchronously while it answers.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, redirect, stall, startServer, type TestServer } from '../helpers/http-server.js';
import { cleanEnv, NEWS, newsAsync, ROOT } from './helpers.js';

const run = newsAsync;

const lines = (text: string) => text.split('\n').filter(Boolean);
const newLibrary = () => mkdtempSync(join(tmpdir(), 'news-web-'));

/** Every article file of a library, by slug. */
function articles(library: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) found.set(entry.name.slice(0, -3), readFileSync(path, 'utf8'));
    }
  };
  walk(library);
  return found;
}

const LONG_STORY = Array.from(
  { length: 6 },
  (_, n) =>
    `<p>Paragraph ${n + 1} of the ferry story: the crossing from the north quay took forty minutes longer than the timetable promised, and the passengers waiting on the pier counted the gulls while the engineers argued about the starboard engine and its worn bearings.</p>`,
).join('\n');

function rss(items: string, title = 'Valley Courier'): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${title}</title><link>http://127.0.0.1/</link><description>Local news</description>
${items}
</channel></rss>`;
}

const item = (guid: string, headline: string, link: string, content: string, extra = '') => `<item>
  <guid>${guid}</guid><title>${headline}</title><link>${link}</link>
  <pubDate>Tue, 01 Mar 2016 23:30:00 -0500</pubDate><dc:creator>Rosa Ferreira</dc:creator>
  <category>Transport</category><category>Harbour</category>
  <content:encoded><![CDATA[${content}]]></content:encoded>${extra}
</item>`;

function page(headline: string, body: string, extraHead = ''): string {
  return `<!DOCTYPE html><html><head><title>${headline} | Valley Courier</title>
<meta property="og:site_name" content="Valley Courier">${extraHead}</head>
<body><nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<article><h1>${headline}</h1><p class="byline">By Tomas Lindqvist</p>${body}</article>
<aside><h2>Read more</h2><ul><li><a href="/a">Another story about the market</a></li><li><a href="/b">Yet another story</a></li></ul></aside>
<footer>Copyright Valley Courier</footer></body></html>`;
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

describe('news feed add, news update', () => {
  it('follows a feed, writes each entry as an article once, and asks again conditionally', async () => {
    const library = newLibrary();
    let served = 0;
    const feedText = rss(
      item('tag:courier,2016:1', 'Ferry runs late again', server.url('/stories/ferry'), LONG_STORY) +
        item('tag:courier,2016:2', 'Market square reopens', server.url('/stories/market'), LONG_STORY.replace(/ferry/g, 'market')) +
        item('tag:courier,2016:1', 'Ferry runs late again (repeated)', server.url('/stories/ferry'), LONG_STORY),
    );
    server.route('/courier.xml', (request, response) => {
      served++;
      if (request.headers['if-none-match'] === '"v1"') {
        response.writeHead(304, { etag: '"v1"' });
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Wed, 02 Mar 2016 08:00:00 GMT' });
      response.end(feedText);
    });
    const added = await run(['--dir', library, 'feed', 'add', server.url('/courier.xml')]);
    expect(added.stderr).toContain('following valley-courier');
    expect(added).toMatchObject({ status: 0, stdout: 'valley-courier\n' });

    const first = await run(['--dir', library, 'update']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(lines(first.stdout)).toEqual(['ferry-runs-late-again', 'market-square-reopens']);
    const files = articles(library);
    expect([...files.keys()].sort()).toEqual(['ferry-runs-late-again', 'market-square-reopens']);
    const ferry = files.get('ferry-runs-late-again')!;
    expect(ferry).toContain('date: "2016-03-01T23:30:00-05:00"');
    expect(ferry).toContain('author: "Rosa Ferreira"');
    expect(ferry).toContain('source: "Valley Courier"');
    expect(ferry).toContain(`url: "${server.url('/stories/ferry')}"`);
    expect(ferry).toContain('tags: ["Transport", "Harbour"]');

    const shown = await run(['--dir', library, 'show', 'ferry-runs-late-again', '--json']);
    const article = JSON.parse(shown.stdout);
    expect(article).toMatchObject({
      headline: 'Ferry runs late again',
      date: '2016-03-01T23:30:00-05:00',
      source: 'Valley Courier',
      tags: ['Transport', 'Harbour'],
    });
    expect(article.body).toHaveLength(6);

    const second = await run(['--dir', library, 'update']);
    expect(second).toMatchObject({ status: 0, stdout: '', stderr: '' });
    const asked = server.hits('/courier.xml');
    expect(asked.at(-1)!.headers['if-none-match']).toBe('"v1"');
    expect(asked.at(-1)!.headers['if-modified-since']).toBe('Wed, 02 Mar 2016 08:00:00 GMT');
    expect(asked.at(-1)!.headers['user-agent']).toMatch(/^news\/\d/);
    expect(served).toBe(3);

    const listed = await run(['--dir', library, 'feed', 'list', '--json']);
    expect(JSON.parse(listed.stdout)).toMatchObject({
      name: 'valley-courier',
      url: server.url('/courier.xml'),
      status: 'not modified',
      articles: 2,
      etag: '"v1"',
    });
    // The feed list is the library's own data, not the cache's.
    expect(existsSync(join(library, '.news', 'feeds.json'))).toBe(true);
  });

  it('finds the feed a page links, and fetches the page of an entry that is only a summary', async () => {
    const library = newLibrary();
    server.route(
      '/home',
      answer(page('Front', '<p>Hello.</p>', `<link rel="alternate" type="application/rss+xml" title="Courier" href="/summaries.xml">`), {
        'content-type': 'text/html',
      }),
    );
    server.route(
      '/summaries.xml',
      answer(
        rss(
          `<item><guid>s1</guid><title>Bridge closes for repairs</title><link>${server.url('/stories/bridge')}</link><description>The bridge is shut.</description></item>`,
          'Courier Summaries',
        ),
        {
          'content-type': 'application/rss+xml',
        },
      ),
    );
    server.route(
      '/stories/bridge',
      answer(page('Bridge closes for repairs', LONG_STORY.replace(/ferry/g, 'bridge')), { 'content-type': 'text/html; charset=utf-8' }),
    );
    const added = await run(['--dir', library, 'feed', 'add', server.url('/home'), '--name', 'summaries']);
    expect(added).toMatchObject({ status: 0, stdout: 'summaries\n' });
    const updated = await run(['--dir', library, 'update', 'summaries']);
    expect(updated).toMatchObject({ status: 0, stdout: 'bridge-closes-for-repairs\n' });
    const text = articles(library).get('bridge-closes-for-repairs')!;
    expect(text).toContain('Paragraph 6 of the bridge story');
    expect(text).not.toContain('Read more');
    expect(text).not.toContain('The bridge is shut.');
    expect(server.hits('/stories/bridge')).toHaveLength(1);
  });

  it('keeps the summary of a feed told not to fetch pages', async () => {
    const library = newLibrary();
    server.route(
      '/terse.xml',
      answer(
        rss(
          `<item><guid>t1</guid><title>Snow expected</title><link>${server.url('/stories/snow')}</link><description>Snow by Friday.</description></item>`,
          'Terse',
        ),
      ),
    );
    await run(['--dir', library, 'feed', 'add', server.url('/terse.xml'), '--no-full-text']);
    const updated = await run(['--dir', library, 'update']);
    expect(updated).toMatchObject({ status: 0, stdout: 'snow-expected\n' });
    expect(articles(library).get('snow-expected')).toContain('Snow by Friday.');
    expect(server.hits('/stories/snow')).toHaveLength(0);
  });

  it('goes on past a failing feed, names it and what it answered, and exits 1', async () => {
    const library = newLibrary();
    server.route('/good.xml', answer(rss(item('g1', 'Library extends its hours', server.url('/stories/library'), LONG_STORY), 'Good Feed')));
    server.route('/gone.xml', answer('not here', {}, 404));
    server.route('/busy.xml', answer('later', { 'retry-after': '3600' }, 503));
    server.route(
      '/broken.xml',
      answer('<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<title>Broken</title>\n<item <title>x</title></item>\n</channel></rss>'),
    );
    server.route('/bomb.xml', answer(gzipSync(Buffer.alloc(64 * 1024 * 1024, 32)), { 'content-encoding': 'gzip', 'content-type': 'application/rss+xml' }));
    writeFileSync(
      join(library, 'feeds.opml'),
      `<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
<outline text="Good" title="Good" type="rss" xmlUrl="${server.url('/good.xml')}"/>
<outline text="Gone" title="Gone" type="rss" xmlUrl="${server.url('/gone.xml')}"/>
<outline text="Busy" title="Busy" type="rss" xmlUrl="${server.url('/busy.xml')}"/>
<outline text="Broken" title="Broken" type="rss" xmlUrl="${server.url('/broken.xml')}"/>
<outline text="Bomb" title="Bomb" type="rss" xmlUrl="${server.url('/bomb.xml')}"/>
</body></opml>`,
    );
    const imported = await run(['--dir', library, 'feed', 'import', join(library, 'feeds.opml')]);
    expect(imported).toMatchObject({ status: 0, stdout: 'good\ngone\nbusy\nbroken\nbomb\n' });
    const updated = await run(['--dir', library, 'update']);
    expect(updated.status).toBe(1);
    expect(updated.stdout).toBe('library-extends-its-hours\n');
    const errors = lines(updated.stderr).sort();
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/^news update: bomb: .*larger than .*; tried again at the next update$/);
    expect(errors[1]).toMatch(/^news update: broken: .*line 4.*; tried again at the next update$/);
    expect(errors[2]).toMatch(/^news update: busy: .*503.*; not asked again before \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(errors[3]).toMatch(/^news update: gone: .*404 Not Found; tried again at the next update$/);

    const again = await run(['--dir', library, 'update', 'busy']);
    expect(again.stderr).toMatch(/busy: skipped until/);
    expect(server.hits('/busy.xml')).toHaveLength(1);

    const exported = await run(['--dir', library, 'feed', 'export']);
    expect(exported.stdout).toContain(`xmlUrl="${server.url('/gone.xml')}"`);
    expect(exported.stdout.match(/<outline /g)).toHaveLength(5);
  });

  it('moves a feed for good when it is permanently redirected', async () => {
    const library = newLibrary();
    server.route('/old.xml', redirect('/new.xml', 301));
    server.route('/new.xml', answer(rss('', 'Moved Feed')));
    await run(['--dir', library, 'feed', 'add', server.url('/new.xml'), '--name', 'moved']);
    const listPath = join(library, '.news', 'feeds.json');
    writeFileSync(listPath, readFileSync(listPath, 'utf8').replace(server.url('/new.xml'), server.url('/old.xml')));
    expect((await run(['--dir', library, 'update'])).status).toBe(0);
    const listed = await run(['--dir', library, 'feed', 'list', '--json']);
    expect(JSON.parse(listed.stdout).url).toBe(server.url('/new.xml'));
  });

  it('stops on Ctrl-C with every article whole and the feed list saved', async () => {
    const library = newLibrary();
    server.route(
      '/quick.xml',
      answer(
        rss(
          item('q1', 'Quick story one', server.url('/stories/q1'), LONG_STORY) + item('q2', 'Quick story two', server.url('/stories/q2'), LONG_STORY),
          'Quick',
        ),
      ),
    );
    server.route('/slow.xml', stall());
    await run(['--dir', library, 'feed', 'add', server.url('/quick.xml'), '--name', 'quick']);
    const listPath = join(library, '.news', 'feeds.json');
    const list = JSON.parse(readFileSync(listPath, 'utf8'));
    list.feeds.push({ ...list.feeds[0], name: 'slow', url: server.url('/slow.xml'), seen: {} });
    writeFileSync(listPath, JSON.stringify(list));
    const child = spawn(process.execPath, [NEWS, '--dir', library, 'update'], { env: cleanEnv(), cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        // The quick feed is done once both its slugs are out; the slow one hangs.
        if (stdout.split('\n').length > 2) child.kill('SIGINT');
      });
      child.on('close', resolve);
    });
    // Stopped by Ctrl-C, and ended tidily: the status a shell gives SIGINT.
    expect(status).toBe(130);
    expect(lines(stdout)).toEqual(['quick-story-one', 'quick-story-two']);
    expect(stderr).toMatch(/update stopped; the articles written are kept and the feed list is saved/);
    const saved = JSON.parse(readFileSync(listPath, 'utf8'));
    expect(Object.keys(saved.feeds[0].seen).sort()).toEqual(['q1', 'q2']);
    expect(saved.feeds[1].status).toBeNull();
    expect([...articles(library).values()].every((text) => text.includes('Paragraph 6 of the ferry story'))).toBe(true);
    expect(readdirSync(join(library, '.news')).sort()).toEqual(['feeds.json']);
  });

  it('refuses what is not a feed, and a name the library does not follow', async () => {
    const library = newLibrary();
    server.route('/plain-page', answer(page('Nothing', '<p>No feed here.</p>'), { 'content-type': 'text/html' }));
    const added = await run(['--dir', library, 'feed', 'add', server.url('/plain-page')]);
    expect(added.status).toBe(1);
    expect(added.stderr).toMatch(/links no feed/);
    expect((await run(['--dir', library, 'feed', 'add', 'file:///etc/passwd'])).status).toBe(2);
    const unknown = await run(['--dir', library, 'update', 'nosuch']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/follows no feed named "nosuch"/);
  });
});

describe('news feed list', () => {
  it('prints NAME, URL, UPDATED, STATUS and ARTICLES separated by tabs when piped', async () => {
    const library = newLibrary();
    let gone = false;
    server.route(
      '/list/courier.xml',
      answer(rss(item('tag:list,2016:1', 'Ferry runs late again', server.url('/list/ferry'), LONG_STORY)), { 'content-type': 'application/rss+xml' }),
    );
    server.route('/list/ferry', answer(page('Ferry runs late again', LONG_STORY), { 'content-type': 'text/html' }));
    const gazette = answer(rss('', 'Hill Gazette'), { 'content-type': 'application/rss+xml' });
    const notFound = answer('gone', { 'content-type': 'text/plain' }, 404);
    server.route('/list/gazette.xml', (request, response, served) => (gone ? notFound : gazette)(request, response, served));
    const never = await run(['--dir', library, 'feed', 'list']);
    expect(never).toEqual({ status: 0, stdout: '', stderr: '' });

    expect((await run(['--dir', library, 'feed', 'add', server.url('/list/courier.xml')])).status).toBe(0);
    expect((await run(['--dir', library, 'feed', 'add', server.url('/list/gazette.xml'), '--name', 'hill\tgazette'])).status).toBe(0);
    const added = await run(['--dir', library, 'feed', 'list']);
    expect(added).toEqual({
      status: 0,
      stdout:
        `valley-courier\t${server.url('/list/courier.xml')}\tnever\tnot fetched yet\t0\n` +
        `hill gazette\t${server.url('/list/gazette.xml')}\tnever\tnot fetched yet\t0\n`,
      stderr: '',
    });

    gone = true;
    expect((await run(['--dir', library, 'update'])).status).toBe(1);
    // The minute of the update, as the JSON Lines give it.
    const courier = JSON.parse((await run(['--dir', library, 'feed', 'list', '--json'])).stdout.split('\n')[0]!) as { updated: string };
    const minute = courier.updated.slice(0, 16).replace('T', ' ');
    const listed = await run(['--dir', library, 'feed', 'list']);
    expect(listed).toEqual({
      status: 0,
      stdout:
        `valley-courier\t${server.url('/list/courier.xml')}\t${minute}\tok\t1\n` +
        // A tab in a name is a space in its field.
        `hill gazette\t${server.url('/list/gazette.xml')}\tnever\t${server.url('/list/gazette.xml')}: 404 Not Found\t0\n`,
      stderr: '',
    });
  });

  it("fails with the library's message when the feed list cannot be read", async () => {
    const library = newLibrary();
    mkdirSync(join(library, '.news'));
    writeFileSync(join(library, '.news', 'feeds.json'), '{"feeds": [');
    const listed = await run(['--dir', library, 'feed', 'list']);
    expect(listed.status).toBe(1);
    expect(listed.stdout).toBe('');
    expect(listed.stderr).toMatch(new RegExp(`^news: ${join(library, '.news', 'feeds.json').replace(/[.]/g, '\\.')}:1: not valid JSON`));
  });
});

describe('news import of pages and feeds', () => {
  it('imports the article at a URL once; --force imports it again; a page that is no article is refused', async () => {
    const library = newLibrary();
    server.route(
      '/stories/tram',
      answer(page('Tram line opens to the coast', LONG_STORY.replace(/ferry/g, 'tram'), `<link rel="canonical" href="/stories/tram">`), {
        'content-type': 'text/html',
      }),
    );
    const first = await run(['--dir', library, 'import', server.url('/stories/tram')]);
    expect(first).toMatchObject({ status: 0, stdout: 'tram-line-opens-to-the-coast\n' });
    const again = await run(['--dir', library, 'import', server.url('/stories/tram?from=home')]);
    expect(again).toMatchObject({ status: 0, stdout: '' });
    expect(articles(library).size).toBe(1);
    const forced = await run(['--dir', library, 'import', '--force', server.url('/stories/tram')]);
    expect(forced).toMatchObject({ status: 0, stdout: 'tram-line-opens-to-the-coast\n' });
    expect(articles(library).size).toBe(1);

    server.route(
      '/front',
      answer(page('Front page', '<ul>' + Array.from({ length: 30 }, (_, n) => `<li><a href="/s${n}">Story number ${n}</a></li>`).join('') + '</ul>'), {
        'content-type': 'text/html',
      }),
    );
    const refused = await run(['--dir', library, 'import', server.url('/front')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^news: cannot import .*\/front: not an article/);
    expect(articles(library).size).toBe(1);
    const missing = await run(['--dir', library, 'import', server.url('/nowhere')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('404 Not Found');
    const local = await run(['--dir', library, 'import', 'file:///etc/hostname']);
    expect(local.status).toBe(1);
    expect(local.stderr).toMatch(/only http: and https: addresses are imported/);
  });

  it('imports saved pages and feed files without the network, and never lets their text reach the terminal as escapes', async () => {
    const library = newLibrary();
    const saved = newLibrary();
    writeFileSync(join(saved, 'mill.html'), page('Old mill becomes a museum', LONG_STORY.replace(/ferry/g, 'mill')));
    writeFileSync(
      join(saved, 'bulletin.xml'),
      rss(
        item('b1', 'Council \u001b]52;c;aGk=\u0007meets', 'javascript:alert(1)', '<p>The council met.</p><script>document.write("SCRIPT-RAN")</script>') +
          item('b2', 'Pool reopens', 'http://127.0.0.1:9/pool', '<p>Swimming again.</p>'),
        'Bulletin',
      ),
    );
    const imported = await run(['--dir', library, 'import', saved]);
    expect(imported.stderr).toBe('');
    expect(lines(imported.stdout).sort()).toEqual(['council-52-c-agk-meets', 'old-mill-becomes-a-museum', 'pool-reopens'].sort());
    const council = [...articles(library).entries()].find(([slug]) => slug.startsWith('council'))![1];
    expect(council).not.toContain('javascript:');
    expect(council).not.toContain('SCRIPT-RAN');
    const listed = await run(['--dir', library, 'list']);

    expect(listed.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
