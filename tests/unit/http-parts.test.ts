// The parts of the HTTP layer that need no server: proxy choice, Retry-After,
// the concurrency slots, content codings, and how sizes and times are told.
import { describe, expect, it } from 'vitest';
import { codingOf, Undecodable } from '../../src/web/http/body.js';
import { bytes, quote, seconds } from '../../src/web/http/errors.js';
import { parseRetryAfter, proxyFor } from '../../src/web/http/index.js';
import { redactProxy } from '../../src/web/http/proxy.js';
import { Slots } from '../../src/web/http/slots.js';

describe('proxyFor', () => {
  const http = new URL('http://news.example.org/feed');
  const https = new URL('https://news.example.org/feed');

  it('takes http_proxy for http: and https_proxy for https:, without falling back from one to the other', () => {
    const env = { http_proxy: 'http://plain:3128', https_proxy: 'http://secure:3128' };
    expect(proxyFor(http, env)).toBe('http://plain:3128');
    expect(proxyFor(https, env)).toBe('http://secure:3128');
    expect(proxyFor(https, { HTTP_PROXY: 'http://plain:3128' })).toBeUndefined();
    expect(proxyFor(http, { HTTPS_PROXY: 'http://secure:3128' })).toBeUndefined();
  });

  it('prefers the lowercase name, takes the uppercase one, and treats an empty value as unset', () => {
    expect(proxyFor(http, { http_proxy: 'http://lower:1', HTTP_PROXY: 'http://upper:1' })).toBe('http://lower:1');
    expect(proxyFor(http, { HTTP_PROXY: 'http://upper:1' })).toBe('http://upper:1');
    expect(proxyFor(http, { http_proxy: '', HTTP_PROXY: '' })).toBeUndefined();
    expect(proxyFor(http, {})).toBeUndefined();
  });

  it('reads a proxy without a scheme as an http: proxy', () => {
    expect(proxyFor(http, { http_proxy: 'proxy.internal:8080' })).toBe('http://proxy.internal:8080');
  });

  it.each([
    ['news.example.org', true],
    ['example.org', true],
    ['.example.org', true],
    ['*.example.org', true],
    ['EXAMPLE.ORG', true],
    ['other.org, example.org', true],
    ['other.org example.org', true],
    ['*', true],
    ['ample.org', false],
    ['news.example.org.evil', false],
    ['example.org:80', true],
    ['example.org:8080', false],
    ['', false],
  ])('no_proxy %j bypasses news.example.org: %s', (noProxy, direct) => {
    expect(proxyFor(http, { http_proxy: 'http://p:1', no_proxy: noProxy }) === undefined).toBe(direct);
  });

  it('matches addresses in no_proxy, IPv6 with or without brackets', () => {
    const env = { http_proxy: 'http://p:1', NO_PROXY: '127.0.0.1,::1,[fe80::1]:8080' };
    expect(proxyFor(new URL('http://127.0.0.1:8080/'), env)).toBeUndefined();
    expect(proxyFor(new URL('http://[::1]/'), env)).toBeUndefined();
    expect(proxyFor(new URL('http://[fe80::1]:8080/'), env)).toBeUndefined();
    expect(proxyFor(new URL('http://[fe80::1]:9090/'), env)).toBe('http://p:1');
    expect(proxyFor(new URL('http://127.0.0.2/'), env)).toBe('http://p:1');
  });

  it('shows a proxy without its credentials', () => {
    expect(redactProxy('http://user:secret@proxy:3128')).toBe('http://proxy:3128/');
    expect(redactProxy('http://user:secret@[bad')).toBe('http://[bad');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-03-05T12:00:00Z');
  it('reads seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(now + 120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(now);
  });
  it('reads an HTTP date, and a date gone by as now', () => {
    expect(parseRetryAfter('Tue, 05 Mar 2024 13:00:00 GMT', now)).toBe(now + 3600_000);
    expect(parseRetryAfter('Tue, 05 Mar 2024 11:00:00 GMT', now)).toBe(now);
  });
  it('waits at most a day', () => {
    expect(parseRetryAfter('99999999999', now)).toBe(now + 24 * 3600_000);
    expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', now)).toBe(now + 24 * 3600_000);
  });
  it('reads nothing else', () => {
    for (const value of [undefined, '', '-5', '1.5', 'soon', 'Tue, 05 Mar 2024 13:00:00', '2024-03-05T13:00:00Z']) {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    }
  });
});

describe('Slots', () => {
  it('keeps to the limits, and does not let a busy host hold back an idle one', async () => {
    const slots = new Slots(3, 2);
    const granted: string[] = [];
    const take = (host: string) => slots.acquire(host).then((release) => (granted.push(host), release));
    const a1 = take('a');
    const a2 = take('a');
    const a3 = take('a');
    const b1 = take('b');
    const c1 = take('c');
    await Promise.all([a1, a2, b1]);
    await Promise.resolve();
    expect(granted).toEqual(['a', 'a', 'b']);
    (await a1)();
    await a3;
    expect(granted).toEqual(['a', 'a', 'b', 'a']);
    (await b1)();
    await c1;
    expect(granted).toEqual(['a', 'a', 'b', 'a', 'c']);
  });

  it('gives up a wait when the signal fires, and a release twice counts once', async () => {
    const slots = new Slots(1, 1);
    const release = await slots.acquire('a');
    const controller = new AbortController();
    const waiting = slots.acquire('a', controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    release();
    release();
    const next = await slots.acquire('b');
    let third = false;
    void slots.acquire('c').then(() => (third = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(third).toBe(false);
    next();
    await new Promise((resolve) => setImmediate(resolve));
    expect(third).toBe(true);
  });
});

describe('codingOf', () => {
  it('names the one coding of a body', () => {
    expect(codingOf(undefined)).toBeUndefined();
    expect(codingOf('identity')).toBeUndefined();
    expect(codingOf(' GZIP ')).toBe('gzip');
    expect(codingOf('x-gzip')).toBe('gzip');
    expect(codingOf('br')).toBe('br');
    expect(codingOf('deflate, identity')).toBe('deflate');
  });
  it('refuses stacked and unknown codings, showing the header safely', () => {
    expect(() => codingOf('gzip, br')).toThrow(Undecodable);
    expect(() => codingOf('compress')).toThrow(/"compress", which news cannot decode/);
    expect(() => codingOf('zstd\u001b[31m')).toThrow(/"zstd\^\[\[31m"/);
  });
});

describe('messages', () => {
  it('tells sizes, times and server values plainly', () => {
    expect(bytes(5 * 1024 * 1024)).toBe('5 MiB');
    expect(bytes(1.5 * 1024 * 1024)).toBe('1.5 MiB');
    expect(bytes(256 * 1024)).toBe('256 KiB');
    expect(bytes(1000)).toBe('1000 bytes');
    expect(seconds(10_000)).toBe('10 s');
    expect(seconds(500)).toBe('0.5 s');
    expect(seconds(1500)).toBe('1.5 s');
    expect(quote('a\u009b2Jb')).toBe('"a<U+009B>2Jb"');
    expect(quote('x'.repeat(200), 10)).toBe(`"${'x'.repeat(10)}…"`);
  });
});
