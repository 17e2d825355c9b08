// `news speakers`: who the library quotes, one person a line.
import type { SpeakerCount } from '../search/speakers.js';
import type { Displayed } from '../text/sanitize.js';
import { displayWidth, truncate } from '../text/width.js';
import { tsvField } from './fields.js';
import type { Layout } from './layout.js';
import { plainStyle, type Style } from './style.js';

/** A person and their counts, the name sanitised. */
export type DisplaySpeaker = Displayed<SpeakerCount>;

/** NAME<TAB>QUOTES<TAB>ARTICLES, the stable form for scripts. */
export function renderSpeakersTsv(speakers: readonly DisplaySpeaker[], style: Style = plainStyle): string {
  return speakers.map((s) => `${style.speaker(tsvField(s.name))}\t${s.quotes}\t${s.articles}\n`).join('');
}

/** Counts right-aligned under their headings, the name last, cut to the terminal's width. */
export function renderSpeakersTable(speakers: readonly DisplaySpeaker[], layout: Layout): string {
  const { style, width } = layout;
  const head = ['QUOTES', 'ARTICLES'];
  let quotesWidth = head[0]!.length;
  let articlesWidth = head[1]!.length;
  for (const s of speakers) {
    quotesWidth = Math.max(quotesWidth, String(s.quotes).length);
    articlesWidth = Math.max(articlesWidth, String(s.articles).length);
  }
  const used = quotesWidth + 2 + articlesWidth + 2;
  const fit = (name: string) => (width === null || displayWidth(name) <= width - used ? name : truncate(name, Math.max(1, width - used)));
  const heading = style.heading(`${head[0]!.padStart(quotesWidth)}  ${head[1]!.padStart(articlesWidth)}  NAME`) + '\n';
  return (
    heading +
    speakers.map((s) => `${String(s.quotes).padStart(quotesWidth)}  ${String(s.articles).padStart(articlesWidth)}  ${style.speaker(fit(s.name))}\n`).join('')
  );
}
