// The command line: argv → the command chosen (program.ts defines them, and
// each is loaded only when run) → its result, written → the exit status.
import { fstatSync, statSync } from 'node:fs';
import { userLibraryDir } from '../library/location.js';
import { sanitize, sanitizeLines } from '../text/sanitize.js';
import { commanderArgv } from './argv.js';
import type { Config } from './config.js';
import type { CommandResult, Context } from './context.js';
import { endingOf, exitStatus, type Ending, type ExitStatus } from './exit.js';
import { CommandError, commandErrorOf, errorLine } from './errors.js';
import { write, writeError, type Output } from './output.js';
import type { JsonPiece } from '../text/sanitize.js';
import {
  defineBrowse,
  defineCheck,
  defineCompletion,
  defineConfig,
  defineFeed,
  defineImport,
  defineUpdate,
  defineIndex,
  defineList,
  defineMark,
  defineOpen,
  defineProgram,
  defineQuotes,
  defineSearch,
  defineShow,
  defineSpeakers,
  type GlobalOptions,
  type Program,
} from './program.js';
import type { StreamFacts } from './terminal.js';

declare const NEWS_VERSION: string | undefined;
const VERSION = typeof NEWS_VERSION === 'string' ? NEWS_VERSION : '0.0.0-dev';

export interface Streams {
  argv: string[];
  /** The folder of articles that ships with the reader. */
  bundledArticles: string;
  env: NodeJS.ProcessEnv;
  stdout: StreamFacts;
  stderr: StreamFacts;
}

/** A command with its arguments parsed: what is left is to run it in a context. */
type Run = (ctx: Context) => Promise<CommandResult>;

/** Each command's action: the chosen command's module is loaded, and called with what commander parsed. */
function attachCommands(program: Program, chosen: (run: Run, creates?: 'creates') => void): void {
  defineList(program).action((options) => chosen(async (ctx) => (await import('./commands/list.js')).list(ctx, options)));
  defineBrowse(program).action((options) => chosen(async (ctx) => (await import('./commands/browse.js')).browse(ctx, options)));
  defineShow(program).action((slugs, options) => chosen(async (ctx) => (await import('./commands/show.js')).show(ctx, slugs, options)));
  defineSearch(program).action((words, options) => chosen(async (ctx) => (await import('./commands/search.js')).search(ctx, words, options)));
  defineQuotes(program).action((slugs, options) => chosen(async (ctx) => (await import('./commands/quotes.js')).quotes(ctx, slugs, options)));
  defineSpeakers(program).action((options) => chosen(async (ctx) => (await import('./commands/speakers.js')).speakers(ctx, options)));
  defineIndex(program).action((options) => chosen(async (ctx) => (await import('./commands/index.js')).indexCommand(ctx, options)));
  defineCheck(program).action((options) => chosen(async (ctx) => (await import('./commands/check.js')).check(ctx, options)));
  defineImport(program).action((paths, options) => chosen(async (ctx) => (await import('./commands/import.js')).importCommand(ctx, paths, options), 'creates'));
  const feed = defineFeed(program);
  feed.add.action((url, options) =>
    chosen(async (ctx) => {
      const { fullTextSetting } = await import('./config.js');
      return (await import('./commands/feed.js')).feedAdd(ctx, url, { ...options, fullText: fullTextSetting(options.fullText, ctx.config).value });
    }, 'creates'),
  );
  feed.list.action((options) => chosen(async (ctx) => (await import('./commands/feed.js')).feedList(ctx, options)));
  feed.remove.action((names) => chosen(async (ctx) => (await import('./commands/feed.js')).feedRemove(ctx, names)));
  feed.importOpml.action((file) => chosen(async (ctx) => (await import('./commands/feed.js')).feedImport(ctx, file), 'creates'));
  feed.exportOpml.action(() => chosen(async (ctx) => (await import('./commands/feed.js')).feedExport(ctx)));
  defineUpdate(program).action((names) => chosen(async (ctx) => (await import('./commands/update.js')).updateCommand(ctx, names)));
  defineCompletion(program).action((shell) => chosen(async () => (await import('./commands/completion.js')).completion(program, shell)));
  defineMark(program).action((state, slugs, options) => chosen(async (ctx) => (await import('./commands/mark.js')).markCommand(ctx, state, slugs, options)));
  defineConfig(program).action((options) =>
    chosen(async (ctx) => (await import('./commands/config.js')).configCommand(ctx, options, { dir: program.opts().dir, color: colorFlag(program) })),
  );
  defineOpen(program).action((slug) => chosen(async (ctx) => (await import('./commands/open.js')).openCommand(ctx, slug)));
}

