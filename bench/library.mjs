// Libraries of 1,000, 10,000 and 100,000 articles, measured side by side in
// one run: `news search` against `rg -il` and `grep -ril` over the same files,
// `news list --limit 50`, `news show`, `node -e 0`, the first index build, an
// incremental update after one new file, and peak memory; then the same
// articles as one flat folder (a scraper's output: `--dir ~/archive`), beside
// the sharded library `news import` writes: first build (time, CPU, peak
// memory), the first command after one article is added, and the next.
// Prints the tables and writes bench/RESULTS.md.
//
//   npm run bench -- ../shared/corpus                (builds first)
//   node bench/library.mjs CORPUS [--sizes 1000,10000] [--runs 10] [--query minister]
//
// The libraries are made from the raw articles below CORPUS (headline line,
// blank line, paragraphs), repeated with numbered headlines, and imported
// with `news import`, in a temporary folder that is removed afterwards. The
// flat folder is a copy of the imported library's article files.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchArgs, median, rawFiles } from './corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const news = join(root, 'bin', 'news');
const { flag, corpus } = benchArgs(process.argv.slice(2), root);
const sizes = flag('--sizes', '1000,10000,100000').split(',').map(Number);
const runs = Number(flag('--runs', '10'));
const query = flag('--query', 'minister');
const phrase = flag('--phrase', 'prime minister');

if (!existsSync(corpus)) {
  console.error(`bench/library.mjs: no corpus folder ${corpus}; give a folder of raw .txt articles`);
  process.exit(2);
}
const have = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const rg = have('rg');

const work = mkdtempSync(join(tmpdir(), 'news-bench-'));
const sources = rawFiles(corpus).map((path) => readFileSync(path));

/** Writes `count` raw articles: the corpus over and over, headlines numbered from the second round. */
function makeRaw(dir, count, from = 0) {
  mkdirSync(dir, { recursive: true });
  for (let i = from; i < from + count; i++) {
    const bytes = sources[i % sources.length];
    const round = Math.floor(i / sources.length);
    let text = bytes;
    if (round > 0) {
      const newline = bytes.indexOf(0x0a);
      const headline = bytes
        .subarray(0, newline < 0 ? bytes.length : newline)
        .toString('latin1')
        .replace(/\r$/, '');
      text = Buffer.concat([Buffer.from(`${headline} (${round + 1})`, 'latin1'), newline < 0 ? Buffer.alloc(0) : bytes.subarray(newline)]);
    }
    writeFileSync(join(dir, `r${String(i).padStart(6, '0')}.txt`), text);
  }
}

