import type { Article, Quote } from '../../model.js';
import { compareArticles } from '../../library/files.js';
import { renderQuotesTerminal, renderQuotesTsv, type QuoteRow } from '../../render/quotes.js';
import { TITLES } from '../../parse/words.js';
import { words } from '../../text/fold.js';
import { forDisplay, jsonLines, layoutFor, linesFrom, openLibrary, readNamedArticles, terminalFor, type CommandResult, type Context } from '../context.js';
import { EXIT, UsageError } from '../errors.js';

export interface QuotesOptions {
  speaker?: string;
  json?: boolean;
  plain?: boolean;
  width?: number;
  pager?: boolean;
}

/**
 * Whether a speaker is the person asked for: every word of `wanted` is a word
 * of the speaker as the article names them ("rouhani", "Hassan Rouhani" and
 * "president rouhani" all find "President Hassan Rouhani").
 */
export function speakerMatches(speaker: string | null, wanted: readonly string[]): boolean {
  if (speaker === null) return false;
  const have = new Set(words(speaker).map((w) => w.word));
  // A title the article did not use ("Mr. Rouhani") does not rule a person out.
  const names = wanted.filter((word) => !TITLES.has(word));
  return (names.length > 0 ? names : wanted).every((word) => have.has(word));
}

/** The words of a --speaker name, null when none was given; a name without a word is a usage error. */
function speakerWords(speaker: string | undefined): string[] | null {
  if (speaker === undefined) return null;
  const wanted = words(speaker).map((w) => w.word);
  if (wanted.length === 0) throw new UsageError('--speaker needs a name with letters or digits in it');
  return wanted;
}

/** The articles with only the quotes asked for; articles left with none are dropped. */
export function selectQuotes(articles: readonly Article[], speaker: string | undefined): Article[] {
  const wanted = speakerWords(speaker);
  return articles
    .map((article) => ({ ...article, quotes: article.quotes.filter((q: Quote) => wanted === null || speakerMatches(q.speaker, wanted)) }))
    .filter((article) => article.quotes.length > 0);
}

export async function quotes(ctx: Context, slugs: readonly string[], options: QuotesOptions): Promise<CommandResult> {
  const wanted = speakerWords(options.speaker); // refused before any work
  const index = await openLibrary(ctx);
  let articles: Article[];
  let failed = false;
  if (slugs.length > 0) {
    ({ articles, failed } = readNamedArticles(ctx, index, slugs));
  } else if (wanted !== null) {
    // The index narrows the library to articles quoting someone so named.
    const match = wanted.map((word) => `speakers : "${word}"`).join(' OR ');
    articles = index.search(match, [0, 0, 1, 0, 0], null).map((hit) => hit.article).sort(compareArticles);
  } else {
    const layout = options.json ? null : await layoutFor(terminalFor(ctx, options));
    if (!layout?.terminal) {
      // Every quote of the library, for a script: made an article at a time as it is written.
      const result: CommandResult = { stdout: '', exitCode: EXIT.notFound };
      const line = (article: Article) => {
        if (article.quotes.length === 0) return '';
        result.exitCode = EXIT.ok;
        if (!layout) return jsonLines([article]);
        return renderQuotesTsv(forDisplay([article]).flatMap((shown) => shown.quotes.map((quote) => ({ article: shown, quote }))), layout.style);
      };
      result.more = linesFrom(index, index.eachArticle(), line);
      return result;
    }
    // On a terminal every row is needed first, to be paged; bodies are not.
    articles = [];
    for (const article of index.eachArticle()) if (article.quotes.length > 0) articles.push({ ...article, body: [] });
  }
  index.close();
  const selected = selectQuotes(articles, options.speaker);
  const exitCode = failed || selected.length === 0 ? EXIT.notFound : EXIT.ok;
  if (options.json) return { stdout: jsonLines(selected), exitCode };
  const rows: QuoteRow[] = forDisplay(selected).flatMap((article) => article.quotes.map((quote) => ({ article, quote })));
  const layout = await layoutFor(terminalFor(ctx, options));
  const stdout = layout.terminal ? renderQuotesTerminal(rows, layout) : renderQuotesTsv(rows, layout.style);
  return { stdout, exitCode, pageable: options.pager !== false };
}
