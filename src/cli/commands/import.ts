import { importArticles, urlKey, type SkippedArticle } from '../../library/import.js';
import { slugFromPath } from '../../parse/slug.js';
import { sanitize } from '../../text/sanitize.js';
import { openLibrary, type CommandResult, type Context } from '../context.js';
import { InterruptedError, UsageError } from '../errors.js';
import { BrokenPipe, write } from '../output.js';
import { StatusLine } from '../status-line.js';
import type { ImportOptions } from '../program.js';
import type { StreamFacts } from '../terminal.js';

/** A progress bar is drawn for imports of more files than this, or taking longer than PROGRESS_AFTER_MS. */
const PROGRESS_FILES = 200;
const PROGRESS_AFTER_MS = 1000;
const REDRAW_MS = 80;

/** A bar of the files imported, on stderr (a StatusLine), drawn only for imports that take a while. */
class ProgressBar {
  // The import handles Ctrl-C itself: the line is taken away, and the import ends between two files.
  private readonly line = new StatusLine({ interrupt: true });
  private lastDraw = 0;
  private readonly started = Date.now();

  constructor(private readonly columns: number) {}

  update(done: number, total: number): void {
    const now = Date.now();
    if (total === 0 || done === total) return;
    if (total <= PROGRESS_FILES && now - this.started < PROGRESS_AFTER_MS) return;
    if (this.line.visible && now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    const counts = ` ${done}/${total}`;
    const label = 'importing ';
    const width = Math.max(10, Math.min(40, this.columns - label.length - counts.length - 3));
    const filled = Math.round((done / total) * width);
    this.line.show(`${label}[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]${counts}`);
  }

  clear(): void {
    this.line.clear();
  }
}

/** The width of stderr when it is a terminal (a progress bar and notes of skipped articles are drawn there), else null. */
function stderrColumns(stderr: StreamFacts): number | null {
  return stderr.isTTY ? (stderr.columns ?? 80) : null;
}

/**
 * `news import INPUT...`: writes an article file into the library
 * (ctx.importDir) for each raw text article, saved page and feed entry in the
 * files and folders given, and for each page at a URL given; prints the slug
 * of each on stdout, and a line on stderr for each input that cannot be
 * imported. An article the library has already (the same URL, or the same
 * headline and body) is skipped, and said so on a terminal: the article when
 * it is one, how many when more (an import run again may skip 28,000);
 * --force writes it again. --source, --section and --tag are given to every
 * article written. Ctrl-C stops it between two files, with the articles
 * written kept: an import run again writes the rest.
 */
export async function importCommand(ctx: Context, inputs: readonly string[], options: ImportOptions = {}): Promise<CommandResult> {
  if (ctx.importDir === '') throw new UsageError('no library to import into: set HOME or XDG_DATA_HOME, or give --dir DIR');
  const columns = stderrColumns(ctx.stderr);
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
  const stop = new AbortController();
  const onInterrupt = () => stop.abort();
  process.once('SIGINT', onInterrupt);
  const web = inputs.some((input) => /^[a-z][a-z0-9+.-]*:\/\//i.test(input)) ? await import('../web.js') : null;
  const client = web === null ? null : await web.httpClient(ctx);
  let result;
  let firstSkipped: SkippedArticle | null = null;
  try {
    result = await importArticles(ctx.importDir, inputs, {
      force: options.force ?? false,
      metadata: { source: options.source, section: options.section, tags: options.tag },
      knownUrls: () => libraryUrls(ctx),
      fetch: client === null || web === null ? undefined : await web.fetchForImport(client, stop.signal),
      onArticle: (article) => {
        bar?.clear();
        print(article.slug + '\n');
      },
      onSkip: (skipped) => {
        firstSkipped ??= skipped;
      },
      onFailure: (failure) => {
        bar?.clear();
        ctx.warn(sanitize(`news: cannot import ${failure.path}: ${failure.reason}`));
      },
      onProgress: bar ? (done, total) => bar.update(done, total) : undefined,
      signal: stop.signal,
    });
  } finally {
    bar?.clear();
    process.removeListener('SIGINT', onInterrupt);
    await client?.close();
  }
  const skipped = firstSkipped as SkippedArticle | null;
  if (columns !== null && skipped !== null) {
    ctx.warn(
      result.skipped === 1
        ? sanitize(`news: ${skipped.from}: in the library already as ${slugFromPath(skipped.path)} (--force imports it again)`)
        : `news: skipped ${result.skipped} already in the library (--force imports them again)`,
    );
  }
  if (result.stopped) throw new InterruptedError('import stopped; the articles written are kept');
  return { stdout: '', failed: result.failures.length };
}

/** The URL of every article of the library, to the file that has it (by urlKey). */
export async function libraryUrls(ctx: Context): Promise<Map<string, string>> {
  const index = await openLibrary(ctx, { warnProblems: false });
  try {
    const urls = new Map<string, string>();
    for (const { url, path } of index.eachUrl()) {
      const key = urlKey(url);
      if (key !== null && !urls.has(key)) urls.set(key, path);
    }
    return urls;
  } finally {
    index.close();
  }
}
