// Bundles the CLI into one CommonJS file, dist/news.cjs, and a V8 code cache
// for it, dist/news.cache, made by running a command once: bin/news compiles
// the bundle from that cache, so start-up skips most of the parsing and
// compiling. Commands, colour and wrapping are bundled as lazily initialised
// modules: their top-level code runs only when a command needs them.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);

// commander loads child_process at start-up for subcommands that are separate
// executables, which this CLI does not have; loading it costs more than the
// rest of commander. The stand-in loads the real module on first use.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents:
        "let real; const load = () => (real ??= require('node:child_process'));" +
        'module.exports = new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });',
      loader: 'js',
    }));
  },
};

// js-yaml 3 (under gray-matter) defines a `!!js/function` type that loads a
// JavaScript parser at start-up to build functions from YAML. Front matter is
// read with the safe schema, which never uses it; the stand-in below keeps the
// parser out of start-up and makes sure no such tag can ever resolve.
const noCodeInYaml = {
  name: 'no-code-in-yaml',
  setup(build) {
    build.onLoad({ filter: /js-yaml[\\/]lib[\\/]js-yaml[\\/]type[\\/]js[\\/]function\.js$/ }, (args) => ({
      resolveDir: dirname(args.path),
      contents: "var Type = require('../../type'); module.exports = new Type('tag:yaml.org,2002:js/function', { kind: 'scalar', resolve: function () { return false; } });",
      loader: 'js',
    }));
  },
};
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

// The index keeps articles as the reader parsed them; this key names the code
// that makes its rows, and an index written under another key is rebuilt.
const ROW_SOURCES = ['src/parse', 'src/text', 'src/search', 'src/model.ts', 'src/library/files.ts', 'src/library/names.ts', 'src/index/read.ts', 'src/index/row.ts', 'src/index/schema.ts'];
function readerKey() {
  const hash = createHash('sha256').update(pkg.version);
  const files = ROW_SOURCES.flatMap((entry) => {
    const path = new URL(entry, root);
    return statSync(path).isDirectory() ? readdirSync(path).sort().map((name) => new URL(`${entry}/${name}`, root)) : [path];
  });
  for (const file of files) hash.update(readFileSync(file));
  return `${pkg.version}+${hash.digest('hex').slice(0, 12)}`;
}
rmSync(new URL('dist', root), { recursive: true, force: true });

const options = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  // es2023 rather than node20: esbuild's node20 table rewrites \p{…} regular
  // expressions into RegExp constructions run on every call.
  target: 'es2023',
  minify: process.env.NEWS_BUILD_READABLE !== "1",
  // bin/news runs the bundle as a script, which has no import(): lazily
  // loaded modules become require() calls.
  supported: { 'dynamic-import': false },
  legalComments: 'none',
  define: { NEWS_VERSION: JSON.stringify(pkg.version), NEWS_READER_KEY: JSON.stringify(readerKey()) },
  logLevel: 'warning',
  plugins: [noCodeInYaml, lazyChildProcess],
  absWorkingDir: new URL('.', root).pathname,
};
await build({ ...options, entryPoints: ['src/cli/main.ts'], outfile: 'dist/news.cjs' });
// The index's parse workers (src/index/pool.ts) run this one.
await build({ ...options, entryPoints: ['src/index/worker.ts'], outfile: 'dist/parse-worker.cjs' });

// The code cache holds what V8 compiled during one real command. It runs on
// an empty cache and user library, the same on every machine: the index of
// the bundled articles is built, so the parser's code is in the cache too
// (and the user's own index and library are not touched).
const scratch = mkdtempSync(join(tmpdir(), 'news-build-'));
try {
  execFileSync(process.execPath, ['bin/news', 'show', 'us-iran-is', '--plain'], {
    cwd: root,
    env: { ...process.env, NEWS_WRITE_CODE_CACHE: '1', XDG_CACHE_HOME: scratch, XDG_DATA_HOME: scratch, NEWS_DIR: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
