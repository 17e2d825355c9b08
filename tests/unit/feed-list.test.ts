import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedName, findFeed, loadFeeds, lockFeeds, newFeed, saveFeeds } from '../../src/library/feeds.js';
import { dataFolder } from '../../src/library/userdata.js';

let library: string;
beforeEach(() => {
  library = mkdtempSync(join(tmpdir(), 'news-feeds-'));
});
afterEach(() => rmSync(library, { recursive: true, force: true }));

describe('the feed list', () => {
  it('is empty in a library that follows no feed, and writes nothing to say so', () => {
    expect(loadFeeds(library)).toEqual({ feeds: [] });
    expect(readdirSync(library)).toEqual([]);
  });

  it('keeps what is saved, in the library data folder, with no temporary file left', () => {
    const feed = {
      ...newFeed('harbour-news', 'http://127.0.0.1:9/feed.xml', true, new Date('2026-01-02T03:04:05Z')),
      etag: 'W/"a1"',
      seen: { 'tag:a,1': 'storm-closes-port' },
    };
    saveFeeds(library, { feeds: [feed] });
    expect(loadFeeds(library)).toEqual({ feeds: [feed] });
    expect(readdirSync(dataFolder(library))).toEqual(['feeds.json']);
  });

  it('names the file and line of a damaged list, and does not treat it as empty', () => {
    mkdirSync(dataFolder(library));
    writeFileSync(join(dataFolder(library), 'feeds.json'), '{\n  "version": 1,\n  "feeds": [\n    {"name": "a",\n  ]\n}\n');
    expect(() => loadFeeds(library)).toThrow(/feeds\.json:5: not valid JSON/);
    expect(() => saveFeeds(library, { feeds: [] })).not.toThrow();
  });

  it('refuses a feed without a url, naming it', () => {
    mkdirSync(dataFolder(library));
    writeFileSync(join(dataFolder(library), 'feeds.json'), JSON.stringify({ version: 1, feeds: [{ name: 'x', url: 'http://h/' }, { name: 'y' }] }));
    expect(() => loadFeeds(library)).toThrow(/feed 2: needs a "name" and a "url"/);
  });

  it('finds a feed by name or by url', () => {
    const list = { feeds: [newFeed('one', 'http://h/1', true), newFeed('two', 'http://h/2', true)] };
    expect(findFeed(list, 'two')?.url).toBe('http://h/2');
    expect(findFeed(list, 'http://h/1')?.name).toBe('one');
    expect(findFeed(list, 'three')).toBeUndefined();
  });

  it('makes names from titles, unique in the library', () => {
    const list = { feeds: [newFeed('valley-gazette', 'http://h/1', true)] };
    expect(feedName(list, 'Valley Gazette')).toBe('valley-gazette-2');
    expect(feedName(list, 'Ça Bouge · Région')).toBe('ca-bouge-region');
    expect(feedName(list, '!!!')).toBe('feed');
  });
});

describe('the update lock', () => {
  it('lets one update at a time hold it, and is free again once released', () => {
    const release = lockFeeds(library);
    expect(() => lockFeeds(library)).toThrow(/another update of this library is running/);
    release();
    lockFeeds(library)();
  });

  it('is taken over from a process that is gone', () => {
    mkdirSync(dataFolder(library));
    // Process ids are below 2^22 on Linux: this one cannot be running.
    writeFileSync(join(dataFolder(library), 'update.lock'), '99999999');
    const release = lockFeeds(library);
    expect(readFileSync(join(dataFolder(library), 'update.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
