// `news update`: each followed feed fetched (conditionally: a feed that has
// not changed answers 304 and costs nothing more), its new entries written as
// articles, and what it answered kept in the feed list. One feed's failure
// never stops the others. The feed list is saved once every feed is done, and
// also when the update is stopped (Ctrl-C): an article is written whole
// before its entry is marked seen, and an entry written but not yet marked is
// recognised next time by its URL.
import { draftFileText } from '../parse/markdown-escape.js';
import { slugFromPath } from '../parse/slug.js';
import { findFeed, loadFeeds, lockFeeds, saveFeeds, type FeedList, type FeedRecord } from './feeds.js';
import { LibraryWriter, urlKey, type Fetched } from './import.js';
import { LibraryError } from './names.js';

/** A fetched feed or page, and the validators to keep. */
export interface Answer extends Fetched {
  notModified: boolean;
  /** Where the feed now lives, when it moved for good. */
  permanentRedirect?: string;
  etag?: string;
  lastModified?: string;
}

/** A failed request: its message names the URL and what it answered; `retryAt` when the server asked to wait. */
export interface Refusal {
  message: string;
  retryAt?: Date;
}

export interface UpdateDeps {
  /** A feed, conditionally on the validators given. Throws; `refusal` reads what it threw. */
  fetchFeed(url: string, validators: { etag?: string; lastModified?: string }): Promise<Answer>;
  /** An entry's page, for feeds that give only a summary. */
  fetchPage(url: string): Promise<Fetched>;
  /** What a thrown fetch error says, or null for an error that is not a fetch's (a bug: rethrown). */
  refusal(error: unknown): Refusal | null;
  /** The library's articles by URL (urlKey) to their files. */
  knownUrls(): Promise<Map<string, string>>;
  now(): Date;
  signal?: AbortSignal;
  onArticle?(slug: string, feed: FeedRecord): void;
  /** Something worked around, worth a line on stderr (an entry's page that could not be read). */
  onWarning?(line: string): void;
  onFeed?(feed: FeedRecord, outcome: FeedOutcome): void;
  /** How many feeds are to be updated, once they are known. */
  onStart?(feeds: number): void;
}

export type FeedOutcome =
  | { kind: 'updated'; added: number }
  | { kind: 'not-modified' }
  | { kind: 'skipped'; until: string }
  | { kind: 'failed'; message: string; retryAt: string | null }
  | { kind: 'stopped' };

export interface UpdateResult {
  feeds: Array<{ feed: FeedRecord; outcome: FeedOutcome }>;
  added: number;
}

/**
 * Updates the named feeds of a library (by name or URL), or all of them.
 * Throws LibraryError for a name the library does not follow, before any
 * request.
 */
