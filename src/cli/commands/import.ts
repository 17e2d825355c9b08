import { writeSync } from 'node:fs';
import { importArticles } from '../../library/import.js';
import { LibraryError } from '../../library/files.js';
import { sanitize } from '../../text/sanitize.js';
import type { CommandResult, Context } from '../context.js';
import { FailedError, UsageError } from '../errors.js';
import { BrokenPipe, write } from '../output.js';
import type { ImportOptions } from '../program.js';

export type ImportCommandOptions = ImportOptions & {
  /** Draw a progress bar on stderr; by default only when stderr is a terminal. For callers other than the command line. */
  progress?: boolean;
};

/** A progress bar is drawn for imports of more files than this, or taking longer than PROGRESS_AFTER_MS. */
const PROGRESS_FILES = 200;
const PROGRESS_AFTER_MS = 1000;
const REDRAW_MS = 80;

/** One line on stderr, redrawn in place with `\r`; cleared before anything else is written there. */
class ProgressBar {
  private shown = false;
  private lastDraw = 0;
  private readonly started = Date.now();

  constructor(private readonly columns: number) {}

  update(done: number, total: number): void {
    const now = Date.now();
    if (total === 0 || done === total) return;
    if (total <= PROGRESS_FILES && now - this.started < PROGRESS_AFTER_MS) return;
    if (this.shown && now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    const counts = ` ${done}/${total}`;
    const label = 'importing ';
    const width = Math.max(10, Math.min(40, this.columns - label.length - counts.length - 3));
    const filled = Math.round((done / total) * width);
    this.draw(`${label}[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]${counts}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.draw('');
    this.shown = false;
  }

  private draw(line: string): void {
    try {
      writeSync(2, `\r\x1b[K${line}`);
    } catch {
      // A progress bar is not worth failing for.
    }
  }
}

function stderrColumns(): number | null {
  return process.stderr.isTTY ? (process.stderr.columns ?? 80) : null;
}

/**
 * `news import PATH...`: writes an article file into the library (ctx.importDir)
 * for each raw text article in the files and folders given; prints the slug of
 * each on stdout, and a line on stderr for each file that cannot be imported.
 */
export async function importCommand(ctx: Context, paths: readonly string[], options: ImportCommandOptions = {}): Promise<CommandResult> {
  if (ctx.importDir === '') throw new UsageError('no library to import into: set HOME or XDG_DATA_HOME, or give --dir DIR');
  const columns = options.progress === false ? null : options.progress === true ? (stderrColumns() ?? 80) : stderrColumns();
  const bar = columns === null ? null : new ProgressBar(columns);
  // Slugs are printed as articles are written, so a long import shows its
  // progress in a pipe too; a reader that stops listening does not stop it.
  let listening = true;
  const print = (line: string) => {
    if (!listening) return;
    try {
      write(line);
    } catch (error) {
      if (!(error instanceof BrokenPipe)) throw error;
      listening = false;
    }
  };
  let result;
  try {
    result = importArticles(ctx.importDir, paths, {
      force: options.force ?? false,
      onArticle: (article) => {
        bar?.clear();
        print(article.slug + '\n');
      },
      onFailure: (failure) => {
        bar?.clear();
        ctx.warn(sanitize(`news: cannot import ${failure.path}: ${failure.reason}`));
      },
      onProgress: bar ? (done, total) => bar.update(done, total) : undefined,
    });
  } catch (error) {
    if (error instanceof LibraryError) throw new FailedError(error.message);
    throw error;
  } finally {
    bar?.clear();
  }
  return { stdout: '', failed: result.failures.length };
}
