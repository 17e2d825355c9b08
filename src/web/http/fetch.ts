// One resource fetched the way a good citizen of the web fetches a feed:
// conditionally (a feed that has not changed costs one short answer),
// compressed, within the client's limits on concurrency and time, following
// a few redirects by hand so that every hop is checked, and backing off when
// the server asks. Hostile answers (endless bodies, bombs, loops, redirects
// to local files) end in a FetchError, never in a hang or a crash.
import { setTimeout as sleep } from 'node:timers/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { codingOf, readBody, TooLarge, Undecodable } from './body.js';
import { DEFAULTS, ProxyProblem, type HttpClient, type Route } from './client.js';
import { bytes, describeStatus, FetchError, quote, seconds, type FetchErrorKind } from './errors.js';

export interface FetchOptions {
  /** The ETag stored from the last answer: sent back as If-None-Match. */
  etag?: string;
  /** The Last-Modified stored from the last answer: sent back as If-Modified-Since. */
  lastModified?: string;
  /** The Accept header: FEED_ACCEPT, PAGE_ACCEPT, or the caller's own. */
  accept: string;
  /** The largest body accepted, both as sent and once inflated. Default 10 MiB. */
  maxBytes?: number;
  /** Cancels the fetch (Ctrl-C): a running request ends at once, with a FetchError of kind 'aborted'. */
  signal?: AbortSignal;
}

export interface FetchResult {
  /** The URL of the answer, after redirects. */
  url: string;
  status: number;
  /** 304: the stored copy is current, and the body is empty. */
  notModified: boolean;
  /**
   * The URL to store in place of the one asked for: set when every redirect
   * on the way was permanent (301, 308), and not when it leads from https:
   * to http: (a hop that may be an attacker's is not made permanent).
   */
  permanentRedirect?: string;
  /** What to store for the next request (from this answer; for a 304 without them, the ones sent). */
  etag?: string;
  lastModified?: string;
  contentType?: string;
  /** The body, decoded (gzip, deflate, br); empty for a 304. */
  body: Uint8Array;
}

export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
export const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

export const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PERMANENT = new Set([301, 308]);
/** A Retry-After further off than this is taken as this: a hostile or mistaken server cannot stop a feed for good. */
const LONGEST_RETRY_AFTER = 24 * 60 * 60 * 1000;
/** A non-2xx answer's body this small is read and dropped, to keep the connection for the next request; a larger one closes it. */
const DRAINED = 64 * 1024;

/**
 * Fetches `url` (http: or https:) through `client`. Resolves with the answer
 * (200, or 304 when the stored validators still hold); rejects with a
 * FetchError for anything else.
 */
export async function fetchResource(url: string, options: FetchOptions, client: HttpClient): Promise<FetchResult> {
  const fail = (kind: FetchErrorKind, problem: string, extra: { status?: number; retryAt?: Date; finalUrl?: string; cause?: unknown } = {}) => {
    const { cause, ...init } = extra;
    return new FetchError({ url, kind, ...init }, problem, cause === undefined ? undefined : { cause });
  };
  const asked = parseTarget(url, fail);
  let target = asked;
  const maxBytes = options.maxBytes ?? DEFAULTS.maxBytes;
  const headers: Record<string, string> = {
    'user-agent': client.userAgent,
    accept: options.accept,
    'accept-encoding': 'gzip, deflate, br',
  };
  const etag = validator(options.etag);
  const lastModified = validator(options.lastModified);
  if (etag !== undefined) headers['if-none-match'] = etag;
  if (lastModified !== undefined) headers['if-modified-since'] = lastModified;

  const chain = [withoutHash(target)];
  let permanent = true;
  let retried = false;
  for (;;) {
    const at = target.href;
    const here = { finalUrl: at };
    await waitForHost(target, options.signal, client, fail, here);
    const answer = await exchange(target, headers, maxBytes, options.signal, client, fail);
    const { status } = answer;

    if (REDIRECTS.has(status)) {
      if (chain.length > MAX_REDIRECTS) throw fail('redirect', `more than ${MAX_REDIRECTS} redirects`, here);
      const location = single(answer.headers.location);
      if (location === undefined || location === '') throw fail('redirect', `${describeStatus(status)} without a Location to go to`, { ...here, status });
      if (Array.isArray(answer.headers.location) && new Set(answer.headers.location).size > 1) {
        throw fail('redirect', `${describeStatus(status)} with more than one Location`, { ...here, status });
      }
      let next: URL;
      try {
        next = new URL(location, target);
      } catch {
        throw fail('redirect', `redirected to ${quote(location)}, which is not a URL`, { ...here, status });
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw fail('scheme', `redirected to ${quote(next.href)}, which news does not fetch (only http: and https:)`, { ...here, status });
      }
      // A Location without a fragment keeps the one asked for (RFC 9110, 10.2.2).
      if (next.hash === '' && target.hash !== '') next.hash = target.hash;
      const key = withoutHash(next);
      if (chain.includes(key)) throw fail('redirect', `redirect loop: ${chain.join(' → ')} → ${key}`, { ...here, status });
      chain.push(key);
      permanent &&= PERMANENT.has(status);
      target = next;
      continue;
    }

    if (status === 429 || status === 503) {
      const retryAt = parseRetryAfter(single(answer.headers['retry-after']), Date.now());
      if (retryAt === undefined) throw fail('status', describeStatus(status), { ...here, status });
      client.holdOff(target.hostname, retryAt, status);
      if (!retried && retryAt - Date.now() <= client.maxRetryWaitMs) {
        retried = true;
        continue;
      }
      throw fail('retry-later', `${describeStatus(status)}, try again after ${isoSeconds(retryAt)}`, { ...here, status, retryAt: new Date(retryAt) });
    }

    const found = {
      url: at,
      status,
      ...(chain.length > 1 && permanent && !(asked.protocol === 'https:' && target.protocol === 'http:') && { permanentRedirect: at }),
    };
    if (status === 304) {
      if (etag === undefined && lastModified === undefined)
        throw fail('status', `${describeStatus(status)} to a request that was not conditional`, { ...here, status });
      return {
        ...found,
        notModified: true,
        ...definedOnly({
          etag: validator(single(answer.headers.etag)) ?? etag,
          lastModified: validator(single(answer.headers['last-modified'])) ?? lastModified,
        }),
        body: new Uint8Array(0),
      };
    }
    if (status < 200 || status > 299) throw fail('status', describeStatus(status), { ...here, status });
    return {
      ...found,
      notModified: false,
      ...definedOnly({
        etag: validator(single(answer.headers.etag)),
        lastModified: validator(single(answer.headers['last-modified'])),
        contentType: validator(single(answer.headers['content-type'])),
      }),
      body: answer.body!,
    };
  }
}

