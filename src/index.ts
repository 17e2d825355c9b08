// The public library API: parsing, loading, quotes, a library's index and
// its search (the one `news search` runs), web pages and feeds read into
// articles, with no command line, colour or process handling.
export type { Article, ArticleField, Dateline, Problem, Quote, SearchHit, Snippet } from './model.js';
export { ARTICLE_FIELDS } from './model.js';
export { ArticleError, parseArticle, readArticle, slugFromPath } from './parse/article.js';
export { detectDateline, parseDatelineText } from './parse/dateline.js';
export { markdownToParagraphs } from './parse/markdown.js';
export { extractQuotes } from './parse/quotes/extract.js';
export { compareArticles, findArticleFile, listArticleFiles, loadArticles, LibraryError, MAX_ARTICLE_BYTES, readArticleFile } from './library/files.js';
export { ArticleIndex, type ListFilter } from './index/article-index.js';
export { openIndex, openUpdatedIndex, type UpdateOptions } from './index/open.js';
export { parseQuery, QueryError, type Field, type Match, type Phrase, type Query, type Term } from './search/query.js';
export { eachSearchHit, searchIndex, type SearchOptions } from './search/search.js';
export { articlesQuoting, selectQuotes } from './search/speakers.js';
export { sanitize, sanitizeArticle, toJsonLine, type Display, type DisplayArticle } from './text/sanitize.js';
export { extractPage, NotAnArticle, type ExtractedPage, type ExtractOptions } from './web/extract/index.js';
export { FeedError, parseFeed, parseOpml, writeOpml, type Feed, type FeedEntry, type OpmlFeed } from './web/feeds/index.js';
