// Parsing many article files at once on worker threads (one a core, at most
// two), for the index's large updates and first builds.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Os from 'node:os';
import type * as Threads from 'node:worker_threads';
import type { Worker } from 'node:worker_threads';
import { OUT_OF_MEMORY, type BuildData, type BuildMessage, type FreshBuild, type ParseFiles, type ParseRequest, type ReadFile } from './contracts.js';
import { parseInline } from './write.js';

/**
 * A worker holds a few small batches of articles at a time: a small heap is
 * enough, and keeps a large build within the reader's memory budget. Its
 * young generation is where parsing's short-lived objects die: at 6 MB a
 * parse worker spent a sixth of its time collecting them; 8 MB took about a
 * tenth off a build's CPU time for some 6 MB of peak memory (12 MB or more
 * cost more memory, and 16 MB was no quicker). The old generation holds the
 * parser itself, some 9 MB: capped at 20 MB, a worker ran a full collection
 * twice a second and spent a third more CPU time parsing than at 40 MB,
 * which costs a few MB of peak memory. A build worker parses too, and gets
 * the same.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 40, maxYoungGenerationSizeMb: 8 };

// Loaded when a worker is first started: most commands start none, and
// loading these modules costs every command start-up time.
const load = createRequire(__filename);
const threadsModule = () => load('node:worker_threads') as typeof Threads;
const osModule = () => load('node:os') as typeof Os;

/**
 * A ParseFiles that spreads requests over worker threads running
 * `workerScript`, started on first use; `close()` ends them (the caller must,
 * or they keep the process alive). Without the script (the reader run
 * from source, in tests), or with no threads, it parses inline. A worker that runs out of its
 * small heap (an article of megabytes) is replaced, and the files it held
 * are parsed on the calling thread, whose heap is not capped.
 */
export function parsePool(workerScript: string | undefined, threads = 2): { parse: ParseFiles; close(): Promise<void> } {
  if (threads < 1 || workerScript === undefined || !existsSync(workerScript)) return { parse: parseInline, close: async () => {} };
  let size = 0;
  const slots: Array<Worker | null> = [];
  interface Waiting {
    files: Parameters<ParseFiles>[0];
    slot: number;
    resolve(results: ReadFile[]): void;
    reject(error: Error): void;
  }
  const waiting = new Map<number, Waiting>();
  let next = 0;
  const start = (slot: number) => {
    const worker = new (threadsModule().Worker)(workerScript, { resourceLimits: WORKER_LIMITS });
    worker.on('message', ({ id, results }: { id: number; results: ReadFile[] }) => {
      const request = waiting.get(id);
      waiting.delete(id);
      request?.resolve(results);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      slots[slot] = null;
      for (const [id, request] of waiting) {
        if (request.slot !== slot) continue;
        waiting.delete(id);
        if (error.code === OUT_OF_MEMORY) parseInline(request.files).then(request.resolve, request.reject);
        else request.reject(error);
      }
    });
    return worker;
  };
  const parse: ParseFiles = (files) =>
    new Promise((resolve, reject) => {
      const id = next++;
      size ||= Math.max(1, Math.min(threads, osModule().availableParallelism()));
      const slot = id % size;
      const worker = (slots[slot] ??= start(slot));
      waiting.set(id, { files, slot, resolve, reject });
      worker.postMessage({ id, files } satisfies ParseRequest);
    });
  return {
    parse,
    close: async () => {
      await Promise.all(slots.map((w) => w?.terminate()));
    },
  };
}

/**
 * A first build on a worker thread of its own (see worker.ts); without
 * the script, null (the caller builds on its own thread). A build that runs
 * out of its capped heap fails with the code OUT_OF_MEMORY. `progress` is
 * told how many files are indexed, a few times a second, by message.
 */
export function buildOnWorker(workerScript: string | undefined): FreshBuild | null {
  if (workerScript === undefined || !existsSync(workerScript)) return null;
  return (job, progress) =>
    new Promise((resolve, reject) => {
      const workerData: BuildData = { build: job, workerScript, progress: progress !== undefined };
      const worker = new (threadsModule().Worker)(workerScript, { workerData, resourceLimits: WORKER_LIMITS });
      worker.on('message', (message: BuildMessage) => {
        if ('files' in message) progress?.(message.files);
        else if (message.done) resolve();
        else reject(Object.assign(new Error(`the index build failed: ${message.error}`), { code: message.code }));
      });
      worker.once('error', reject);
    });
}
