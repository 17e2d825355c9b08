// The package as people get it: `npm pack` of the built tree, installed
// globally for the `news` command and into another project for the library
// and its types. Nothing is fetched: the bundles hold every dependency but
// better-sqlite3, and for that one (and the types it brings) npm is handed
// the repo's installed folders, so the install neither reaches the registry
// nor compiles the addon again. That no other dependency is installed is
// part of what is tested: the command and the library must run without them.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
const work = mkdtempSync(join(tmpdir(), 'news-package-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const modules = join(ROOT, 'node_modules');
const sqlite = [join(modules, 'better-sqlite3'), join(modules, '@types', 'better-sqlite3')];
const nodeTypes = join(modules, '@types', 'node');
// npm and the command run on the Node that runs the tests; npm's cache is
// empty, so with --offline anything npm would fetch fails.
const env = {
  PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
  HOME: work,
  XDG_CACHE_HOME: join(work, 'cache'),
  XDG_DATA_HOME: join(work, 'data'),
  LANG: 'C.UTF-8',
  npm_config_cache: join(work, 'npm-cache'),
};

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, { env, encoding: 'utf8', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}${result.stderr}`);
  return result.stdout as string;
}
const npm = (args: string[], cwd: string) => run('npm', [...args, '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd });

let tarball: string;
let files: string[];
beforeAll(() => {
  // Packs the dist/ that the suite's build made (npm test builds first):
  // --ignore-scripts skips prepack's build, which would rewrite dist/ under
  // the test files running beside this one.
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], ROOT)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = join(work, packed!.filename);
  files = packed!.files.map((f) => f.path);
}, 60_000);

describe('the package', () => {
  it('holds the built command, the library with its declarations, and the bundled articles, and no sources', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'bin/news',
        'dist/news.cjs',
        'dist/parse-worker.cjs',
        'dist/api.cjs',
        'dist/types/index.d.ts',
        'articles/us-iran-is.md',
        'package.json',
      ]),
    );
    expect(files.filter((f) => /^(src|tests|bench|scripts|node_modules)\//.test(f))).toEqual([]);
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['@types/better-sqlite3', 'better-sqlite3']);
  });

  it('declares nothing in terms of a package it does not depend on', () => {
    const types = join(ROOT, 'dist', 'types');
    const imported = new Set<string>();
    for (const file of readdirSync(types, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.d.ts'))) {
      for (const [, spec] of readFileSync(join(types, file), 'utf8').matchAll(/(?:from |import\()['"]([^'"]+)['"]/g)) {
        if (!spec!.startsWith('.') && !isBuiltin(spec!)) imported.add(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!);
      }
    }
    const ownTypes = (name: string) => {
      const pkg = JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')) as { types?: string; typings?: string };
      return pkg.types !== undefined || pkg.typings !== undefined;
    };
    const typed = (name: string) => `@types/${name.replace(/^@(.*)\//, '$1__')}` in manifest.dependencies || (name in manifest.dependencies && ownTypes(name));
    expect([...imported].filter((name) => !typed(name))).toEqual([]);
  });

  it('installed globally, gives a `news` command that reads its bundled article', () => {
    const prefix = join(work, 'global');
    npm(['install', '--global', '--prefix', prefix, tarball, ...sqlite], work);
    const news = join(prefix, 'bin', 'news');
    expect(run(news, ['show', 'us-iran-is', '--plain'], { cwd: work })).toContain('US Informed Iran of Intent to Hit IS');
    expect(run(news, ['--version'], { cwd: work }).trim()).toBe(manifest.version);
  }, 60_000);

  it("is imported by another project's TypeScript, with its types", () => {
    const project = join(work, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'reader-of-news', private: true, type: 'module' }));
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, types: ['node'], outDir: 'out', skipLibCheck: true },
        include: ['main.ts'],
      }),
    );
    // The expected errors fail the check if the types were lost (any).
    writeFileSync(
      join(project, 'main.ts'),
      `import { parseArticle, type Article } from 'news';
const article: Article = parseArticle('---\\ntitle: Ministers Meet\\n---\\n\\nBRUSSELS — "We agreed," said the chair.\\n', 'ministers-meet.md');
console.log(article.headline, article.quotes.length);
export function misuse() {
  // @ts-expect-error: the text and the path are strings.
  parseArticle(42, 'x.md');
  // @ts-expect-error: a headline is a string.
  const headline: number = article.headline;
  return headline;
}
`,
    );
    npm(['install', tarball, ...sqlite, nodeTypes], project);
    run(process.execPath, [join(modules, 'typescript', 'bin', 'tsc'), '-p', project], { cwd: project });
    expect(run(process.execPath, [join(project, 'out', 'main.js')], { cwd: project }).trim()).toBe('Ministers Meet 1');
  }, 60_000);
});
