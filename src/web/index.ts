// Everything the reader does with the web, as one module: pages and feeds
// read into articles, the HTTP client that fetches them. It is built into a
// bundle of its own (dist/web.cjs), loaded only by the commands that import
// or fetch: the HTML, feed and HTTP libraries in it are larger than the rest
// of the reader together. Code outside src/web/ imports this module alone,
// and only with `await import()`.
export * from './document.js';
export { htmlToParagraphs } from './extract/fragment.js';
export { extractPage, NotAnArticle, PageTooLarge, type ExtractedPage, type ExtractOptions } from './extract/index.js';
export * from './feeds/index.js';
export * from './http/index.js';
