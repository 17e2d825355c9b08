// Read state (issue 13): every article unread until read; `news show` on a
// terminal marks it, `news mark` by hand; --unread on list, search and
// quotes; unread counts in `news feed list`. The state is the library's
// (LIBRARY/.news/read.json), and outlives the cache, the index and renames.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, startServer, type TestServer } from '../helpers/http-server.js';
import { articleFile, cleanEnv, library, NEWS, news, newsAsync, onTerminal, ROOT } from './helpers.js';

const ESC = '\u001b';
const BOLD = `${ESC}[1m`;

/** A library of its own and a cache of its own, for each test. */
function fresh() {
  const dir = library({
    'harbour.md': articleFile(
      { title: 'Storm Closes Harbour', date: '2016-03-02', section: 'Local', source: 'Coast Gazette', url: 'https://example.org/news/storm' },
      'The harbour closed at noon as the storm came in.\n\n"We will open when it is safe," said Harbour Master Jo Varga.',
    ),
    'ferry.md': articleFile(
      { title: 'Ferry Runs Late', date: '2016-03-01', section: 'Local', source: 'Coast Gazette' },
      'The ferry ran late again.\n\n"The engine is old," said Tom Berg, the engineer.',
    ),
    'match.md': articleFile(
      { title: 'Harbour Side Wins the Cup', date: '2015-05-01', section: 'Sport', source: 'Daily Example' },
      'The harbour side won the cup final.',
    ),
  });
  const env = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'news-read-cache-')) };
  const run = (args: string[]) => news([...args, '--dir', dir], env);
  const unread = () => run(['list', '--unread', '--format', '{slug}']).stdout.split('\n').filter(Boolean);
  return { dir, env, run, unread };
}

