// The command line: commander maps argv onto the command functions, which are
// loaded only when run. This is the one place that sets the exit status.
import { fstatSync, statSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { sanitize, sanitizeLines } from '../text/sanitize.js';
import type { CommandResult, Context } from './context.js';
import { userLibraryDir } from '../library/location.js';
import { EXIT, ExitError } from './errors.js';
import { BrokenPipe, write, writeError } from './output.js';
import { COLOR_MODES, type ColorMode } from './terminal.js';

declare const NEWS_VERSION: string | undefined;
const VERSION = typeof NEWS_VERSION === 'string' ? NEWS_VERSION : '0.0.0-dev';


function positiveInt(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError(`${name} must be a whole number above 0.`);
    return Number(value);
  };
}

function width(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 20) throw new InvalidArgumentError('width must be a whole number, at least 20.');
  return Number(value);
}

function isoDate(value: string): string {
  if (!/^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?)?)?$/.test(value) || Number.isNaN(Date.parse(value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value))) {
    throw new InvalidArgumentError('expected an ISO 8601 date such as 2014-09-24 (or 2014-09, 2014).');
  }
  return value;
}

const examples = (lines: Array<[string, string]>) => {
  const pad = Math.max(...lines.map(([command]) => command.length)) + 2;
  return 'Examples:\n' + lines.map(([command, what]) => `  ${command.padEnd(pad)}${what}`).join('\n') + '\n';
};

export interface Streams {
  argv: string[];
  /** The folder of articles that ships with the reader. */
  bundledArticles: string;
  env: NodeJS.ProcessEnv;
  stdout: { isTTY: boolean; columns: number | undefined; rows: number | undefined };
}

