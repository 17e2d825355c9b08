// Reading an article file into its index row: loaded only by commands that
// find files to read (and by the parse workers).
import { readArticleFile } from './files.js';
import { toRow, type ReadFile } from './index-write.js';

/** Reads one file for the index. */
export function readForIndex(path: string, root: string): ReadFile {
  const { article, problems } = readArticleFile(path, root);
  return { row: article === null ? null : toRow(article), problems };
}
