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
  let articles: Article[];
  let failed: string[] = [];
  if (slugs.length > 0) {
    ({ articles, failed } = readNamedArticles(ctx, index, slugs));
  } else if (options.speaker !== undefined) {
    articles = articlesQuoting(index, options.speaker);
  } else if (format !== 'terminal') {
    return everyQuote(ctx, index, options, format);
  } else {
    // On a terminal every row is needed first, to be paged; bodies are not.
    articles = [];
    for (const article of index.eachArticle()) if (article.quotes.length > 0) articles.push({ ...article, body: [] });
  }
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
    if (article.quotes.length === 0) return '';
    found.count++;
    return line(article);
  };
  return { stdout: '', more: linesFrom(index, index.eachArticle(), counted), found };
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
