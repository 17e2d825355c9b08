// `news feed add | list | remove | import | export`: the feeds a library
// follows. The list is the library's own data (library/feeds.ts); fetching
// is done only by `add`, to find and check the feed.
import { readFileSync } from 'node:fs';
import { feedName, findFeed, loadFeeds, lockFeeds, newFeed, saveFeeds, type FeedList, type FeedRecord } from '../../library/feeds.js';
import { sanitize, toJsonLine } from '../../text/sanitize.js';
import { minuteOf } from '../../render/fields.js';
import { renderFeedsTable, renderFeedsTsv, type DisplayFeedRow } from '../../render/feeds.js';
import { formatFor, layoutFor, openLibrary, terminalFor, type CommandResult, type Context } from '../context.js';
import type { Output } from '../output.js';
import type { FormatOf } from '../terminal.js';
import { FailedError, UsageError } from '../errors.js';
import type { FeedAddOptions, FeedListOptions } from '../program.js';

/** The library whose feeds these are: where `news import` writes. */
function libraryOf(ctx: Context): string {
  if (ctx.importDir === '') throw new UsageError('no library: set HOME or XDG_DATA_HOME, or give --dir DIR');
  return ctx.importDir;
}

/** Runs a change of the feed list under the library's lock, saving it after. */
function changeFeeds<T>(ctx: Context, change: (list: FeedList) => T): T {
  const library = libraryOf(ctx);
  const release = lockFeeds(library);
  try {
    const list = loadFeeds(library);
    const result = change(list);
    saveFeeds(library, list);
    return result;
  } finally {
    release();
  }
}

function readFeeds(ctx: Context): FeedList {
  return loadFeeds(libraryOf(ctx));
}

