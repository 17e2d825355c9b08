// Builds dist/:
//   news.cjs          the CLI, one CommonJS file that bin/news runs;
//   web.cjs           pages, feeds and HTTP (src/web/index.ts), loaded only
//                     by the commands that import or fetch;
//   parse-worker.cjs  the index's worker threads (src/index/worker.ts);
//   news.1            the man page, from the command tree and the README;
//   news-*.cache      a V8 code cache of news.cjs, made by running a command
//                     once: bin/news compiles the bundle from it, so start-up
//                     skips most of the parsing and compiling;
//   api.cjs, types/   the library API (src/index.ts) and its declarations,
//                     what `import … from 'news'` loads.
// Commands, colour and wrapping are bundled as lazily initialised modules:
// their top-level code runs only when a command needs them. Every dependency
// but better-sqlite3's compiled addon is inside the bundles.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const require = createRequire(import.meta.url);
const pkg = require('../package.json');

// A stand-in replaces code inside a dependency, found by its path or by who
// imports it. An update of the dependency can move that code, and the
// stand-in would then quietly replace nothing: a build in which a stand-in
// matched nothing fails.
function standIn(name, setup) {
  return {
    name,
    setup(build) {
      let matched = 0;
      setup(build, () => matched++);
      build.onEnd((result) =>
        matched > 0 || result.errors.length > 0
          ? undefined
          : { errors: [{ text: `stand-in ${name} matched nothing: its dependency changed; see scripts/build.mjs` }] },
      );
    },
  };
}

// commander loads child_process at start-up for subcommands that are separate
// executables, which this CLI does not have; loading it costs more than the
// rest of commander. The stand-in loads the real module on first use.
const lazyChildProcess = standIn('lazy-child-process', (build, matched) => {
  build.onResolve({ filter: /^(node:)?child_process$/ }, (args) => {
    if (!/[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)) return undefined;
    matched();
    return { path: 'child_process', namespace: 'lazy' };
  });
  build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
    contents:
      "let real; const load = () => (real ??= require('node:child_process'));" +
      'module.exports = new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });',
    loader: 'js',
  }));
});

// gray-matter loads js-yaml 3 for its default YAML engine, and js-yaml loads
// a JavaScript parser for its `!!js/function` type. Front matter is read by
// the yaml package instead (src/parse/article.ts hands gray-matter its own
// engine), so js-yaml would only cost start-up: a stand-in takes its place,
// and fails if it is ever called.
const noJsYaml = standIn('no-js-yaml', (build, matched) => {
  build.onResolve({ filter: /^js-yaml$/ }, (args) => {
    if (!/[\\/]node_modules[\\/]gray-matter[\\/]/.test(args.importer)) return undefined;
    matched();
    return { path: 'js-yaml', namespace: 'left-out' };
  });
  build.onLoad({ filter: /.*/, namespace: 'left-out' }, () => ({
    contents:
      "const leftOut = () => { throw new Error('js-yaml is left out of the news bundles: front matter is read by the yaml package'); };" +
      'module.exports = { safeLoad: leftOut, safeDump: leftOut, load: leftOut, dump: leftOut };',
    loader: 'js',
  }));
});

// linkedom (the DOM web pages are read into) draws on canvas when it is
// installed and falls back to a stand-in of its own when loading it throws:
// pages are read for their text, so the loading always throws.
const noCanvas = standIn('no-canvas', (build, matched) => {
  build.onResolve({ filter: /^canvas$/ }, (args) => {
    if (!/[\\/]node_modules[\\/]linkedom[\\/]/.test(args.importer)) return undefined;
    matched();
    return { path: 'canvas', namespace: 'no-canvas' };
  });
  build.onLoad({ filter: /.*/, namespace: 'no-canvas' }, () => ({
    contents: "throw new Error('canvas is left out of the news bundles');",
    loader: 'js',
  }));
});