describe('read state', () => {
  it('starts unread, and a piped show changes nothing; --mark-read does', () => {
    const { dir, run, unread } = fresh();
    expect(unread()).toEqual(['harbour', 'ferry', 'match']);
    expect(run(['show', 'ferry']).status).toBe(0);
    expect(run(['show', 'ferry', '--json']).status).toBe(0);
    expect(unread()).toEqual(['harbour', 'ferry', 'match']);
    expect(existsSync(join(dir, '.news', 'read.json'))).toBe(false);
    const marked = run(['show', 'ferry', '--mark-read']);
    expect(marked).toMatchObject({ status: 0, stderr: '' });
    expect(marked.stdout).toContain('Ferry Runs Late');
    expect(unread()).toEqual(['harbour', 'match']);
  });

  it('marks what a terminal was shown as read', () => {
    const { dir, env, unread } = fresh();
    const shown = onTerminal(['show', 'harbour', '--dir', dir, '--no-pager'], { env });
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('Storm Closes Harbour');
    expect(unread()).toEqual(['ferry', 'match']);
    const state = JSON.parse(readFileSync(join(dir, '.news', 'read.json'), 'utf8')) as { read: Record<string, string> };
    expect(Object.keys(state.read)).toEqual(['url:https://example.org/news/storm']);
  });

  it('is marked by hand: read and unread by name, --all, or the filters of list', () => {
    const { run, unread } = fresh();
    expect(run(['mark', 'read', 'harbour', 'match'])).toMatchObject({ status: 0, stdout: '', stderr: 'news mark: 2 articles marked read\n' });
    expect(unread()).toEqual(['ferry']);
    expect(run(['mark', 'unread', 'match']).status).toBe(0);
    expect(unread()).toEqual(['ferry', 'match']);
    expect(run(['mark', 'read', '--all'])).toMatchObject({ status: 0, stderr: 'news mark: 3 articles marked read (1 article read already)\n' });
    expect(unread()).toEqual([]);
    expect(run(['mark', 'unread', '--section', 'local']).status).toBe(0);
    expect(unread()).toEqual(['harbour', 'ferry']);
    expect(run(['mark', 'read', '--until', '2016-03-01']).status).toBe(0);
    expect(unread()).toEqual(['harbour']);
  });

  it('refuses a mark of nothing, or of names and filters both; an unknown name fails', () => {
    const { run, unread } = fresh();
    expect(run(['mark', 'read']).status).toBe(2);
    expect(run(['mark', 'read', 'ferry', '--all']).status).toBe(2);
    expect(run(['mark', 'seen', 'ferry']).status).toBe(2);
    const unknown = run(['mark', 'read', 'ferry', 'nosuch']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("no article named 'nosuch'");
    expect(unread()).toEqual(['harbour', 'match']);
  });

  it('--unread keeps only unread articles in list, search and quotes, the limit counting unread ones', () => {
    const { run } = fresh();
    expect(run(['mark', 'read', 'harbour']).status).toBe(0);
    expect(run(['list', '--unread', '--limit', '1']).stdout).toBe('ferry\t2016-03-01\tFerry Runs Late\n');
    expect(run(['list', '--unread', '--section', 'sport']).stdout).toBe('match\t2015-05-01\tHarbour Side Wins the Cup\n');
    const searched = run(['search', 'harbour', '--unread', '--json']);
    expect(
      searched.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { article: { slug: string } }).article.slug),
    ).toEqual(['match']);
    expect(run(['search', 'harbour', '--unread', '--limit', '1']).stdout.split('\t')[0]).toBe('match');
    expect(run(['search', 'harbour']).stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(run(['mark', 'read', 'match']).status).toBe(0);
    expect(run(['search', 'harbour', '--unread'])).toMatchObject({ status: 1, stdout: '' });
    const quoted = (args: string[]) =>
      run(['quotes', ...args])
        .stdout.split('\n')
        .filter(Boolean)
        .map((line) => line.split('\t')[0]);
    expect(quoted([])).toEqual(['Harbour Master Jo Varga', 'Tom Berg']);
    expect(quoted(['--unread'])).toEqual(['Tom Berg']);
    expect(quoted(['--unread', '--speaker', 'varga'])).toEqual([]);
    expect(quoted(['--unread', 'harbour', 'ferry'])).toEqual(['Tom Berg']);
  });

  it('shows unread headlines in bold on a terminal, and read ones plain', () => {
    const { dir, env, run } = fresh();
    expect(run(['mark', 'read', 'ferry']).status).toBe(0);
    const listed = onTerminal(['list', '--dir', dir, '--no-pager'], { env });
    expect(listed.status).toBe(0);
    const line = (slug: string) => listed.stdout.split('\n').find((text) => text.includes(slug))!;
    expect(line('harbour')).toContain(`${BOLD}Storm Closes Harbour`);
    expect(line('match')).toContain(`${BOLD}Harbour Side Wins the Cup`);
    expect(line('ferry')).toContain('Ferry Runs Late');
    expect(line('ferry')).not.toContain(BOLD);
  });

  it('outlives a deleted cache and a rebuilt index', () => {
    const { env, run, unread } = fresh();
    expect(run(['mark', 'read', 'harbour', 'ferry']).status).toBe(0);
    rmSync(env.XDG_CACHE_HOME, { recursive: true, force: true });
    expect(unread()).toEqual(['match']);
    expect(run(['index', '--rebuild']).status).toBe(0);
    expect(unread()).toEqual(['match']);
  });

  it('follows an article whose file is renamed: by its URL, or by its headline and body', () => {
    const { dir, run, unread } = fresh();
    expect(run(['mark', 'read', 'harbour', 'ferry']).status).toBe(0);
    renameSync(join(dir, 'harbour.md'), join(dir, 'storm.md'));
    renameSync(join(dir, 'ferry.md'), join(dir, 'late-ferry.md'));
    expect(run(['list', '--format', '{slug}']).stdout).toBe('storm\nlate-ferry\nmatch\n');
    expect(unread()).toEqual(['match']);
  });

  it('keeps an imported article read when it is imported again with --force', () => {
    const { run, unread } = fresh();
    const text = join(mkdtempSync(join(tmpdir(), 'news-read-raw-')), 'quay.txt');
    writeFileSync(text, 'New Quay Opens\n\nThe new quay opened on Monday.\n');
    const imported = run(['import', text]);
    expect(imported.status).toBe(0);
    const slug = imported.stdout.trim();
    expect(run(['mark', 'read', slug]).status).toBe(0);
    expect(unread()).not.toContain(slug);
    expect(run(['import', '--force', '--section', 'Local', text]).status).toBe(0);
    expect(unread()).not.toContain(slug);
  });

  it('loses no mark when runs mark at once', async () => {
    const { dir, env, unread } = fresh();
    const marks = ['harbour', 'ferry', 'match'].map(
      (slug) =>
        new Promise<number | null>((done) => {
          const child = spawn(process.execPath, [NEWS, 'mark', 'read', slug, '--dir', dir], { env: cleanEnv(env), cwd: ROOT, stdio: 'ignore' });
          child.on('close', done);
        }),
    );
    expect(await Promise.all(marks)).toEqual([0, 0, 0]);
    expect(unread()).toEqual([]);
  });
});

