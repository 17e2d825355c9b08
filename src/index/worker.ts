// The index's worker threads, built to dist/parse-worker.cjs. A parse worker
// reads article files and makes their index rows. A build worker writes the
// first build of a large library's index, parsing beside parse workers of
// its own: its heap is capped (the command's thread cannot be), which keeps
// a build of 100,000 articles within the reader's memory budget.
import { availableParallelism } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { BuildData, BuildMessage, ParseRequest } from './contracts.js';
import { parsePool } from './pool.js';
import { readForIndex } from './read.js';
import { sqlite } from './sqlite.js';
import { fillFreshIndex } from './write.js';

const data = workerData as BuildData | undefined;
if (data?.build) {
  // The build's thread parses too, beside a worker a core for the rest.
  const pool = parsePool(data.workerScript, availableParallelism() - 1);
  const here = (files: ReadonlyArray<{ path: string; root: string }>) => files.map(({ path, root }) => readForIndex(path, root));
  const send = (message: BuildMessage) => parentPort!.postMessage(message);
  // Asked for on a terminal only; fillFreshIndex sends a few a second, not one a file.
  const progress = data.progress ? (files: number) => send({ files }) : undefined;
  fillFreshIndex(sqlite(), data.build, pool.parse, here, progress)
    .then(
      () => send({ done: true }),
      (error: Error & { code?: string }) => send({ done: false, error: error.stack ?? error.message, code: error.code }),
    )
    .finally(() => pool.close());
} else {
  parentPort?.on('message', ({ id, files }: ParseRequest) => {
    parentPort!.postMessage({ id, results: files.map(({ path, root }) => readForIndex(path, root)) });
  });
}