// The web module (src/web/index.ts: HTML, feed and HTTP libraries, larger
// than the rest of the reader together) is a bundle of its own, web.cjs,
// which the CLI loads only when a command imports or fetches: code outside
// src/web/ reaches it only through that module, by `await import()`.
const WEB_MODULE = join(root, 'src', 'web', 'index.ts');
const webApart = standIn('web-apart', (build, matched) => {
  build.onResolve({ filter: /[\\/]web[\\/]index\.js$/ }, (args) => {
    if (join(args.resolveDir, args.path.replace(/\.js$/, '.ts')) !== WEB_MODULE) return undefined;
    if (args.importer.startsWith(join(root, 'src', 'web'))) return undefined;
    matched();
    return { path: './web.cjs', external: true };
  });
});

const options = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  // es2023 rather than node20: esbuild's node20 table rewrites \p{…} regular
  // expressions into RegExp constructions run on every call.
  target: 'es2023',
  minify: process.env.NEWS_BUILD_READABLE !== '1',
  // bin/news runs the bundle as a script, which has no import(): lazily
  // loaded modules become require() calls.
  supported: { 'dynamic-import': false },
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
  write: false,
};
// The quote rules' lexicon (src/parse/quotes/lexicon-source.ts) is read out
// of compromise here, once, and its text bundled in the module's place: the
// bundles hold the words, and never load compromise (about 300 ms).
const LEXICON_SOURCE = join(root, 'src', 'parse', 'quotes', 'lexicon-source.ts');
const lexiconModule = await build({ ...options, entryPoints: [LEXICON_SOURCE], outfile: 'lexicon.cjs', minify: false });
const lexiconScript = join(tmpdir(), `news-lexicon-${process.pid}.cjs`);
let lexicon;
try {
  writeFileSync(lexiconScript, lexiconModule.outputFiles[0].text);
  lexicon = require(lexiconScript);
} finally {
  rmSync(lexiconScript, { force: true });
}
const bakedLexicon = standIn('baked-lexicon', (build, matched) => {
  build.onLoad({ filter: /[\\/]lexicon-source\.ts$/ }, (args) => {
    if (args.path !== LEXICON_SOURCE) return undefined;
    matched();
    const text = lexicon.lexiconText();
    return {
      contents:
        `export const WORD_CLASSES = ${JSON.stringify(lexicon.WORD_CLASSES)};` +
        `const TEXT = ${JSON.stringify(text)}; export function lexiconText() { return TEXT; }`,
      loader: 'js',
    };
  });
});

// Node's own modules of versions after 20, which dependencies load only where they exist.
const LATER_BUILTINS = new Set(['node:sqlite']);
// A package installs better-sqlite3 alone (for its compiled addon): every
// other module a bundle loads must be inside it or Node's own.
const bundle = async (entry, plugins, define, extra = {}) => {
  const result = await build({
    ...options,
    ...extra,
    entryPoints: [entry],
    outfile: 'out.cjs',
    metafile: true,
    plugins,
    define: { NEWS_VERSION: JSON.stringify(pkg.version), ...define },
  });
  for (const input of Object.values(result.metafile.inputs)) {
    for (const { path, external } of input.imports) {
      if (external && !isBuiltin(path) && !LATER_BUILTINS.has(path) && path !== './web.cjs')
        throw new Error(`build: ${entry} loads ${path} from outside the bundle`);
    }
  }
  return result.outputFiles[0].text;
};
const hash = (text) => createHash('sha256').update(text).digest('hex');

// The index keeps articles as the reader parsed them, and an index written
// under another reader key is rebuilt. The key is the hash of the worker
// bundle, which holds all the code that makes rows, dependencies included; it
// is built with a placeholder where the key goes, and the key put in after.
const PLACEHOLDER = 'news-reader-key-placeholder';
const workerWithPlaceholder = await bundle('src/index/worker.ts', [noJsYaml, bakedLexicon], { NEWS_READER_KEY: JSON.stringify(PLACEHOLDER) });
const readerKey = `${pkg.version}+${hash(workerWithPlaceholder).slice(0, 12)}`;
const worker = workerWithPlaceholder.replaceAll(PLACEHOLDER, readerKey);
const withKey = { NEWS_READER_KEY: JSON.stringify(readerKey) };
const cli = await bundle('src/cli/main.ts', [noJsYaml, lazyChildProcess, webApart, bakedLexicon], withKey);
const web = await bundle('src/web/index.ts', [noCanvas], withKey);
// The library is readable: it is for programs, whose start-up it does not rule.
const api = await bundle('src/index.ts', [noJsYaml, noCanvas, bakedLexicon], withKey, { minify: false, supported: {} });
// The CLI checks the key of an index that a worker may have written.
if (!cli.includes(readerKey) || [cli, worker, api].some((text) => text.includes(PLACEHOLDER))) throw new Error('build: the bundles disagree on the reader key');