function run(command, argv, env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, argv, { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && !(result.status === 1 && /^(rg|grep)$/.test(command))) {
    throw new Error(`${command} ${argv.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return { ms, stdout: result.stdout.toString(), stderr: result.stderr.toString() };
}

/** The max RSS, in MB, that `GNU time -f %M` printed last on stderr. */
function mbOf(stderr) {
  const kb = Number(stderr.toString().trim().split('\n').pop());
  return Number.isFinite(kb) ? kb / 1024 : null;
}

/** One timed run, with its peak memory (MB) when GNU time is there to tell it. */
function runPeak(command, argv, env) {
  if (!gnuTime) return { ...run(command, argv, env), mb: null };
  const result = run(gnuTime, ['-f', '%M', command, ...argv], env);
  return { ...result, mb: mbOf(result.stderr) };
}

/** One timed run with its CPU time (user + system, ms) and peak memory (MB), when GNU time is there to tell them. */
function runCpu(command, argv, env) {
  if (!gnuTime) return { ...run(command, argv, env), cpu: null, mb: null };
  const result = run(gnuTime, ['-f', '%U %S %M', command, ...argv], env);
  const [user, system, kb] = result.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { ...result, cpu: (user + system) * 1000, mb: kb / 1024 };
}

/** Copies every article file below `from` (not its .news folder) into the one folder `to`. */
function flatten(from, to) {
  mkdirSync(to, { recursive: true });
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) copyFileSync(path, join(to, entry.name));
    }
  };
  walk(from);
}

/** Peak memory (max RSS, MB) of one run, its output to /dev/null, through GNU time. */
function peakMb(command, argv, env) {
  if (!gnuTime) return null;
  return mbOf(spawnSync(gnuTime, ['-f', '%M', command, ...argv], { env, stdio: ['ignore', 'ignore', 'pipe'] }).stderr);
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

const results = [];
try {
  for (const size of sizes) {
    const raw = join(work, `raw-${size}`);
    const lib = join(work, `lib-${size}`);
    const env = { ...process.env, XDG_CACHE_HOME: join(work, `cache-${size}`), XDG_DATA_HOME: join(work, 'data'), NO_COLOR: '1' };
    const nodeArgs = (...rest) => [news, '--dir', lib, ...rest];
    console.error(`${size}: writing raw articles…`);
    makeRaw(raw, size);
    console.error(`${size}: importing…`);
    const imported = runPeak(process.execPath, nodeArgs('import', raw), env);
    console.error(`${size}: first index build…`);
    const build = runCpu(process.execPath, nodeArgs('index'), env);
    const buildMem = build.mb;
    const slug = run(process.execPath, nodeArgs('list', '--limit', '1', '--format', '{slug}'), env).stdout.trim();

    const commands = [
      ['node -e 0', process.execPath, ['-e', '0']],
      ['news list --limit 50', process.execPath, nodeArgs('list', '--limit', '50')],
      ['news show SLUG', process.execPath, nodeArgs('show', slug)],
      [`news search ${query}`, process.execPath, nodeArgs('search', query)],
      [`news search "${phrase}"`, process.execPath, nodeArgs('search', `"${phrase}"`)],
      ...(rg
        ? [
            [`rg -il ${query}`, 'rg', ['-il', query, lib]],
            [`rg -il '${phrase}'`, 'rg', ['-il', phrase, lib]],
          ]
        : []),
      [`grep -ril ${query}`, 'grep', ['-ril', query, lib]],
    ];
    for (const [, command, argv] of commands) run(command, argv, env); // warm the page cache
    const times = commands.map(() => []);
    console.error(`${size}: ${runs} rounds…`);
    for (let round = 0; round < runs; round++) {
      commands.forEach(([name, command, argv], i) => {
        // grep reads every byte: a few runs of it say enough.
        if (name.startsWith('grep') && round >= Math.min(runs, 3)) return;
        times[i].push(run(command, argv, env).ms);
      });
    }
    const medians = Object.fromEntries(commands.map(([name], i) => [name, median(times[i])]));
    const memory = Object.fromEntries(commands.filter(([name]) => name.startsWith('news')).map(([name, command, argv]) => [name, peakMb(command, argv, env)]));
    // Commands whose output is the whole library, not to a terminal (/dev/null).
    const wholeMem = {
      'news list': peakMb(process.execPath, nodeArgs('list'), env),
      'news list --json': peakMb(process.execPath, nodeArgs('list', '--json'), env),
      'news quotes': peakMb(process.execPath, nodeArgs('quotes'), env),
    };

    // One new article, then the search that picks it up and the next one, against a warm search.
    const updates = [];
    const nexts = [];
    for (let k = 0; k < Math.min(runs, 5); k++) {
      const extra = join(work, `extra-${size}-${k}`);
      makeRaw(extra, 1, size + k);
      run(process.execPath, nodeArgs('import', extra), env);
      updates.push(run(process.execPath, nodeArgs('search', query), env).ms);
      nexts.push(run(process.execPath, nodeArgs('search', query), env).ms);
    }
    const warm = medians[`news search ${query}`];

    // The same articles as one flat folder: its own index, its first build, one article written into it.
    console.error(`${size}: flat folder…`);
    const flat = join(work, `flat-${size}`);
    flatten(lib, flat);
    rmSync(lib, { recursive: true, force: true });
    const flatEnv = { ...env, XDG_CACHE_HOME: join(work, `cache-flat-${size}`) };
    const flatArgs = (...rest) => [news, '--dir', flat, ...rest];
    const flatBuild = runCpu(process.execPath, flatArgs('index'), flatEnv);
    const flatWarm = [];
    const flatUpdates = [];
    const flatNexts = [];
    run(process.execPath, flatArgs('search', query), flatEnv);
    for (let round = 0; round < runs; round++) flatWarm.push(run(process.execPath, flatArgs('search', query), flatEnv).ms);
    // What noticing a change must at least do: read the folder's names, here by a bare node, as the index does.
    const lister = `const d = require('fs').opendirSync(process.argv[1], { bufferSize: 1024 }); while (d.readSync() !== null); d.closeSync();`;
    const flatListing = [];
    for (let round = 0; round < runs; round++) flatListing.push(run(process.execPath, ['-e', lister, flat], flatEnv).ms);
    const model = readdirSync(flat).find((name) => name.endsWith('.md'));
    for (let k = 0; k < Math.min(runs, 5); k++) {
      copyFileSync(join(flat, model), join(flat, `added-${k}.md`));
      flatUpdates.push(run(process.execPath, flatArgs('search', query), flatEnv).ms);
      flatNexts.push(run(process.execPath, flatArgs('search', query), flatEnv).ms);
    }
    rmSync(flat, { recursive: true, force: true });
    results.push({
      size,
      imported: imported.ms,
      importMem: imported.mb,
      wholeMem,
      build: build.ms,
      buildCpu: build.cpu,
      buildMem,
      medians,
      memory,
      update: median(updates),
      next: median(nexts),
      warm,
      flat: {
        build: flatBuild.ms,
        buildCpu: flatBuild.cpu,
        buildMem: flatBuild.mb,
        warm: median(flatWarm),
        update: median(flatUpdates),
        next: median(flatNexts),
        listing: median(flatListing),
      },
    });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const lines = [];
lines.push(`# news: library benchmark`, '');
lines.push(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; corpus ${corpus} repeated with numbered headlines;`);
lines.push(`medians of ${runs} interleaved runs (grep: 3); peak memory is the largest resident set of one run (GNU time).`, '');
for (const r of results) {
  const base = r.medians['node -e 0'];
  lines.push(`## ${r.size.toLocaleString('en')} articles`, '');
  lines.push('| command | median | × node -e 0 | peak MB |', '|---|---:|---:|---:|');
  for (const [name, ms] of Object.entries(r.medians)) {
    const mem = r.memory[name];
    lines.push(`| ${name} | ${fmt(ms)} | ${(ms / base).toFixed(2)} | ${mem == null ? '' : mem.toFixed(0)} |`);
  }
  lines.push('');
  const ratio = (a, b) => (r.medians[a] !== undefined && r.medians[b] !== undefined ? (r.medians[a] / r.medians[b]).toFixed(2) : 'n/a');
  lines.push(
    `- news search / rg -il: ${ratio(`news search ${query}`, `rg -il ${query}`)} (word), ${ratio(`news search "${phrase}"`, `rg -il '${phrase}'`)} (phrase); news search / grep -ril: ${ratio(`news search ${query}`, `grep -ril ${query}`)}`,
  );
  lines.push(
    `- first index build: ${fmt(r.build)}${r.buildMem == null ? '' : `, peak ${r.buildMem.toFixed(0)} MB`}; import of the raw files: ${fmt(r.imported)}${r.importMem == null ? '' : `, peak ${r.importMem.toFixed(0)} MB`}`,
  );
  if (r.wholeMem)
    lines.push(
      `- peak memory of commands printing the whole library to /dev/null: ${Object.entries(r.wholeMem)
        .map(([name, mb]) => `${name} ${mb == null ? 'n/a' : `${mb.toFixed(0)} MB`}`)
        .join(', ')}`,
    );
  lines.push(`- one new article picked up and searched: ${fmt(r.update)} = ${(r.update / r.warm).toFixed(2)} × a warm search`, '');
}
for (const r of results) {
  const f = r.flat;
  const mb = (value) => (value == null ? '' : `${value.toFixed(0)} MB`);
  const cpu = (value) => (value == null ? '' : fmt(value));
  const times = (ms, warm) => `${fmt(ms)} (${(ms / warm).toFixed(2)} ×)`;
  lines.push(`## ${r.size.toLocaleString('en')} articles, sharded and in one folder`, '');
  lines.push(
    `The library \`news import\` writes (256 folders) beside the same article files in one flat folder (a scraper's output); a command after one article is added: × the library's warm search.`,
    '',
  );
  lines.push('| | sharded (news import) | one flat folder |', '|---|---:|---:|');
  lines.push(`| first index build | ${fmt(r.build)} | ${fmt(f.build)} |`);
  lines.push(`| its CPU time (user + system) | ${cpu(r.buildCpu)} | ${cpu(f.buildCpu)} |`);
  lines.push(`| its peak memory | ${mb(r.buildMem)} | ${mb(f.buildMem)} |`);
  lines.push(`| warm \`news search ${query}\` | ${fmt(r.warm)} | ${fmt(f.warm)} |`);
  lines.push(`| first search after one article is added | ${times(r.update, r.warm)} | ${times(f.update, f.warm)} |`);
  lines.push(`| the search after that | ${times(r.next, r.warm)} | ${times(f.next, f.warm)} |`, '');
  lines.push(
    `Added: sharded, by \`news import\` of one raw article; flat, an article file written into the folder. Medians of ${Math.min(runs, 5)} (warm: ${runs}); one build each.`,
    '',
  );
  const base = r.medians['node -e 0'];
  lines.push(
    `Reading the flat folder's names, which noticing the change must do, takes a bare \`node\` ${fmt(f.listing)} against ${fmt(base)} for \`node -e 0\`: the listing alone is ${((f.listing - base) / f.warm).toFixed(2)} × the warm search.`,
    '',
  );
}
const report = lines.join('\n');
console.log(report);
// Other benchmarks keep sections of their own in the file (update.mjs, the
// extraction and feed figures): those are kept, after this one's.
const resultsFile = join(root, 'bench', 'RESULTS.md');
const others = existsSync(resultsFile)
  ? readFileSync(resultsFile, 'utf8')
      .split(/^(?=## )/m)
      .slice(1)
      // Only this script's own sections, `## 1,000 articles` and the like, are replaced.
      .filter((section) => !/^## [\d,]+ articles(, sharded and in one folder)?\n/.test(section))
  : [];
writeFileSync(resultsFile, [report.trimEnd() + '\n', ...others].join('\n'));
