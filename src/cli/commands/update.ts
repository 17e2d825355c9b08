// `news update`: every followed feed fetched and its new entries imported
// (library/update.ts); this module prints the slugs as they come, a line for
// each failed feed, and on a terminal a progress line and a summary.
import { setMaxListeners } from 'node:events';
import { updateFeeds, type FeedOutcome } from '../../library/update.js';
import type { FeedRecord } from '../../library/feeds.js';
import { minuteOf } from '../../render/fields.js';
import { sanitize } from '../../text/sanitize.js';
import { concurrencySetting } from '../config.js';
import type { CommandResult, Context } from '../context.js';
import { libraryUrls } from './import.js';
import { InterruptedError, UsageError } from '../errors.js';
import { BrokenPipe, write } from '../output.js';
import { StatusLine } from '../status-line.js';
import { fetchForImport, httpClient } from '../web.js';

/** When a failed feed is asked again, said the way the user reads it. */
function retryWords(outcome: Extract<FeedOutcome, { kind: 'failed' }>): string {
  return outcome.retryAt === null ? 'tried again at the next update' : `not asked again before ${minuteOf(outcome.retryAt)} UTC (the server asked to wait)`;
}

export async function updateCommand(ctx: Context, names: readonly string[]): Promise<CommandResult> {
  if (ctx.importDir === '') throw new UsageError('no library: set HOME or XDG_DATA_HOME, or give --dir DIR');
  const terminal = ctx.stderr.isTTY;
  const stop = new AbortController();
  // Every request under way or waiting for its turn listens for the stop: as
  // many as there are feeds and pages, each removed when its request ends.
  setMaxListeners(0, stop.signal);
  // Ctrl-C ends the requests under way; articles written are whole and the feed list is saved.
  const onInterrupt = () => stop.abort();
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onInterrupt);
  const client = await httpClient(ctx, { maxConcurrent: concurrencySetting(ctx.config).value });
  const { fetchResource, FEED_ACCEPT, FetchError } = await import('../../web/index.js');
  let listening = true;
  const progress = new StatusLine({ interrupt: true });
  const counts = { done: 0, total: 0, failed: 0, notModified: 0, skipped: 0, stopped: 0, withNew: 0 };
  let result;
  try {
    result = await updateFeeds(ctx.importDir, names, {
      fetchFeed: (url, validators) => fetchResource(url, { accept: FEED_ACCEPT, ...validators, signal: stop.signal }, client),
      fetchPage: await fetchForImport(client, stop.signal),
      refusal: (error) => (error instanceof FetchError ? { message: error.message, retryAt: error.retryAt } : null),
      knownUrls: () => libraryUrls(ctx),
      now: () => new Date(),
      signal: stop.signal,
      onStart: (feeds) => {
        counts.total = feeds;
      },
      onArticle: (slug) => {
        if (!listening) return;
        progress.clear();
        try {
          write(slug + '\n');
        } catch (error) {
          if (!(error instanceof BrokenPipe)) throw error;
          listening = false;
        }
      },
      onWarning: (line) => {
        progress.clear();
        ctx.warn(sanitize(`news update: ${line}`));
      },
      onFeed: (feed: FeedRecord, outcome: FeedOutcome) => {
        counts.done++;
        if (outcome.kind === 'failed') {
          counts.failed++;
          progress.clear();
          ctx.warn(sanitize(`news update: ${feed.name}: ${outcome.message}; ${retryWords(outcome)}`));
        } else if (outcome.kind === 'not-modified') counts.notModified++;
        else if (outcome.kind === 'skipped') {
          counts.skipped++;
          progress.clear();
          ctx.warn(sanitize(`news update: ${feed.name}: skipped until ${minuteOf(outcome.until)} UTC (the server asked to wait)`));
        } else if (outcome.kind === 'stopped') counts.stopped++;
        else if (outcome.added > 0) counts.withNew++;
        if (terminal) {
          progress.show(`updating feeds ${counts.done}/${counts.total}`);
        }
      },
    });
  } finally {
    progress.clear();
    process.removeListener('SIGINT', onInterrupt);
    process.removeListener('SIGTERM', onInterrupt);
    await client.close();
  }
  const total = result.feeds.length;
  if (total === 0) ctx.warn('news update: this library follows no feed (news feed add URL)');
  else if (terminal || stop.signal.aborted) {
    const parts = [`${result.added} new article${result.added === 1 ? '' : 's'} from ${counts.withNew} of ${total} feed${total === 1 ? '' : 's'}`];
    if (counts.notModified > 0) parts.push(`${counts.notModified} unchanged`);
    if (counts.failed > 0) parts.push(`${counts.failed} failed`);
    if (counts.skipped > 0) parts.push(`${counts.skipped} skipped`);
    if (counts.stopped > 0) parts.push(`${counts.stopped} stopped`);
    ctx.warn(`news update: ${parts.join(', ')}`);
  }
  if (stop.signal.aborted) throw new InterruptedError('update stopped; the articles written are kept and the feed list is saved');
  return { stdout: '', failed: counts.failed };
}
