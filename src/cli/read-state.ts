// Read state for the commands: which library keeps it (the one `news import`
// writes to, whose data folder holds the feed list too), what is unread, and
// marking. Loaded only by the commands that need it: a piped `news list`
// without --unread never reads the state.
import type { Article } from '../model.js';
import { LibraryError } from '../library/names.js';
import { loadReadState, markArticles, readKeyOf } from '../library/read-state.js';
import { sanitize } from '../text/sanitize.js';
import type { Context } from './context.js';
import { UsageError } from './errors.js';

/** Whether an article is unread, by the library's read state. */
export type UnreadTest = (article: Pick<Article, 'url' | 'headline' | 'body'>) => boolean;

/** The test of what is unread in the library's state; with no library (no HOME), everything is unread. */
export function unreadTest(ctx: Context): UnreadTest {
  if (ctx.importDir === '') return () => true;
  const state = loadReadState(ctx.importDir);
  if (state.size === 0) return () => true;
  return (article) => !state.has(readKeyOf(article));
}

/** As unreadTest, for output that only shows the state: a state that cannot be read is a warning, and everything unread. */
export function unreadTestOrWarn(ctx: Context): UnreadTest {
  try {
    return unreadTest(ctx);
  } catch (error) {
    if (!(error instanceof LibraryError)) throw error;
    ctx.warn(`news: warning: ${sanitize(error.message)}`);
    return () => true;
  }
}

/** The unread of `items`, at most `limit` of them, read one at a time. */
export function* unreadOnly<T>(items: Iterable<T>, unread: (item: T) => boolean, limit?: number): Generator<T> {
  if (limit === 0) return;
  let kept = 0;
  for (const item of items) {
    if (!unread(item)) continue;
    yield item;
    if (++kept === limit) return;
  }
}

/** Marks articles read or unread in the library's state; returns how many changed. */
export function mark(ctx: Context, articles: Iterable<Pick<Article, 'url' | 'headline' | 'body'>>, read: boolean): number {
  if (ctx.importDir === '') throw new UsageError('no library to keep read state in: set HOME or XDG_DATA_HOME, or give --dir DIR');
  const keys: string[] = [];
  for (const article of articles) keys.push(readKeyOf(article));
  return markArticles(ctx.importDir, keys, read);
}

/** Marks what a person was shown as read; a state that cannot be written is a warning, not a failed show. */
export function markShown(ctx: Context, articles: ReadonlyArray<Pick<Article, 'url' | 'headline' | 'body'>>): void {
  if (articles.length === 0 || ctx.importDir === '') return;
  try {
    mark(ctx, articles, true);
  } catch (error) {
    if (!(error instanceof LibraryError)) throw error;
    ctx.warn(`news: warning: not marked read: ${sanitize(error.message)}`);
  }
}