/** Every command and option, as `--help` shows them: what completion scripts and the man page are made from. */
export function commandTree(): Program {
  const program = defineProgram(VERSION);
  attachCommands(program, () => undefined);
  return program;
}

/** --color, when it was given: else the environment or the settings file decide (config.ts). */
const colorFlag = (program: Program) => (program.getOptionValueSource('color') === 'cli' ? program.opts().color : undefined);

/** A parsed command line: the command, the shared options, and whether the command may make a library folder that is not there. */
interface Parsed {
  run: Run;
  global: GlobalOptions;
  /** --color, when given. */
  color: GlobalOptions['color'] | undefined;
  creates: boolean;
}

/**
 * Parses argv: the command to run and the shared options. commander drops
 * what an action returns, so the action hands its command over to `chosen`.
 * Help, the version and usage errors reject (with a CommanderError).
 */
function parse(argv: string[], onTerminal: boolean): Promise<Parsed> {
  return new Promise((resolve, reject) => {
    const program = defineProgram(VERSION);
    attachCommands(program, (run, creates) => resolve({ run, global: program.opts(), color: colorFlag(program), creates: creates === 'creates' }));
    try {
      program
        .parseAsync(commanderArgv(program, onTerminal && isBare(program, argv) ? [...argv, 'browse'] : argv))
        .then(() => reject(new Error('no command was run')), reject);
    } catch (error) {
      reject(error);
    }
  });
}

/**
 * Whether argv names no command, only shared options with their values
 * (`news`, `news --dir ~/news`): on a terminal that is `news browse`; piped,
 * commander shows the help, as it always has.
 */
function isBare(program: Program, argv: readonly string[]): boolean {
  const args = argv.slice(2);
  for (let at = 0; at < args.length; at++) {
    const arg = args[at]!;
    const option = program.options.find((each) => arg === each.long || arg === each.short || arg.startsWith(`${each.long}=`));
    if (option === undefined || !option.required) return false;
    if (arg.includes('=')) continue;
    if (++at >= args.length) return false; // its value is missing: commander says so
  }
  return true;
}

/**
 * The library and terminal a command works with, from the shared options and
 * the environment. A library folder named that is not there is refused here,
 * before any index is opened (context.ts is loaded by every command anyway).
 */
async function contextFor({ global, color, creates }: Parsed, { bundledArticles, env, stdout, stderr }: Streams): Promise<Context> {
  const { namedLibrary } = await import('./context.js');
  // The settings file costs a stat when there is none.
  const { colorSetting, loadConfig } = await import('./config.js');
  const config = await loadConfig(env, writeError);
  const named = namedLibrary(global.dir, env, creates, config);
  // With neither HOME nor XDG_DATA_HOME there is no user library to read.
  let user: string | null = null;
  try {
    user = userLibraryDir(env);
  } catch {
    user = null;
  }
  return {
    roots: named !== undefined ? [named] : user === null ? [bundledArticles] : [bundledArticles, user],
    importDir: named ?? user ?? '',
    env,
    version: VERSION,
    stdout,
    stderr,
    color: colorSetting(color, env, config).value,
    config,
    warn: writeError,
  };
}

