import { indexPath } from '../../index/open.js';
import { sanitize } from '../../text/sanitize.js';
import type { IndexOptions } from '../program.js';
import { openLibrary, type CommandResult, type Context } from '../context.js';

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

/**
 * `news index`: checks every file against the index (an edit in place in a
 * large library is seen here); `--rebuild` builds it anew; `--stats` says
 * what it holds.
 */
export async function indexCommand(ctx: Context, options: IndexOptions): Promise<CommandResult> {
  const started = Date.now();
  const index = await openLibrary(ctx, { full: !options.rebuild, rebuild: options.rebuild ?? false, warnProblems: false });
  const took = Date.now() - started;
  const stats = index.stats();
  index.close();
  if (!options.stats) {
    ctx.warn(
      `news index: ${stats.articles} article${stats.articles === 1 ? '' : 's'}${stats.problems > 0 ? `, ${stats.problems} files with problems (news check)` : ''}, ${options.rebuild ? 'built' : 'checked'} in ${(took / 1000).toFixed(1)} s`,
    );
    return { stdout: '' };
  }
  const rows: Array<[string, string]> = [
    ['library', ctx.roots.join(', ')],
    ['index', indexPath(ctx.env, ctx.roots)],
    ['articles', String(stats.articles)],
    ['files', `${stats.files}${stats.problems > 0 ? ` (${stats.problems} with problems: news check)` : ''}`],
    ['size', mib(stats.bytes)],
    ['updated', stats.updated ?? 'never'],
  ];
  return { stdout: rows.map(([key, value]) => `${key.padEnd(9)}${sanitize(value)}\n`).join('') };
}
