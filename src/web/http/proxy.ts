// Which proxy, if any, a request goes through, from the environment the
// caller passes (never read from process.env here, so a test or a library
// user decides). The usual conventions of curl and most HTTP clients:
// http_proxy for http: URLs, https_proxy for https: URLs (no falling back
// from one to the other), no_proxy for the hosts reached directly; the
// lowercase name wins over the uppercase one; an empty value is unset.

export type ProxyEnv = Readonly<Record<string, string | undefined>>;

function variable(env: ProxyEnv, name: string): string | undefined {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return value?.trim() || undefined;
}

interface NoProxyEntry {
  host: string;
  port: number | undefined;
}

function parseNoProxy(value: string): NoProxyEntry[] | 'all' {
  const entries: NoProxyEntry[] = [];
  for (const raw of value.split(/[\s,]+/)) {
    if (raw === '') continue;
    if (raw === '*') return 'all';
    let host = raw.toLowerCase();
    let port: number | undefined;
    const withPort = /^(.*?):(\d+)$/.exec(host);
    // An IPv6 address has colons of its own: only "[::1]:8080" carries a port.
    if (withPort && (host.indexOf(':') === host.lastIndexOf(':') || host.startsWith('['))) {
      host = withPort[1]!;
      port = Number(withPort[2]);
    }
    host = host.replace(/^\*?\./, '').replace(/^\[(.*)\]$/, '$1');
    if (host !== '') entries.push({ host, port });
  }
  return entries;
}

/**
 * The proxy URL for a request to `url`, or undefined to connect directly.
 * `url` is a parsed http: or https: URL. A proxy given without a scheme
 * ("proxy.example:3128") is an http: proxy, as curl reads it.
 */
export function proxyFor(url: URL, env: ProxyEnv): string | undefined {
  const proxy = variable(env, url.protocol === 'https:' ? 'https_proxy' : 'http_proxy');
  if (proxy === undefined) return undefined;
  const noProxy = parseNoProxy(variable(env, 'no_proxy') ?? '');
  if (noProxy === 'all') return undefined;
  const host = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  for (const entry of noProxy) {
    if (entry.port !== undefined && entry.port !== port) continue;
    if (host === entry.host || host.endsWith(`.${entry.host}`)) return undefined;
  }
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}

/** A proxy URL fit for a message: without the user name and password it may carry. */
export function redactProxy(proxy: string): string {
  try {
    const url = new URL(proxy);
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return proxy.replace(/\/\/[^@/]*@/, '//');
  }
}
