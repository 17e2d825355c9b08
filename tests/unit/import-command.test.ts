import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCommand } from '../../src/cli/commands/import.js';
import type { Context } from '../../src/cli/context.js';
import type { StreamFacts } from '../../src/cli/terminal.js';

const PIPE: StreamFacts = { isTTY: false, columns: undefined, rows: undefined };
const TERMINAL: StreamFacts = { isTTY: true, columns: 80, rows: 24 };

const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Valley Courier</title><link>https://courier.example/</link>
<item><guid>tag:courier,2016:1</guid><title>Ferry runs late again</title><link>https://courier.example/ferry</link>
<pubDate>Tue, 01 Mar 2016 23:30:00 -0500</pubDate>
<description>&lt;p&gt;The crossing from the north quay took forty minutes longer than the timetable promised.&lt;/p&gt;</description></item>
</channel></rss>`;

function contextFor(stderr: StreamFacts, library: string, warnings: string[]): Context {
  const home = mkdtempSync(join(tmpdir(), 'news-home-'));
  return {
    roots: [library],
    importDir: library,
    env: { HOME: home, XDG_CACHE_HOME: join(home, 'cache'), XDG_DATA_HOME: join(home, 'data') },
    version: '0.0.0-test',
    stdout: PIPE,
    stderr,
    color: 'never',
    warn: (line) => warnings.push(line),
  };
}

describe('news import, by the facts of stderr in its context', () => {
  const feed = join(mkdtempSync(join(tmpdir(), 'news-feed-')), 'courier.xml');
  writeFileSync(feed, FEED);

  it.each([
    ['a terminal', TERMINAL, [`news: ${feed}: in the library already as ferry-runs-late-again (--force imports it again)`]],
    ['a pipe', PIPE, []],
  ])('on %s, says an article is in the library already as the terminal facts say', async (_name, stderr, said) => {
    const library = mkdtempSync(join(tmpdir(), 'news-lib-'));
    const warnings: string[] = [];
    expect(await importCommand(contextFor(stderr, library, []), [feed])).toEqual({ stdout: '', failed: 0 });
    expect(await importCommand(contextFor(stderr, library, warnings), [feed])).toEqual({ stdout: '', failed: 0 });
    expect(warnings).toEqual(said);
  });
});
