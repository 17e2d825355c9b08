// The index's worker threads, built to dist/parse-worker.cjs. A parse worker
// reads article files and makes their index rows; a build worker writes a
// first build of a large library's index, with parse workers of its own, so
// that the command's main thread (and its memory) stays out of the work.
import { availableParallelism } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { fillFreshIndex, readForIndex, type FreshJob } from './index-write.js';
import { sqlite } from './open-index.js';
import { parsePool } from './parse-pool.js';

export interface ParseRequest {
  id: number;
  files: ReadonlyArray<{ path: string; root: string }>;
}

export interface BuildData {
  build: FreshJob;
  workerScript: string;
}

const data = workerData as BuildData | undefined;
if (data?.build) {
  // Writing takes a third of the time parsing does: a parse worker a core.
  const pool = parsePool(data.workerScript, availableParallelism());
  fillFreshIndex(sqlite(), data.build, pool.parse)
    .then(
      () => parentPort!.postMessage({ done: true }),
      (error: Error) => parentPort!.postMessage({ done: false, error: error.stack ?? error.message }),
    )
    .finally(() => pool.close());
} else {
  parentPort?.on('message', ({ id, files }: ParseRequest) => {
    parentPort!.postMessage({ id, results: files.map(({ path, root }) => readForIndex(path, root)) });
  });
}
