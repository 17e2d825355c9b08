import { existsSync } from 'node:fs';
import { loadLibrary } from '../../library/files.js';
import { toJsonLine } from '../../text/sanitize.js';
import type { Output } from '../output.js';
import type { CheckOptions } from '../program.js';
import type { FormatOf } from '../terminal.js';
import { formatFor, problemLine, type CommandResult, type Context } from '../context.js';

/**
 * `news check`: reads every article file of the library, as the index would,
 * and prints each problem; a file whose slug another file owns is one.
 * Invalid articles fail the command.
 */
export async function check(ctx: Context, options: CheckOptions = {}): Promise<CommandResult> {
  // A library folder not made yet holds no articles, and no problems.
  const { articles, problems } = loadLibrary(ctx.roots.filter((root) => existsSync(root)));
  const lines = (): Output => {
    const files = new Set(problems.map((p) => p.path)).size;
    if (problems.length === 0) ctx.warn(`news check: ${articles.length} article${articles.length === 1 ? '' : 's'}, no problems`);
    else ctx.warn(`news check: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`);
    return { stdout: problems.map((p) => problemLine(p) + '\n').join('') };
  };
  const output = {
    json: () => ({ stdout: problems.map((p) => toJsonLine({ path: p.path, line: p.line, message: p.message }) + '\n').join('') }),
    plain: lines,
    terminal: lines,
  } satisfies Record<FormatOf<CheckOptions>, () => Output>;
  return { ...output[formatFor(ctx, options)](), failed: problems.length };
}
