// What can go wrong when fetching, as one error type: the caller stores the
// kind (and the time to try again) with the feed, and shows the message.
import { STATUS_CODES } from 'node:http';
import { sanitize } from '../../text/sanitize.js';

export type FetchErrorKind =
  /** The server answered with an error status (404, 500, …) or a status news cannot use. */
  | 'status'
  /** No connection, or no complete answer, in the time allowed. */
  | 'timeout'
  /** The body (as sent, or once inflated) is larger than allowed. */
  | 'too-large'
  /** A redirect loop, too many redirects, or a redirect without a usable target. */
  | 'redirect'
  /** Not an http: or https: URL (asked for, or as a redirect target). */
  | 'scheme'
  /** DNS, connection, TLS or proxy failure, or a connection cut mid-answer. */
  | 'network'
  /** A body whose Content-Encoding news cannot decode, or corrupt compressed data. */
  | 'decode'
  /** The server asked to wait (429 or 503 with Retry-After) longer than news waits: try again at retryAt. */
  | 'retry-later'
  /** The caller's AbortSignal fired (Ctrl-C). */
  | 'aborted';

export class FetchError extends Error {
  override name = 'FetchError';
  /** The URL that was asked for. */
  readonly url: string;
  readonly kind: FetchErrorKind;
  /** The status of the answer, for 'status' and 'retry-later'. */
  readonly status?: number;
  /** For 'retry-later': no request to this host before this time. */
  readonly retryAt?: Date;
  /** The URL that failed when it is not `url` (reached through redirects). */
  readonly finalUrl?: string;

  constructor(init: { url: string; kind: FetchErrorKind; status?: number; retryAt?: Date; finalUrl?: string }, problem: string, options?: { cause?: unknown }) {
    // The URL asked for is the caller's, unparsed: it may hold anything.
    const where = init.finalUrl && init.finalUrl !== init.url ? `${sanitize(init.url)} → ${init.finalUrl}` : sanitize(init.url);
    super(`${where}: ${problem}`, options);
    this.url = init.url;
    this.kind = init.kind;
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAt !== undefined) this.retryAt = init.retryAt;
    if (init.finalUrl !== undefined && init.finalUrl !== init.url) this.finalUrl = init.finalUrl;
  }
}

/** "404 Not Found": the standard reason, never the server's own phrase (which could hold anything). */
export function describeStatus(status: number): string {
  const reason = STATUS_CODES[status];
  return reason ? `${status} ${reason}` : String(status);
}

/** "10 s", "0.5 s". */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(ms < 1000 ? 2 : 1))} s`;
}

/** "5 MiB", "1.5 MiB", "300 KiB", "12 bytes". */
export function bytes(n: number): string {
  const unit = (size: number, name: string) => `${Number((n / size).toFixed(1))} ${name}`;
  if (n >= 1024 * 1024) return unit(1024 * 1024, 'MiB');
  if (n >= 1024) return unit(1024, 'KiB');
  return n === 1 ? '1 byte' : `${n} bytes`;
}

/**
 * A value from a server shown in a message (a Location that is not a URL, a
 * content coding): shortened, and with control characters made visible so
 * that a hostile answer cannot act on the terminal.
 */
export function quote(value: string, max = 120): string {
  const short = value.length > max ? `${value.slice(0, max)}…` : value;
  return `"${sanitize(short)}"`;
}