/** `news feed add URL`: finds the feed (the URL's own, or the first a page links), checks it parses, and follows it. */
export async function feedAdd(ctx: Context, url: string, options: FeedAddOptions): Promise<CommandResult> {
  if (!/^https?:\/\//i.test(url)) throw new UsageError(`not an http(s) URL: ${sanitize(url)}`);
  const already = findFeed(readFeeds(ctx), url);
  if (already !== undefined) throw new FailedError(`already followed, as ${sanitize(already.name)}`);
  const { httpClient, fetchForImport } = await import('../web.js');
  const web = await import('../../web/index.js');
  const { fetchResource, FEED_ACCEPT, FetchError, findFeedLinks } = web;
  const client = await httpClient(ctx);
  let feedUrl = url;
  let title: string | null;
  let site: string | null;
  try {
    let answer = await (await fetchForImport(client))(url);
    if (web.kindOfResponse(answer.contentType, answer.body) === 'page') {
      const links = findFeedLinks(new TextDecoder().decode(answer.body), answer.url);
      if (links.length === 0) throw new FailedError(`${sanitize(url)}: a page that links no feed (no <link rel="alternate"> to RSS, Atom or JSON Feed)`);
      feedUrl = links[0]!.url;
      answer = await fetchResource(feedUrl, { accept: FEED_ACCEPT }, client);
    } else if (answer.permanentRedirect !== undefined) {
      feedUrl = answer.permanentRedirect;
    }
    const feed = web.readFeed(answer.body, { url: answer.url, contentType: answer.contentType });
    title = feed.title;
    site = feed.link;
  } catch (error) {
    if (error instanceof FetchError) throw new FailedError(error.message);
    if (error instanceof web.NotImportable) throw new FailedError(`${sanitize(feedUrl)}: ${error.message}`);
    throw error;
  } finally {
    await client.close();
  }
  const name = changeFeeds(ctx, (list) => {
    const other = findFeed(list, feedUrl);
    if (other !== undefined) throw new FailedError(`already followed, as ${sanitize(other.name)}`);
    if (options.name !== undefined && findFeed(list, options.name) !== undefined) throw new FailedError(`a feed is named ${sanitize(options.name)} already`);
    const record = newFeed(options.name ?? feedName(list, title ?? new URL(feedUrl).hostname), feedUrl, options.fullText !== false);
    record.title = title;
    record.site = site;
    list.feeds.push(record);
    return record.name;
  });
  ctx.warn(sanitize(`news feed: following ${name} (${feedUrl}); news update fetches it`));
  return { stdout: `${sanitize(name)}\n` };
}

/**
 * A feed as `news feed list --json` prints it: the record without the entries
 * it has seen, how many articles it gave, and how many of those are unread
 * (when counted).
 */
function feedSummary(feed: FeedRecord, unread?: (slugs: ReadonlySet<string>) => number) {
  const { seen, ...rest } = feed;
  const slugs = new Set(Object.values(seen));
  return { ...rest, articles: slugs.size, ...(unread && { unread: unread(slugs) }) };
}

/**
 * How many of the articles a feed wrote are unread. A feed's articles are the
 * slugs its record says it wrote (articles keep no link to their feed): one
 * renamed or removed since is not counted.
 */
async function unreadCounter(ctx: Context, feeds: readonly FeedRecord[], strict: boolean): Promise<(slugs: ReadonlySet<string>) => number> {
  const { unreadTest, unreadTestOrWarn } = await import('../read-state.js');
  const isUnread = strict ? unreadTest(ctx) : unreadTestOrWarn(ctx);
  const index = await openLibrary(ctx);
  const unread = new Set<string>();
  try {
    // Only the articles the feeds wrote are read, one by one: not the whole library.
    for (const feed of feeds) {
      for (const slug of Object.values(feed.seen)) {
        if (unread.has(slug)) continue;
        const article = index.get(slug);
        if (article !== null && isUnread(article)) unread.add(slug);
      }
    }
  } finally {
    index.close();
  }
  return (slugs) => {
    let count = 0;
    for (const slug of slugs) if (unread.has(slug)) count++;
    return count;
  };
}

/** `news feed list`: the unread counts in JSON and on a terminal (the tab-separated columns are as they were). */
export async function feedList(ctx: Context, options: FeedListOptions): Promise<CommandResult> {
  const format = formatFor(ctx, options);
  const records = readFeeds(ctx).feeds;
  const counter = format !== 'plain' && records.length > 0 ? await unreadCounter(ctx, records, format === 'json') : undefined;
  const feeds = records.map((feed) => feedSummary(feed, counter));
  const shown = (): DisplayFeedRow[] =>
    feeds.map((feed) => ({
      name: sanitize(feed.name),
      url: sanitize(feed.url),
      updated: sanitize(feed.updated === null ? 'never' : minuteOf(feed.updated)),
      status: sanitize(feed.status ?? 'not fetched yet'),
      articles: feed.articles,
      unread: feed.unread,
    }));
  const output = {
    json: async () => ({ stdout: feeds.map((feed) => toJsonLine(feed) + '\n').join('') }),
    plain: async () => ({ stdout: renderFeedsTsv(shown()) }),
    terminal: async () => {
      if (feeds.length === 0) ctx.warn('news feed: this library follows no feed (news feed add URL)');
      return { stdout: feeds.length === 0 ? '' : renderFeedsTable(shown(), await layoutFor(terminalFor(ctx, options))) };
    },
  } satisfies Record<FormatOf<FeedListOptions>, () => Promise<Output>>;
  // As before: JSON Lines of no feed is "nothing found" (exit 1); the lists for people are not.
  return { ...(await output[format]()), ...(format === 'json' ? { found: feeds.length } : {}) };
}

/** `news feed remove NAME|URL...`. */
export async function feedRemove(ctx: Context, names: readonly string[]): Promise<CommandResult> {
  const removed = changeFeeds(ctx, (list) => {
    const gone: string[] = [];
    for (const name of names) {
      const feed = findFeed(list, name);
      if (feed === undefined) throw new FailedError(`this library follows no feed named ${sanitize(JSON.stringify(name))}`);
      list.feeds.splice(list.feeds.indexOf(feed), 1);
      gone.push(feed.name);
    }
    return gone;
  });
  for (const name of removed) ctx.warn(sanitize(`news feed: no longer following ${name} (its articles stay)`));
  return { stdout: '' };
}

/** `news feed import FILE.opml`: follows each feed of the list not followed yet; prints each new name. */
export async function feedImport(ctx: Context, file: string): Promise<CommandResult> {
  const { parseOpmlDocument, FeedError } = await import('../../web/index.js');
  let text: Buffer;
  try {
    text = readFileSync(file);
  } catch (error) {
    throw new FailedError(`cannot read ${sanitize(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let document;
  try {
    document = parseOpmlDocument(text);
  } catch (error) {
    if (error instanceof FeedError) throw new FailedError(`${sanitize(file)}${error.line !== undefined ? `:${error.line}` : ''}: ${sanitize(error.message)}`);
    throw error;
  }
  for (const skipped of document.skipped) ctx.warn(sanitize(`news feed: ${file}: ${skipped}`));
  const added = changeFeeds(ctx, (list) => {
    const names: string[] = [];
    for (const entry of document.feeds) {
      if (findFeed(list, entry.xmlUrl) !== undefined) continue;
      const record = newFeed(feedName(list, entry.title ?? new URL(entry.xmlUrl).hostname), entry.xmlUrl, true);
      record.title = entry.title;
      record.site = entry.htmlUrl;
      list.feeds.push(record);
      names.push(record.name);
    }
    return names;
  });
  ctx.warn(`news feed: ${added.length} feed${added.length === 1 ? '' : 's'} added, ${document.feeds.length - added.length} followed already`);
  return { stdout: added.map((name) => sanitize(name) + '\n').join('') };
}

/** `news feed export`: OPML 2.0 on stdout. */
export async function feedExport(ctx: Context): Promise<CommandResult> {
  const { writeOpml } = await import('../../web/index.js');
  const feeds = readFeeds(ctx).feeds.map((feed) => ({ title: feed.title ?? feed.name, xmlUrl: feed.url, htmlUrl: feed.site }));
  return { stdout: writeOpml(feeds, { title: 'news feeds' }) };
}