/** The facts of a command's result, once its output is written (streamed output counts what it found as it goes). */
function ranOf(result: CommandResult): Ending {
  const found = result.found === undefined ? null : typeof result.found === 'number' ? result.found : result.found.count;
  return { kind: 'ran', found, failed: result.failed ?? 0 };
}

/**
 * Writes a command's output: through the pager when it is long and pageable
 * and stdout is a terminal, else to stdout. Throws BrokenPipe when the reader
 * goes away.
 */
async function writeOutput(output: Output, stdout: StreamFacts, env: NodeJS.ProcessEnv, config?: Config | null): Promise<void> {
  const paging = output.pageable === true && stdout.isTTY && stdout.rows !== undefined;
  let text = output.stdout;
  let more = output.more;
  if (more && paging) {
    for (const part of more) text += typeof part === 'string' ? part : Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString();
    more = undefined;
  }
  if (paging && text.split('\n').length - 1 >= (stdout.rows ?? 0)) {
    const { page, pagerCommand } = await import('./pager.js');
    const pager = pagerCommand(env, config);
    if (pager !== null) return page(text, pager, env);
  }
  write(text);
  if (more) writeInChunks(more);
}

/** Writes made output a few pages at a time: fewer writes than lines, and never all of it held. Bytes are written as they are. */
function writeInChunks(parts: Iterable<JsonPiece>): void {
  const CHUNK = 1 << 16;
  let pending = '';
  for (const part of parts) {
    if (typeof part !== 'string') {
      write(pending);
      write(part);
      pending = '';
      continue;
    }
    pending += part;
    if (pending.length >= CHUNK) {
      write(pending);
      pending = '';
    }
  }
  write(pending);
}

/** Runs one command line; resolves with its exit status. */
export async function main(streams: Streams): Promise<ExitStatus> {
  // A TAB press in a shell runs `news __complete …`: it is answered before
  // any command line is parsed, loading only what the answer needs.
  if (streams.argv[2] === '__complete') return (await import('./complete.js')).complete(streams);
  let ending: Ending;
  try {
    const parsed = await parse(streams.argv, streams.stdout.isTTY);
    const ctx = await contextFor(parsed, streams);
    const result = await parsed.run(ctx);
    await writeOutput(result, streams.stdout, streams.env, ctx.config);
    ending = ranOf(result);
  } catch (thrown) {
    const error = commandErrorOf(thrown);
    ending = endingOf(error);
    if (ending.kind === 'crashed') throw error;
    // commander has reported its own errors; a command's are reported here.
    if (error instanceof CommandError) writeError(sanitize(errorLine(error.message)));
  }
  return exitStatus(ending);
}

/**
 * The facts of stdout (fd 1) or stderr (fd 2). Pipes, files and /dev/null are
 * told apart by fstat, so that the tty module and process.stdout or
 * process.stderr (milliseconds of start-up each) are loaded only for other
 * character devices, where they are needed.
 */
function streamFacts(fd: 1 | 2): StreamFacts {
  const notTerminal = { isTTY: false, columns: undefined, rows: undefined };
  try {
    const out = fstatSync(fd);
    if (!out.isCharacterDevice() || out.rdev === statSync('/dev/null', { throwIfNoEntry: false })?.rdev) return notTerminal;
  } catch {
    return notTerminal;
  }
  const stream = fd === 1 ? process.stdout : process.stderr;
  return stream.isTTY === true ? { isTTY: true, columns: stream.columns, rows: stream.rows } : notTerminal;
}

/** Runs the command line of this process; bin/news calls it. */
export function run({ articles }: { articles: string }): void {
  main({
    argv: process.argv,
    bundledArticles: articles,
    env: process.env,
    stdout: streamFacts(1),
    stderr: streamFacts(2),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      writeError(`news: internal error: ${sanitizeLines(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
      process.exitCode = exitStatus({ kind: 'crashed' });
    },
  );
}
