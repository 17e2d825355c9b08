// Parsing many article files at once on worker threads (one a core, at most
// two), for the index's large updates; small ones parse inline.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseInline, type FreshBuild, type ParseFiles, type ReadFile } from './index-write.js';
import type { ParseRequest } from './parse-worker.js';

type Result = ReadFile;

/**
 * A ParseFiles that spreads requests over worker threads running
 * `workerScript`, started on first use; `close()` ends them (the caller must,
 * or they keep the process alive). Without the script (the reader run
 * from source, in tests) it parses inline.
 */
export function parsePool(workerScript: string, threads = 2): { parse: ParseFiles; close(): Promise<void> } {
  if (!existsSync(workerScript)) return { parse: parseInline, close: async () => {} };
  const size = Math.max(1, Math.min(threads, availableParallelism()));
  const workers: Worker[] = [];
  const waiting = new Map<number, { resolve(results: Result[]): void; reject(error: Error): void }>();
  let next = 0;
  const start = () => {
    // A worker holds a few batches of articles at a time: a small heap is
    // enough, and keeps a large build within the reader's memory budget.
    const worker = new Worker(workerScript, { resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 } });
    worker.on('message', ({ id, results }: { id: number; results: Result[] }) => {
      waiting.get(id)?.resolve(results);
      waiting.delete(id);
    });
    worker.on('error', (error) => {
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
    });
    return worker;
  };
  const parse: ParseFiles = (files) =>
    new Promise((resolve, reject) => {
      const id = next++;
      if (workers.length < size) workers.push(start());
      waiting.set(id, { resolve, reject });
      workers[id % workers.length]!.postMessage({ id, files } satisfies ParseRequest);
    });
  return {
    parse,
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * A fresh build on a worker thread of its own, with a small heap, so that a
 * large first build stays within the reader's memory budget; without the
 * script, null (the caller builds inline).
 */
export function buildOnWorker(workerScript: string): FreshBuild | null {
  if (!existsSync(workerScript)) return null;
  return (job) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerScript, {
        workerData: { build: job, workerScript },
        resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 4 },
      });
      worker.once('message', (message: { done: boolean; error?: string }) => {
        if (message.done) resolve();
        else reject(new Error(`the index build failed: ${message.error}`));
      });
      worker.once('error', reject);
    });
}