// bin/news names its code cache by this first line, the version and a hash
// of the bundle, so a cache is only ever read by the bundle it was made for.
const stamped = `// news ${pkg.version} ${hash(cli).slice(0, 16)}\n${cli}`;

// Each file is written whole and then renamed into place: a command running
// during a build reads either the old file or the new, never half of one.
const FILES = ['news.cjs', 'web.cjs', 'parse-worker.cjs', 'api.cjs', 'types', 'news.1'];
mkdirSync(dist, { recursive: true });
for (const name of readdirSync(dist)) if (!FILES.includes(name)) rmSync(join(dist, name), { recursive: true, force: true });
const place = (name, text) => {
  writeFileSync(join(dist, `${name}.${process.pid}.tmp`), text);
  renameSync(join(dist, `${name}.${process.pid}.tmp`), join(dist, name));
};
place('parse-worker.cjs', worker);
place('api.cjs', api);
place('web.cjs', web);
place('news.cjs', stamped);

// The man page, news(1), from the command tree that --help prints (main.ts
// commandTree, program.ts) and from the README's sections (src/cli/man.ts).
// Its date is SOURCE_DATE_EPOCH's, for builds that must be reproducible.
const manModule = await build({
  ...options,
  minify: false,
  stdin: {
    contents: "export { commandTree } from './src/cli/main.ts'; export { manPage } from './src/cli/man.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  outfile: 'man.cjs',
  plugins: [noJsYaml, lazyChildProcess, webApart, bakedLexicon],
  define: { NEWS_VERSION: JSON.stringify(pkg.version), ...withKey },
});
const manScript = join(dist, `.man-${process.pid}.cjs`);
try {
  writeFileSync(manScript, manModule.outputFiles[0].text);
  const { commandTree, manPage } = require(manScript);
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const date = (epoch ? new Date(Number(epoch) * 1000) : new Date()).toISOString().slice(0, 10);
  place('news.1', manPage(commandTree(), readFileSync(join(root, 'README.md'), 'utf8'), { version: pkg.version, date }));
} finally {
  rmSync(manScript, { force: true });
}

// The code cache holds what V8 compiled during one real command, run on the
// bundled articles with an index and user library of its own, the same on
// every machine (the user's are not touched). The index is built first and
// the cache made on a second run: a command on an up-to-date index, the usual
// case, then loads only the code it runs. Parsing articles is left out, and
// compiled when an index is updated: a cache with it is three times as large,
// and slower to load on every start.
const scratch = mkdtempSync(join(tmpdir(), 'news-build-'));
try {
  for (const writeCache of ['0', '1']) {
    execFileSync(process.execPath, ['bin/news', 'show', 'us-iran-is', '--plain'], {
      cwd: root,
      env: { ...process.env, NEWS_WRITE_CODE_CACHE: writeCache, XDG_CACHE_HOME: scratch, XDG_DATA_HOME: scratch, NEWS_DIR: '' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// Declarations of the library API, by tsc (tsconfig.build.json), written to
// a scratch folder and then put in place of the old ones.
const types = mkdtempSync(join(dist, '.types-'));
try {
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', types], {
    cwd: root,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) throw new Error('build: tsc could not write the declarations of src/index.ts');
  chmodSync(types, 0o755);
  rmSync(join(dist, 'types'), { recursive: true, force: true });
  renameSync(types, join(dist, 'types'));
} finally {
  rmSync(types, { recursive: true, force: true });
}