type Fail = (kind: FetchErrorKind, problem: string, extra?: { status?: number; retryAt?: Date; finalUrl?: string; cause?: unknown }) => FetchError;

function parseTarget(url: string, fail: Fail): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw fail('scheme', 'not a URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw fail('scheme', `news fetches only http: and https: URLs, not ${parsed.protocol}`);
  return parsed;
}

/** Waits out a Retry-After the host gave (to this or another request), or fails when it is too far off. */
async function waitForHost(target: URL, signal: AbortSignal | undefined, client: HttpClient, fail: Fail, here: { finalUrl: string }): Promise<void> {
  const wait = client.waitFor(target.hostname);
  if (wait === undefined) return;
  const delay = wait.until - Date.now();
  if (delay > client.maxRetryWaitMs) {
    throw fail('retry-later', `${target.hostname} answered ${describeStatus(wait.status)}: not asked again before ${isoSeconds(wait.until)}`, {
      ...here,
      status: wait.status,
      retryAt: new Date(wait.until),
    });
  }
  try {
    await sleep(delay, undefined, signal && { signal });
  } catch (error) {
    throw fail('aborted', 'cancelled', { ...here, cause: error });
  }
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The decoded body, read for 2xx answers only. */
  body?: Uint8Array;
}

/** One request and its answer, in a slot of the client's limits and within its time limit. */
async function exchange(
  target: URL,
  headers: Record<string, string>,
  maxBytes: number,
  signal: AbortSignal | undefined,
  client: HttpClient,
  fail: Fail,
): Promise<Answer> {
  const here = { finalUrl: target.href };
  let release: () => void;
  try {
    release = await client.slots.acquire(target.hostname, signal);
  } catch (error) {
    throw fail('aborted', 'cancelled', { ...here, cause: error });
  }
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal!.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  let route: Route | undefined;
  let answered = false;
  try {
    if (signal?.aborted) throw signal.reason;
    route = await client.route(target);
    // Started once undici is loaded and the slot is had: neither is the server's slowness.
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('timed out'));
    }, client.timeoutMs);
    const response = await route.dispatcher.request({
      origin: target.origin,
      path: target.pathname + target.search,
      method: 'GET',
      headers,
      signal: controller.signal,
    });
    answered = true;
    const { statusCode: status, headers: answerHeaders, body } = response;
    const length = contentLength(answerHeaders);
    if (status < 200 || status > 299) {
      if (status === 304 || status === 204 || (length !== undefined && length <= DRAINED)) await body.dump({ limit: DRAINED });
      else discard(body);
      return { status, headers: answerHeaders };
    }
    if (length !== undefined && length > maxBytes) {
      discard(body);
      throw new TooLarge(maxBytes, false);
    }
    // Several Content-Encoding headers are one list: read together, so a stacked coding is refused.
    const encoding = answerHeaders['content-encoding'];
    const coding = codingOf(Array.isArray(encoding) ? encoding.join(', ') : encoding);
    return { status, headers: answerHeaders, body: await readBody(body, coding, maxBytes) };
  } catch (error) {
    if (signal?.aborted) throw fail('aborted', 'cancelled', { ...here, cause: error });
    if (timedOut) {
      const problem = answered ? `answer not complete within ${seconds(client.timeoutMs)}` : `no answer within ${seconds(client.timeoutMs)}`;
      throw fail('timeout', problem, { ...here, cause: error });
    }
    if (error instanceof TooLarge) throw fail('too-large', `larger than ${bytes(error.limit)}${error.inflated ? ' once inflated' : ''}`, here);
    if (error instanceof Undecodable) throw fail('decode', error.message, { ...here, cause: error });
    if (error instanceof ProxyProblem) throw fail('network', error.message, here);
    const code = errorCode(error);
    if (code === 'UND_ERR_CONNECT_TIMEOUT') {
      throw fail('timeout', `could not connect to ${route?.proxy ?? target.host} within ${seconds(client.connectTimeoutMs)}`, { ...here, cause: error });
    }
    if (code === 'UND_ERR_HEADERS_TIMEOUT') throw fail('timeout', `no answer within ${seconds(client.timeoutMs)}`, { ...here, cause: error });
    if (code === 'UND_ERR_BODY_TIMEOUT') throw fail('timeout', `answer not complete within ${seconds(client.timeoutMs)}`, { ...here, cause: error });
    throw fail('network', networkProblem(error, code, target, route?.proxy), { ...here, cause: error });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    release();
  }
}

