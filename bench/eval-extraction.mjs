// Measures article extraction from web pages against the text people marked.
//
// usage: npm run eval:extraction -- [PAGES_DIR] [--out PRED.jsonl] [--baseline] [--worst]
//        node bench/eval-extraction.mjs [PAGES_DIR] [--out PRED.jsonl] [--baseline] [--worst]
//
// PAGES_DIR (default ../shared/corpus/web/pages) holds ID.html pages and
// ground-truth.json ({ID: {url, articleBody}}). Each page is read as bytes
// and extracted with its url, as `news import` will; the body's Markdown is
// read back to plain text by the project's own Markdown reader (the ground
// truth is text, and link targets would count as words), written as JSON
// Lines, and scored by ../shared/tools/score_extraction.py (or
// $SCORE_EXTRACTION) three times: on the development half, on the held-out
// half and on all pages.
//
// The halves are fixed by the site, so one site's pages are all on one side:
// a page is in the development half when the first byte of the SHA-1 of its
// url's host (without "www.") is even. The extraction rules are tuned on the
// development half only; the held-out half says whether they generalise.
//
// --baseline scores plain Readability over linkedom (its textContent) on the
// same halves, for comparison; --worst lists the development half's worst
// pages (never the held-out ones). The module's load time is measured in fresh
// processes, as the command line will pay it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') throw err;
});

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scorer = process.env.SCORE_EXTRACTION ?? join(root, '..', 'shared', 'tools', 'score_extraction.py');

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : undefined;
const baseline = args.includes('--baseline');
const pagesDir = args.find((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1)) ?? join(root, '..', 'shared', 'corpus', 'web', 'pages');
if (outAt >= 0 && !out) {
  console.error('usage: node bench/eval-extraction.mjs [PAGES_DIR] [--out PRED.jsonl] [--baseline]');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'eval-extraction-'));
const entry = join(work, 'entry.ts');
writeFileSync(entry, `export * from ${JSON.stringify(join(root, 'src/web/extract/index.ts'))};\n`);
const readerEntry = join(work, 'reader.ts');
writeFileSync(
  readerEntry,
  [
    `export { markdownToParagraphs } from ${JSON.stringify(join(root, 'src/parse/markdown.ts'))};`,
    `export { Readability } from '@mozilla/readability';`,
    `export { parseHTML } from 'linkedom';`,
  ].join('\n'),
);
const bundle = join(work, 'extract.cjs');
const readerBundle = join(work, 'reader.cjs');
const common = { bundle: true, format: 'cjs', platform: 'node', logLevel: 'warning', nodePaths: [join(root, 'node_modules')] };
await build({ ...common, entryPoints: [entry], outfile: bundle });
await build({ ...common, entryPoints: [readerEntry], outfile: readerBundle });
const require = createRequire(import.meta.url);
const { extractPage, NotAnArticle } = require(bundle);
const { markdownToParagraphs, Readability, parseHTML } = require(readerBundle);

const truth = JSON.parse(readFileSync(join(pagesDir, 'ground-truth.json'), 'utf8'));
const ids = readdirSync(pagesDir)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length))
  .sort();

function half(url) {
  const host = new URL(url).hostname.replace(/^www\./, '');
  return createHash('sha1').update(host).digest()[0] % 2 === 0 ? 'development' : 'held-out';
}

const lines = [];
const times = [];
const refused = [];
const crashed = [];
for (const id of ids) {
  const bytes = readFileSync(join(pagesDir, `${id}.html`));
  const url = truth[id]?.url;
  const started = process.hrtime.bigint();
  let body = [];
  try {
    if (baseline) {
      const { document } = parseHTML(bytes.toString('utf8'));
      body = [new Readability(document).parse()?.textContent ?? ''];
    } else {
      body = markdownToParagraphs(extractPage(bytes, { url }).body.join('\n\n'));
    }
  } catch (err) {
    if (err instanceof NotAnArticle) refused.push(`${id.slice(0, 16)} ${err.message}`);
    else crashed.push(`${id.slice(0, 16)} ${err?.stack ?? err}`);
  }
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
  lines.push(JSON.stringify({ id, body }));
}

const predictions = out ?? join(work, 'predictions.jsonl');
writeFileSync(predictions, lines.join('\n') + '\n');
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
const max = sorted[sorted.length - 1] ?? 0;
console.log(
  `${baseline ? 'plain Readability over linkedom' : 'extractPage'}: ${ids.length} pages, ms per page median ${median.toFixed(1)} max ${max.toFixed(1)}; predictions: ${predictions}`,
);
for (const line of refused) console.log(`refused ${line}`);
for (const line of crashed) console.log(`CRASHED ${line}`);

const halves = { development: {}, 'held-out': {} };
for (const [id, page] of Object.entries(truth)) halves[half(page.url)][id] = page;
const worst = args.includes('--worst');
let status = crashed.length > 0 ? 1 : 0;
for (const [name, pages] of [...Object.entries(halves), ['all', truth]]) {
  const file = join(work, `truth-${name}.json`);
  writeFileSync(file, JSON.stringify(pages));
  const run = spawnSync('python3', [scorer, file, predictions], { encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    status = run.status ?? 2;
    continue;
  }
  const report = run.stdout.trim().split('\n');
  if (worst && name === 'development') for (const line of report.slice(0, -1)) console.log(line);
  console.log(`${name.padEnd(12)} ${report[report.length - 1]}`);
}

if (!baseline) {
  // A fresh process per run: the cost the command line pays on its first page.
  const loads = [];
  for (let i = 0; i < 5; i++) {
    const run = spawnSync(
      process.execPath,
      ['-e', `const t = process.hrtime.bigint(); require(${JSON.stringify(bundle)}); console.log(Number(process.hrtime.bigint() - t) / 1e6);`],
      { encoding: 'utf8' },
    );
    loads.push(Number(run.stdout.trim()));
  }
  loads.sort((a, b) => a - b);
  console.log(`module load: median ${loads[2].toFixed(1)} ms of 5 fresh processes (bundled, as the build ships it)`);
}
process.exitCode = status;
