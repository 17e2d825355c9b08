import type { Problem } from '../../model.js';
import { loadArticles } from '../../library/files.js';
import { problemLine, type CommandResult, type Context } from '../context.js';
import { EXIT } from '../errors.js';

export async function check(ctx: Context): Promise<CommandResult> {
  const { articles, problems } = loadArticles(ctx.dir);
  const files = new Set(problems.map((p: Problem) => p.path)).size;
  if (problems.length === 0) {
    ctx.warn(`news check: ${articles.length} article${articles.length === 1 ? '' : 's'}, no problems`);
    return { stdout: '', exitCode: EXIT.ok };
  }
  ctx.warn(`news check: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`);
  return { stdout: problems.map((p) => problemLine(p) + '\n').join(''), exitCode: EXIT.notFound };
}
