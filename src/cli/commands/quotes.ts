import type { Article } from '../../model.js';
import { renderQuotesTerminal, renderQuotesTsv, type QuoteRow } from '../../render/quotes.js';
import { QueryError } from '../../search/query.js';
import { articlesQuoting, selectQuotes, speakerWords } from '../../search/speakers.js';
import type { ArticleIndex } from '../../index/article-index.js';
import type { DisplayArticle } from '../../text/sanitize.js';
import {
  forDisplay,
  formatFor,
  jsonLines,
  layoutFor,
  linesFrom,
  openLibrary,
  readNamedArticles,
  terminalFor,
  type CommandResult,
  type Context,
} from '../context.js';
import { UsageError } from '../errors.js';
import { Tally } from '../exit.js';
import type { Output } from '../output.js';
import type { QuotesOptions } from '../program.js';
import type { FormatOf } from '../terminal.js';

// tests/unit/properties.test.ts imports it from here.
export { selectQuotes };

export async function quotes(ctx: Context, slugs: readonly string[], options: QuotesOptions): Promise<CommandResult> {
  if (options.speaker !== undefined) checkSpeaker(options.speaker); // refused before any work
  const index = await openLibrary(ctx);
  const format = formatFor(ctx, options);
  const isUnread = options.unread === true ? (await import('../read-state.js')).unreadTest(ctx) : null;
  let articles: Article[];
  let failed: string[] = [];
  if (slugs.length > 0) {
    ({ articles, failed } = readNamedArticles(ctx, index, slugs));
    if (isUnread !== null) articles = articles.filter(isUnread);
  } else if (options.speaker !== undefined) {
    articles = articlesQuoting(index, options.speaker);
    if (isUnread !== null) articles = articles.filter(isUnread);
  } else if (format !== 'terminal') {
    return everyQuote(ctx, index, options, format, isUnread);
  } else {
    // On a terminal every row is needed first, to be paged; bodies are not.
    articles = [];
    for (const article of index.eachArticle(listOrder(options))) {
      if (article.quotes.length > 0 && (isUnread === null || isUnread(article))) articles.push({ ...article, body: [] });
    }
  }
  articles = inOrder(index, articles, options, slugs.length > 0);
  index.close();
  const selected = selectQuotes(articles, options.speaker);
  const output = {
    json: async () => ({ stdout: jsonLines(selected) }),
    plain: async () => ({
      stdout: renderQuotesTsv(quoteRows(forDisplay(selected)), (await layoutFor(terminalFor(ctx, options))).style),
      pageable: options.pager,
    }),
    terminal: async () => ({
      stdout: renderQuotesTerminal(quoteRows(forDisplay(selected)), await layoutFor(terminalFor(ctx, options))),
      pageable: options.pager,
    }),
  } satisfies Record<FormatOf<QuotesOptions>, () => Promise<Output>>;
  return { ...(await output[format]()), found: selected.length, failed: failed.length };
}

const quoteRows = (articles: readonly DisplayArticle[]): QuoteRow[] => articles.flatMap((article) => article.quotes.map((quote) => ({ article, quote })));

/**
 * Every quote of the library, for a script: made an article at a time as it
 * is written, the articles quoting anyone counted as they are.
 */
async function everyQuote(
  ctx: Context,
  index: ArticleIndex,
  options: QuotesOptions,
  format: Exclude<FormatOf<QuotesOptions>, 'terminal'>,
  isUnread: ((article: Article) => boolean) | null,
): Promise<CommandResult> {
  const lines = {
    json: async () => (article: Article) => jsonLines([article]),
    plain: async () => {
      const { style } = await layoutFor(terminalFor(ctx, options));
      return (article: Article) => renderQuotesTsv(quoteRows(forDisplay([article])), style);
    },
  } satisfies Record<typeof format, () => Promise<(article: Article) => string>>;
  const line = await lines[format]();
  const found = new Tally();
  const counted = (article: Article) => {
    if (article.quotes.length === 0 || (isUnread !== null && !isUnread(article))) return '';
    found.count++;
    return line(article);
  };
  return { stdout: '', more: linesFrom(index, index.eachArticle(listOrder(options)), counted), found };
}

/** The order of the library's articles: --sort (newest first unless it says otherwise), --reverse. */
const listOrder = (options: QuotesOptions) => ({ sort: options.sort ?? 'date', reverse: options.reverse ?? false });

/**
 * Articles in the order asked. Without --sort, articles named are kept in the
 * order named (--reverse reverses it), others newest first; with it, they go
 * in the order `news list --sort` gives.
 */
function inOrder(index: ArticleIndex, articles: Article[], options: QuotesOptions, named: boolean): Article[] {
  if (options.sort === undefined && (named || options.reverse !== true)) return options.reverse === true ? [...articles].reverse() : articles;
  const { sort, reverse } = listOrder(options);
  const rank = new Map(index.inOrder([...new Set(articles.map((article) => article.slug))], sort, reverse).map((slug, at) => [slug, at]));
  return [...articles].sort((a, b) => rank.get(a.slug)! - rank.get(b.slug)!);
}

/** A --speaker name without a word is a usage error. */
function checkSpeaker(name: string): void {
  try {
    speakerWords(name);
  } catch (error) {
    if (error instanceof QueryError) throw new UsageError('--speaker needs a name with letters or digits in it');
    throw error;
  }
}
