// The shared state of all fetches in one run of news: the connections
// (undici dispatchers, kept alive between requests to one server), the
// concurrency limits, and what each host has asked of us (Retry-After).
import type { LookupFunction } from 'node:net';
import type * as UndiciModule from 'undici';
import type { Dispatcher } from 'undici';
import { proxyFor, redactProxy, type ProxyEnv } from './proxy.js';
import { Slots } from './slots.js';

export interface HttpClientOptions {
  /** The version of news, named in the User-Agent (the bundle's NEWS_VERSION). */
  version: string;
  /**
   * The environment to take http_proxy, https_proxy and no_proxy from (and
   * their uppercase forms): the caller passes process.env, or {} for none.
   */
  env: ProxyEnv;
  /** Requests at once, over all hosts. Default 4. */
  maxConcurrent?: number;
  /** Requests at once to one host name. Default 2. */
  maxPerHost?: number;
  /** Time allowed to open a connection (TCP, and TLS for https:). Default 10 s. */
  connectTimeoutMs?: number;
  /** Time allowed for one whole answer, from sending the request to the last byte of the body. Default 30 s. */
  timeoutMs?: number;
  /** A Retry-After of at most this is waited out and the request tried once more. Default 5 s. */
  maxRetryWaitMs?: number;
  /** Resolves host names in place of DNS (as curl's --resolve): tests serve many hosts from loopback. */
  lookup?: LookupFunction;
}

export const DEFAULTS = {
  maxConcurrent: 4,
  maxPerHost: 2,
  connectTimeoutMs: 10_000,
  timeoutMs: 30_000,
  maxRetryWaitMs: 5_000,
  maxBytes: 10 * 1024 * 1024,
} as const;

type Undici = typeof UndiciModule;

export interface Route {
  dispatcher: Dispatcher;
  /** The proxy the request goes through, fit for a message (no password). */
  proxy?: string;
}

/** A proxy variable that cannot be used: the request fails with this as its problem. */
export class ProxyProblem extends Error {}

export class HttpClient {
  readonly userAgent: string;
  readonly slots: Slots;
  readonly connectTimeoutMs: number;
  readonly timeoutMs: number;
  readonly maxRetryWaitMs: number;
  private readonly env: ProxyEnv;
  private readonly lookup: LookupFunction | undefined;
  private undici: Promise<Undici> | undefined;
  private direct: Dispatcher | undefined;
  private readonly proxies = new Map<string, Dispatcher>();
  private readonly waits = new Map<string, { until: number; status: number }>();

  constructor(options: HttpClientOptions) {
    this.userAgent = `news/${options.version}`;
    this.env = options.env;
    this.lookup = options.lookup;
    this.slots = new Slots(options.maxConcurrent ?? DEFAULTS.maxConcurrent, options.maxPerHost ?? DEFAULTS.maxPerHost);
    this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs;
    this.timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
    this.maxRetryWaitMs = options.maxRetryWaitMs ?? DEFAULTS.maxRetryWaitMs;
  }

  /**
   * The dispatcher for a request to `url`: direct, or through the proxy the
   * environment names for it. undici is loaded here, on the first request:
   * loading it costs tens of milliseconds that commands which fetch nothing
   * should not pay.
   */
  async route(url: URL): Promise<Route> {
    const undici = await (this.undici ??= import('undici'));
    // undici's own timers are per read (idle), not per answer: they stay a
    // backstop behind the whole-answer timer of each request.
    const common = { headersTimeout: this.timeoutMs, bodyTimeout: this.timeoutMs };
    const proxy = proxyFor(url, this.env);
    if (proxy === undefined) {
      this.direct ??= new undici.Agent({ ...common, connect: { timeout: this.connectTimeoutMs, ...(this.lookup && { lookup: this.lookup }) } });
      return { dispatcher: this.direct };
    }
    const shown = redactProxy(proxy);
    let dispatcher = this.proxies.get(proxy);
    if (dispatcher === undefined) {
      let parsed: URL;
      try {
        parsed = new URL(proxy);
      } catch {
        throw new ProxyProblem(`the proxy ${shown} is not a URL`);
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ProxyProblem(`the proxy ${shown} is not an http: or https: proxy`);
      const connect = { timeout: this.connectTimeoutMs };
      dispatcher = new undici.ProxyAgent({ ...common, uri: proxy, proxyTls: connect, requestTls: connect });
      this.proxies.set(proxy, dispatcher);
    }
    return { dispatcher, proxy: shown };
  }

  /** The time until which `host` asked not to be asked again (Retry-After), if it is still ahead. */
  waitFor(host: string, now = Date.now()): { until: number; status: number } | undefined {
    const wait = this.waits.get(host);
    if (wait !== undefined && wait.until <= now) this.waits.delete(host);
    return wait !== undefined && wait.until > now ? wait : undefined;
  }

  /** Notes a Retry-After: every request to `host` waits for it, or fails at once while it is too far off. */
  holdOff(host: string, until: number, status: number): void {
    const known = this.waits.get(host);
    if (known === undefined || known.until < until) this.waits.set(host, { until, status });
  }

  /** Closes the kept-alive connections (requests still running finish first). */
  async close(): Promise<void> {
    const dispatchers = [this.direct, ...this.proxies.values()];
    this.direct = undefined;
    this.proxies.clear();
    await Promise.all(dispatchers.map((dispatcher) => dispatcher?.close()));
  }
}
