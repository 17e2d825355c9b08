// `news mark read|unread`: the read state changed by hand, for the articles
// named or for every one the filters of `news list` leave.
import type { Article } from '../../model.js';
import { openLibrary, readNamedArticles, type CommandResult, type Context } from '../context.js';
import { UsageError } from '../errors.js';
import type { MarkOptions } from '../program.js';
import { mark } from '../read-state.js';

export async function markCommand(ctx: Context, state: 'read' | 'unread', slugs: readonly string[], options: MarkOptions): Promise<CommandResult> {
  const { all = false, section, source, since, until } = options;
  const filtered = section !== undefined || source !== undefined || since !== undefined || until !== undefined;
  if (slugs.length > 0 && (all || filtered)) throw new UsageError('name articles, or give --all or filters, not both');
  if (slugs.length === 0 && !all && !filtered)
    throw new UsageError(`name the articles to mark ${state}, or give --all (or --section, --source, --since, --until)`);
  const index = await openLibrary(ctx);
  let articles: Article[];
  let failed = 0;
  try {
    if (slugs.length > 0) {
      const named = readNamedArticles(ctx, index, slugs);
      articles = named.articles;
      failed = named.failed.length;
    } else {
      // Only what makes an article's key is kept: a library of 100,000 need not be held whole.
      articles = [];
      for (const article of index.eachArticle({ section, source, since, until })) {
        articles.push({ ...article, quotes: [], body: article.url === null ? article.body : [] });
      }
    }
  } finally {
    index.close();
  }
  const changed = mark(ctx, articles, state === 'read');
  const count = (n: number) => `${n} article${n === 1 ? '' : 's'}`;
  ctx.warn(
    `news mark: ${count(articles.length)} marked ${state}${changed === articles.length ? '' : ` (${count(articles.length - changed)} ${state} already)`}`,
  );
  return { stdout: '', failed };
}
