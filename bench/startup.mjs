// Start-up time of the reader against bare Node, measured side by side in one
// run: each round runs every command once, in turn, so load on the machine
// falls on all of them alike. Prints medians and ratios to `node -e 0`.
//
//   npm run bench               (builds first)
//   node bench/startup.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 40;
const news = ['bin/news'];

const commands = [
  ['node -e 0', ['-e', '0']],
  ['news show us-iran-is --plain', [...news, 'show', 'us-iran-is', '--plain']],
  ['news list', [...news, 'list']],
  ["news search 'iran assad'", [...news, 'search', 'iran assad']],
  ['news --version', [...news, '--version']],
];

// The commands read the bundled articles, with an index of their own: the
// user's library and index are neither measured nor touched.
const scratch = mkdtempSync(join(tmpdir(), 'news-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const env = { ...process.env, XDG_CACHE_HOME: scratch, XDG_DATA_HOME: scratch, NEWS_DIR: '' };

function once(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

for (const [, args] of commands) for (let i = 0; i < 3; i++) once(args); // warm the file cache
const times = commands.map(() => []);
for (let round = 0; round < runs; round++) {
  commands.forEach(([, args], i) => times[i].push(once(args)));
}

const base = median(times[0]);
console.log(`start-up, median of ${runs} runs each, interleaved (Node ${process.version})\n`);
console.log('| command | median ms | × node -e 0 |');
console.log('|---|---:|---:|');
commands.forEach(([name], i) => {
  const m = median(times[i]);
  console.log(`| ${name} | ${m.toFixed(1)} | ${(m / base).toFixed(2)} |`);
});
console.log('\ngoal: news show us-iran-is --plain at most 1.30 × node -e 0');
