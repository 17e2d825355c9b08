import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFile, library, news } from './helpers.js';

const URL_ = 'https://example.org/news/harbour?id=1&x=$(touch%20pwned)';
const world = library({
  'harbour.md': articleFile({ title: 'Harbour Reopens', url: URL_ }, 'The harbour reopened.'),
  'no-url.md': articleFile({ title: 'Letter From Nowhere' }, 'No page of its own.'),
  'script-url.md': articleFile({ title: 'Click Me', url: 'javascript:alert(1)' }, 'A link that runs code.'),
});

/** A browser that writes each argument it is given on a line of its own into a file beside it. */
function recordingBrowser(): { path: string; args: () => string[] | null } {
  const dir = mkdtempSync(join(tmpdir(), 'news-browser-'));
  const path = join(dir, 'browser');
  const out = join(dir, 'args');
  writeFileSync(path, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${out}'\n`);
  chmodSync(path, 0o755);
  return { path, args: () => (existsSync(out) ? readFileSync(out, 'utf8').split('\n').slice(0, -1) : null) };
}

/** A folder to be XDG_CONFIG_HOME, with news/config.yml holding `text`. */
function settings(text: string): string {
  const home = mkdtempSync(join(tmpdir(), 'news-config-'));
  mkdirSync(join(home, 'news'));
  writeFileSync(join(home, 'news', 'config.yml'), text);
  return home;
}

describe('news open', () => {
  it("runs $BROWSER with the article's URL as one argument", () => {
    const browser = recordingBrowser();
    const run = news(['open', 'harbour', '--dir', world], { BROWSER: browser.path });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(browser.args()).toEqual([URL_]);
  });

  it('tries each browser of a $BROWSER list in turn', () => {
    const browser = recordingBrowser();
    const run = news(['open', 'harbour', '--dir', world], { BROWSER: `/no/such/browser:${browser.path} --new-window %s` });
    expect(run.status).toBe(0);
    expect(browser.args()).toEqual(['--new-window', URL_]);
  });

  it("runs the settings file's browser, the URL in place of %u, before $BROWSER", () => {
    const browser = recordingBrowser();
    const other = recordingBrowser();
    const home = settings(`browser: "'${browser.path}' --private-window %u --x=y"\n`);
    const run = news(['open', 'harbour', '--dir', world], { XDG_CONFIG_HOME: home, BROWSER: other.path });
    expect(run.status).toBe(0);
    expect(browser.args()).toEqual(['--private-window', URL_, '--x=y']);
    expect(other.args()).toBeNull();
  });

  it('an article without a URL: one line, exit 1', () => {
    const browser = recordingBrowser();
    const run = news(['open', 'no-url', '--dir', world], { BROWSER: browser.path });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('news: no-url has no url to open\n');
    expect(browser.args()).toBeNull();
  });

  it('an unknown slug: exit 1, with the nearest names', () => {
    const run = news(['open', 'harbor', '--dir', world], { BROWSER: '/bin/false' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("no article named 'harbor'; did you mean 'harbour'?");
  });

  it('over SSH without a display, prints the URL and runs no browser', () => {
    const browser = recordingBrowser();
    const run = news(['open', 'harbour', '--dir', world], { BROWSER: browser.path, SSH_CONNECTION: '10.0.0.2 50000 10.0.0.1 22' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${URL_}\n`);
    expect(browser.args()).toBeNull();
    // With a display forwarded, the browser runs.
    expect(news(['open', 'harbour', '--dir', world], { BROWSER: browser.path, SSH_CONNECTION: '1 2 3 4', DISPLAY: 'localhost:10.0' }).status).toBe(0);
    expect(browser.args()).toEqual([URL_]);
  });

  it('with no browser that runs, prints the URL and says why', () => {
    const run = news(['open', 'harbour', '--dir', world], { BROWSER: '/no/such/browser' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${URL_}\n`);
    expect(run.stderr).toContain('news open: no browser opened it (/no/such/browser: not found)');
  });

  it('refuses a URL that is not http or https, and runs nothing', () => {
    const browser = recordingBrowser();
    const run = news(['open', 'script-url', '--dir', world], { BROWSER: browser.path });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("news: not opening the url of script-url: only http and https urls are opened, not 'javascript:alert(1)'\n");
    expect(browser.args()).toBeNull();
  });
});
