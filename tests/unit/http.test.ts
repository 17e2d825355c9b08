// The HTTP layer against a server of our own on loopback: no other network.
import { gzipSync, brotliCompressSync, deflateSync, deflateRawSync, constants as zlibConstants } from 'node:zlib';
import type { ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FetchError, HttpClient, fetchResource, FEED_ACCEPT, type FetchOptions, type HttpClientOptions } from '../../src/web/http/index.js';
import { answer, loopbackLookup, redirect, SAMPLE_FEED, stall, startProxy, startServer, type TestServer } from '../helpers/http-server.js';

const VERSION = '9.8.7-test';
let server: TestServer;
const clients: HttpClient[] = [];

/** A client with test-sized limits; closed after each test. */
function client(options: Partial<HttpClientOptions> = {}): HttpClient {
  const made = new HttpClient({ version: VERSION, env: {}, timeoutMs: 10_000, connectTimeoutMs: 5_000, ...options });
  clients.push(made);
  return made;
}

const feed: FetchOptions = { accept: FEED_ACCEPT };

/** The FetchError a fetch rejects with (the test fails if it resolves or throws anything else). */
async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a FetchError, got ${JSON.stringify(outcome.value)}`);
  expect(outcome.error).toBeInstanceOf(FetchError);
  return outcome.error as FetchError;
}

const text = (body: Uint8Array) => Buffer.from(body).toString('utf8');

function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done).off('close', done);
      resolve();
    };
    response.on('drain', done).on('close', done);
  });
}

beforeAll(async () => {
  server = await startServer();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((made) => made.close()));
});
afterAll(async () => {
  await server.close();
});

describe('a plain fetch', () => {
  it('sends who is asking and what it accepts, and returns the body, validators and type', async () => {
    server.route(
      '/plain/feed.xml',
      answer(SAMPLE_FEED, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"', 'last-modified': 'Tue, 05 Mar 2024 09:30:00 GMT' }),
    );
    const result = await fetchResource(server.url('/plain/feed.xml'), feed, client());
    expect(result).toMatchObject({
      url: server.url('/plain/feed.xml'),
      status: 200,
      notModified: false,
      etag: '"v1"',
      lastModified: 'Tue, 05 Mar 2024 09:30:00 GMT',
      contentType: 'application/rss+xml; charset=utf-8',
    });
    expect(result.permanentRedirect).toBeUndefined();
    expect(text(result.body)).toBe(SAMPLE_FEED);
    const [request] = server.hits('/plain/feed.xml');
    expect(request!.headers['user-agent']).toBe(`news/${VERSION}`);
    expect(request!.headers.accept).toBe(FEED_ACCEPT);
    expect(request!.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(request!.headers['if-none-match']).toBeUndefined();
    expect(request!.headers['if-modified-since']).toBeUndefined();
  });
});

describe('conditional requests', () => {
  it('sends the stored ETag and Last-Modified back verbatim; a 304 is "not modified" and keeps them', async () => {
    const etag = 'W/"feed-2024-03-05"';
    const lastModified = 'Tue, 05 Mar 2024 09:30:00 GMT';
    server.route('/conditional', (request, response) => {
      if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { etag }).end();
      response.writeHead(200, { etag, 'last-modified': lastModified, 'content-length': SAMPLE_FEED.length }).end(SAMPLE_FEED);
    });
    const http = client();
    const first = await fetchResource(server.url('/conditional'), feed, http);
    expect(first).toMatchObject({ status: 200, notModified: false, etag, lastModified });

    const second = await fetchResource(server.url('/conditional'), { ...feed, etag: first.etag, lastModified: first.lastModified }, http);
    expect(second).toMatchObject({ status: 304, notModified: true, etag, lastModified });
    expect(second.body.length).toBe(0);
    const [, request] = server.hits('/conditional');
    expect(request!.headers['if-none-match']).toBe(etag);
    expect(request!.headers['if-modified-since']).toBe(lastModified);
  });

  it('returns what a 304 sends anew, and 200 without validators stores none', async () => {
    server.route('/conditional-new', (request, response) => {
      if (request.headers['if-modified-since']) return void response.writeHead(304, { etag: '"v2"' }).end();
      response.writeHead(200, { 'content-length': 2 }).end('ok');
    });
    const http = client();
    const fresh = await fetchResource(server.url('/conditional-new'), feed, http);
    expect(fresh.etag).toBeUndefined();
    expect(fresh.lastModified).toBeUndefined();
    const again = await fetchResource(server.url('/conditional-new'), { ...feed, etag: '"v1"', lastModified: 'Mon, 04 Mar 2024 00:00:00 GMT' }, http);
    expect(again).toMatchObject({ notModified: true, etag: '"v2"', lastModified: 'Mon, 04 Mar 2024 00:00:00 GMT' });
  });

  it('does not send a stored validator that is not a valid header value', async () => {
    server.route('/conditional-bad', answer('ok'));
    await fetchResource(server.url('/conditional-bad'), { ...feed, etag: '"a"\r\nX-Evil: 1', lastModified: 'Tue, 05 Mar 2024 09:30:00 GMT' }, client());
    const [request] = server.hits('/conditional-bad');
    expect(request!.headers['if-none-match']).toBeUndefined();
    expect(request!.headers['x-evil']).toBeUndefined();
    expect(request!.headers['if-modified-since']).toBe('Tue, 05 Mar 2024 09:30:00 GMT');
  });
});

describe('compressed bodies', () => {
  const encoded: Array<[string, Buffer]> = [
    ['gzip', gzipSync(SAMPLE_FEED)],
    ['x-gzip', gzipSync(SAMPLE_FEED)],
    ['br', brotliCompressSync(SAMPLE_FEED)],
    ['deflate', deflateSync(SAMPLE_FEED)],
    // Bare deflate data under the name "deflate", as some servers send it.
    ['deflate', deflateRawSync(SAMPLE_FEED)],
  ];
  it.each(encoded)('inflates a %s body', async (coding, body) => {
    const path = `/coded/${coding}/${body[0]}`;
    server.route(path, answer(body, { 'content-encoding': coding }));
    const result = await fetchResource(server.url(path), feed, client());
    expect(text(result.body)).toBe(SAMPLE_FEED);
  });

  it('inflates a body sent in small chunks without a length', async () => {
    const body = deflateRawSync(SAMPLE_FEED);
    server.route('/coded/trickle', async (_request, response) => {
      response.writeHead(200, { 'content-encoding': 'deflate', 'transfer-encoding': 'chunked' });
      for (let at = 0; at < body.length; at += 1) response.write(body.subarray(at, at + 1));
      response.end();
    });
    expect(text((await fetchResource(server.url('/coded/trickle'), feed, client())).body)).toBe(SAMPLE_FEED);
  });

  it.each([
    ['gzip', Buffer.from('this is not gzip data at all'), /gzip data is corrupt/],
    ['br', Buffer.from('nor is this brotli'), /br data is corrupt/],
    ['zstd', Buffer.from('whatever'), /encoded as "zstd", which news cannot decode/],
    ['gzip, gzip', gzipSync(gzipSync('twice')), /encoded more than once/],
  ])('refuses a body it cannot decode (%s)', async (coding, body, message) => {
    const path = `/undecodable/${coding.replace(/\W/g, '')}`;
    server.route(path, answer(body, { 'content-encoding': coding }));
    const error = await failure(fetchResource(server.url(path), feed, client()));
    expect(error.kind).toBe('decode');
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`${server.url(path)}: `)).toBe(true);
  });

  it('reads several Content-Encoding headers as one list', async () => {
    server.route('/undecodable/two-headers', (_request, response) => {
      response.setHeader('content-encoding', ['gzip', 'gzip']);
      response.end(gzipSync(gzipSync('twice')));
    });
    const error = await failure(fetchResource(server.url('/undecodable/two-headers'), feed, client()));
    expect(error.kind).toBe('decode');
    expect(error.message).toMatch(/encoded more than once \("gzip, gzip"\)/);
  });
});

describe('redirects', () => {
  it('follows a chain of temporary redirects, and reports no permanent one', async () => {
    server
      .route('/r/a', redirect('/r/b', 302))
      .route('/r/b', redirect(server.url('/r/c'), 307))
      .route('/r/c', answer('at c'));
    const result = await fetchResource(server.url('/r/a'), feed, client());
    expect(result.url).toBe(server.url('/r/c'));
    expect(text(result.body)).toBe('at c');
    expect(result.permanentRedirect).toBeUndefined();
  });

  it('reports a permanent redirect when every hop was permanent', async () => {
    server.route('/p/old', redirect('/p/older', 301)).route('/p/older', redirect('/p/new', 308)).route('/p/new', answer('new home'));
    const result = await fetchResource(server.url('/p/old'), feed, client());
    expect(result.permanentRedirect).toBe(server.url('/p/new'));
    expect(result.url).toBe(server.url('/p/new'));
  });

  it('reports none when one hop was temporary', async () => {
    server.route('/m/old', redirect('/m/middle', 301)).route('/m/middle', redirect('/m/new', 302)).route('/m/new', answer('x'));
    expect((await fetchResource(server.url('/m/old'), feed, client())).permanentRedirect).toBeUndefined();
  });

  it('follows five redirects, and refuses a sixth', async () => {
    for (let hop = 0; hop < 7; hop++) server.route(`/hop/${hop}`, redirect(`/hop/${hop + 1}`));
    server.route('/hop/5', answer('five hops'));
    expect(text((await fetchResource(server.url('/hop/0'), feed, client())).body)).toBe('five hops');
    server.route('/hop/5', redirect('/hop/6'));
    server.route('/hop/6', answer('six hops'));
    const error = await failure(fetchResource(server.url('/hop/0'), feed, client()));
    expect(error.kind).toBe('redirect');
    expect(error.message).toMatch(/more than 5 redirects/);
    expect(server.hits('/hop/6')).toHaveLength(0);
  });

  it('stops a redirect loop', async () => {
    server.route('/loop/a', redirect('/loop/b')).route('/loop/b', redirect('/loop/a'));
    const error = await failure(fetchResource(server.url('/loop/a'), feed, client()));
    expect(error.kind).toBe('redirect');
    expect(error.message).toBe(
      `${server.url('/loop/a')} → ${server.url('/loop/b')}: redirect loop: ${server.url('/loop/a')} → ${server.url('/loop/b')} → ${server.url('/loop/a')}`,
    );
    expect(server.hits('/loop/a')).toHaveLength(1);
  });

  it.each(['file:///etc/passwd', 'data:text/xml,<rss/>', 'javascript:alert(1)', 'ftp://127.0.0.1/feed.xml'])('refuses a redirect to %s', async (target) => {
    const path = `/to-scheme/${target.slice(0, 4)}`;
    server.route(path, redirect(target, 301));
    const error = await failure(fetchResource(server.url(path), feed, client()));
    expect(error.kind).toBe('scheme');
    expect(error.message).toMatch(/which news does not fetch/);
  });

  it('refuses a redirect without a Location, or to something that is not a URL', async () => {
    server.route('/nowhere', (_request, response) => void response.writeHead(302, { 'content-length': 0 }).end());
    server.route('/bad-location', redirect('http://[not a url'));
    expect((await failure(fetchResource(server.url('/nowhere'), feed, client()))).message).toMatch(/302 Found without a Location/);
    expect((await failure(fetchResource(server.url('/bad-location'), feed, client()))).message).toMatch(
      /redirected to "http:\/\/\[not a url", which is not a URL/,
    );
  });

  it.each(['file:///etc/passwd', 'data:text/xml,<rss/>', 'javascript:alert(1)', 'ftp://127.0.0.1/feed.xml', 'not a url'])(
    'refuses to fetch %s before any request',
    async (url) => {
      const before = server.requests.length;
      const error = await failure(fetchResource(url, feed, client()));
      expect(error.kind).toBe('scheme');
      expect(error.url).toBe(url);
      expect(server.requests.length).toBe(before);
    },
  );
  it('shows a URL it cannot read without its control characters', async () => {
    const error = await failure(fetchResource('\u001b]0;pwned\u0007 feed', feed, client()));
    expect(error.message).toBe('^[]0;pwned^G feed: not a URL');
  });
});

describe('error statuses', () => {
  it.each([
    [404, '404 Not Found'],
    [410, '410 Gone'],
    [500, '500 Internal Server Error'],
  ])('a %i is an error naming the URL and the status', async (status, described) => {
    const path = `/status/${status}`;
    server.route(path, answer('<html>oops</html>', { 'content-type': 'text/html' }, status));
    const error = await failure(fetchResource(server.url(path), feed, client()));
    expect(error).toMatchObject({ kind: 'status', status, url: server.url(path) });
    expect(error.message).toBe(`${server.url(path)}: ${described}`);
  });

  it('names the URL redirected to as well', async () => {
    server.route('/moved-away', redirect('/gone-now')).route('/gone-now', answer('', {}, 410));
    const error = await failure(fetchResource(server.url('/moved-away'), feed, client()));
    expect(error.message).toBe(`${server.url('/moved-away')} → ${server.url('/gone-now')}: 410 Gone`);
    expect(error.finalUrl).toBe(server.url('/gone-now'));
  });

  it('a refused connection is a network error', async () => {
    const closed = await startServer();
    const url = closed.url('/feed');
    await closed.close();
    const error = await failure(fetchResource(url, feed, client()));
    expect(error.kind).toBe('network');
    expect(error.message).toBe(`${url}: connection refused`);
  });
});

describe('Retry-After', () => {
  it('waits out a short Retry-After (429) and asks once more', async () => {
    let asked = 0;
    server.route('/busy-once', (_request, response) => {
      if (asked++ === 0) return void response.writeHead(429, { 'retry-after': '1', 'content-length': 0 }).end();
      response.writeHead(200, { 'content-length': 5 }).end('fresh');
    });
    const started = Date.now();
    const result = await fetchResource(server.url('/busy-once'), feed, client());
    expect(text(result.body)).toBe('fresh');
    expect(server.hits('/busy-once')).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('asks again only once', async () => {
    server.route('/busy-always', (_request, response) => void response.writeHead(429, { 'retry-after': '0', 'content-length': 0 }).end());
    const error = await failure(fetchResource(server.url('/busy-always'), feed, client()));
    expect(error).toMatchObject({ kind: 'retry-later', status: 429 });
    expect(server.hits('/busy-always')).toHaveLength(2);
  });

  it('gives up at once on a long Retry-After (503), with the time to try again, and asks that host nothing more', async () => {
    const other = await startServer({
      '/down': (_request, response) => void response.writeHead(503, { 'retry-after': '3600', 'content-length': 0 }).end(),
      '/also-down': answer('never asked'),
    });
    try {
      const http = client({ lookup: loopbackLookup });
      const error = await failure(fetchResource(other.url('/down', 'down.test'), feed, http));
      expect(error).toMatchObject({ kind: 'retry-later', status: 503 });
      expect(error.retryAt!.getTime() - Date.now()).toBeGreaterThan(3500_000);
      expect(error.retryAt!.getTime() - Date.now()).toBeLessThanOrEqual(3600_000);
      expect(error.message).toMatch(/^http:\/\/down\.test:\d+\/down: 503 Service Unavailable, try again after \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

      const next = await failure(fetchResource(other.url('/also-down', 'down.test'), feed, http));
      expect(next.kind).toBe('retry-later');
      expect(next.retryAt).toEqual(error.retryAt);
      expect(other.hits('/also-down')).toHaveLength(0);
      expect(other.requests).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('takes an HTTP date', async () => {
    const later = new Date(Date.now() + 2 * 3600_000);
    server.route('/busy-date', (_request, response) => void response.writeHead(429, { 'retry-after': later.toUTCString(), 'content-length': 0 }).end());
    const error = await failure(fetchResource(server.url('/busy-date'), feed, client()));
    expect(error.kind).toBe('retry-later');
    expect(Math.abs(error.retryAt!.getTime() - later.getTime())).toBeLessThan(1000);
  });

  it('a 503 without Retry-After is a plain status error', async () => {
    server.route('/unavailable', answer('', {}, 503));
    const error = await failure(fetchResource(server.url('/unavailable'), feed, client()));
    expect(error).toMatchObject({ kind: 'status', status: 503 });
    expect(error.retryAt).toBeUndefined();
  });
});

describe('timeouts', () => {
  it('cuts off a server that does not answer', async () => {
    server.route('/silent', stall());
    const started = Date.now();
    const error = await failure(fetchResource(server.url('/silent'), feed, client({ timeoutMs: 500 })));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(`${server.url('/silent')}: no answer within 0.5 s`);
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('cuts off a server that stalls in the middle of the body', async () => {
    server.route('/stalls-midway', stall({ 'content-type': 'application/rss+xml', 'content-length': 100_000 }, SAMPLE_FEED.slice(0, 200)));
    const error = await failure(fetchResource(server.url('/stalls-midway'), feed, client({ timeoutMs: 500 })));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(`${server.url('/stalls-midway')}: answer not complete within 0.5 s`);
  });

  it('times out a connection that is never made (a TLS handshake that never comes)', async () => {
    // A TCP server that accepts and then says nothing: for an https: URL the
    // connection is not made until the TLS handshake is done.
    const silent: TcpServer = createTcpServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const error = await failure(fetchResource(`https://127.0.0.1:${port}/feed`, feed, client({ connectTimeoutMs: 300 })));
      expect(error.kind).toBe('timeout');
      expect(error.message).toBe(`https://127.0.0.1:${port}/feed: could not connect to 127.0.0.1:${port} within 0.3 s`);
    } finally {
      silent.close();
    }
  });
});

