import { existsSync } from 'node:fs';
import { indexPath } from '../../index/open.js';
import { renderIndexStats, renderIndexStatsJson } from '../../render/index-stats.js';
import type { IndexOptions } from '../program.js';
import { openLibrary, type CommandResult, type Context } from '../context.js';

/**
 * `news index`: checks every file against the index (an edit in place in a
 * large library is seen here); `--rebuild` builds it anew; `--stats` says
 * what it holds.
 */
export async function indexCommand(ctx: Context, options: IndexOptions): Promise<CommandResult> {
  const started = Date.now();
  // A library with no index yet has it built, not checked.
  const building = options.rebuild === true || !existsSync(indexPath(ctx.env, ctx.roots));
  const index = await openLibrary(ctx, { full: !options.rebuild, rebuild: options.rebuild ?? false, warnProblems: false, progress: !options.stats });
  const took = Date.now() - started;
  const stats = index.stats();
  const storage = options.stats ? index.storage() : null;
  index.close();
  if (!options.stats) {
    ctx.warn(
      `news index: ${stats.articles} article${stats.articles === 1 ? '' : 's'}${stats.problems > 0 ? `, ${stats.problems} files with problems (news check)` : ''}, ${building ? 'built' : 'checked'} in ${(took / 1000).toFixed(1)} s`,
    );
    return { stdout: '' };
  }
  const info = { library: ctx.roots.join(', '), index: indexPath(ctx.env, ctx.roots), problems: stats.problems, updated: stats.updated, storage: storage! };
  return { stdout: options.json ? renderIndexStatsJson(info) : renderIndexStats(info) };
}
