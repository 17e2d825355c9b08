// Writing a command's output. Output goes to file descriptor 1 with blocking
// writes: every byte is written before the command returns, so nothing is cut
// short by the process ending, and `process.stdout` (whose stream costs
// milliseconds to set up) is never created. A reader that closes the pipe
// early (`news list | head -1`) ends the command quietly, with status 0.
import { writeSync } from 'node:fs';
import type { JsonPiece } from '../text/sanitize.js';

const STDOUT = 1;

/** Thrown by `write` when the reader has gone away; main.ts ends quietly. */
export class BrokenPipe extends Error {
  override name = 'BrokenPipe';
}

// A pipe shared with another process may be in non-blocking mode: wait a
// moment and try again rather than lose output.
const pause = new Int32Array(new SharedArrayBuffer(4));

function writeAll(fd: number, text: string | Uint8Array): void {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 1);
        continue;
      }
      if (code === 'EPIPE') throw new BrokenPipe('stdout closed');
      throw error;
    }
  }
}

export function write(text: string | Uint8Array): void {
  if (text.length > 0) writeAll(STDOUT, text);
}

/** What a command prints: made in full, or (`more`) made as it is written. */
export interface Output {
  stdout: string;
  /**
   * Output made as it is written, after `stdout`: a line for each of 100,000
   * articles without holding them all; a piece of bytes is UTF-8 written as
   * it is (the body of a large article in `--json`). Joined only when it
   * goes to a pager.
   */
  more?: Iterable<JsonPiece>;
  /** Long output may go through a pager on a terminal. */
  pageable?: boolean;
}

/** One line to stderr; a closed stderr is not worth failing for. */
export function writeError(line: string): void {
  try {
    writeAll(2, line.endsWith('\n') ? line : line + '\n');
  } catch {
    // Nowhere left to report to.
  }
}