describe('size limits', () => {
  it('refuses a body whose Content-Length is too large, before reading it', async () => {
    // The body never comes: only the announced length can end this fetch in time.
    server.route('/huge-announced', stall({ 'content-length': 20 * 1024 * 1024 }, 'x'));
    const error = await failure(fetchResource(server.url('/huge-announced'), { ...feed, maxBytes: 5 * 1024 * 1024 }, client()));
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe(`${server.url('/huge-announced')}: larger than 5 MiB`);
  });

  it('stops a body without a length at the limit', async () => {
    server.route('/huge-streamed', async (_request, response) => {
      response.writeHead(200, { 'transfer-encoding': 'chunked' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      for (let sent = 0; sent < 4 * 1024 * 1024 && !response.destroyed; sent += chunk.length) {
        if (!response.write(chunk)) await drained(response);
      }
      response.end();
    });
    const error = await failure(fetchResource(server.url('/huge-streamed'), { ...feed, maxBytes: 1024 * 1024 }, client()));
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe(`${server.url('/huge-streamed')}: larger than 1 MiB`);
  });

  it('accepts a body of exactly the limit', async () => {
    server.route('/exact', answer(Buffer.alloc(1000, 'b'), { 'transfer-encoding': 'chunked' }));
    expect((await fetchResource(server.url('/exact'), { ...feed, maxBytes: 1000 }, client())).body.length).toBe(1000);
  });

  it('stops a gzip bomb at the limit, quickly and without holding what it would inflate to', async () => {
    // 1,024 gzip members of 1 MiB of zeros each, one after another: 1 MiB on
    // the wire, 1 GiB inflated.
    const member = gzipSync(Buffer.alloc(1024 * 1024));
    const bomb = Buffer.concat(Array.from({ length: 1024 }, () => member));
    expect(bomb.length).toBeLessThan(1.1 * 1024 * 1024);
    server.route('/bomb', answer(bomb, { 'content-encoding': 'gzip', 'content-type': 'application/rss+xml' }));
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const error = await failure(fetchResource(server.url('/bomb'), { ...feed, maxBytes: 2 * 1024 * 1024 }, client()));
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe(`${server.url('/bomb')}: larger than 2 MiB once inflated`);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(process.memoryUsage().rss - before).toBeLessThan(128 * 1024 * 1024);
  });

  it.each([
    ['deflate', () => deflateRawSync(Buffer.alloc(16 * 1024 * 1024), { level: 1 })],
    ['br', () => brotliCompressSync(Buffer.alloc(16 * 1024 * 1024), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 1 } })],
  ])('stops a %s bomb at the limit too', async (coding, make) => {
    const path = `/bomb-${coding}`;
    server.route(path, answer(make(), { 'content-encoding': coding }));
    const error = await failure(fetchResource(server.url(path), { ...feed, maxBytes: 1024 * 1024 }, client()));
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe(`${server.url(path)}: larger than 1 MiB once inflated`);
  });
});

