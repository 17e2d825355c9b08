// `news update` beside newsboat, on the same invented feeds served from
// loopback, measured side by side in one run: the first update of an empty
// library (every entry new), the second (every feed answers 304), start-up
// for reference, peak memory, the requests the servers saw, and the import of
// one saved news page. Checks that both readers got every entry and that the
// second update wrote nothing.
//
//   node bench/update.mjs [--runs 5] [--feeds 100] [--entries 50] [--hosts 10] [--latency MS] [--write]
//
// Loopback answers at once, so requests seldom overlap at the servers and
// the figures are the readers' own work; --latency holds each answer MS
// milliseconds, as a distant server would, which shows how many requests
// each reader keeps in flight (news: 4 at once, 2 a host).
//
// Needs a built news (npm run build), newsboat, GNU time (peak memory) and
// sqlite3 (newsboat's item count; without it newsboat's own print-unread is
// asked). --write puts the section "news update beside newsboat" into
// bench/RESULTS.md, replacing the one there. Everything is made in a
// temporary folder removed at the end.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeFeed, makeOpml, makePage } from './update-gen.mjs';
import { median, writeSection } from './corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const news = join(root, 'bin', 'news');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const RUNS = Math.max(1, flag('--runs', 5));
const FEEDS = Math.max(1, flag('--feeds', 100));
const ENTRIES = Math.max(1, flag('--entries', 50));
// 127.0.0.0/8 is loopback on Linux: each address is a host of its own to a
// per-host limit, and nothing leaves the machine.
const HOSTS = Math.min(250, Math.max(1, flag('--hosts', 10)));
const LATENCY = Math.max(0, flag('--latency', 0));
const WRITE = args.includes('--write');
// A run that hangs must not hold the machine: it is killed and the bench fails.
const COMMAND_LIMIT_MS = 300_000;

const have = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
for (const [command, hint] of [
  ['newsboat', 'apt-get install -y newsboat'],
  ['sqlite3', 'apt-get install -y sqlite3'],
]) {
  if (!have(command))
    console.error(`bench/update.mjs: ${command} is missing (${hint})${command === 'sqlite3' ? '; counting with newsboat -x print-unread' : ''}`);
}
if (!have('newsboat')) process.exit(2);
if (!existsSync(join(root, 'dist', 'news.cjs'))) {
  console.error('bench/update.mjs: news is not built (npm run build)');
  process.exit(2);
}
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
if (gnuTime === null) console.error('bench/update.mjs: no GNU time at /usr/bin/time (apt-get install -y time): no peak memory');
const sqlite = have('sqlite3');

// Neither reader may go through a proxy: the feeds are on this machine.
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/_proxy$/i.test(key)));

