// The user's own data about a library (its feed list, what each feed last
// answered; later read state and settings): kept in the library's `.news`
// folder, beside the articles and never in the cache, so that deleting the
// cache or rebuilding the index loses none of it. Hidden folders are not read
// as articles. Every write goes to a temporary file that is then renamed over
// the old one: a reader sees the old file or the new one, never half of one.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { LibraryError } from './names.js';
import { isLeftBehind } from './process.js';

/** The folder of a library's own data. */
export const dataFolder = (library: string): string => join(library, '.news');

/** Writes `text` to `path` whole or not at all: a temporary file, flushed, then renamed into place. */
export function writeFileAtomic(path: string, text: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  let fd: number | null = null;
  try {
    fd = openSync(temporary, 'w', 0o644);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temporary, path);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    rmSync(temporary, { force: true });
    throw new LibraryError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Writes a JSON document of the library's data, creating the data folder. */
export function writeDataFile(library: string, name: string, value: unknown): void {
  const folder = dataFolder(library);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new LibraryError(`cannot create ${folder}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  writeFileAtomic(join(folder, name), JSON.stringify(value, null, 2) + '\n');
}

/**
 * Reads a JSON document of the library's data; null when there is none. A
 * file that is not JSON is an error naming the file and line, never treated
 * as empty: what it holds is the user's, and is not to be overwritten.
 */
export function readDataFile(library: string, name: string): unknown {
  const path = join(dataFolder(library), name);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new LibraryError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LibraryError(`${path}:${jsonErrorLine(text, (error as Error).message)}: not valid JSON (${(error as Error).message})`);
  }
}

/** The line of a JSON.parse error, from the position its message gives. */
function jsonErrorLine(text: string, message: string): number {
  const position = /position (\d+)/.exec(message);
  if (position === null) return 1;
  let line = 1;
  const end = Math.min(Number(position[1]), text.length);
  for (let at = 0; at < end; at++) if (text.charCodeAt(at) === 10) line++;
  return line;
}

const LOCK_HOLDER = /^(\d+)$/;
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Takes a lock file in the library's data folder: the holder's process id,
 * written with O_EXCL. A lock left by a process that is gone is taken over;
 * one held by a live process is waited for up to `waitMs` (0: not at all),
 * then refused with the message `busy` gives. Returns what releases it.
 */
export function takeLock(library: string, name: string, waitMs: number, busy: (holder: string, path: string) => string): () => void {
  const folder = dataFolder(library);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new LibraryError(`cannot create ${folder}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const path = join(folder, name);
  const until = Date.now() + waitMs;
  let holder = '';
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new LibraryError(`cannot lock ${path}: ${(error as NodeJS.ErrnoException).code}`);
      try {
        holder = readFileSync(path, 'utf8').trim();
      } catch {
        continue;
      }
      if (isLeftBehind(holder, LOCK_HOLDER)) rmSync(path, { force: true });
      else if (Date.now() < until) sleep(10);
      else throw new LibraryError(busy(holder, path));
    }
  }
}
