// An article as the index stores it: made where files are parsed (on the
// command's thread or a parse worker), and again when a row is removed.
import { ARTICLE_FIELDS, type Article, type Quote } from '../model.js';
import { fold } from '../text/fold.js';
import { toJsonLine, type JsonPiece } from '../text/sanitize.js';
import type { ArticleRow } from './contracts.js';
import { ftsText } from './schema.js';

/**
 * The text of an article's FTS5 columns, as written (the index's content view
 * gives the same). The speakers column holds the people quoted, one a line,
 * by the article's one name for each: `speaker:` finds a person, not every
 * speaker with the word ("a Varga spokesman" is no one's name). A quote
 * made without a person (by hand, through the API) counts by its speaker.
 */
export function ftsColumns(article: Article): string[] {
  const people = article.quotes.map((q) => (q.person === undefined ? q.speaker : q.person));
  const speakers = [...new Set(people.filter((s): s is string => s !== null))].join('\n');
  return [article.headline, article.body.join('\n'), speakers, article.section ?? '', article.source ?? '', article.author ?? '', article.tags.join('\n')];
}

/** The text of an article's FTS5 columns as the index holds it. */
export function indexedText(columns: readonly string[]): string[] {
  return columns.map((text) => ftsText(text, fold));
}

export function toRow(article: Article): ArticleRow {
  const columns = ftsColumns(article);
  return {
    slug: article.slug,
    sortDate: article.date ?? '',
    section: article.section === null ? null : fold(article.section),
    source: article.source === null ? null : fold(article.source),
    speakers: columns[2]!,
    json: toStoredJson(article),
    fts: indexedText(columns),
  };
}

/**
 * A quote as the index stores it: the quoted words are part of their
 * paragraph, so a quote whose words are found there keeps their place in it
 * (`at`: [start, end) in UTF-16 units) instead of a second copy. A quote
 * without a person (made through the API) is kept as it is: the index reads
 * its speaker.
 */
type StoredQuote = Quote | { speaker: string | null; person: string | null; paragraph: number; at: [number, number] };

/** What precedes an article's body in its row's JSON, the fields before it being the article's head. */
const BODY_KEY = ',"body":[';
/** What follows the body: the quotes, then (in an article stored as printed) the path. */
const QUOTES_KEY = '],"quotes":[';
const PATH_KEY = ',"path":';

/**
 * An article of at least this many characters of paragraphs is stored as
 * `--json` prints it (escapes and all), and printed from the row's bytes as
 * they are: parsing and writing anew the JSON of an article of megabytes
 * cost more than the rest of a search. Smaller ones are stored compact.
 */
export const VERBATIM_BODY = 256 * 1024;

/**
 * The JSON of an article as its row holds it. Compact: the article, with
 * each quote's words stored as their place in the paragraph (a tenth of an
 * index of news articles is their quotes' words), and the body and quotes
 * last, so that the rest is read without them. From `verbatimAt` characters
 * of paragraphs on, the article in the model's order, as `--json` prints it
 * (toJsonLine), its head still before its body. Read back by
 * articleFromJson, or in part by StoredArticle.
 */
export function toStoredJson(article: Article, verbatimAt = VERBATIM_BODY): string {
  const { body, quotes, ...head } = article;
  let size = 0;
  for (const paragraph of body) size += paragraph.length;
  if (size >= verbatimAt) return toJsonLine(inModelOrder(article, quotes));
  const stored = quotes.map((quote): StoredQuote => {
    const at = quote.person === undefined ? -1 : (body[quote.paragraph]?.indexOf(quote.text) ?? -1);
    if (at < 0) return quote;
    return { speaker: quote.speaker, person: quote.person, paragraph: quote.paragraph, at: [at, at + quote.text.length] };
  });
  return JSON.stringify({ ...head, body, quotes: stored });
}

/** The article of a row's JSON (toStoredJson's), its fields in the model's order. */
export function articleFromJson(json: string): Article {
  const stored = JSON.parse(json) as Omit<Article, 'quotes'> & { quotes: StoredQuote[] };
  const quotes = stored.quotes.map((quote): Quote => {
    if (!('at' in quote)) return quote;
    const text = (stored.body[quote.paragraph] ?? '').slice(quote.at[0], quote.at[1]);
    return { text, speaker: quote.speaker, person: quote.person, paragraph: quote.paragraph };
  });
  return inModelOrder(stored, quotes);
}