export async function updateFeeds(library: string, names: readonly string[], deps: UpdateDeps): Promise<UpdateResult> {
  const release = lockFeeds(library);
  try {
    const list = loadFeeds(library);
    const selected = selectFeeds(list, names);
    deps.onStart?.(selected.length);
    const web = await import('../web/index.js');
    let writer: LibraryWriter | null = null;
    // The library's URLs are read once, when the first feed has entries, and
    // kept up to date with what this update writes.
    let known: Promise<Map<string, string>> | null = null;
    const knownUrls = () => (known ??= deps.knownUrls());
    const result: UpdateResult = { feeds: [], added: 0 };
    const updateOne = async (feed: FeedRecord): Promise<FeedOutcome> => {
      const now = deps.now();
      if (feed.retryAt !== null && Date.parse(feed.retryAt) > now.getTime()) return { kind: 'skipped', until: feed.retryAt };
      feed.checked = now.toISOString();
      let answer: Answer;
      try {
        answer = await deps.fetchFeed(feed.url, { etag: feed.etag ?? undefined, lastModified: feed.lastModified ?? undefined });
      } catch (error) {
        if (deps.signal?.aborted) return { kind: 'stopped' };
        const refusal = deps.refusal(error);
        if (refusal === null) throw error;
        return failed(feed, refusal.message, refusal.retryAt ?? null);
      }
      if (answer.permanentRedirect !== undefined) feed.url = answer.permanentRedirect;
      feed.etag = answer.etag ?? null;
      feed.lastModified = answer.lastModified ?? null;
      if (answer.notModified) return succeeded(feed, 'not modified', { kind: 'not-modified' }, now);
      let parsed;
      try {
        parsed = web.readFeed(answer.body, { url: answer.url, contentType: answer.contentType });
      } catch (error) {
        if (!(error instanceof web.NotImportable)) throw error;
        // Its validators would make the next request a 304 for a body that is no feed.
        feed.etag = feed.lastModified = null;
        return failed(feed, `${feed.url}: ${error.message}`, null);
      }
      const broken = parsed.warnings.find((warning) => warning.startsWith('not well-formed'));
      if (broken !== undefined && parsed.entries.length === 0) {
        feed.etag = feed.lastModified = null;
        return failed(feed, `${feed.url}: ${broken.replace(/; read as far as it goes$/, '')}`, null);
      }
      if (broken !== undefined) deps.onWarning?.(`${feed.name}: ${broken}`);
      feed.title = parsed.title;
      feed.site = parsed.link;
      let added = 0;
      for (const entry of parsed.entries) {
        if (deps.signal?.aborted) break;
        if (Object.hasOwn(feed.seen, entry.id)) continue;
        const key = urlKey(entry.link);
        const existing = key === null ? undefined : (await knownUrls()).get(key);
        if (existing !== undefined) {
          feed.seen[entry.id] = slugFromPath(existing);
          continue;
        }
        let body: readonly string[] = web.entryParagraphs(entry);
        let page;
        if (feed.fullText && entry.link !== null && web.isSummaryOnly(body)) {
          try {
            const fetched = await deps.fetchPage(entry.link);
            page = web.pageDraft(fetched.body, { url: fetched.url, contentType: fetched.contentType });
            body = page.body;
          } catch (error) {
            if (deps.signal?.aborted) break;
            const why = error instanceof web.NotImportable ? error.message : deps.refusal(error)?.message;
            if (why === undefined) throw error;
            deps.onWarning?.(`${feed.name}: the page of "${entry.title ?? entry.link}" was not read (${why}); its summary is kept`);
          }
        }
        if (body.length === 0 && entry.title === null) continue;
        const draft = web.entryDraft(entry, parsed, body, page);
        writer ??= new LibraryWriter(library, false);
        const written = writer.write(draft.headline, draftFileText(draft));
        feed.seen[entry.id] = written.slug;
        if (key !== null) (await knownUrls()).set(key, written.path);
        added++;
        result.added++;
        deps.onArticle?.(written.slug, feed);
      }
      if (deps.signal?.aborted) return { kind: 'stopped' };
      return succeeded(feed, 'ok', { kind: 'updated', added }, now);
    };
    try {
      await Promise.all(
        selected.map(async (feed) => {
          const outcome = await updateOne(feed);
          result.feeds.push({ feed, outcome });
          deps.onFeed?.(feed, outcome);
        }),
      );
    } finally {
      saveFeeds(library, list);
    }
    return result;
  } finally {
    release();
  }
}

function selectFeeds(list: FeedList, names: readonly string[]): FeedRecord[] {
  if (names.length === 0) return list.feeds;
  const selected: FeedRecord[] = [];
  for (const name of names) {
    const feed = findFeed(list, name);
    if (feed === undefined) throw new LibraryError(`this library follows no feed named ${JSON.stringify(name)} (news feed list shows the feeds)`);
    if (!selected.includes(feed)) selected.push(feed);
  }
  return selected;
}

function succeeded(feed: FeedRecord, status: string, outcome: FeedOutcome, now: Date): FeedOutcome {
  feed.status = status;
  feed.updated = now.toISOString();
  feed.failures = 0;
  feed.retryAt = null;
  return outcome;
}

function failed(feed: FeedRecord, message: string, retryAt: Date | null): FeedOutcome {
  feed.status = message;
  feed.failures++;
  feed.retryAt = retryAt === null ? null : retryAt.toISOString();
  return { kind: 'failed', message, retryAt: feed.retryAt };
}