/** Closes the connection instead of reading the rest of the body (undici reports that as an error on the body, expected here). */
function discard(body: NodeJS.ReadableStream & { destroy(): void }): void {
  body.on('error', () => {});
  body.destroy();
}

function errorCode(error: unknown): string | undefined {
  const own = (error as { code?: unknown } | null)?.code;
  if (typeof own === 'string') return own;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof cause === 'string' ? cause : undefined;
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_SSL|ERR_TLS/;

function networkProblem(error: unknown, code: string | undefined, target: URL, proxy: string | undefined): string {
  const message = error instanceof Error ? error.message : String(error);
  if (proxy !== undefined) {
    // Through a tunnel the proxy makes the connection to the server, and
    // tells of a failure only by its status: what fails before is the
    // connection to the proxy.
    const refused = /^Proxy response \((\d+)\)/.exec(message);
    if (refused) return `the proxy ${proxy} answered ${describeStatus(Number(refused[1]))}`;
    if (code !== undefined && REACHING.has(code)) return `could not reach the proxy ${proxy} (${REACHING.get(code)})`;
  }
  const problem = problemOf(code, target) ?? `${quote(message, 200).slice(1, -1)}${code === undefined ? '' : ` (${code})`}`;
  return proxy === undefined ? problem : `${problem} (through the proxy ${proxy})`;
}

const REACHING = new Map([
  ['ECONNREFUSED', 'connection refused'],
  ['ENOTFOUND', 'no such host'],
  ['EAI_AGAIN', 'DNS did not answer'],
  ['EHOSTUNREACH', 'unreachable'],
  ['ENETUNREACH', 'unreachable'],
]);

function problemOf(code: string | undefined, target: URL): string | undefined {
  switch (code) {
    case 'ENOTFOUND':
      return `no such host (${target.hostname})`;
    case 'EAI_AGAIN':
      return `could not look up ${target.hostname} (DNS did not answer)`;
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
      return 'connection reset';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${target.hostname} is unreachable`;
    case 'UND_ERR_SOCKET':
      return 'the connection closed before the answer was complete';
    case 'UND_ERR_HEADERS_OVERFLOW':
      return "the answer's headers are too large";
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
      return 'the body does not have the length announced';
  }
  if (code?.startsWith('HPE_')) return `not a valid HTTP answer (${code})`;
  if (code !== undefined && TLS_CODES.test(code)) return `the TLS certificate or connection is not accepted (${code})`;
  return undefined;
}

/** The moment a Retry-After value (seconds, or an HTTP date) names, at most a day off; undefined when it names none. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  const text = value?.trim() ?? '';
  let until: number;
  if (/^\d+$/.test(text)) until = now + Number(text) * 1000;
  else if (/ GMT$/i.test(text) && !Number.isNaN(Date.parse(text))) until = Math.max(now, Date.parse(text));
  else return undefined;
  return Math.min(until, now + LONGEST_RETRY_AFTER);
}

function isoSeconds(time: number): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function contentLength(headers: IncomingHttpHeaders): number | undefined {
  const value = single(headers['content-length'])?.trim();
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * A validator (ETag, Last-Modified) or Content-Type fit to store and send
 * back: printable, and short. A server's header that is not is dropped
 * rather than kept to fail every later request.
 */
function validator(value: string | undefined): string | undefined {
  return value !== undefined && value.length <= 1024 && /^[\x20-\x7e\x80-\xff]+$/.test(value) && value.trim() !== '' ? value : undefined;
}

function withoutHash(url: URL): string {
  return url.hash === '' ? url.href : url.href.slice(0, -url.hash.length);
}

function definedOnly<T extends Record<string, string | undefined>>(fields: T): Partial<Record<keyof T, string>> {
  const out: Partial<Record<keyof T, string>> = {};
  for (const key of Object.keys(fields) as Array<keyof T>) if (fields[key] !== undefined) out[key] = fields[key];
  return out;
}
