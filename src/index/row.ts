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
export const BODY_KEY = ',"body":[';
/** What follows the body: the quotes are stored last. */
const QUOTES_KEY = '],"quotes":[';

/**
 * The JSON of an article as its row holds it: the article, with each quote's
 * words stored as their place in the paragraph (a tenth of an index of news
 * articles is their quotes' words), and the body and quotes last, so that
 * the rest is read without them (StoredArticle). Escaped as `--json` prints
 * it (toJsonLine), so that the body's text in the row is the body's text in
 * the output. Read back by articleFromJson.
 */
export function toStoredJson(article: Article): string {
  const { body, quotes, ...head } = article;
  const stored = quotes.map((quote): StoredQuote => {
    const at = quote.person === undefined ? -1 : (body[quote.paragraph]?.indexOf(quote.text) ?? -1);
    if (at < 0) return quote;
    return { speaker: quote.speaker, person: quote.person, paragraph: quote.paragraph, at: [at, at + quote.text.length] };
  });
  return toJsonLine({ ...head, body, quotes: stored });
}

/** The article of a row's JSON (toStoredJson's), its fields in the model's order. */
export function articleFromJson(json: string): Article {
  const stored = JSON.parse(json) as Omit<Article, 'quotes'> & { quotes: StoredQuote[] };
  return inModelOrder(stored, storedQuotes(stored.quotes, stored.body));
}

/** Stored quotes with their words again, taken from their paragraphs. */
function storedQuotes(quotes: readonly StoredQuote[], body: readonly string[]): Quote[] {
  return quotes.map((quote): Quote => {
    if (!('at' in quote)) return quote;
    const text = (body[quote.paragraph] ?? '').slice(quote.at[0], quote.at[1]);
    return { text, speaker: quote.speaker, person: quote.person, paragraph: quote.paragraph };
  });
}

function inModelOrder(stored: Omit<Article, 'quotes'>, quotes: Quote[]): Article {
  const article: Record<string, unknown> = {};
  for (const field of ARTICLE_FIELDS) article[field] = field === 'quotes' ? quotes : stored[field];
  return article as unknown as Article;
}

const QUOTE_MARK = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;

/** JSON text as pieces written one after another. */
export type JsonPieces = JsonPiece[];

/**
 * An article as its row's JSON (toStoredJson's) bytes, read as far as asked:
 * its head alone, its paragraphs one by one as they are read, or its JSON
 * Lines text with the body's bytes as the row holds them. The paragraphs of
 * an article of megabytes are then never made strings, nor written anew. A
 * JSON of another shape (there is none but toStoredJson's) is read whole.
 */
export class StoredArticle {
  private readonly bodyAt: number;
  private readonly quotesAt: number;
  private spans: number[] | null = null;
  private readonly made: Array<string | undefined> = [];

  constructor(private readonly bytes: Buffer) {
    // In JSON text a quotation mark inside a string is escaped, so the first
    // BODY_KEY is where the body begins, and the first QUOTES_KEY after it
    // where the body ends.
    this.bodyAt = bytes.indexOf(BODY_KEY);
    this.quotesAt = this.bodyAt < 0 ? -1 : bytes.indexOf(QUOTES_KEY, this.bodyAt);
  }

  private get whole(): boolean {
    return this.quotesAt < 0 || this.bytes[this.bytes.length - 1] !== 0x7d;
  }

  /** The article without its body and quotes (both empty). */
  head(): Article {
    const head = this.whole ? articleFromJson(this.bytes.toString()) : (JSON.parse(this.bytes.toString('utf8', 0, this.bodyAt) + '}') as Article);
    return inModelOrder({ ...head, body: [] }, []);
  }

  /** The article whole. */
  article(): Article {
    return articleFromJson(this.bytes.toString());
  }

  /** The paragraphs, each made a string when first read: a snippet cut from the start of an article of megabytes reads the start alone. */
  body(): readonly string[] {
    if (this.whole) return this.article().body;
    const spans = this.paragraphSpans();
    if (spans === null) return this.article().body;
    return new Proxy([] as string[], {
      get: (target, key, receiver) => {
        if (key === 'length') return spans.length / 2;
        if (typeof key === 'string' && /^\d+$/.test(key)) return this.paragraph(Number(key));
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  }

  /**
   * toJsonLine(this.article()), as pieces: the body is the row's own bytes
   * (toStoredJson escaped them as toJsonLine does), the rest is made from
   * the head and quotes.
   */
  json(): JsonPieces {
    if (this.whole || this.paragraphSpans() === null) return [toJsonLine(this.article())];
    const head = JSON.parse(this.bytes.toString('utf8', 0, this.bodyAt) + '}') as Omit<Article, 'body' | 'quotes'>;
    const stored = JSON.parse(this.bytes.toString('utf8', this.quotesAt + QUOTES_KEY.length - 1, this.bytes.length - 1)) as StoredQuote[];
    const paragraphs = this.body();
    const values: Record<string, unknown> = { ...head, quotes: storedQuotes(stored, paragraphs) };
    const pieces: JsonPieces = [];
    let text = '';
    for (const field of ARTICLE_FIELDS) {
      const sep = text === '' && pieces.length === 0 ? '{' : ',';
      if (field === 'body') {
        pieces.push(text + sep + '"body":', this.bytes.subarray(this.bodyAt + BODY_KEY.length - 1, this.quotesAt + 1));
        text = '';
      } else if (values[field] !== undefined) {
        text += `${sep}${JSON.stringify(field)}:${toJsonLine(values[field])}`;
      }
    }
    pieces.push(text + '}');
    return pieces;
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
