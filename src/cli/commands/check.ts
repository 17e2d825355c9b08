import { existsSync } from 'node:fs';
import type { Article, Problem } from '../../model.js';
import { loadArticles } from '../../library/files.js';
import { toJsonLine } from '../../text/sanitize.js';
import { problemLine, type CommandResult, type Context } from '../context.js';
import { EXIT } from '../errors.js';

export async function check(ctx: Context, options: { json?: boolean } = {}): Promise<CommandResult> {
  const articles: Article[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const root of ctx.roots) {
    if (!existsSync(root)) continue;
    const loaded = loadArticles(root);
    for (const problem of loaded.problems) problems.push(problem);
    for (const article of loaded.articles) {
      const other = seen.get(article.slug);
      if (other !== undefined) {
        problems.push({ path: article.path, line: 1, message: `slug "${article.slug}" is already used by ${other}` });
      } else {
        seen.set(article.slug, article.path);
        articles.push(article);
      }
    }
  }
  if (options.json) {
    const stdout = problems.map((p) => toJsonLine({ path: p.path, line: p.line, message: p.message }) + '\n').join('');
    return { stdout, exitCode: problems.length > 0 ? EXIT.notFound : EXIT.ok };
  }
  const files = new Set(problems.map((p: Problem) => p.path)).size;
  if (problems.length === 0) {
    ctx.warn(`news check: ${articles.length} article${articles.length === 1 ? '' : 's'}, no problems`);
    return { stdout: '', exitCode: EXIT.ok };
  }
  ctx.warn(`news check: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`);
  return { stdout: problems.map((p) => problemLine(p) + '\n').join(''), exitCode: EXIT.notFound };
}
