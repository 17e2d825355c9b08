// An article as the index stores it: made where files are parsed (on the
// command's thread or a parse worker), and again when a row is removed.
import type { Article } from '../model.js';
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
  return [article.headline, article.body.join('\n'), speakers, article.section ?? '', article.source ?? ''];
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
    json: JSON.stringify(article),
    fts: indexedText(columns),
  };
}
