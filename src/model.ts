// The article model: the one place its types are declared. `--json` prints
// these objects as they are, so a field added here is a field users see.

/** Where and when a story was filed, as a wire dateline gives it. */
export interface Dateline {
  /** The place as written, e.g. "WASHINGTON" or "HEMPSTEAD, N.Y.". */
  place: string;
  /** The date as written in the dateline ("Sept. 24"), or null. */
  date: string | null;
  /** The news agency in parentheses ("AP", "Reuters"), or null. */
  agency: string | null;
}

/** A direct quotation in the body. */
export interface Quote {
  /** The quoted words, without their quotation marks. */
  text: string;
  /** Who spoke, as the article names them, or null when it does not say. */
  speaker: string | null;
  /**
   * The person who spoke, one name for them across the article: the fullest
   * name it gives them, without titles ("Sen. Jo Varga", "Mr. Varga" and
   * "Varga" are all "Jo Varga"). Null when the speaker is a description ("a
   * Varga spokesman", "the city engineer"), an organisation or unknown.
   */
  person: string | null;
  /** Index into `Article.body` of the paragraph the quote stands in. */
  paragraph: number;
}

export interface Article {
  /** The file name without `.md`: the article's name on the command line. */
  slug: string;
  headline: string;
  section: string | null;
  source: string | null;
  author: string | null;
  /** ISO 8601 date (`2014-09-24`) or date-time, or null when unknown. */
  date: string | null;
  dateline: Dateline | null;
  url: string | null;
  /** Tags from the front matter; empty when there are none. */
  tags: string[];
  /** Paragraphs as plain text, Markdown inline syntax removed. */
  body: string[];
  quotes: Quote[];
  /** The file the article was read from. */
  path: string;
}

/** The model's field names, in the order `--json` prints them. */
export const ARTICLE_FIELDS = [
  'slug',
  'headline',
  'section',
  'source',
  'author',
  'date',
  'dateline',
  'url',
  'tags',
  'body',
  'quotes',
  'path',
] as const satisfies readonly (keyof Article)[];

export type ArticleField = (typeof ARTICLE_FIELDS)[number];

/** A problem found in an article file, located for `FILE:LINE: message`. */
export interface Problem {
  path: string;
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

/** A passage of an article around a search's matches. */
export interface Snippet {
  text: string;
  /** The matched words, as [start, end) offsets into `text`. */
  highlights: Array<[start: number, end: number]>;
}

/** An article found by a search, its BM25 score (higher is better) and the snippet of its best column. */
export interface SearchHit {
  article: Article;
  score: number;
  snippet: Snippet;
}
