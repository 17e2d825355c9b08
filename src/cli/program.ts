// The command line as commander sees it: each command's arguments, flags and
// help. Each command's options type is inferred from its definition here, so
// a flag and the field a command reads cannot drift apart. Nothing here runs a
// command: main.ts attaches the actions, which load a command only when run.
import { Argument, Command, InvalidArgumentError, Option, type OptionValues } from '@commander-js/extra-typings';
import { sanitizeLines } from '../text/sanitize.js';
import { commanderErrorLine } from './errors.js';
import { write, writeError } from './output.js';
import { COLOR_MODES } from './terminal.js';
import type { ArticleOrder } from '../index/article-index.js';

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
  if (
    !/^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?)?)?$/.test(value) ||
    Number.isNaN(Date.parse(value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value))
  ) {
    throw new InvalidArgumentError('expected an ISO 8601 date such as 2014-09-24 (or 2014-09, 2014).');
  }
  return value;
}

const examples = (lines: Array<[string, string]>) => {
  let pad = 0;
  for (const [command] of lines) pad = Math.max(pad, command.length + 2);
  return 'Examples:\n' + lines.map(([command, what]) => `  ${command.padEnd(pad)}${what}`).join('\n') + '\n';
};

/** What --sort can put articles in order by (see ArticleOrder). */
const ARTICLE_ORDERS = ['date', 'headline', 'slug', 'source'] as const satisfies readonly ArticleOrder[];
const ORDERS_HELP = 'date (newest first, undated last), headline, slug or source (A to Z)';
const REVERSE_HELP = 'reverse the order (undated articles, and those without a source, stay last)';

/** The options a command definition gives its action. */
type OptionsOf<C> = C extends Command<unknown[], infer Options extends OptionValues, OptionValues> ? Options : never;

/** `news` itself: the options every command shares. */
export function defineProgram(version: string) {
  return new Command('news')
    .description('Read the news in a terminal, and pipe it into scripts.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--dir <dir>', 'read (and import into) DIR instead of the bundled articles and your library (or set NEWS_DIR)')
    .addOption(new Option('--color <when>', 'colour the output').choices(COLOR_MODES).default('auto'))
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: write,
      writeErr: writeError,
      // commander's own errors in the style of every other: `news: …` (errors.ts).
      outputError: (text) => writeError(sanitizeLines(commanderErrorLine(text))),
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
}

export type Program = ReturnType<typeof defineProgram>;
export type GlobalOptions = OptionsOf<Program>;

export const defineList = (program: Program) =>
  program
    .command('list')
    .description('list articles, newest first')
    .option('-j, --json', 'print JSON Lines, one article object a line')
    .option('--format <template>', 'print each article through a template, e.g. "{slug} {headline}"')
    .option('--section <name>', 'only articles in this section')
    .option('--source <name>', 'only articles from this source')
    .option('--since <date>', 'only articles dated on or after DATE', isoDate)
    .option('--until <date>', 'only articles dated on or before DATE', isoDate)
    .option('-n, --limit <n>', 'at most N articles (the first N of the order)', positiveInt('limit'))
    .addOption(new Option('--sort <order>', `order by ${ORDERS_HELP}`).choices(ARTICLE_ORDERS).default('date' as const))
    .option('--reverse', REVERSE_HELP)
    .option('--unread', 'only articles not read yet')
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
    );
export type ListOptions = OptionsOf<ReturnType<typeof defineList>>;

export const defineBrowse = (program: Program) =>
  program
    .command('browse')
    .description('pick an article in fzf, each previewed as the cursor moves, and read it (`news` alone does this on a terminal)')
    .addOption(new Option('--sort <order>', `order by ${ORDERS_HELP}`).choices(ARTICLE_ORDERS).default('date' as const))
    .option('--reverse', REVERSE_HELP)
    .addHelpText(
      'before',
      examples([
        ['news browse', 'every article, newest first'],
        ['news browse --sort source', 'by source'],
      ]),
    )
    .addHelpText(
      'after',
      '\nKeys: type to filter; enter reads the article in the pager, ctrl-o opens it in a browser, ctrl-r marks it read.\n' +
        'Needs fzf (https://github.com/junegunn/fzf; apt install fzf, brew install fzf): exit status 1 without it.',
    );
export type BrowseOptions = OptionsOf<ReturnType<typeof defineBrowse>>;

