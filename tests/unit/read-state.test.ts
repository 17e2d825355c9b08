import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadReadState, markArticles, readKeyOf } from '../../src/library/read-state.js';
import { dataFolder } from '../../src/library/userdata.js';
import { unreadOnly } from '../../src/cli/read-state.js';

let library: string;
beforeEach(() => {
  library = mkdtempSync(join(tmpdir(), 'news-read-'));
});
afterEach(() => rmSync(library, { recursive: true, force: true }));

const article = (over: { url?: string | null; headline?: string; body?: string[] } = {}) => ({
  url: null,
  headline: 'Storm closes port',
  body: ['The port closed at noon.', 'Ferries stayed in.'],
  ...over,
});

describe('the key of an article', () => {
  it('is its URL when it has one, without the fragment and with the host in lower case', () => {
    expect(readKeyOf(article({ url: 'https://Example.ORG/news/storm#top' }))).toBe('url:https://example.org/news/storm');
    expect(readKeyOf(article({ url: 'https://example.org/news/storm', headline: 'Other', body: [] }))).toBe('url:https://example.org/news/storm');
  });

  it('is a hash of its headline and body without one: the same text, the same key, whatever the file', () => {
    const key = readKeyOf(article());
    expect(key).toMatch(/^text:[0-9a-f]{32}$/);
    expect(readKeyOf(article())).toBe(key);
    expect(readKeyOf(article({ body: ['The port closed at noon.'] }))).not.toBe(key);
    expect(readKeyOf(article({ headline: 'Storm shuts port' }))).not.toBe(key);
    // Paragraphs are told apart: the same words split elsewhere are other text.
    expect(readKeyOf(article({ body: ['The port closed at noon.\n\nFerries stayed in.'] }))).not.toBe(
      readKeyOf(article({ body: ['The port', 'closed at noon.\n\nFerries stayed in.'] })),
    );
  });

  it('falls back to the text for a URL that is no http(s) URL', () => {
    expect(readKeyOf(article({ url: 'not a url' }))).toBe(readKeyOf(article()));
  });
});

describe('the read state', () => {
  it('is empty where nothing was read, and writes nothing to say so', () => {
    expect(loadReadState(library).size).toBe(0);
    expect(readdirSync(library)).toEqual([]);
  });

  it('keeps what is marked, in the library data folder, with no lock or temporary file left', () => {
    expect(markArticles(library, ['url:https://example.org/a', 'text:00'], true, new Date('2026-01-02T03:04:05Z'))).toBe(2);
    expect(markArticles(library, ['url:https://example.org/a'], true)).toBe(0);
    expect([...loadReadState(library)]).toEqual([
      ['url:https://example.org/a', '2026-01-02T03:04:05.000Z'],
      ['text:00', '2026-01-02T03:04:05.000Z'],
    ]);
    expect(readdirSync(dataFolder(library))).toEqual(['read.json']);
    expect(markArticles(library, ['text:00', 'text:11'], false)).toBe(1);
    expect([...loadReadState(library).keys()]).toEqual(['url:https://example.org/a']);
  });

  it('refuses a damaged file, naming it, and leaves it as it is', () => {
    mkdirSync(dataFolder(library));
    const path = join(dataFolder(library), 'read.json');
    writeFileSync(path, '{"read": {');
    expect(() => loadReadState(library)).toThrow(`${path}:1: not valid JSON`);
    expect(() => markArticles(library, ['text:00'], true)).toThrow(/not valid JSON/);
    expect(readFileSync(path, 'utf8')).toBe('{"read": {');
    writeFileSync(path, '{"version": 9, "read": {}}');
    expect(() => loadReadState(library)).toThrow('a read state of version 9');
  });

  it('takes over a lock left by a process that is gone', () => {
    mkdirSync(dataFolder(library));
    writeFileSync(join(dataFolder(library), 'read.lock'), '999999999');
    expect(markArticles(library, ['text:00'], true)).toBe(1);
  });
});

describe('unreadOnly', () => {
  it('keeps the unread, and stops at the limit, counting only what it keeps', () => {
    const unread = (n: number) => n % 2 === 0;
    expect([...unreadOnly([1, 2, 3, 4, 5, 6], unread)]).toEqual([2, 4, 6]);
    expect([...unreadOnly([1, 2, 3, 4, 5, 6], unread, 2)]).toEqual([2, 4]);
  });
});
