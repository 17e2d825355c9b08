// The public library API: parsing, loading, quotes and search, with no
// command line, colour or process handling.
export type { Article, ArticleField, Dateline, Problem, Quote } from './model.js';
export { ARTICLE_FIELDS } from './model.js';
export { ArticleError, parseArticle, readArticle, slugFromPath } from './parse/article.js';
export { detectDateline, parseDatelineText } from './parse/dateline.js';
export { markdownToParagraphs } from './parse/markdown.js';
export { extractQuotes } from './parse/quotes.js';
export {
  compareArticles,
  findArticleFile,
  listArticleFiles,
  loadArticles,
  LibraryError,
  MAX_ARTICLE_BYTES,
  readArticleFile,
} from './library/files.js';
export { parseQuery, QueryError } from './search/query.js';
export { searchArticles } from './search/match.js';
export { sanitize, sanitizeArticle, toJsonLine } from './text/sanitize.js';