export const defineShow = (program: Program) =>
  program
    .command('show')
    .description('print articles: headline, dateline, body and who said what')
    .argument('<slug...>', 'the article names (file names without .md); a Markdown file by its path, or - for one on stdin')
    .option('-j, --json', 'print JSON Lines, one article object a line')
    .option('--plain', 'plain text even on a terminal')
    .option('-w, --width <n>', 'wrap the body to N columns', width)
    .option('--no-pager', 'never page the output')
    .option('--mark-read', 'mark the articles read even when the output is piped (on a terminal they are)')
    .addHelpText(
      'before',
      examples([
        ['news show us-iran-is', 'read an article'],
        ['news show us-iran-is --width 72', 'wrap to 72 columns'],
        ['news show us-iran-is --json | jq .quotes', 'the quotes, as data'],
      ]),
    );
export type ShowOptions = OptionsOf<ReturnType<typeof defineShow>>;

export const defineSearch = (program: Program) =>
  program
    .command('search')
    .description('find articles: all words must match; "phrases", -word, OR, field:value')
    .argument('<query...>', 'words, "phrases", -excluded, a OR b, headline: speaker: section: source:')
    .option('-j, --json', 'print JSON Lines, one article object a line')
    .option('-n, --limit <n>', 'at most N results (default 20)', positiveInt('limit'))
    .option('--all', 'every result, however many')
    .addOption(
      new Option('--sort <order>', `order by relevance (best first), or ${ORDERS_HELP}; --limit takes the first N of that order`)
        .choices(['relevance', ...ARTICLE_ORDERS] as const)
        .default('relevance' as const),
    )
    .option('--reverse', REVERSE_HELP)
    .option('--unread', 'only articles not read yet')
    .option('--plain', 'plain text even on a terminal')
    .option('-w, --width <n>', 'wrap snippets to N columns', width)
    .option('--no-pager', 'never page the output')
    .addHelpText(
      'before',
      examples([
        ['news search iran assad', 'articles with both words'],
        ['news search \'"State Department" -syria\'', 'a phrase, without a word'],
        ['news search speaker:rouhani', 'where Rouhani is quoted'],
        ['news search headline:iran OR headline:iraq', 'either word in the headline'],
      ]),
    )
    .addHelpText('after', '\nExit status 1 when nothing matches, as with grep.');
export type SearchOptions = OptionsOf<ReturnType<typeof defineSearch>>;

export const defineQuotes = (program: Program) =>
  program
    .command('quotes')
    .description('who said what: every quotation with its speaker, across the library or in the given articles')
    .argument('[slug...]', 'only these articles')
    .option('--speaker <name>', 'only quotes by this person (every word given is a word of their name; titles aside)')
    .option('--unread', 'only quotes of articles not read yet')
    .option('-j, --json', 'print JSON Lines: each article with the quotes listed')
    .option('--plain', 'plain text even on a terminal')
    .option('-w, --width <n>', 'wrap quotations to N columns', width)
    .addOption(new Option('--sort <order>', `order the articles by ${ORDERS_HELP} (default: as named, else newest first)`).choices(ARTICLE_ORDERS))
    .option('--reverse', `${REVERSE_HELP}; quotes stay in their article's order`)
    .option('--no-pager', 'never page the output')
    .addHelpText(
      'before',
      examples([
        ['news quotes', 'every quotation in the library'],
        ['news quotes us-iran-is', 'who said what in one article'],
        ['news quotes --speaker rouhani', 'everything Rouhani is quoted as saying'],
        ['news quotes | cut -f1 | sort | uniq -c | sort -rn', 'who is quoted most'],
      ]),
    );
export type QuotesOptions = OptionsOf<ReturnType<typeof defineQuotes>>;

export const defineSpeakers = (program: Program) =>
  program
    .command('speakers')
    .description('who is quoted: each person, their quotes and the articles quoting them, most quoted first')
    .option('-j, --json', 'print JSON Lines, one object {name, quotes, articles} a line')
    .option('-n, --limit <n>', 'at most N people', positiveInt('limit'))
    .option('--plain', 'plain text even on a terminal')
    .option('--no-pager', 'never page the output')
    .addHelpText(
      'before',
      examples([
        ['news speakers', 'everyone quoted, most quoted first'],
        ['news speakers --limit 10', 'the ten most quoted'],
        ['news speakers --json | jq -r .name', 'the names, for scripts'],
      ]),
    )
    .addHelpText('after', '\nA person is counted by one name across the library: "Sen. Jo Varga", "Mr. Varga" and "Jo Varga" are one.');
