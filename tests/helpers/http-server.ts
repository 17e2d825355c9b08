// A web server on loopback for tests of fetching: routes by path, serves
// any number of made-up host names (*.test, reached through
// `loopbackLookup`), records every request, and counts the requests it is
// answering at once, overall and per host. Nothing here touches any other
// network.
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type LookupFunction, type Socket } from 'node:net';

export interface ServedRequest {
  method: string;
  /** The path and query asked for. */
  path: string;
  /** The Host header's name, without the port. */
  host: string;
  headers: IncomingMessage['headers'];
}

export type Handler = (request: IncomingMessage, response: ServerResponse, served: ServedRequest) => void | Promise<void>;

export interface TestServer {
  readonly port: number;
  /** http://127.0.0.1:port */
  readonly origin: string;
  /** The URL of `path` here; with `host` (a name ending in .test), as that host: fetch it with `loopbackLookup`. */
  url(path: string, host?: string): string;
  /** Serves `path` (the path without the query) with `handler`; unknown paths get 404. */
  route(path: string, handler: Handler): TestServer;
  /** Every request, in the order they came. */
  readonly requests: ServedRequest[];
  /** The requests for `path`. */
  hits(path: string): ServedRequest[];
  /** The most requests answered at once, overall, and per host. */
  readonly busiest: { total: number; perHost: Map<string, number> };
  /** Requests being answered now. */
  readonly inFlight: number;
  /** Connections accepted so far. */
  readonly connections: number;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 on a free port. */
export async function startServer(routes: Record<string, Handler> = {}): Promise<TestServer> {
  const handlers = new Map(Object.entries(routes));
  const requests: ServedRequest[] = [];
  const busiest = { total: 0, perHost: new Map<string, number>() };
  const active = new Map<string, number>();
  let inFlight = 0;
  let connections = 0;

  const server: Server = createServer((request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const served: ServedRequest = { method: request.method ?? 'GET', path: request.url ?? '/', host, headers: request.headers };
    requests.push(served);
    inFlight++;
    active.set(host, (active.get(host) ?? 0) + 1);
    busiest.total = Math.max(busiest.total, inFlight);
    busiest.perHost.set(host, Math.max(busiest.perHost.get(host) ?? 0, active.get(host)!));
    let done = false;
    const finished = () => {
      if (done) return;
      done = true;
      inFlight--;
      active.set(host, active.get(host)! - 1);
    };
    // Counted until the answer is sent (or the client leaves): the client
    // holds its slot until then.
    response.on('finish', finished);
    response.on('close', finished);
    const handler = handlers.get(served.path.replace(/\?.*$/, ''));
    if (handler === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve()
      .then(() => handler(request, response, served))
      .catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const self: TestServer = {
    port,
    origin: `http://127.0.0.1:${port}`,
    url: (path, host = '127.0.0.1') => `http://${host}:${port}${path}`,
    route(path, handler) {
      handlers.set(path, handler);
      return self;
    },
    requests,
    hits: (path) => requests.filter((request) => request.path.replace(/\?.*$/, '') === path),
    busiest,
    get inFlight() {
      return inFlight;
    },
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Stalled answers would keep close() waiting for ever.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return self;
}

/**
 * Resolves every name ending in .test (a name no real DNS serves) to
 * 127.0.0.1, and refuses every other name: a test that asks for a real host
 * fails instead of going out.
 */
export const loopbackLookup: LookupFunction = (hostname, options, callback) => {
  if (!/\.test$/i.test(hostname)) {
    const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
    return process.nextTick(() => callback(error, '', 4));
  }
  // With `all` (Node's happy-eyeballs connect asks so), a list of addresses.
  if ((options as { all?: boolean }).all) {
    process.nextTick(() =>
      (callback as unknown as (error: null, addresses: Array<{ address: string; family: number }>) => void)(null, [{ address: '127.0.0.1', family: 4 }]),
    );
  } else {
    process.nextTick(() => callback(null, '127.0.0.1', 4));
  }
};

// ---------------------------------------------------------------------------
// Answers

/** Answers `body` with `status` and `headers` (Content-Length set unless `headers` say otherwise). */
export function answer(body: string | Uint8Array, headers: OutgoingHttpHeaders = {}, status = 200): Handler {
  return (_request, response) => {
    const data = typeof body === 'string' ? Buffer.from(body) : body;
    const chunked = headers['transfer-encoding'] === 'chunked';
    response.writeHead(status, { ...(chunked ? {} : { 'content-length': data.length }), ...headers });
    response.end(data);
  };
}

/** A redirect to `location` (relative or absolute) with `status`. */
export function redirect(location: string, status = 302): Handler {
  return (_request, response) => {
    response.writeHead(status, { location, 'content-length': 0 });
    response.end();
  };
}

/** Answers the headers, then nothing: the answer is never completed (until the client leaves or the server closes). */
export function stall(headers?: OutgoingHttpHeaders, firstBytes?: string): Handler {
  return (_request, response) => {
    if (headers === undefined) return;
    response.writeHead(200, headers);
    response.flushHeaders();
    if (firstBytes !== undefined) response.write(firstBytes);
  };
}

/** A small RSS feed written for these tests. */
export const SAMPLE_FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
  <channel>
    <title>The Loopback Ledger</title>
    <link>http://ledger.test/</link>
    <description>News from 127.0.0.1.</description>
    <item>
      <title>Harbour council votes to repaint the lighthouse</title>
      <link>http://ledger.test/2024/lighthouse</link>
      <pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
      <description>The vote was seven to two; the colour is still in dispute.</description>
    </item>
  </channel>
</rss>
`;

// ---------------------------------------------------------------------------
// A proxy

export interface TestProxy {
  /** http://127.0.0.1:port */
  readonly url: string;
  /** The targets asked for with CONNECT ("127.0.0.1:8080"), in order. */
  readonly tunnels: string[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy on loopback that tunnels (CONNECT) to ports of 127.0.0.1 and
 * *.test names only, as undici's ProxyAgent asks for http: and https:
 * targets alike; anything else it refuses.
 */
export async function startProxy(): Promise<TestProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((_request, response) => {
    response.writeHead(405, { 'content-type': 'text/plain' }).end('this proxy only tunnels');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    const target = request.url ?? '';
    tunnels.push(target);
    const match = /^(127\.0\.0\.1|[a-z0-9.-]+\.test):(\d+)$/i.exec(target);
    if (!match) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(Number(match[2]), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
