// Searches of a small library with and without one article of the largest
// size the reader takes (issue 12: one large article stalled common-word
// searches in snippet-making), measured side by side in one run: `news search
// WORD`, the same with `--json`, and a phrase, medians of interleaved runs,
// then the ratio of each with the large article to it without. --write puts
// the table into bench/RESULTS.md, in place of the one there.
//
//   npm run build && node bench/search.mjs [CORPUS] [--articles 200] [--runs 5] [--big-mb 7.5] [--query minister] [--phrase "prime minister"] [--write]
//
// The library is made from raw articles below CORPUS (headline line, blank
// line, paragraphs), spread across it, and imported with `news import`; the
// large article is the corpus's paragraphs holding the word, over and over.
// All of it lives in a temporary folder (the index too: XDG_CACHE_HOME),
// removed afterwards.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchArgs, median, rawFiles, writeSection } from './corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const news = join(root, 'bin', 'news');
const { flag, corpus } = benchArgs(process.argv.slice(2), root);
const articles = Number(flag('--articles', '200'));
const runs = Number(flag('--runs', '5'));
const bigBytes = Math.round(Number(flag('--big-mb', '7.5')) * 1e6);
const query = flag('--query', 'minister');
const phrase = flag('--phrase', 'prime minister');
const WRITE = process.argv.includes('--write');
const HEADING = '## A search beside one large article';

if (!existsSync(corpus)) {
  console.error(`bench/search.mjs: no corpus folder ${corpus}; give a folder of raw .txt articles`);
  process.exit(2);
}

function run(argv, env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [news, ...argv], { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`news ${argv.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, stdout: result.stdout.toString() };
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

const work = mkdtempSync(join(tmpdir(), 'news-bench-search-'));
try {
  const files = rawFiles(corpus);
  const step = Math.max(1, Math.floor(files.length / articles));
  const chosen = files.filter((_, i) => i % step === 0).slice(0, articles);
  const raw = join(work, 'raw');
  mkdirSync(raw);
  chosen.forEach((path, i) => writeFileSync(join(raw, `r${String(i).padStart(4, '0')}.txt`), readFileSync(path)));

  // The large article: every corpus paragraph holding the word, repeated to the size asked.
  const word = new RegExp(`\\b${query}\\b`, 'i');
  const paragraphs = files.flatMap((path) =>
    readFileSync(path, 'utf8')
      .split(/\r?\n\s*\r?\n/)
      .slice(1)
      .filter((p) => word.test(p)),
  );
  if (paragraphs.length === 0) throw new Error(`no paragraph of ${corpus} holds ${query}`);
  const big = [`Large file about the ${query}`];
  for (let bytes = 0, k = 0; bytes < bigBytes; k++) {
    const p = paragraphs[k % paragraphs.length].replace(/\s+/g, ' ').trim();
    big.push(p);
    bytes += Buffer.byteLength(p) + 2;
  }
  const bigRaw = join(work, 'big');
  mkdirSync(bigRaw);
  writeFileSync(join(bigRaw, 'zz-large.txt'), big.join('\n\n') + '\n');

  const lib = join(work, 'lib');
  const env = { ...process.env, XDG_CACHE_HOME: join(work, 'cache'), XDG_DATA_HOME: join(work, 'data'), NO_COLOR: '1' };
  run(['--dir', lib, 'import', raw], env);

  const commands = [
    [`news search ${query}`, ['--dir', lib, 'search', query]],
    [`news search ${query} --json`, ['--dir', lib, 'search', query, '--json']],
    [`news search "${phrase}"`, ['--dir', lib, 'search', `"${phrase}"`]],
  ];
  const measure = (label) => {
    for (const [, argv] of commands) run(argv, env); // the index brought up to date, the page cache warm
    const times = commands.map(() => []);
    for (let round = 0; round < runs; round++) {
      console.error(`${label}: round ${round + 1} of ${runs}…`);
      commands.forEach(([, argv], i) => times[i].push(run(argv, env).ms));
    }
    return times.map(median);
  };
  const without = measure('without');
  run(['--dir', lib, 'import', bigRaw], env);
  const largeMd = readdirSync(lib, { recursive: true }).find((name) => String(name).endsWith('.md') && /large/.test(String(name)));
  const largeSize = largeMd === undefined ? 0 : statSync(join(lib, String(largeMd))).size;
  // Its snippet is made only if it is among the hits shown.
  const rank =
    run(['--dir', lib, 'search', query, '--plain'], env)
      .stdout.split('\n')
      .findIndex((line) => /^[^\t]*large/.test(line)) + 1;
  if (rank === 0) throw new Error(`the large article is not among the hits of news search ${query}`);
  const withLarge = measure('with');

  const lines = [
    HEADING,
    '',
    `A library of ${chosen.length} articles, without and with one of ${(largeSize / 1048576).toFixed(2)} MiB (\`node bench/search.mjs\`).`,
    '',
  ];
  lines.push(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; corpus ${corpus}; medians of ${runs} interleaved runs;`);
  lines.push(`the large article is hit ${rank} of \`news search ${query}\`.`, '');
  lines.push('| command | without | with | with / without |', '|---|---:|---:|---:|');
  commands.forEach(([name], i) => lines.push(`| ${name} | ${fmt(without[i])} | ${fmt(withLarge[i])} | ${(withLarge[i] / without[i]).toFixed(2)} |`));
  const report = lines.join('\n');
  console.log(report);
  if (WRITE) writeSection(root, HEADING, report);
} finally {
  rmSync(work, { recursive: true, force: true });
}
