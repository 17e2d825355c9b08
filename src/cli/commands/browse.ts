// `news browse`: the article list in fzf, which does the picking. Each line
// is `news list`'s plain form (SLUG, DATE, HEADLINE), so fzf's {1} is the
// slug: the preview is `news show {1}` as the cursor moves, and keys run
// `news open` and `news mark read` on it. The line picked is read here, in
// the pager, as `news show` reads it.
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { ArticleIndex } from '../../index/article-index.js';
import { renderListTsv } from '../../render/list.js';
import { sanitizeArticle } from '../../text/sanitize.js';
import { FailedError } from '../errors.js';
import type { BrowseOptions } from '../program.js';
import { openLibrary, type CommandResult, type Context } from '../context.js';

export const FZF_MISSING =
  'fzf is not on PATH, and `news browse` needs it: install it (apt install fzf, brew install fzf; https://github.com/junegunn/fzf); `news --help` lists the other commands';

/** The executable `name` in the folders of PATH, or null. */
export function findOnPath(name: string, path: string | undefined): string | null {
  for (const dir of (path ?? '').split(delimiter)) {
    if (dir === '' || !isAbsolute(dir)) continue;
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      if (statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return null;
}

/** A word for sh, quoted. */
const shellWord = (word: string): string => (/^[\w./:=@-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/**
 * fzf's arguments: `news` is the command line that runs this reader, for the
 * shell fzf runs the preview and keys with; fzf quotes what it puts for {1}.
 */
export function fzfArguments(news: string): string[] {
  return [
    '--no-multi',
    '--header',
    'enter: read · ctrl-o: open in a browser · ctrl-r: mark read · esc: quit',
    '--preview',
    `${news} show {1} --color always --width $FZF_PREVIEW_COLUMNS`,
    '--preview-window',
    'right,60%',
    '--bind',
    `ctrl-o:execute-silent(${news} open {1})`,
    '--bind',
    `ctrl-r:execute-silent(${news} mark read {1})+refresh-preview`,
  ];
}

export async function browse(ctx: Context, options: BrowseOptions): Promise<CommandResult> {
  const fzf = findOnPath('fzf', ctx.env.PATH);
  if (fzf === null) throw new FailedError(FZF_MISSING);
  const news = [process.execPath, resolve(process.argv[1] ?? 'news')].map(shellWord).join(' ');
  // The commands fzf runs read the library this one reads: one named by --dir is passed on.
  const named = ctx.roots.length === 1 && ctx.roots[0] === ctx.importDir ? { NEWS_DIR: resolve(ctx.roots[0]) } : {};
  const index = await openLibrary(ctx);
  const child = spawn(fzf, fzfArguments(news), { stdio: ['pipe', 'pipe', 'inherit'], env: { ...ctx.env, ...named } });
  let picked = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (picked += text));
  // Ctrl-C is fzf's to handle (it quits): this process waits for it.
  const ignore = () => {};
  process.on('SIGINT', ignore);
  let ended: { code: number | null; error?: Error };
  try {
    const end = new Promise<typeof ended>((done) => {
      child.on('error', (error) => done({ code: null, error }));
      child.on('close', (code) => done({ code }));
    });
    // Written whole, or until fzf goes: the index is in use until then.
    await writeList(index, options, child.stdin);
    ended = await end;
  } finally {
    process.off('SIGINT', ignore);
    index.close();
  }
  if (ended.error !== undefined) throw new FailedError(`cannot run ${fzf}: ${ended.error.message}`);
  // 1: nothing matched; 130: quit with esc or ctrl-c. Neither is a failure.
  if (ended.code === 1 || ended.code === 130) return { stdout: '' };
  if (ended.code !== 0) throw new FailedError(`fzf ended with status ${ended.code ?? 'unknown'}`);
  const slug = picked.split('\n')[0]!.split('\t')[0]!.trim();
  if (slug === '') return { stdout: '' };
  const { show } = await import('./show.js');
  return show(ctx, [slug], { pager: true });
}

/** Writes the list into fzf a chunk at a time, as fzf takes it, until it ends or fzf stops reading. */
async function writeList(index: ArticleIndex, options: BrowseOptions, into: NodeJS.WritableStream): Promise<void> {
  let closed = false;
  into.on('error', () => (closed = true)); // fzf quit before reading it all
  into.on('close', () => (closed = true));
  let chunk = '';
  for (const article of index.eachArticle({ sort: options.sort, reverse: options.reverse ?? false })) {
    if (closed) return;
    chunk += renderListTsv([sanitizeArticle(article)]);
    if (chunk.length < 1 << 16) continue;
    const more = into.write(chunk);
    chunk = '';
    if (!more) await new Promise<void>((drained) => (into.once('drain', drained), into.once('close', drained)));
  }
  if (!closed) into.end(chunk);
}
