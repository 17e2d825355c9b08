// An article as the index stores it: made where files are parsed (on the
// command's thread or a parse worker), and again when a row is removed.
import { ARTICLE_FIELDS, type Article, type Quote } from '../model.js';
import { fold } from '../text/fold.js';
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

/**
 * The JSON of an article as its row holds it: the article, with each quote's
 * words stored as their place in the paragraph (a tenth of an index of news
 * articles is their quotes' words), and the body and quotes last, so that
 * the rest (`headOfJson`) is read without them. Read back by articleFromJson.
 */
export function toStoredJson(article: Article): string {
  const { body, quotes, ...head } = article;
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
  const article: Record<string, unknown> = {};
  for (const field of ARTICLE_FIELDS) article[field] = field === 'quotes' ? quotes : stored[field];
  return article as unknown as Article;
}

/**
 * The article of a row's JSON without its body and quotes (both empty), read
 * from the text before the body: the paragraphs of an article of megabytes
 * are never made strings. A JSON of another shape is read whole.
 */
export function headOfJson(json: string): Article {
  // In JSON text a quotation mark inside a string is escaped, so BODY_KEY
  // first stands where the top-level body begins.
  const at = json.indexOf(BODY_KEY);
  const head = at < 0 ? articleFromJson(json) : (JSON.parse(json.slice(0, at) + '}') as Article);
  const article: Record<string, unknown> = {};
  for (const field of ARTICLE_FIELDS) article[field] = field === 'body' || field === 'quotes' ? [] : head[field];
  return article as unknown as Article;
}

/**
 * The paragraphs of a row's JSON, each made a string when first read: a
 * snippet cut from the start of an article of megabytes reads the start
 * alone. Empty when the JSON has no body where toStoredJson puts it.
 */
export function lazyBodyOfJson(json: string): readonly string[] {
  const spans: Array<[number, number]> = [];
  const start = json.indexOf(BODY_KEY);
  if (start < 0) return [];
  let at = start + BODY_KEY.length;
  while (json[at] === '"') {
    let end = json.indexOf('"', at + 1);
    for (;;) {
      if (end < 0) return JSON.parse(json).body as string[];
      let slashes = 0;
      while (json[end - 1 - slashes] === '\\') slashes++;
      if (slashes % 2 === 0) break;
      end = json.indexOf('"', end + 1);
    }
    spans.push([at, end + 1]);
    at = json[end + 1] === ',' ? end + 2 : end + 1;
  }
  const made: string[] = [];
  return new Proxy(made, {
    get(target, key, receiver) {
      if (key === 'length') return spans.length;
      if (typeof key === 'string' && /^\d+$/.test(key)) {
        const index = Number(key);
        const span = spans[index];
        if (span === undefined) return undefined;
        return (target[index] ??= JSON.parse(json.slice(span[0], span[1])) as string);
      }
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}
