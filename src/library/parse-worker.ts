// A worker thread that reads and parses article files for the index, so that
// a large first build uses every core: the main thread writes the index while
// workers parse. Built to dist/parse-worker.cjs.
import { parentPort } from 'node:worker_threads';
import { readArticleFile } from './files.js';

export interface ParseRequest {
  id: number;
  files: ReadonlyArray<{ path: string; root: string }>;
}

parentPort?.on('message', ({ id, files }: ParseRequest) => {
  parentPort!.postMessage({ id, results: files.map(({ path, root }) => readArticleFile(path, root)) });
});