describe('concurrency', () => {
  /**
   * The first answers are held until `want` requests are being answered at
   * once (or a few seconds have passed): if the limits allow that many, the
   * server sees them. Once it has, the rest are answered at once.
   */
  function crowd(target: TestServer, want: number) {
    const started = Date.now();
    return (_request: unknown, response: ServerResponse) => {
      const check = () => {
        if (target.busiest.total >= want || Date.now() - started > 5000) response.writeHead(200, { 'content-length': 2 }).end('ok');
        else setTimeout(check, 5);
      };
      check();
    };
  }

  it('never asks more than 4 requests at once, nor more than 2 of one host (the defaults)', async () => {
    const crowded = await startServer();
    try {
      crowded.route('/feed', crowd(crowded, 4));
      const http = new HttpClient({ version: VERSION, env: {}, lookup: loopbackLookup });
      clients.push(http);
      const hosts = ['one.test', 'two.test', 'three.test'];
      const urls = hosts.flatMap((host) => Array.from({ length: 5 }, (_, n) => crowded.url(`/feed?n=${n}`, host)));
      const results = await Promise.all(urls.map((url) => fetchResource(url, feed, http)));
      expect(results.every((result) => result.status === 200)).toBe(true);
      expect(crowded.requests).toHaveLength(15);
      expect(crowded.busiest.total).toBe(4);
      for (const host of hosts) expect(crowded.busiest.perHost.get(host)).toBeLessThanOrEqual(2);
      expect([...crowded.busiest.perHost.values()].sort().at(-1)).toBe(2);
    } finally {
      await crowded.close();
    }
  });

  it('keeps to limits of its own', async () => {
    const crowded = await startServer();
    try {
      crowded.route('/feed', crowd(crowded, 3));
      const http = client({ lookup: loopbackLookup, maxConcurrent: 3, maxPerHost: 1 });
      const urls = ['a.test', 'b.test', 'c.test', 'd.test'].flatMap((host) => [crowded.url('/feed?1', host), crowded.url('/feed?2', host)]);
      await Promise.all(urls.map((url) => fetchResource(url, feed, http)));
      expect(crowded.busiest.total).toBe(3);
      expect([...crowded.busiest.perHost.values()].sort().at(-1)).toBe(1);
    } finally {
      await crowded.close();
    }
  });
});

