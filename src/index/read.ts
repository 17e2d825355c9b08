// Reading an article file into its index row: loaded only by commands that
// find files to read (and by the parse workers).
import { readArticleFile } from '../library/files.js';
import type { ReadFile } from './contracts.js';
import { toRow } from './row.js';

/** Reads one file for the index. */
export function readForIndex(path: string, root: string): ReadFile {
  const { article, problems } = readArticleFile(path, root);
  return { row: article === null ? null : toRow(article), problems };
}