export type SpeakersOptions = OptionsOf<ReturnType<typeof defineSpeakers>>;

export const defineIndex = (program: Program) =>
  program
    .command('index')
    .description('bring the search index up to date, checking every file; or rebuild it, or show what it holds')
    .option('--rebuild', 'build the index anew from the article files')
    .option('--stats', "print articles, size and last update, and where the index's bytes go")
    .option('-j, --json', 'with --stats: print the stats as one JSON object (sizes in bytes)')
    .addHelpText(
      'before',
      examples([
        ['news index', 'check every file against the index'],
        ['news index --rebuild', 'build it anew'],
        ['news index --stats', 'what it holds, and where its bytes go'],
        ['news index --stats --json', 'the same, for scripts'],
      ]),
    )
    .addHelpText('after', '\nThe index is a cache in $XDG_CACHE_HOME/news (~/.cache/news): every command keeps it up to date.');
export type IndexOptions = OptionsOf<ReturnType<typeof defineIndex>>;

export const defineCheck = (program: Program) =>
  program
    .command('check')
    .description('validate every article file; print problems as FILE:LINE: message')
    .option('-j, --json', 'print each problem as a JSON object {path, line, message}')
    .addHelpText(
      'before',
      examples([
        ['news check', 'validate the bundled articles'],
        ['news check --dir ~/news', 'validate another folder'],
      ]),
    );
export type CheckOptions = OptionsOf<ReturnType<typeof defineCheck>>;

export const defineImport = (program: Program) =>
  program
    .command('import')
    .description('import articles into your library: raw text, saved web pages and feeds, pages at a URL; print each new slug')
    .argument('<input...>', 'files (.txt raw text, .html pages, .xml/.rss/.atom/.json feeds), folders of them, or http(s) URLs')
    .option('--force', 'import again what the library has (the same URL, the same headline and body, or the slug the headline gives), replacing it')
    .option('--source <name>', 'the source of every article imported (the publisher), in place of the one it gives')
    .option('--section <name>', 'the section of every article imported, in place of the one it gives')
    .option('--tag <tag>', 'a tag for every article imported (repeat for more)', (tag: string, tags: string[] | undefined) => [...(tags ?? []), tag])
    .addHelpText(
      'before',
      examples([
        ['news import story.txt', 'one article, into ~/.local/share/news'],
        ['news import saved-page.html', 'the article of a saved web page'],
        ['news import https://example.org/news/story', 'the article at a URL'],
        ['news import feed.xml', 'one article an entry of a saved feed'],
        ['news import ~/archive', 'every raw text, page and feed file below a folder'],
        ['news import --dir ~/news ~/archive', 'into another library folder'],
        ['news import --force story.txt', 'import again, replacing the article'],
        ['news import --source BBC --section business --tag uk bbc/business', 'a folder, each article given a source, section and tag'],
      ]),
    )
    .addHelpText(
      'after',
      '\nThe library is --dir, else NEWS_DIR, else $XDG_DATA_HOME/news (~/.local/share/news).\nExit status 1 when a file cannot be imported; the others are imported all the same.',
    );
export type ImportOptions = OptionsOf<ReturnType<typeof defineImport>>;

/** `news feed` and its subcommands: the feeds a library follows. */
export const defineFeed = (program: Program) => {
  const feed = program
    .command('feed')
    .description('the feeds your library follows: add, list, remove, import and export them (news update fetches them)')
    .addHelpText(
      'before',
      examples([
        ['news feed add https://example.org/news.xml', 'follow a feed (RSS, Atom or JSON Feed)'],
        ['news feed add https://example.org/', 'follow the feed a page links to'],
        ['news feed list', 'each feed, its last update and status'],
        ['news feed import subscriptions.opml', 'follow every feed of an OPML list'],
        ['news feed export > subscriptions.opml', 'the list as OPML, for another reader'],
      ]),
    )
    .addHelpText('after', '\nThe feed list lives with the library, in LIBRARY/.news/feeds.json (never in the cache).');
  const add = feed
    .command('add')
    .description('follow a feed: its URL, or a page that links one')
    .argument('<url>', 'the feed, or a page with <link rel="alternate"> to one')
    .option('--name <name>', 'the name to call it by (default: from its title)')
    .option('--no-full-text', 'keep entries as the feed gives them, even when it gives only a summary');
  const list = feed
    .command('list')
    .description('the feeds followed: name, URL, last update, status, articles')
    .option('-j, --json', 'print JSON Lines, one feed a line')
    .option('--plain', 'plain text even on a terminal');
  const remove = feed.command('remove').description('stop following feeds (their articles stay)').argument('<feed...>', 'names or URLs');
  const importOpml = feed.command('import').description('follow every feed of an OPML subscription list').argument('<file>', 'an OPML file');
  const exportOpml = feed.command('export').description('print the feed list as OPML 2.0');
  return { add, list, remove, importOpml, exportOpml };
};
type FeedCommands = ReturnType<typeof defineFeed>;
export type FeedAddOptions = OptionsOf<FeedCommands['add']>;
export type FeedListOptions = OptionsOf<FeedCommands['list']>;

