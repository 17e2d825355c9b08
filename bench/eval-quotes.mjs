// Measures the quote extractor on an annotated corpus.
//
// usage: node bench/eval-quotes.mjs GOLD_DIR [--out PRED.jsonl]
//
// Each GOLD_DIR/NAME.txt is a headline line, a blank line, then paragraphs
// separated by blank lines. The extractor is bundled from its TypeScript
// source with esbuild (Node 20 cannot run TypeScript), its predictions are
// written as JSON Lines and the corpus scorer is run on them.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Piped into `head`, a closed stdout is a normal end, not a crash.
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') throw err;
});

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scorer = process.env.SCORE_QUOTES ?? '/work/shared/tools/score_quotes.py';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : undefined;
const goldDir = args.find((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
if (!goldDir || (outAt >= 0 && !out)) {
  console.error('usage: node bench/eval-quotes.mjs GOLD_DIR [--out PRED.jsonl]');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'eval-quotes-'));
const bundle = join(work, 'quotes.mjs');
await build({
  entryPoints: [join(root, 'src/parse/quotes.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: bundle,
  logLevel: 'warning',
});
const { extractQuotes } = await import(pathToFileURL(bundle).href);

const names = readdirSync(goldDir).filter((f) => f.endsWith('.txt') && !f.endsWith('.gold.txt')).sort();
const lines = [];
let paragraphs = 0;
let quotes = 0;
const started = process.hrtime.bigint();
for (const name of names) {
  const text = readFileSync(join(goldDir, name), 'utf8').replace(/\r\n?/g, '\n');
  const [headline = '', ...rest] = text.split('\n');
  const body = rest
    .join('\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  paragraphs += body.length;
  const found = extractQuotes(body);
  quotes += found.length;
  lines.push(JSON.stringify({ headline, quotes: found.map(({ text, speaker }) => ({ text, speaker })) }));
}
const ms = Number(process.hrtime.bigint() - started) / 1e6;

const predictions = out ?? join(work, 'predictions.jsonl');
writeFileSync(predictions, lines.join('\n') + '\n');
console.log(
  `${names.length} articles, ${paragraphs} paragraphs, ${quotes} quotes extracted in ${ms.toFixed(0)} ms; predictions: ${predictions}`,
);

const scored = spawnSync('python3', [scorer, goldDir, predictions], { encoding: 'utf8' });
process.stdout.write(scored.stdout);
process.stderr.write(scored.stderr);
process.exitCode = scored.status ?? 2;
