// Feed parsing over the feed corpus: every file is parsed, and the figures
// say how many gave a feed, how many a clear error (FeedError) and how many
// anything else (a crash), whether the entry counts are right where they can
// be known, and how the fields the corpus states come out.
//
//   node bench/feeds.mjs [CORPUS] [--explain] [--compare] [--runs N]
//
// CORPUS (default ../shared/corpus/feeds) holds feedparser/{wellformed,
// illformed,encoding,entities}/ and real/. The feedparser files open with a
// comment giving `Expect:`, a Python expression over feedparser's result
// (`not bozo and entries[0]['link'] == '...'`), and sometimes `Header:` lines
// (the Content-Type and Content-Location the file was served with, given to
// the parser as contentType and url). The expressions are run by python3 on a
// result shaped like feedparser's, and only those whose every key this
// reader's model can answer are counted (title, link, id, dates, author,
// categories, enclosures, content); the rest, and the sanitizer's cases
// (sanitize/: cleaning HTML is not the parser's job), are left out. Entry
// counts: an Expect that reads entries[N] needs at least N+1 entries; for
// real/, the count of <item> and <entry> start tags outside comments and
// CDATA, a rough reference.
//
// --compare runs the candidate libraries as they come (feedsmith,
// @rowanmanning/feed-parser; the ones installed), each fed the body decoded
// as UTF-8, instead of the reader's module. --explain lists the files that
// crashed, miscounted or failed an Expect. Times are the sum over the files
// of each file's fastest of N parses (default 3).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') throw err;
});

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const explain = args.includes('--explain');
const compare = args.includes('--compare');
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 1) : 3;
const corpus = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ?? join(root, '..', 'shared', 'corpus', 'feeds'));

const SETS = [
  ['wellformed', 'feedparser/wellformed'],
  ['illformed', 'feedparser/illformed'],
  ['encoding', 'feedparser/encoding'],
  ['entities', 'feedparser/entities'],
  ['real', 'real'],
];

function filesUnder(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(path, out);
    else out.push(path);
  }
  return out;
}

// The test header of a feedparser file: its first comment.
function header(bytes) {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const comment = /<!--([\s\S]*?)-->/.exec(head)?.[1] ?? '';
  const field = (name) => [...comment.matchAll(new RegExp(`^\\s*${name}:\\s*(.*?)\\s*$`, 'gm'))].map((m) => m[1]);
  const headers = Object.fromEntries(
    field('Header').map((h) => {
      const at = h.indexOf(':');
      return [h.slice(0, at).trim().toLowerCase(), h.slice(at + 1).trim()];
    }),
  );
  return { expect: field('Expect')[0] ?? null, headers };
}

// Entries a file must have: exact from len(entries) == N, else at least one
// more than the highest entries[N] the expression reads.
function expectedCount(expect) {
  if (!expect) return null;
  const exact = /len\(entries\)\s*==\s*(\d+)/.exec(expect);
  if (exact) return { exact: true, n: Number(exact[1]) };
  const indexes = [...expect.matchAll(/entries\[(\d+)\]/g)].map((m) => Number(m[1]));
  return indexes.length ? { exact: false, n: indexes.reduce((a, b) => Math.max(a, b)) + 1 } : null;
}

function tagCount(text) {
  const bare = text.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  return (bare.match(/<(?:[\w-]+:)?(?:item|entry)[\s>/]/gi) ?? []).length;
}

// The keys an Expect may read, by what they check; an expression reading any
// other key (or name: encoding, version, namespaces…) is not counted.
const FEED_KEYS = { title: 'title', link: 'link' };
const ENTRY_KEYS = {
  title: 'title',
  link: 'link',
  id: 'id',
  guid: 'id',
  published_parsed: 'date',
  updated_parsed: 'date',
  created_parsed: 'date',
  author: 'author',
  tags: 'tags',
  enclosures: 'enclosures',
  content: 'content',
  summary: 'content',
  description: 'content',
};
const NAMES = new Set(['not', 'and', 'or', 'in', 'is', 'len', 'bozo', 'feed', 'entries', 'None', 'True', 'False']);

