// The errors of page extraction, apart from the extractor itself so that a
// caller can tell them apart (`instanceof`) without loading the HTML parser.

/** Why a page is not taken for an article. */
export type NotAnArticleReason =
  /** Not HTML at all (an image, a PDF, JSON): the Content-Type says so. */
  | 'not-html'
  /** No text in the page. */
  | 'empty'
  /** A "page not found" or other error page. */
  | 'error-page'
  /** The article is behind a sign-in or subscription form. */
  | 'login-wall'
  /** A front or section page: a list of teasers linking to articles. */
  | 'front-page'
  /** Some text, but too little to be an article's body. */
  | 'too-short';

const MESSAGES: Record<NotAnArticleReason, string> = {
  'not-html': 'not an HTML page',
  empty: 'the page has no text',
  'error-page': 'an error page (not found, or a server error)',
  'login-wall': 'the article is behind a sign-in or subscription wall',
  'front-page': 'a front or section page of links to articles, not an article',
  'too-short': 'too little text for an article',
};

/** A page that holds no article: the reason says what it is instead. */
export class NotAnArticle extends Error {
  override name = 'NotAnArticle';
  constructor(
    readonly reason: NotAnArticleReason,
    detail?: string,
  ) {
    super(detail ? `${MESSAGES[reason]}: ${detail}` : MESSAGES[reason]);
  }
}

/** A page larger than the extractor is allowed to read, in bytes or in elements. */
export class PageTooLarge extends Error {
  override name = 'PageTooLarge';
  constructor(
    readonly size: number,
    readonly limit: number,
    readonly unit: 'bytes' | 'elements' = 'bytes',
  ) {
    super(`the page has ${size} ${unit}, more than the limit of ${limit}`);
  }
}
