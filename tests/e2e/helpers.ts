// Runs the built `bin/news` as a user would: piped, or on a pseudo-terminal
// through `script`.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const NEWS = join(ROOT, 'bin', 'news');

export interface Run {
  stdout: string;
  stderr: string;
  status: number | null;
}

/** Index cache and user library of the test run, apart from the user's own. */
export const HOME = mkdtempSync(join(tmpdir(), 'news-home-'));

/** A clean environment: no colour or pager settings leak in from the caller. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME,
    XDG_CACHE_HOME: join(HOME, 'cache'),
    XDG_DATA_HOME: join(HOME, 'data'),
    LANG: 'C.UTF-8',
  };
  return { ...env, ...extra };
}

export function news(args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [NEWS, ...args], { env: cleanEnv(env), encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 28 });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** news() without blocking: for tests that serve HTTP on this process, or run commands side by side. */
export function newsAsync(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEWS, ...args], { env: cleanEnv(env), cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout, stderr, status }));
  });
}

/** Runs a shell command line (for pipelines) with `news` on the PATH. */
export function shell(command: string, env: Record<string, string> = {}): Run {
  const result = spawnSync('bash', ['-c', command], {
    env: cleanEnv({ ...env, PATH: `${join(ROOT, 'bin')}:${process.env.PATH}` }),
    encoding: 'utf8',
    cwd: ROOT,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** Runs `news` on a pseudo-terminal of the given size; returns what the terminal received. */
export function onTerminal(args: string[], { columns = 80, rows = 200, env = {} as Record<string, string> } = {}): Run {
  const quoted = [NEWS, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const inner = `stty cols ${columns} rows ${rows}; ${quoted}`;
  const result = spawnSync('script', ['-qfec', inner, '/dev/null'], {
    env: cleanEnv({ TERM: 'xterm', ...env }),
    encoding: 'utf8',
    cwd: ROOT,
  });
  return { stdout: result.stdout.replace(/\r\n/g, '\n'), stderr: result.stderr, status: result.status };
}

/** Writes a library of article files into a new temporary folder. */
export function library(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'news-test-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export function articleFile(front: Record<string, string>, body: string): string {
  const lines = Object.entries(front).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}