export const defineUpdate = (program: Program) =>
  program
    .command('update')
    .description('fetch the feeds your library follows and import their new entries; print each new slug')
    .argument('[feed...]', 'only these feeds (names or URLs)')
    .addHelpText(
      'before',
      examples([
        ['news update', 'every feed'],
        ['news update harbour-news', 'one feed'],
        ['news update | xargs -r news show', 'read what came in'],
      ]),
    )
    .addHelpText(
      'after',
      '\nRequests are conditional (ETag, Last-Modified): a feed that has not changed costs one short answer.\nExit status 1 when a feed failed; the others are updated all the same.',
    );

export const defineMark = (program: Program) =>
  program
    .command('mark')
    .description('mark articles read or unread: those named, or every one the filters leave (--all for every one)')
    .addArgument(new Argument('<state>', 'read or unread').choices(['read', 'unread'] as const))
    .argument('[slug...]', 'the article names')
    .option('--all', 'every article of the library')
    .option('--section <name>', 'only articles in this section')
    .option('--source <name>', 'only articles from this source')
    .option('--since <date>', 'only articles dated on or after DATE', isoDate)
    .option('--until <date>', 'only articles dated on or before DATE', isoDate)
    .addHelpText(
      'before',
      examples([
        ['news mark read us-iran-is', 'one article read'],
        ['news mark unread us-iran-is', 'unread again'],
        ['news mark read --all', 'every article read'],
        ['news mark read --until 2014-09', 'everything up to September 2014 read'],
      ]),
    )
    .addHelpText('after', '\nThe read state lives with the library, in LIBRARY/.news/read.json (never in the cache).');
export type MarkOptions = OptionsOf<ReturnType<typeof defineMark>>;

/** The shells `news completion` writes a script for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export const defineCompletion = (program: Program) =>
  program
    .command('completion')
    .description('print a shell completion script: commands, options, their values, slugs and feed names')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(SHELLS))
    .addHelpText(
      'before',
      examples([
        ['source <(news completion bash)', 'complete in this bash (put it in ~/.bashrc)'],
        ['news completion zsh > ~/.zfunc/_news', 'for zsh, in a folder of $fpath'],
        ['news completion fish > ~/.config/fish/completions/news.fish', 'for fish'],
      ]),
    )
    .addHelpText('after', '\nSlugs are completed from the index and feed names from the feed list, as the command line names the library (--dir, NEWS_DIR).');

export const defineConfig = (program: Program) =>
  program
    .command('config')
    .description('print each setting in effect and where it comes from: a flag, the environment, the settings file, the default')
    .option('-j, --json', 'print one JSON object: the settings file, and each setting with its value and source')
    .addHelpText(
      'before',
      examples([
        ['news config', 'every setting, its value and its source'],
        ['news config --json | jq .settings.color', 'one setting, for scripts'],
      ]),
    )
    .addHelpText(
      'after',
      '\nThe settings file is $XDG_CONFIG_HOME/news/config.yml (~/.config/news/config.yml): library, width, pager, color, browser,\nupdate: concurrency, feed: full-text. A flag wins over the environment, which wins over the file.',
    );
export type ConfigOptions = OptionsOf<ReturnType<typeof defineConfig>>;

export const defineOpen = (program: Program) =>
  program
    .command('open')
    .description("open an article's URL in a browser (or print it, where none can open)")
    .argument('<slug>', 'the article name')
    .addHelpText(
      'before',
      examples([
        ['news open us-iran-is', 'the article on its web site'],
        ['BROWSER=lynx news open us-iran-is', 'in another browser'],
      ]),
    )
    .addHelpText(
      'after',
      "\nThe browser is the settings file's browser (%u for the URL), else $BROWSER (a list separated by colons), else xdg-open (open on macOS).\nOver SSH with no display, and where no browser runs, the URL is printed. Only http and https URLs are opened.",
    );