describe('cancelling', () => {
  it('ends running and waiting requests at once when the signal fires', async () => {
    server.route('/hang', stall());
    const http = client({ maxConcurrent: 1 });
    const controller = new AbortController();
    const running = fetchResource(server.url('/hang'), { ...feed, signal: controller.signal }, http);
    const waiting = fetchResource(server.url('/hang?2'), { ...feed, signal: controller.signal }, http);
    await vi.waitFor(() => expect(server.hits('/hang')).toHaveLength(1));
    const aborted = Date.now();
    controller.abort();
    for (const error of [await failure(running), await failure(waiting)]) {
      expect(error.kind).toBe('aborted');
      expect(error.message).toMatch(/: cancelled$/);
    }
    expect(Date.now() - aborted).toBeLessThan(2000);
    expect(server.hits('/hang')).toHaveLength(1);
  });

  it('ends the wait for a Retry-After', async () => {
    server.route('/retry-soon', (_request, response) => void response.writeHead(503, { 'retry-after': '4', 'content-length': 0 }).end());
    const controller = new AbortController();
    const pending = fetchResource(server.url('/retry-soon'), { ...feed, signal: controller.signal }, client());
    await vi.waitFor(() => expect(server.hits('/retry-soon')).toHaveLength(1));
    const aborted = Date.now();
    controller.abort();
    expect((await failure(pending)).kind).toBe('aborted');
    expect(Date.now() - aborted).toBeLessThan(2000);
  });

  it('does not start when the signal has already fired', async () => {
    server.route('/never', answer('x'));
    const error = await failure(fetchResource(server.url('/never'), { ...feed, signal: AbortSignal.abort() }, client()));
    expect(error.kind).toBe('aborted');
    expect(server.hits('/never')).toHaveLength(0);
  });
});