function inModelOrder(stored: Omit<Article, 'quotes'>, quotes: readonly Quote[]): Article {
  const article: Record<string, unknown> = {};
  for (const field of ARTICLE_FIELDS) article[field] = field === 'quotes' ? quotes : stored[field];
  return article as unknown as Article;
}

const QUOTE_MARK = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const CLOSE_BRACE = 0x7d;

/**
 * An article as its row's JSON (toStoredJson's) bytes, read as far as asked:
 * its head alone, its paragraphs one by one as they are read, or its JSON
 * Lines text, which for an article stored as printed is the row's bytes as
 * they are. The paragraphs of an article of megabytes are then never made
 * strings, nor written anew. A JSON of another shape (there is none but
 * toStoredJson's) is read whole.
 */
export class StoredArticle {
  private readonly bodyAt: number;
  private readonly quotesAt: number;
  /** Where the path follows the quotes, in an article stored as printed; -1 in a compact one. */
  private readonly pathAt: number;
  private spans: number[] | null = null;
  private readonly made: Array<string | undefined> = [];

  constructor(private readonly bytes: Buffer) {
    // In JSON text a quotation mark inside a string is escaped, so the first
    // BODY_KEY is where the body begins, the first QUOTES_KEY after it where
    // the body ends, and a PATH_KEY after that (the last) where the path is.
    this.bodyAt = bytes.indexOf(BODY_KEY);
    this.quotesAt = this.bodyAt < 0 ? -1 : bytes.indexOf(QUOTES_KEY, this.bodyAt);
    const pathAt = this.quotesAt < 0 ? -1 : bytes.lastIndexOf(PATH_KEY);
    this.pathAt = pathAt > this.quotesAt ? pathAt : -1;
  }

  private get whole(): boolean {
    return this.quotesAt < 0 || this.bytes[this.bytes.length - 1] !== CLOSE_BRACE;
  }

  /** The article without its body and quotes (both empty). */
  head(): Article {
    if (this.whole) return inModelOrder({ ...this.article(), body: [] }, []);
    const tail = this.pathAt < 0 ? '}' : this.bytes.toString('utf8', this.pathAt);
    return inModelOrder({ ...(JSON.parse(this.bytes.toString('utf8', 0, this.bodyAt) + tail) as Article), body: [] }, []);
  }

  /** The article whole. */
  article(): Article {
    return articleFromJson(this.bytes.toString());
  }

  /** The paragraphs, each made a string when first read: a snippet cut from the start of an article of megabytes reads the start alone. */
  body(): readonly string[] {
    const spans = this.whole ? null : this.paragraphSpans();
    if (spans === null) return this.article().body;
    return new Proxy([] as string[], {
      get: (target, key, receiver) => {
        if (key === 'length') return spans.length / 2;
        if (typeof key === 'string' && /^\d+$/.test(key)) return this.paragraph(Number(key));
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  }

  /** toJsonLine(this.article()): for an article stored as printed, the row's bytes. */
  json(): JsonPiece {
    return this.pathAt < 0 || this.whole ? toJsonLine(this.article()) : this.bytes;
  }

  private paragraph(index: number): string | undefined {
    const spans = this.spans!;
    if (index >= spans.length / 2) return undefined;
    return (this.made[index] ??= JSON.parse(this.bytes.toString('utf8', spans[2 * index], spans[2 * index + 1])) as string);
  }

  /** Where each paragraph's JSON string is, start and end in turn (its quotation marks in); null if the body is not as toStoredJson writes it. */
  private paragraphSpans(): number[] | null {
    if (this.spans !== null) return this.spans;
    const { bytes } = this;
    const spans: number[] = [];
    const end = this.quotesAt;
    let at = this.bodyAt + BODY_KEY.length;
    while (at < end) {
      if (bytes[at] !== QUOTE_MARK) return null;
      let close = bytes.indexOf(QUOTE_MARK, at + 1);
      for (;;) {
        if (close < 0 || close >= end) return null;
        let slashes = 0;
        while (bytes[close - 1 - slashes] === BACKSLASH) slashes++;
        if (slashes % 2 === 0) break;
        close = bytes.indexOf(QUOTE_MARK, close + 1);
      }
      spans.push(at, close + 1);
      at = close + 1;
      if (at < end && bytes[at++] !== COMMA) return null;
    }
    return (this.spans = spans);
  }
}