const STORY = Array.from(
  { length: 6 },
  (_, n) =>
    `<p>Paragraph ${n + 1}: the crossing from the north quay took forty minutes longer than the timetable promised, and the passengers waiting on the pier counted the gulls.</p>`,
).join('\n');
const item = (guid: string, headline: string, link: string) =>
  `<item><guid>${guid}</guid><title>${headline}</title><link>${link}</link><pubDate>Tue, 01 Mar 2016 23:30:00 -0500</pubDate><description><![CDATA[${STORY}]]></description></item>`;
const rss = (title: string, items: string) =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title><link>http://127.0.0.1/</link><description>News</description>${items}</channel></rss>`;

describe('news feed list', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("counts each feed's unread articles: the articles its record says it wrote", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'news-read-feeds-'));
    const env = { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'news-read-cache-')) };
    const type = { 'content-type': 'application/rss+xml' };
    server.route(
      '/read/courier.xml',
      answer(rss('Valley Courier', item('c1', 'Ferry late', server.url('/read/ferry')) + item('c2', 'Market opens', server.url('/read/market'))), type),
    );
    server.route('/read/gazette.xml', answer(rss('Hill Gazette', item('g1', 'Snow on the hill', server.url('/read/snow'))), type));
    for (const feed of ['courier', 'gazette']) expect((await newsAsync(['--dir', dir, 'feed', 'add', server.url(`/read/${feed}.xml`)], env)).status).toBe(0);
    const updated = await newsAsync(['--dir', dir, 'update'], env);
    expect(updated.status).toBe(0);
    expect(updated.stdout.split('\n').filter(Boolean).sort()).toEqual(['ferry-late', 'market-opens', 'snow-on-the-hill']);
    const counts = async () =>
      (await newsAsync(['--dir', dir, 'feed', 'list', '--json'], env)).stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { name: string; articles: number; unread: number })
        .map(({ name, articles, unread }) => ({ name, articles, unread }));
    expect(await counts()).toEqual([
      { name: 'valley-courier', articles: 2, unread: 2 },
      { name: 'hill-gazette', articles: 1, unread: 1 },
    ]);
    expect((await newsAsync(['--dir', dir, 'mark', 'read', 'ferry-late', 'snow-on-the-hill'], env)).status).toBe(0);
    expect(await counts()).toEqual([
      { name: 'valley-courier', articles: 2, unread: 1 },
      { name: 'hill-gazette', articles: 1, unread: 0 },
    ]);
    const table = onTerminal(['--dir', dir, 'feed', 'list'], { columns: 200, env });
    const lines = table.stdout.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
    expect(lines[0]).toMatch(/ARTICLES {2}UNREAD$/);
    expect(lines[1]).toMatch(/^valley-courier .* 2 {9}1$/);
    // The tab-separated columns for scripts are as they were.
    expect((await newsAsync(['--dir', dir, 'feed', 'list'], env)).stdout.split('\n')[0]!.split('\t')).toHaveLength(5);
  });
});