describe('proxies', () => {
  it('goes through the proxy that HTTP_PROXY names', async () => {
    const proxy = await startProxy();
    try {
      server.route('/proxied', answer('through'));
      const result = await fetchResource(server.url('/proxied'), feed, client({ env: { HTTP_PROXY: proxy.url } }));
      expect(text(result.body)).toBe('through');
      expect(proxy.tunnels).toEqual([`127.0.0.1:${server.port}`]);
      expect(server.hits('/proxied')[0]!.headers['user-agent']).toBe(`news/${VERSION}`);
    } finally {
      await proxy.close();
    }
  });

  it('goes direct to a host that NO_PROXY names, and for http: ignores HTTPS_PROXY', async () => {
    const proxy = await startProxy();
    try {
      server.route('/direct', answer('direct'));
      await fetchResource(server.url('/direct'), feed, client({ env: { http_proxy: proxy.url, no_proxy: 'example.test, 127.0.0.1' } }));
      await fetchResource(server.url('/direct'), feed, client({ env: { HTTPS_PROXY: proxy.url } }));
      expect(server.hits('/direct')).toHaveLength(2);
      expect(proxy.tunnels).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('reads only the environment it is given, never process.env', async () => {
    const proxy = await startProxy();
    try {
      vi.stubEnv('HTTP_PROXY', proxy.url);
      vi.stubEnv('http_proxy', proxy.url);
      server.route('/not-proxied', answer('direct'));
      await fetchResource(server.url('/not-proxied'), feed, client({ env: {} }));
      expect(proxy.tunnels).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
      await proxy.close();
    }
  });

  it('says when the proxy refuses, without its password', async () => {
    const proxy = await startProxy();
    try {
      const url = proxy.url.replace('http://', 'http://reader:s3cret@');
      // The test proxy tunnels only to loopback and .test names.
      const error = await failure(fetchResource('http://elsewhere.example/feed', feed, client({ env: { HTTP_PROXY: url } })));
      expect(error.kind).toBe('network');
      expect(error.message).toBe(`http://elsewhere.example/feed: the proxy ${proxy.url}/ answered 403 Forbidden`);
      expect(error.message).not.toMatch(/s3cret|reader/);
      expect(proxy.tunnels).toEqual(['elsewhere.example:80']);
    } finally {
      await proxy.close();
    }
  });

  it('says when the proxy cannot be reached', async () => {
    const gone = await startProxy();
    await gone.close();
    const error = await failure(fetchResource(server.url('/x'), feed, client({ env: { http_proxy: gone.url } })));
    expect(error.kind).toBe('network');
    expect(error.message).toBe(`${server.url('/x')}: could not reach the proxy ${gone.url}/ (connection refused)`);
  });

  it('says when the proxy variable is not usable', async () => {
    const error = await failure(fetchResource(server.url('/x'), feed, client({ env: { HTTP_PROXY: 'socks4://127.0.0.1:1' } })));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/the proxy socks4:\/\/127\.0\.0\.1:1 is not an http: or https: proxy/);
  });
});