const work = mkdtempSync(join(tmpdir(), 'news-bench-update-'));
const servers = [];
let failures = 0;
// The command being measured: in a process group of its own, Ctrl-C does not
// reach it, so it is ended here along with the temporary folder.
let running = null;
for (const name of ['SIGINT', 'SIGTERM']) {
  process.once(name, () => {
    try {
      if (running !== null) process.kill(-running.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    rmSync(work, { recursive: true, force: true });
    process.exit(130);
  });
}
const check = (ok, what) => {
  if (!ok) failures++;
  console.error(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  return ok;
};

// What the servers saw during one command; reset before each.
let seen;
const resetSeen = () => {
  seen = {
    requests: 0,
    ok: 0,
    notModified: 0,
    ifNoneMatch: 0,
    ifModifiedSince: 0,
    other: 0,
    connections: 0,
    inFlight: 0,
    maxInFlight: 0,
    perHost: new Array(HOSTS).fill(0),
    maxPerHost: 0,
  };
};
resetSeen();

/** Whether a request's validators match the feed: If-None-Match decides when sent (RFC 9110 13.2.2). */
function unchanged(req, feed) {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    return inm.trim() === '*' || inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === feed.etag);
  }
  const ims = req.headers['if-modified-since'];
  return ims !== undefined && Date.parse(ims) >= feed.lastModifiedMs;
}

function serve(host, byPath) {
  const server = createServer((req, res) => {
    // The counts of the command this request came from, even if it ends first.
    const s = seen;
    s.requests++;
    s.inFlight++;
    s.maxInFlight = Math.max(s.maxInFlight, s.inFlight);
    s.perHost[host]++;
    s.maxPerHost = Math.max(s.maxPerHost, s.perHost[host]);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      s.inFlight--;
      s.perHost[host]--;
    };
    res.on('finish', finish);
    res.on('close', finish);
    if (req.headers['if-none-match'] !== undefined) seen.ifNoneMatch++;
    if (req.headers['if-modified-since'] !== undefined) seen.ifModifiedSince++;
    if (LATENCY > 0) setTimeout(() => answer(req, res), LATENCY);
    else answer(req, res);
  });
  const answer = (req, res) => {
    const feed = byPath.get(req.url);
    if (feed === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) {
      seen.other++;
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not here\n');
      return;
    }
    const validators = { ETag: feed.etag, 'Last-Modified': feed.lastModified, 'Cache-Control': 'max-age=0' };
    if (unchanged(req, feed)) {
      seen.notModified++;
      res.writeHead(304, validators).end();
      return;
    }
    seen.ok++;
    res.writeHead(200, { ...validators, 'Content-Type': feed.contentType, 'Content-Length': feed.body.length });
    res.end(req.method === 'HEAD' ? undefined : feed.body);
  };
  server.on('connection', () => seen.connections++);
  return server;
}

/** Runs a command (through GNU time for its peak memory), killed with its children after COMMAND_LIMIT_MS. */
async function measure(command, argv, env, cwd = work) {
  const timeFile = join(work, 'time.out');
  rmSync(timeFile, { force: true });
  const [file, fileArgs] = gnuTime ? [gnuTime, ['-o', timeFile, '-f', '%M', command, ...argv]] : [command, argv];
  const start = process.hrtime.bigint();
  // Its own process group, so that a timeout ends it and what it started.
  const child = spawn(file, fileArgs, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running = child;
  const out = [];
  const err = [];
  child.stdout.on('data', (chunk) => out.push(chunk));
  child.stderr.on('data', (chunk) => err.push(chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, COMMAND_LIMIT_MS);
  const [code, signal] = await once(child, 'close');
  running = null;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  clearTimeout(timer);
  const stdout = Buffer.concat(out).toString();
  const stderr = Buffer.concat(err).toString();
  if (timedOut) throw new Error(`${command} ${argv.join(' ')}: still running after ${COMMAND_LIMIT_MS / 1000} s, killed`);
  if (code !== 0) throw new Error(`${command} ${argv.join(' ')} exited ${code ?? signal}:\n${stderr}${stdout.slice(0, 2000)}`);
  let mb = null;
  if (gnuTime) {
    const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
    mb = Number.isFinite(kb) ? kb / 1024 : null;
  }
  return { ms, mb, stdout, stderr };
}

function countArticles(dir) {
  let count = 0;
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) walk(join(d, entry.name));
      else if (entry.name.endsWith('.md')) count++;
    }
  };
  if (existsSync(dir)) walk(dir);
  return count;
}

function newsboatItems(dir, env) {
  if (sqlite) {
    const result = spawnSync('sqlite3', [join(dir, 'cache.db'), 'SELECT COUNT(*) FROM rss_item WHERE deleted = 0;'], { encoding: 'utf8' });
    return Number(result.stdout.trim());
  }
  // Every item is unread: nothing has been read in this cache.
  const result = spawnSync('newsboat', ['-u', join(dir, 'urls'), '-c', join(dir, 'cache.db'), '-C', join(dir, 'config'), '-x', 'print-unread'], {
    env,
    encoding: 'utf8',
  });
  return Number(/(\d+) unread/.exec(result.stdout)?.[1]);
}