export async function main({ argv, bundledArticles, env, stdout }: Streams): Promise<number> {
  let result: CommandResult | null = null;
  const program = new Command('news');
  const context = (): Context => {
    const global = program.opts<{ dir?: string; color: ColorMode }>();
    const named = global.dir ?? (env.NEWS_DIR ? env.NEWS_DIR : undefined);
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
      stdout,
      color: global.color,
      warn: writeError,
    };
  };

  program
    .description('Read the news in a terminal, and pipe it into scripts.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--dir <dir>', 'read (and import into) DIR instead of the bundled articles and your library (or set NEWS_DIR)')
    .addOption(new Option('--color <when>', 'colour the output').choices(COLOR_MODES).default('auto'))
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: write,
      writeErr: writeError,
      outputError: (text) => writeError(sanitizeLines(text.trimEnd())),
    })
    .addHelpText(
      'before',
      examples([
        ['news list', 'headlines, newest first'],
        ['news show us-iran-is', 'read an article'],
        ["news search 'iran assad -syria'", 'find articles'],
        ['news quotes --speaker rouhani', 'who said what'],
        ['news list --json | jq -r .headline', 'JSON Lines for scripts'],
        ['news check', 'validate the article files'],
      ]),
    )
    .addHelpText('after', '\nExit status: 0 done, 1 nothing found or invalid articles, 2 usage error.');

  program
    .command('list')
    .description('list articles, newest first')
    .option('--json', 'print JSON Lines, one article object a line')
    .option('--format <template>', 'print each article through a template, e.g. "{slug} {headline}"')
    .option('--section <name>', 'only articles in this section')
    .option('--source <name>', 'only articles from this source')
    .option('--since <date>', 'only articles dated on or after DATE', isoDate)
    .option('--until <date>', 'only articles dated on or before DATE', isoDate)
    .option('--limit <n>', 'at most N articles', positiveInt('limit'))
    .option('--plain', 'plain text even on a terminal')
    .option('--no-pager', 'never page the output')
    .addHelpText(
      'before',
      examples([
        ['news list', 'every article: date, slug, headline'],
        ['news list --since 2014-09 --limit 10', 'the ten newest since September 2014'],
        ["news list --format '{date} {headline}'", 'a line of your own per article'],
        ['news list --json', 'the full article objects, for scripts'],
      ]),
    )
    .action(async (options) => {
      const { list } = await import('./commands/list.js');
      result = await list(context(), options);
    });

  program
    .command('show')
    .description('print articles: headline, dateline, body and who said what')
    .argument('<slug...>', 'the article names (file names without .md)')
    .option('--json', 'print JSON Lines, one article object a line')
    .option('--plain', 'plain text even on a terminal')
    .option('--width <n>', 'wrap the body to N columns', width)
    .option('--no-pager', 'never page the output')
    .addHelpText(
      'before',
      examples([
        ['news show us-iran-is', 'read an article'],
        ['news show us-iran-is --width 72', 'wrap to 72 columns'],
        ['news show us-iran-is --json | jq .quotes', 'the quotes, as data'],
      ]),
    )
    .action(async (slugs: string[], options) => {
      const { show } = await import('./commands/show.js');
      result = await show(context(), slugs, options);
    });

  program
    .command('search')
    .description('find articles: all words must match; "phrases", -word, OR, field:value')
    .argument('<query...>', 'words, "phrases", -excluded, a OR b, headline: speaker: section: source:')
    .option('--json', 'print JSON Lines, one article object a line')
    .option('--limit <n>', 'at most N results (default 20)', positiveInt('limit'))
    .option('--all', 'every result, however many')
    .option('--plain', 'plain text even on a terminal')
    .option('--width <n>', 'wrap snippets to N columns', width)
    .option('--no-pager', 'never page the output')
    .addHelpText(
      'before',
      examples([
        ['news search iran assad', 'articles with both words'],
        ["news search '\"State Department\" -syria'", 'a phrase, without a word'],
        ['news search speaker:rouhani', 'where Rouhani is quoted'],
        ['news search headline:iran OR headline:iraq', 'either word in the headline'],
      ]),
    )
    .addHelpText('after', '\nExit status 1 when nothing matches, as with grep.')
    .action(async (words: string[], options) => {
      const { search } = await import('./commands/search.js');
      result = await search(context(), words, options);
    });

  program
    .command('quotes')
    .description('who said what: every quotation with its speaker, across the library or in the given articles')
    .argument('[slug...]', 'only these articles')
    .option('--speaker <name>', 'only quotes by this person (any of the words they are named by)')
    .option('--json', 'print JSON Lines: each article with the quotes listed')
    .option('--plain', 'plain text even on a terminal')
    .option('--width <n>', 'wrap quotations to N columns', width)
    .option('--no-pager', 'never page the output')
    .addHelpText(
      'before',
      examples([
        ['news quotes', 'every quotation in the library'],
        ['news quotes us-iran-is', 'who said what in one article'],
        ['news quotes --speaker rouhani', 'everything Rouhani is quoted as saying'],
        ["news quotes | cut -f1 | sort | uniq -c | sort -rn", 'who is quoted most'],
      ]),
    )
    .action(async (slugs: string[], options) => {
      const { quotes } = await import('./commands/quotes.js');
      result = await quotes(context(), slugs, options);
    });

  program
    .command('index')
    .description('bring the search index up to date, checking every file; or rebuild it, or show what it holds')
    .option('--rebuild', 'build the index anew from the article files')
    .option('--stats', 'print articles, size and last update')
    .addHelpText(
      'before',
      examples([
        ['news index', 'check every file against the index'],
        ['news index --rebuild', 'build it anew'],
        ['news index --stats', 'what it holds'],
      ]),
    )
    .addHelpText('after', '\nThe index is a cache in $XDG_CACHE_HOME/news (~/.cache/news): every command keeps it up to date.')
    .action(async (options) => {
      const { indexCommand } = await import('./commands/index.js');
      result = await indexCommand(context(), options);
    });

  program
    .command('check')
    .description('validate every article file; print problems as FILE:LINE: message')
    .option('--json', 'print each problem as a JSON object {path, line, message}')
    .addHelpText('before', examples([['news check', 'validate the bundled articles'], ['news check --dir ~/news', 'validate another folder']]))
    .action(async (options) => {
      const { check } = await import('./commands/check.js');
      result = await check(context(), options);
    });

  program
    .command('import')
    .description('import raw text articles (files, or folders of .txt files) into your library; print each new slug')
    .argument('<path...>', 'raw text files, or folders searched for .txt files')
    .option('--force', 're-import onto the slug the headline gives, replacing the article there')
    .addHelpText(
      'before',
      examples([
        ['news import story.txt', 'one article, into ~/.local/share/news'],
        ['news import ~/archive', 'every .txt file below a folder'],
        ['news import --dir ~/news ~/archive', 'into another library folder'],
        ['news import --force story.txt', 'import again, replacing the article'],
      ]),
    )
    .addHelpText('after', '\nThe library is --dir, else NEWS_DIR, else $XDG_DATA_HOME/news (~/.local/share/news).\nExit status 1 when a file cannot be imported; the others are imported all the same.')
    .action(async (paths: string[], options) => {
      const { importCommand } = await import('./commands/import.js');
      result = await importCommand(context(), paths, options);
    });

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof ExitError) {
      writeError(`news: ${sanitize(error.message)}`);
      return error.exitCode;
    }
    if (error instanceof BrokenPipe) return EXIT.ok;
    throw error;
  }
  if (!result) return EXIT.ok;
  const done: CommandResult = result;
  const paging = done.pageable === true && stdout.isTTY && stdout.rows !== undefined;
  if (done.more && paging) {
    done.stdout += [...done.more].join('');
    done.more = undefined;
  }
  const lines = done.stdout.split('\n').length - 1;
  if (paging && lines >= (stdout.rows ?? 0)) {
    const { page, pagerCommand } = await import('./pager.js');
    const pager = pagerCommand(env);
    if (pager !== null) {
      await page(done.stdout, pager, env);
      return done.exitCode;
    }
  }
  try {
    write(done.stdout);
    if (done.more) writeInChunks(done.more);
  } catch (error) {
    if (error instanceof BrokenPipe) return EXIT.ok;
    throw error;
  }
  return done.exitCode;
}

/** Writes made output a few pages at a time: fewer writes than lines, and never all of it held. */
function writeInChunks(parts: Iterable<string>): void {
  const CHUNK = 1 << 16;
  let pending = '';
  for (const part of parts) {
    pending += part;
    if (pending.length >= CHUNK) {
      write(pending);
      pending = '';
    }
  }
  write(pending);
}

/**
 * Whether stdout is a terminal. Pipes, files and /dev/null are told apart by
 * fstat, so that the tty module and process.stdout (milliseconds of start-up
 * each) are loaded only for other character devices, where they are needed.
 */
function stdoutIsTerminal(): boolean {
  try {
    const out = fstatSync(1);
    if (!out.isCharacterDevice() || out.rdev === statSync('/dev/null', { throwIfNoEntry: false })?.rdev) return false;
  } catch {
    return false;
  }
  return process.stdout.isTTY === true;
}

/** Runs the command line of this process; bin/news calls it. */
export function run({ articles }: { articles: string }): void {
  main({
    argv: process.argv,
    bundledArticles: articles,
    env: process.env,
    stdout: stdoutIsTerminal()
      ? { isTTY: true, columns: process.stdout.columns, rows: process.stdout.rows }
      : { isTTY: false, columns: undefined, rows: undefined },
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      writeError(`news: internal error: ${sanitizeLines(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
      process.exitCode = 3;
    },
  );
}
