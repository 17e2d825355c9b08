// The feed model: what a subscription's document becomes, whatever its
// format, so that `news update` handles RSS, Atom and JSON Feed alike.

export type FeedKind = 'rss' | 'atom' | 'json';

/** A file attached to an entry (a podcast's audio, an image): RSS enclosure, Atom link rel="enclosure", JSON attachment. */
export interface Enclosure {
  /** Absolute http(s) URL. */
  url: string;
  /** MIME type as the feed gives it, or null. */
  type: string | null;
  /** Size in bytes as the feed gives it, or null. */
  length: number | null;
}

export interface FeedEntry {
  /**
   * The entry's identity within its feed: the feed's own id (RSS guid, RSS
   * 1.0 rdf:about, Atom id, JSON Feed id); else its link; else its title
   * followed by its date; else `sha256:` and a hash of the summary and
   * content. Two entries of one feed can share an identity: both are kept.
   */
  id: string;
  /** Plain text, white space folded; an Atom title of type html or xhtml has its markup taken out. */
  title: string | null;
  /** Absolute http(s) URL of the entry's page. */
  link: string | null;
  /**
   * When it was published (else last updated), ISO 8601 with the
   * publisher's offset (`2024-03-05T09:30:00-05:00`, `…Z`); a bare date
   * (`2024-03-05`) when the feed gives no time. A time without an offset is
   * taken for UTC.
   */
  date: string | null;
  /** Author names, comma-separated; an author's email when no name is given. */
  author: string | null;
  categories: string[];
  /** The full text as HTML (content:encoded, Atom content, content_html), relative URLs resolved; null when the feed gives none. */
  contentHtml: string | null;
  /** The summary as HTML (RSS description, Atom summary, JSON summary), relative URLs resolved. */
  summary: string | null;
  enclosures: Enclosure[];
}

export interface Feed {
  kind: FeedKind;
  /** The feed's title as plain text. */
  title: string | null;
  /** Absolute http(s) URL of the site the feed belongs to. */
  link: string | null;
  /** In document order; at most MAX_ENTRIES. */
  entries: FeedEntry[];
  /** What was wrong with the document and was worked around (cut-short XML, entries or text beyond the caps, unsafe links dropped, repeated ids). */
  warnings: string[];
}

export type FeedErrorKind =
  /** No bytes, or only white space. */
  | 'empty'
  /** A document, but not a feed: an HTML page, an OPML list, JSON that is not a JSON Feed, XML of another kind. */
  | 'not-a-feed'
  /** XML that is not well-formed, or JSON that does not parse, and nothing could be read from it. */
  | 'malformed'
  /** Larger than MAX_FEED_CHARS. */
  | 'too-large'
  /** For parseOpml: XML, but not an OPML subscription list (another root element, no body). */
  | 'not-opml';

/** A document that gives no feed (or no OPML list); the message says why, with the line for broken XML. */
export class FeedError extends Error {
  override name = 'FeedError';
  /** 1-based line and column of the fault, for 'malformed' when known. */
  readonly line?: number;
  readonly column?: number;

  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    where?: { line: number; column?: number },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    if (where) {
      this.line = where.line;
      if (where.column !== undefined) this.column = where.column;
    }
  }
}
