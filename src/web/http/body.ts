// Reading a response body into memory, decoded, within a size limit. The
// limit holds twice: on the bytes as they come off the wire, and on what
// they inflate to, counted as the decoder produces them, so a small
// compressed answer that inflates to gigabytes (a "zip bomb") is stopped at
// the limit, having cost no more than the limit in memory and time.
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { quote } from './errors.js';

export type Coding = 'gzip' | 'deflate' | 'br';

/** The body passed its limit: `inflated` when the bytes on the wire were within it. */
export class TooLarge extends Error {
  constructor(
    readonly limit: number,
    readonly inflated: boolean,
  ) {
    super('body too large');
  }
}

/** The body cannot be decoded: an unknown or stacked coding, or corrupt data. */
export class Undecodable extends Error {}

/**
 * The coding named by a Content-Encoding header, undefined for none. Only
 * the codings news asks for are accepted, and only one: servers never stack
 * them, and a stack of codings only multiplies what a bomb inflates to.
 */
export function codingOf(header: string | undefined): Coding | undefined {
  const codings = (header ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length === 0) return undefined;
  if (codings.length > 1) throw new Undecodable(`the body is encoded more than once (${quote(header!)})`);
  const coding = codings[0] === 'x-gzip' ? 'gzip' : codings[0]!;
  if (coding === 'gzip' || coding === 'deflate' || coding === 'br') return coding;
  throw new Undecodable(`the body is encoded as ${quote(coding)}, which news cannot decode`);
}

// Flushing at the end rather than finishing: a body cut short after the last
// whole block still yields what arrived, as browsers read it, instead of an
// "unexpected end of file".
const ZLIB_OPTIONS = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
const BROTLI_OPTIONS = { flush: constants.BROTLI_OPERATION_FLUSH, finishFlush: constants.BROTLI_OPERATION_FLUSH };

/**
 * "deflate" is meant to be zlib data (RFC 9110), but some servers send bare
 * deflate data under that name; browsers read both, telling them apart by
 * the zlib header's first two bytes. The inflater is chosen once those have
 * arrived; its output is passed on no faster than it is read.
 */
class Deflate extends Transform {
  private inner: Transform | undefined;
  private head: Buffer | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.inner === undefined) {
      const head = this.head === undefined ? chunk : Buffer.concat([this.head, chunk]);
      if (head.length < 2) {
        this.head = head;
        return done();
      }
      this.head = undefined;
      this.inner = this.start(head);
      chunk = head;
    }
    this.inner.write(chunk, (error) => {
      if (!error) done();
    });
  }

  override _flush(done: TransformCallback): void {
    if (this.inner === undefined) {
      if (this.head === undefined) return done();
      this.inner = this.start(this.head);
      this.inner.write(this.head);
    }
    this.inner.once('end', () => done());
    this.inner.end();
  }

  override _read(size: number): void {
    this.inner?.resume();
    super._read(size);
  }

  override _destroy(error: Error | null, done: (error: Error | null) => void): void {
    this.inner?.destroy();
    done(error);
  }

  private start(head: Buffer): Transform {
    const zlibHeader = head.length >= 2 && (head[0]! & 0x0f) === 8 && head[0]! >> 4 <= 7 && ((head[0]! << 8) | head[1]!) % 31 === 0;
    const inner = zlibHeader ? createInflate(ZLIB_OPTIONS) : createInflateRaw(ZLIB_OPTIONS);
    inner.on('data', (out: Buffer) => {
      if (!this.push(out)) inner.pause();
    });
    inner.on('error', (error) => this.destroy(error));
    return inner;
  }
}

function decoder(coding: Coding): Transform {
  if (coding === 'gzip') return createGunzip(ZLIB_OPTIONS);
  if (coding === 'br') return createBrotliDecompress(BROTLI_OPTIONS);
  return new Deflate();
}

// zlib's own errors (Z_DATA_ERROR, …; brotli's ERR__ERROR_FORMAT_…), told
// apart from the errors of the connection that the decoder passes on.
function isZlibError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && /^(Z_|ERR__)/.test(code);
}

/** Stops the stream once more than `limit` bytes have passed. */
function limiter(limit: number, stop: () => TooLarge): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit) done(stop());
      else done(null, chunk);
    },
  });
}

/**
 * The whole body, decoded, of at most `limit` bytes both as sent and once
 * decoded. Throws TooLarge, Undecodable (corrupt data), or the stream's own
 * error (a connection cut, an abort). Every stream is destroyed on failure,
 * which closes the connection rather than reading the rest.
 */
export async function readBody(body: Readable, coding: Coding | undefined, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  // The first limit passed: pipeline() may reject with the error of a stream
  // it destroyed on the way out instead.
  let tooLarge: TooLarge | undefined;
  const stop = (inflated: boolean) => (tooLarge ??= new TooLarge(limit, inflated));
  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > limit) throw stop(coding !== undefined);
      chunks.push(chunk);
    }
  };
  try {
    if (coding === undefined) await pipeline(body, collect);
    else
      await pipeline(
        body,
        limiter(limit, () => stop(false)),
        decoder(coding),
        collect,
      );
  } catch (error) {
    if (tooLarge !== undefined) throw tooLarge;
    if (isZlibError(error)) throw new Undecodable(`the ${coding} data is corrupt (${error.message})`, { cause: error });
    throw error;
  }
  return Buffer.concat(chunks, total);
}
