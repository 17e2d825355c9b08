// Web page → article fields. The extractor loads an HTML parser and
// Readability, which cost tens of milliseconds: import this module only when
// a page is to be extracted (`await import()`); the errors alone are in
// ./errors.js, cheap to import anywhere.
export { extractPage, limitNesting, DEFAULT_MAX_BYTES, DEFAULT_MAX_ELEMENTS, type ExtractOptions, type ExtractedPage } from './extract.js';
export { NotAnArticle, PageTooLarge, type NotAnArticleReason } from './errors.js';
export { decodePage, type DecodedPage } from '../charset.js';
export { normalizeDate } from '../dates.js';
