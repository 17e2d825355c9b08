import type { Article } from '../../model.js';
import { renderSpeakersTable, renderSpeakersTsv, type DisplaySpeaker } from '../../render/speakers.js';
import { countSpeakers, type SpeakerCount } from '../../search/speakers.js';
import { sanitize, toJsonLine } from '../../text/sanitize.js';
import type { ArticleIndex } from '../../index/article-index.js';
import { formatFor, layoutFor, openLibrary, terminalFor, type CommandResult, type Context } from '../context.js';
import type { Output } from '../output.js';
import type { SpeakersOptions } from '../program.js';
import type { FormatOf } from '../terminal.js';

/** `news speakers`: the people the library quotes, most quoted first. Finding none is "nothing found". */
export async function speakers(ctx: Context, options: SpeakersOptions): Promise<CommandResult> {
  const index = await openLibrary(ctx);
  let counts: SpeakerCount[];
  try {
    counts = countSpeakers(quotedArticles(index));
  } finally {
    index.close();
  }
  if (options.limit !== undefined) counts = counts.slice(0, options.limit);
  const shown = (): DisplaySpeaker[] => counts.map((s) => ({ ...s, name: sanitize(s.name) }));
  const output = {
    json: async () => ({ stdout: counts.map(({ name, quotes, articles }) => toJsonLine({ name, quotes, articles }) + '\n').join('') }),
    plain: async () => ({ stdout: renderSpeakersTsv(shown(), (await layoutFor(terminalFor(ctx, options))).style), pageable: options.pager }),
    terminal: async () => {
      const layout = await layoutFor(terminalFor(ctx, options));
      return { stdout: counts.length === 0 ? '' : renderSpeakersTable(shown(), layout), pageable: options.pager };
    },
  } satisfies Record<FormatOf<SpeakersOptions>, () => Promise<Output>>;
  return { ...(await output[formatFor(ctx, options)]()), found: counts.length };
}

/** Only the quotes are counted: the bodies are let go as the articles are read. */
function* quotedArticles(index: ArticleIndex): Generator<Article> {
  for (const article of index.eachArticle()) if (article.quotes.length > 0) yield article;
}
