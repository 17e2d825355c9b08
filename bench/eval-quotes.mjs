// Measures quote extraction and speaker attribution on an annotated corpus.
//
// usage: npm run eval:quotes -- GOLD_DIR [--out PRED.jsonl]
//        node bench/eval-quotes.mjs GOLD_DIR [--out PRED.jsonl]
//
// Each GOLD_DIR/NAME.txt is a raw article (headline line, blank line,
// paragraphs). It takes the road `news import` then `news show --json` take:
// the raw text becomes an article file, which is parsed into an article (the
// dateline taken out, the quotes found). The reader's modules are bundled
// from their TypeScript source with esbuild (Node 20 cannot run TypeScript),
// the predictions are written as JSON Lines, and the corpus scorer
// (../shared/tools/score_quotes.py, or $SCORE_QUOTES) is run on them.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Piped into `head`, a closed stdout is a normal end, not a crash.
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') throw err;
});

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scorer = process.env.SCORE_QUOTES ?? join(root, '..', 'shared', 'tools', 'score_quotes.py');

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : undefined;
const goldDir = args.find((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
if (!goldDir || (outAt >= 0 && !out)) {
  console.error('usage: node bench/eval-quotes.mjs GOLD_DIR [--out PRED.jsonl]');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'eval-quotes-'));
const entry = join(work, 'entry.ts');
writeFileSync(
  entry,
  [
    `export { parseRawText } from ${JSON.stringify(join(root, 'src/parse/raw.ts'))};`,
    `export { articleFileText } from ${JSON.stringify(join(root, 'src/parse/markdown-escape.ts'))};`,
    `export { parseArticle } from ${JSON.stringify(join(root, 'src/parse/article.ts'))};`,
    `export { decodeText } from ${JSON.stringify(join(root, 'src/text/encoding.ts'))};`,
  ].join('\n'),
);
const bundle = join(work, 'reader.cjs');
await build({ entryPoints: [entry], bundle: true, format: 'cjs', platform: 'node', outfile: bundle, logLevel: 'warning' });
const { parseRawText, articleFileText, parseArticle, decodeText } = createRequire(import.meta.url)(bundle);

const names = readdirSync(goldDir).filter((f) => f.endsWith('.txt') && !f.endsWith('.gold.txt')).sort();
const lines = [];
let paragraphs = 0;
let quotes = 0;
const started = process.hrtime.bigint();
for (const name of names) {
  const { text } = decodeText(readFileSync(join(goldDir, name)));
  const file = articleFileText(parseRawText(text));
  const article = parseArticle(file, join(goldDir, name.replace(/\.txt$/, '.md')));
  paragraphs += article.body.length;
  quotes += article.quotes.length;
  // The headline as the raw file writes it: the scorer matches articles by it.
  const headline = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  lines.push(JSON.stringify({ headline, quotes: article.quotes.map(({ text, speaker }) => ({ text, speaker })) }));
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
