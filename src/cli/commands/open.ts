// `news open SLUG`: the article's URL in a browser. The URL is text from a
// feed or a page, so it is untrusted: only http(s) URLs are opened, and they
// reach the browser as one argument of a command run without a shell.
import { spawn } from 'node:child_process';
import { sanitize } from '../../text/sanitize.js';
import { browserSetting } from '../config.js';
import { openLibrary, readNamedArticles, type CommandResult, type Context } from '../context.js';
import { FailedError, UsageError } from '../errors.js';

/** The URL, if it is one a browser may be given: http or https, normalised (so it starts with the scheme, never with `-`). */
export function openableUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/**
 * A command line split into words as a POSIX shell splits them: blanks
 * between words, '…' taken as it is, "…" and \ escaping the next character.
 * Nothing is expanded: there is no shell.
 */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else word = (word ?? '') + c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) word = (word ?? '') + line[++i]!;
      else word = (word ?? '') + c;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (c === '\\') {
      word = (word ?? '') + (line[++i] ?? '');
    } else {
      word = (word ?? '') + c;
    }
  }
  if (quote !== null) throw new UsageError(`the command '${line}' has a ${quote === "'" ? 'single' : 'double'} quote not closed`);
  if (word !== null) words.push(word);
  return words;
}

/** The command's words with the URL in place of each `placeholder`, or added as the last word when there is none. */
export function browserArgs(command: string, url: string, placeholder: '%u' | '%s'): string[] {
  const words = shellWords(command);
  if (!words.some((word) => word.includes(placeholder))) return [...words, url];
  return words.map((word) => word.split(placeholder).join(url));
}

/** Over SSH with no display a browser would open, if at all, on another screen: the URL is printed instead. */
export function remoteWithoutDisplay(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.SSH_CONNECTION || env.SSH_CLIENT || env.SSH_TTY) && !env.DISPLAY && !env.WAYLAND_DISPLAY;
}

type Ran = { kind: 'ok' } | { kind: 'not-found' } | { kind: 'failed'; why: string };

/** Runs a browser (no shell) and waits for it, as xdg-open does, to tell one that worked from one that did not. */
function runBrowser(args: readonly string[], ctx: Context): Promise<Ran> {
  return new Promise((resolve) => {
    if (args.length === 0 || args[0] === '') return resolve({ kind: 'not-found' });
    const child = spawn(args[0]!, args.slice(1), { env: ctx.env, stdio: ['inherit', ctx.stdout.isTTY ? 'inherit' : 'ignore', 'inherit'] });
    child.on('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ENOENT' ? { kind: 'not-found' } : { kind: 'failed', why: error.code ?? error.message }),
    );
    child.on('close', (code, signal) => resolve(code === 0 ? { kind: 'ok' } : { kind: 'failed', why: signal ?? `exit status ${code}` }));
  });
}

export async function openCommand(ctx: Context, slug: string): Promise<CommandResult> {
  const index = await openLibrary(ctx);
  const { articles, failed } = readNamedArticles(ctx, index, [slug]);
  index.close();
  const article = articles[0];
  if (article === undefined) return { stdout: '', failed: failed.length };
  if (article.url === null || article.url.trim() === '') throw new FailedError(`${slug} has no url to open`);
  const url = openableUrl(article.url);
  if (url === null) throw new FailedError(`not opening the url of ${slug}: only http and https urls are opened, not '${article.url}'`);

  const browser = browserSetting(ctx.env, ctx.config, process.platform);
  const printed = { stdout: url + '\n' };
  // A browser named in the settings file is the user's choice for `news` (perhaps a text browser, fit for SSH).
  if (browser.source.kind !== 'config' && remoteWithoutDisplay(ctx.env)) return printed;
  const candidates =
    browser.source.kind === 'config'
      ? [browserArgs(browser.value, url, '%u')]
      : browser.source.kind === 'environment'
        ? // $BROWSER is a list, as xdg-open reads it: each tried in turn, %s for the URL.
          browser.value
            .split(':')
            .filter((entry) => entry.trim() !== '')
            .map((entry) => browserArgs(entry, url, '%s'))
        : process.platform === 'win32'
          ? []
          : [[browser.value, url]];
  const problems: string[] = [];
  for (const args of candidates) {
    const ran = await runBrowser(args, ctx);
    if (ran.kind === 'ok') return { stdout: '' };
    problems.push(`${args[0]}: ${ran.kind === 'not-found' ? 'not found' : ran.why}`);
  }
  ctx.warn(sanitize(`news open: no browser opened it (${problems.join('; ') || 'none to run'}); set browser in the settings file, or BROWSER`));
  return printed;
}
