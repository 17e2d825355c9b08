// What the index's parts hand one another: file records, rows, the parsing
// and building functions, and the messages of its worker threads. Types and
// constants only, so that every part can use them without a cycle.
import type { Problem } from '../model.js';

/** A file as the index records it. */
export interface IndexedFile {
  root: number;
  rel: string;
  size: number;
  mtime: number;
}

/** An article as the index stores it: its row, made where it is parsed. */
export interface ArticleRow {
  slug: string;
  sortDate: string;
  /** Section and source folded, for filters. */
  section: string | null;
  source: string | null;
  /** The people the article quotes (each quote's person), one a line. */
  speakers: string;
  json: string;
  /** The FTS5 columns' text as indexed: folded where it is not ASCII. */
  fts: string[];
}

/** A file read for the index: its article's row, or its problems. */
export interface ReadFile {
  row: ArticleRow | null;
  problems: Problem[];
}

/** Reads files for the index; the index hands it many at a time. */
export type ParseFiles = (files: ReadonlyArray<{ path: string; root: string }>) => Promise<ReadFile[]>;

/** Reads files for the index on the calling thread, before it returns. */
export type ParseHere = (files: ReadonlyArray<{ path: string; root: string }>) => ReadFile[];

/** What a fresh build is given: where to write, and the library's folders. */
export interface FreshJob {
  path: string;
  rootsKey: string;
  roots: readonly string[];
}

/** Told how many files a build or update has indexed so far: at the first, then a few times a second. */
export type IndexProgress = (files: number) => void;

/** Writes a fresh index for a job: fillFreshIndex, wherever it runs. */
export type FreshBuild = (job: FreshJob, progress?: IndexProgress) => Promise<void>;

/** The error code of a worker (or a build on one) that outgrew its capped heap. */
export const OUT_OF_MEMORY = 'ERR_WORKER_OUT_OF_MEMORY';

/** A parse worker's request: files to read, answered with their ReadFiles. */
export interface ParseRequest {
  id: number;
  files: ReadonlyArray<{ path: string; root: string }>;
}

/** A build worker's data: the job, the script its own parse workers run, and whether to send its progress. */
export interface BuildData {
  build: FreshJob;
  workerScript: string;
  progress: boolean;
}

/** A build worker's messages: how many files it has indexed (when asked, a few times a second), then how it ended. */
export type BuildMessage = { files: number } | { done: true } | { done: false; error: string; code?: string };