const most = (values) => values.reduce((a, b) => (b > a ? b : a), -Infinity);
const least = (values) => values.reduce((a, b) => (b < a ? b : a), Infinity);
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const spread = (values) => `${fmt(median(values))} (${fmt(least(values))}–${fmt(most(values))})`;
const peak = (values) => (values.every((v) => v === null) ? 'n/a' : `${most(values).toFixed(0)}`);

const samples = {};
const note = (name, result) => {
  (samples[name] ??= { ms: [], mb: [], seen: [] }).ms.push(result.ms);
  samples[name].mb.push(result.mb);
  if (result.seen) samples[name].seen.push(result.seen);
};
const takeSeen = () => {
  const taken = { ...seen, perHost: undefined };
  resetSeen();
  return taken;
};

const loadBefore = loadavg();
const started = new Date();
try {
  // The servers listen before the feeds are made: a feed's body holds its
  // entries' URLs, ports included.
  for (let h = 0; h < HOSTS; h++) {
    const byPath = new Map();
    const server = serve(h, byPath);
    server.listen(0, `127.0.0.${h + 1}`);
    await once(server, 'listening');
    servers.push({ server, byPath, origin: `http://127.0.0.${h + 1}:${server.address().port}` });
  }
  const base = Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000;
  const feeds = [];
  for (let f = 1; f <= FEEDS; f++) {
    const host = servers[(f - 1) % HOSTS];
    const feed = makeFeed(f, ENTRIES, host.origin, base);
    const path = `/feeds/${f}.xml`;
    host.byPath.set(path, feed);
    feeds.push({ ...feed, url: host.origin + path, site: host.origin });
  }
  const megabytes = feeds.reduce((sum, f) => sum + f.body.length, 0) / 1e6;
  const opml = join(work, 'feeds.opml');
  writeFileSync(opml, makeOpml(feeds));
  const page = makePage();
  const pageFile = join(work, 'page.html');
  writeFileSync(pageFile, page.html);
  const expected = FEEDS * ENTRIES;
  console.error(
    `${FEEDS} feeds × ${ENTRIES} entries (${megabytes.toFixed(1)} MB) on ${HOSTS} loopback hosts; page ${(page.html.length / 1024).toFixed(0)} KB; ${RUNS} runs; ${work}`,
  );

  // Both readers get a home of their own: neither the user's config nor cache is read or written.
  const home = join(work, 'home');
  mkdirSync(home);
  const env = { ...baseEnv, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local/share'), NO_COLOR: '1', NEWS_DIR: '' };
  const newsEnv = (round) => ({ ...env, XDG_CACHE_HOME: join(work, `cache-${round}`) });
  const nodeNews = (...rest) => [news, ...rest];

  const nb = join(work, 'newsboat');
  mkdirSync(nb);
  writeFileSync(join(nb, 'urls'), feeds.map((f) => f.url).join('\n') + '\n');
  // reload-threads as news's 4 requests at once; the rest as Debian ships it.
  writeFileSync(join(nb, 'config'), 'reload-threads 4\n');
  const newsboatArgs = ['-u', join(nb, 'urls'), '-c', join(nb, 'cache.db'), '-C', join(nb, 'config'), '-x', 'reload'];

  const startup = [
    ['node -e 0', process.execPath, ['-e', '0']],
    ['news --version', process.execPath, nodeNews('--version')],
    ['newsboat --version', 'newsboat', ['--version']],
  ];
  for (const [, command, argv] of startup) for (let i = 0; i < 3; i++) await measure(command, argv, newsEnv('warm'));

  const stderrSeen = new Set();
  const newsRound = async (round) => {
    const lib = join(work, `lib-${round}`);
    const e = newsEnv(round);
    const imported = await measure(process.execPath, nodeNews('--dir', lib, 'feed', 'import', opml), e);
    const importSeen = takeSeen();
    note('news feed import', imported);
    check(
      imported.stdout.trim().split('\n').length === FEEDS && importSeen.requests === 0,
      `round ${round}: news feed import followed ${FEEDS} feeds without a request`,
    );
    const first = await measure(process.execPath, nodeNews('--dir', lib, 'update'), e);
    first.seen = takeSeen();
    note('news update, first', first);
    const slugs = first.stdout.split('\n').filter(Boolean).length;
    const files = countArticles(lib);
    check(files === expected && slugs === expected, `round ${round}: news update wrote ${files} articles, printed ${slugs} slugs (want ${expected})`);
    const second = await measure(process.execPath, nodeNews('--dir', lib, 'update'), e);
    second.seen = takeSeen();
    note('news update, second', second);
    check(
      countArticles(lib) === expected && second.stdout.trim() === '',
      `round ${round}: the second news update wrote no article (${countArticles(lib) - expected} new, ${second.stdout.split('\n').filter(Boolean).length} slugs printed)`,
    );
    // An update prints nothing on stderr unless something went wrong (its summary is for terminals).
    for (const text of [first.stderr, second.stderr])
      if (text.trim() !== '')
        stderrSeen.add(
          text
            .trim()
            .replace(/\(node:\d+\)/g, '(node:PID)')
            .slice(0, 600),
        );
    if (round === 0) {
      // One article read back: the entry's fields survive the trip.
      const one = spawnSync(process.execPath, nodeNews('--dir', lib, 'list', '--json', '--limit', '1'), { env: e, encoding: 'utf8' });
      samples.oneArticle = one.stdout.trim().split('\n')[0];
    }
    rmSync(lib, { recursive: true, force: true });
    rmSync(e.XDG_CACHE_HOME, { recursive: true, force: true });
  };
  const newsboatRound = async (round) => {
    for (const name of ['cache.db', 'cache.db.lock']) rmSync(join(nb, name), { force: true });
    takeSeen();
    const first = await measure('newsboat', newsboatArgs, env);
    first.seen = takeSeen();
    note('newsboat -x reload, first', first);
    const items = newsboatItems(nb, env);
    check(items === expected, `round ${round}: newsboat's cache holds ${items} items (want ${expected})`);
    // newsboat 2.21 stores a feed's validators only from its second reload on
    // (its issue 2734): the second reload asks unconditionally, the third is
    // the one that gets 304s.
    const second = await measure('newsboat', newsboatArgs, env);
    second.seen = takeSeen();
    note('newsboat -x reload, second', second);
    const third = await measure('newsboat', newsboatArgs, env);
    third.seen = takeSeen();
    note('newsboat -x reload, third', third);
    check(newsboatItems(nb, env) === expected, `round ${round}: newsboat's second and third reloads added no item`);
  };

  for (let round = 0; round < RUNS; round++) {
    console.error(`round ${round + 1} of ${RUNS}…`);
    for (const [name, command, argv] of startup) {
      const result = await measure(command, argv, newsEnv('warm'));
      takeSeen();
      note(name, result);
    }
    // Turn about, so that a slow spell of the shared machine falls on both alike.
    if (round % 2 === 0) {
      await newsRound(round);
      await newsboatRound(round);
    } else {
      await newsboatRound(round);
      await newsRound(round);
    }
    const lib = join(work, `import-${round}`);
    const imported = await measure(process.execPath, nodeNews('--dir', lib, 'import', pageFile), newsEnv(`import-${round}`));
    takeSeen();
    note('news import page.html', imported);
    if (round === 0) {
      const files = [];
      const walk = (d) => {
        for (const entry of readdirSync(d, { withFileTypes: true })) {
          if (entry.name.startsWith('.')) continue;
          if (entry.isDirectory()) walk(join(d, entry.name));
          else if (entry.name.endsWith('.md')) files.push(join(d, entry.name));
        }
      };
      walk(lib);
      const text = files.length === 1 ? readFileSync(files[0], 'utf8') : '';
      const flat = text.replace(/\s+/g, ' ');
      const squash = (s) => s.replace(/[“”"]/g, '').replace(/\s+/g, ' ').slice(0, 80);
      check(files.length === 1, `news import page.html wrote ${files.length} article`);
      check(flat.includes(page.headline) && flat.includes(page.author), 'the imported page keeps its headline and author');
      const unquoted = flat.replace(/[“”"\\]/g, '');
      check(unquoted.includes(squash(page.first)) && unquoted.includes(squash(page.last)), 'the imported page keeps its first and last paragraphs');
      const leaked = page.leftOut.filter((s) => flat.includes(s));
      check(
        leaked.length === 0,
        `the imported page leaves out asides, newsletter box, sidebar and scripts${leaked.length ? ` (kept: ${leaked.join('; ')})` : ''}`,
      );
    }
    rmSync(lib, { recursive: true, force: true });
  }

  // Figures.
  const loadAfter = loadavg();
  const m = (name) => median(samples[name].ms);
  const lines = [];
  const seenIn = (name) => samples[name].seen;
  const sum = (list, key) => list.map((s) => s[key]);
  const same = (values) => (values.every((v) => v === values[0]) ? String(values[0]) : `${least(values)}–${most(values)}`);
  lines.push('## news update beside newsboat', '');
  lines.push(
    `\`${['node bench/update.mjs', ...args.filter((a) => a !== '--write')].join(' ')}\`, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC; Node ${process.version}; ${newsboatVersion()}; ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB;`,
  );
  lines.push(
    `load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${loadAfter.map((l) => l.toFixed(2)).join(' ')} after (a shared machine: the figures are noisy).`,
  );
  lines.push(
    `${FEEDS} feeds × ${ENTRIES} full entries (${megabytes.toFixed(1)} MB, RSS 2.0 with content:encoded and every fifth Atom) served with ETag and Last-Modified from ${HOSTS} loopback addresses (127.0.0.1–127.0.0.${HOSTS});`,
  );
  lines.push(
    `${LATENCY > 0 ? `each answer held ${LATENCY} ms; ` : ''}news allows 4 requests at once, 2 per host; newsboat has reload-threads 4. Median of ${RUNS} interleaved runs (min–max); peak memory is the largest max RSS of the runs (GNU time).`,
    '',
  );
  lines.push('| run | news | peak MB | newsboat | peak MB | news / newsboat |', '|---|---:|---:|---:|---:|---:|');
  const row = (label, a, b, right = false) => {
    const cells = (name) => [spread(samples[name].ms), peak(samples[name].mb)];
    const [left, other] = right ? [['', ''], cells(a)] : [cells(a), b ? cells(b) : ['', '']];
    lines.push(`| ${label} | ${left.join(' | ')} | ${other.join(' | ')} | ${!right && b ? (m(a) / m(b)).toFixed(2) : ''} |`);
  };
  row(`first update: ${expected.toLocaleString('en')} new entries`, 'news update, first', 'newsboat -x reload, first');
  row(`update with every feed unchanged: ${FEEDS} × 304 (news's second run, newsboat's third)`, 'news update, second', 'newsboat -x reload, third');
  row(`newsboat's second reload (no validators stored yet: ${FEEDS} × 200)`, 'newsboat -x reload, second', null, true);
  row('start-up (--version)', 'news --version', 'newsboat --version');
  row('node -e 0', 'node -e 0');
  row(`news feed import (OPML of ${FEEDS})`, 'news feed import');
  row(`news import page.html (${(page.html.length / 1024).toFixed(0)} KB saved page)`, 'news import page.html');
  lines.push('');
  const newsOver = m('news update, second') - m('news --version');
  const nbOver = m('newsboat -x reload, third') - m('newsboat --version');
  lines.push(
    `- the update of unchanged feeds over start-up: news ${fmt(newsOver)} over \`news --version\` (${fmt(m('news update, second') - m('node -e 0'))} over \`node -e 0\`), ${fmt(newsOver / FEEDS)} a feed; newsboat ${fmt(nbOver)} over \`newsboat --version\`, ${fmt(nbOver / FEEDS)} a feed`,
  );
  lines.push(`- first update per entry: news ${fmt(m('news update, first') / expected)}, newsboat ${fmt(m('newsboat -x reload, first') / expected)}`, '');
  lines.push('Requests the servers saw in each run (the same in every run unless a range is given):', '');
  lines.push(
    '| run | requests | 200 | 304 | If-None-Match | If-Modified-Since | other paths | connections | most at once (one host) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const [label, name] of [
    ['news, first', 'news update, first'],
    ['news, second', 'news update, second'],
    ['newsboat, first', 'newsboat -x reload, first'],
    ['newsboat, second', 'newsboat -x reload, second'],
    ['newsboat, third', 'newsboat -x reload, third'],
  ]) {
    const s = seenIn(name);
    lines.push(
      `| ${label} | ${same(sum(s, 'requests'))} | ${same(sum(s, 'ok'))} | ${same(sum(s, 'notModified'))} | ${same(sum(s, 'ifNoneMatch'))} | ${same(sum(s, 'ifModifiedSince'))} | ${same(sum(s, 'other'))} | ${same(sum(s, 'connections'))} | ${most(sum(s, 'maxInFlight'))} (${most(sum(s, 'maxPerHost'))}) |`,
    );
  }
  lines.push('');
  lines.push(
    `newsboat 2.21 stores a feed's ETag and Last-Modified only on its second reload (its issue 2734), which therefore asks unconditionally: its run on unchanged feeds is its third. ` +
      (LATENCY > 0
        ? `Each answer was held ${LATENCY} ms, so "most at once" is how many requests each reader keeps in flight.`
        : 'Loopback answers at once, so requests seldom overlap at the servers ("most at once"); `--latency MS` holds each answer to show how many each reader keeps in flight.'),
  );
  for (const [who, name] of [
    ['news', 'news update, second'],
    ['newsboat', 'newsboat -x reload, third'],
  ]) {
    const s = seenIn(name);
    check(
      s.every((x) => x.requests === FEEDS && x.notModified === FEEDS),
      `${who}'s run on unchanged feeds: ${same(sum(s, 'requests'))} requests, ${same(sum(s, 'notModified'))} answered 304 (want ${FEEDS} and ${FEEDS})`,
    );
    check(
      s.every((x) => x.ifNoneMatch === FEEDS && x.ifModifiedSince === FEEDS),
      `${who}'s run on unchanged feeds sent If-None-Match ${same(sum(s, 'ifNoneMatch'))} times and If-Modified-Since ${same(sum(s, 'ifModifiedSince'))} times (want ${FEEDS} each)`,
    );
  }
  const nf = seenIn('news update, first');
  check(
    nf.every((x) => x.other === 0),
    `news fetched no entry page (${same(sum(nf, 'other'))} other requests): the entries are full`,
  );
  check(
    nf.every((x) => x.maxInFlight <= 4 && x.maxPerHost <= 2),
    `news kept to 4 requests at once, 2 per host (saw ${most(sum(nf, 'maxInFlight'))}, ${most(sum(nf, 'maxPerHost'))})`,
  );
  const report = lines.join('\n');
  console.log(report);
  if (samples.oneArticle) console.error(`\none article as news lists it: ${samples.oneArticle.slice(0, 400)}`);
  for (const text of stderrSeen) console.error(`\nnews update wrote on stderr:\n${text}`);
  if (WRITE) writeSection(root, '## news update beside newsboat', report);
} catch (error) {
  failures++;
  console.error(`bench/update.mjs: ${error.stack ?? error}`);
} finally {
  for (const { server } of servers) {
    server.closeAllConnections();
    server.close();
  }
  rmSync(work, { recursive: true, force: true });
}
if (failures > 0) {
  console.error(`bench/update.mjs: ${failures} check${failures === 1 ? '' : 's'} failed`);
  process.exitCode = 1;
}

function newsboatVersion() {
  const out = spawnSync('newsboat', ['--version'], { encoding: 'utf8', env: baseEnv }).stdout ?? '';
  return /^newsboat [^\s]+/.exec(out)?.[0] ?? 'newsboat';
}