function classify(expect, set, path) {
  if (!expect || path.includes('/sanitize/')) return null;
  const code = expect.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, (s) => (s.startsWith("'") ? "''" : '""'));
  for (const name of code.match(/[A-Za-z_]\w*/g) ?? []) if (!NAMES.has(name)) return null;
  // Each subscript chain: feed[...]… or entries[N][...]….
  let kind = null;
  const chains = [...expect.matchAll(/(feed|entries\[\d+\])((?:\[(?:'[^']*'|\d+)\])*)/g)];
  if (chains.length === 0) return null;
  for (const [, head, rest] of chains) {
    const keys = [...rest.matchAll(/\['([^']*)'\]/g)].map((m) => m[1]);
    if (keys.length === 0) return null;
    const table = head === 'feed' ? FEED_KEYS : ENTRY_KEYS;
    if (head === 'feed' && keys.length > 1) return null;
    // Inside a list, only the fields the model has: a tag's term, an enclosure's href, length and type, a content's value.
    const inner = { tags: ['term'], enclosures: ['href', 'length', 'type'], content: ['value'] }[keys[0]];
    if (inner) {
      if (!keys.slice(1).every((k) => inner.includes(k))) return null;
    } else if (keys.length > 1) return null;
    if (!(keys[0] in table)) return null;
    kind ??= `${head === 'feed' ? 'feed ' : ''}${table[keys[0]]}`;
  }
  if (set !== 'wellformed' && /^\s*bozo\s*$/.test(expect)) return null;
  return kind;
}

// ---- the parsers, each giving { entries, shape } or throwing -------------

const epoch = (iso) => {
  if (!iso) return undefined;
  const t = iso instanceof Date ? iso.getTime() : Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
};
const drop = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));
// feedparser's entries answer to guid as to id.
const withGuid = (shape) => ({ ...shape, entries: shape.entries.map((e) => (e.id === undefined ? e : { ...e, guid: e.id })) });
const dates = (t) => drop({ published_parsed: t, updated_parsed: t, created_parsed: t });

// What `await import()` of the module costs a command: the bundle required
// in a fresh process, against the same process requiring nothing.
function loadCost(bundle) {
  const time = (code) => {
    const out = [];
    for (let i = 0; i < 7; i++) {
      const run = spawnSync(process.execPath, ['-e', `const t = process.hrtime.bigint(); ${code}; console.log(Number(process.hrtime.bigint() - t) / 1e6)`], {
        encoding: 'utf8',
      });
      out.push(Number(run.stdout.trim()));
    }
    return out.sort((a, b) => a - b)[3];
  };
  const loaded = time(`require(${JSON.stringify(bundle)})`);
  const nothing = time('0');
  const kb = statSync(bundle).size / 1024;
  console.log(`loading src/web/feeds (bundled, ${kb.toFixed(0)} KB): ${(loaded - nothing).toFixed(1)} ms (median of 7 fresh processes)`);
}

async function parsers() {
  const require = createRequire(join(root, 'package.json'));
  if (!compare) {
    const work = mkdtempSync(join(tmpdir(), 'bench-feeds-'));
    const bundle = join(work, 'feeds.cjs');
    await build({
      entryPoints: [join(root, 'src/web/feeds/index.ts')],
      bundle: true,
      format: 'cjs',
      platform: 'node',
      outfile: bundle,
      logLevel: 'warning',
    });
    loadCost(bundle);
    const feeds = require(bundle);
    rmSync(work, { recursive: true, force: true });
    const list = [
      {
        name: 'news (src/web/feeds)',
        isClear: (e) => e instanceof feeds.FeedError,
        parse: (bytes, { url, contentType }) => {
          const feed = feeds.parseFeed(bytes, { url, contentType });
          return {
            entries: feed.entries.length,
            shape: {
              feed: drop({ title: feed.title, link: feed.link }),
              entries: feed.entries.map((e) =>
                drop({
                  title: e.title,
                  link: e.link,
                  id: e.id,
                  ...dates(epoch(e.date)),
                  author: e.author,
                  tags: e.categories.map((term) => ({ term })),
                  enclosures: e.enclosures.map((x) => drop({ href: x.url, type: x.type, length: x.length?.toString() })),
                  content: e.contentHtml != null ? [{ value: e.contentHtml }] : undefined,
                  summary: e.summary,
                  description: e.summary ?? e.contentHtml,
                }),
              ),
            },
          };
        },
      },
    ];
    return { list, module: feeds };
  }
  const list = [];
  const utf8 = new TextDecoder();
  try {
    const fs = await import(require.resolve('feedsmith'));
    const text = (x) => (typeof x === 'string' ? x : x?.value);
    const person = (p) => (p ? (typeof p === 'string' ? p : (p.name ?? p.email)) : undefined);
    list.push({
      name: 'feedsmith',
      isClear: (e) => ['DetectError', 'ParseError', 'MalformedError'].includes(e?.name),
      parse: (bytes) => {
        const { format, feed } = fs.parseFeed(utf8.decode(bytes));
        let items;
        let shapeFeed;
        if (format === 'atom') {
          const alt = (links) => (links ?? []).find((l) => !l.rel || l.rel === 'alternate')?.href;
          shapeFeed = { title: text(feed.title), link: alt(feed.links) };
          items = (feed.entries ?? []).map((e) => ({
            title: text(e.title),
            link: alt(e.links),
            id: e.id,
            ...dates(epoch(e.published ?? e.updated)),
            author: person(e.authors?.[0]),
            tags: (e.categories ?? []).map((c) => ({ term: c.term })),
            enclosures: (e.links ?? []).filter((l) => l.rel === 'enclosure').map((l) => drop({ href: l.href, type: l.type, length: l.length?.toString() })),
            content: e.content ? [{ value: e.content.value }] : undefined,
            summary: text(e.summary),
            description: text(e.summary) ?? e.content?.value,
          }));
        } else if (format === 'json') {
          shapeFeed = { title: feed.title, link: feed.home_page_url };
          items = (feed.items ?? []).map((e) => ({
            title: e.title,
            link: e.url,
            id: e.id,
            ...dates(epoch(e.date_published ?? e.date_modified)),
            author: person(e.authors?.[0]),
            tags: (e.tags ?? []).map((term) => ({ term })),
            enclosures: (e.attachments ?? []).map((a) => drop({ href: a.url, type: a.mime_type, length: a.size_in_bytes?.toString() })),
            content: e.content_html ? [{ value: e.content_html }] : undefined,
            summary: e.summary,
            description: e.summary ?? e.content_html,
          }));
        } else {
          shapeFeed = { title: feed.title, link: feed.link };
          items = (feed.items ?? []).map((e) => ({
            title: e.title,
            link: e.link ?? (e.guid?.isPermaLink !== false ? e.guid?.value : undefined),
            id: e.guid?.value ?? e.rdf?.about,
            ...dates(epoch(e.pubDate ?? e.dc?.dates?.[0] ?? e.atom?.published ?? e.atom?.updated)),
            author: person(e.authors?.[0]) ?? e.dc?.creators?.[0],
            tags: [...(e.categories ?? []).map((c) => c.name), ...(e.dc?.subjects ?? [])].map((term) => ({ term })),
            enclosures: (e.enclosures ?? []).map((x) => drop({ href: x.url, type: x.type, length: x.length?.toString() })),
            content: e.content?.encoded ? [{ value: e.content.encoded }] : undefined,
            summary: e.description,
            description: e.description ?? e.content?.encoded,
          }));
        }
        return { entries: items.length, shape: { feed: drop(shapeFeed), entries: items.map(drop) } };
      },
    });
  } catch {
    console.log('feedsmith: not installed');
  }
  try {
    const rm = require('@rowanmanning/feed-parser');
    list.push({
      name: '@rowanmanning/feed-parser',
      isClear: (e) => e?.code === 'INVALID_FEED',
      parse: (bytes) => {
        const feed = rm.parseFeed(utf8.decode(bytes));
        const items = feed.items.map((e) =>
          drop({
            title: e.title,
            link: e.url,
            id: e.id,
            ...dates(epoch(e.published ?? e.updated)),
            author: e.authors[0]?.name ?? e.authors[0]?.email,
            tags: e.categories.map((c) => ({ term: c.term })),
            enclosures: e.media.map((m) => drop({ href: m.url, type: m.mimeType, length: m.length?.toString() })),
            content: e.content ? [{ value: e.content }] : undefined,
            summary: e.description,
            description: e.description ?? e.content,
          }),
        );
        return { entries: items.length, shape: { feed: drop({ title: feed.title, link: feed.url }), entries: items } };
      },
    });
  } catch {
    console.log('@rowanmanning/feed-parser: not installed');
  }
  return { list, module: null };
}

// Evaluates the expressions, feedparser's way: dates as UTC time tuples.
const EVALUATOR = String.raw`
import json, sys, time
def conv(o):
    if isinstance(o, dict):
        return {k: (tuple(time.gmtime(v / 1000)) if k.endswith('_parsed') and isinstance(v, (int, float)) else conv(v)) for k, v in o.items()}
    if isinstance(o, list):
        return [conv(x) for x in o]
    return o
for line in sys.stdin:
    rec = json.loads(line)
    r = conv(rec['shape'])
    env = {'bozo': rec['bozo'], 'feed': r.get('feed', {}), 'entries': r.get('entries', [])}
    try:
        ok = bool(eval(rec['expect'], {'__builtins__': {'len': len}}, env))
    except Exception:
        ok = False
    print(json.dumps(ok))
`;

function evaluate(records) {
  if (records.length === 0) return [];
  const run = spawnSync('python3', ['-c', EVALUATOR], { input: records.map((r) => JSON.stringify(r)).join('\n'), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) {
    console.log(`python3 did not run the Expect checks: ${run.error?.message ?? run.stderr.trim().split('\n').pop()}`);
    return null;
  }
  return run.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

const inputs = SETS.map(([set, dir]) => ({
  set,
  files: filesUnder(join(corpus, dir)).map((path) => {
    const bytes = new Uint8Array(readFileSync(path));
    const { expect, headers } = set === 'real' ? { expect: null, headers: {} } : header(bytes);
    const name = relative(corpus, path);
    return {
      path,
      name,
      bytes,
      expect,
      url: headers['content-location'] ?? `http://127.0.0.1:8097/tests/${relative(join(corpus, 'feedparser'), path)}`,
      contentType: headers['content-type'],
      count: set === 'real' ? { exact: true, n: tagCount(new TextDecoder().decode(bytes)) } : expectedCount(expect),
      kind: classify(expect, set, path),
    };
  }),
}));

const { list: parserList, module: feeds } = await parsers();

// The OPML lists of the corpus, read by the module (not in --compare).
if (feeds) {
  const { parseOpmlDocument, FeedError } = feeds;
  console.log('\nOPML (../opml):');
  for (const path of filesUnder(join(corpus, 'opml'))) {
    let said;
    try {
      const list = parseOpmlDocument(new Uint8Array(readFileSync(path)));
      said = `${list.feeds.length} ${list.feeds.length === 1 ? 'feed' : 'feeds'}${list.skipped.length ? `, ${list.skipped.length} passed over (not http/https)` : ''}`;
    } catch (err) {
      said = err instanceof FeedError ? `FeedError: ${err.message}` : `crash: ${err?.stack ?? err}`;
    }
    console.log(`  ${relative(corpus, path)}: ${said}`);
  }
}

for (const parser of parserList) {
  console.log(`\n## ${parser.name}\n`);
  console.log('| set | files | feed | clear error | crash | entries right | Expect checks passed | ms |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  const kinds = {};
  const problems = [];
  for (const { set, files } of inputs) {
    let ok = 0;
    let clear = 0;
    let crash = 0;
    let countRight = 0;
    let countKnown = 0;
    let ns = 0n;
    const records = [];
    for (const file of files) {
      const started = process.hrtime.bigint();
      let result = null;
      let error = null;
      try {
        result = parser.parse(file.bytes, { url: file.url, contentType: file.contentType });
      } catch (err) {
        error = err;
      }
      let best = process.hrtime.bigint() - started;
      // The machine is shared: each file's fastest of the runs.
      for (let run = 1; run < runs; run++) {
        const again = process.hrtime.bigint();
        try {
          parser.parse(file.bytes, { url: file.url, contentType: file.contentType });
        } catch {
          // Counted once, above.
        }
        const took = process.hrtime.bigint() - again;
        if (took < best) best = took;
      }
      ns += best;
      if (result) ok++;
      else if (parser.isClear(error)) clear++;
      else {
        crash++;
        problems.push(
          `crash ${file.name}: ${String(error?.stack ?? error)
            .split('\n')
            .slice(0, 2)
            .join(' ')}`,
        );
      }
      if (file.count) {
        countKnown++;
        const n = result?.entries ?? 0;
        const right = file.count.exact ? n === file.count.n : n >= file.count.n;
        if (right) countRight++;
        else problems.push(`count ${file.name}: ${n} entries, ${file.count.exact ? '' : 'at least '}${file.count.n} expected`);
      }
      if (file.kind) {
        records.push({ file, rec: { expect: file.expect, bozo: !result, shape: withGuid(result?.shape ?? { feed: {}, entries: [] }) } });
      }
    }
    const verdicts = evaluate(records.map((r) => r.rec));
    let passed = 0;
    records.forEach(({ file }, i) => {
      const pass = verdicts?.[i] === true;
      const k = (kinds[file.kind] ??= { pass: 0, all: 0 });
      k.all++;
      if (pass) {
        k.pass++;
        passed++;
      } else if (verdicts) problems.push(`expect ${file.name}: ${file.expect}`);
    });
    const ms = Number(ns) / 1e6;
    const checks = verdicts ? `${passed} / ${records.length}` : 'n/a';
    console.log(`| ${set} | ${files.length} | ${ok} | ${clear} | ${crash} | ${countRight} / ${countKnown} | ${checks} | ${ms.toFixed(0)} |`);
  }
  console.log('\nExpect checks by what they check (passed / counted):');
  console.log(
    Object.entries(kinds)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k} ${v.pass}/${v.all}`)
      .join(', '),
  );
  if (explain) for (const p of problems) console.log(`  ${p}`);
}
