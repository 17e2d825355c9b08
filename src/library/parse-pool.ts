// Parsing many article files at once on worker threads (one a core, at most
// two), for the index's large updates; small ones parse inline.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article, Problem } from '../model.js';
import { parseInline, type ParseFiles } from './index-db.js';
import type { ParseRequest } from './parse-worker.js';

type Result = { article: Article | null; problems: Problem[] };

/**
 * A ParseFiles that spreads requests over worker threads running
 * `workerScript`, started on first use; `close()` ends them (the caller must,
 * or they keep the process alive). Without the script (the reader run
 * from source, in tests) it parses inline.
 */
export function parsePool(workerScript: string): { parse: ParseFiles; close(): Promise<void> } {
  if (!existsSync(workerScript)) return { parse: parseInline, close: async () => {} };
  const size = Math.max(1, Math.min(2, availableParallelism()));
  const workers: Worker[] = [];
  const waiting = new Map<number, { resolve(results: Result[]): void; reject(error: Error): void }>();
  let next = 0;
  const start = () => {
    // A worker holds a few batches of articles at a time: a small heap is
    // enough, and keeps a large build within the reader's memory budget.
    const worker = new Worker(workerScript, { resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 } });
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
