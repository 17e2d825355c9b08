// The English lexicon of compromise (an NLP library), cut down to the word
// classes the quote rules ask about. The build runs this once and bundles its
// result in this module's place (scripts/build.mjs, "baked-lexicon"), so no
// command loads compromise itself: it costs about 300 ms to load.
import nlp from 'compromise/two';

/** One letter a class: what a word alone, in lower case, most often is. */
export const WORD_CLASSES = {
  FemaleName: 'f',
  MaleName: 'm',
  FirstName: 'n',
  Actor: 'r',
  Demonym: 'd',
  Country: 'p',
  Region: 'p',
  City: 'p',
  SportsTeam: 't',
  WeekDay: 'w',
  Month: 'w',
  Adjective: 'c',
  Singular: 'c',
  Plural: 'c',
  Uncountable: 'c',
} as const;

export type WordClass = (typeof WORD_CLASSES)[keyof typeof WORD_CLASSES];

type Tags = string | readonly string[];

/**
 * The lexicon's words of the classes above, as "word:class" pairs joined by
 * ",", a word's first class in WORD_CLASSES' order winning. Words of more
 * than one word ("new zealand") are kept as written, with single spaces.
 */
export function lexiconText(): string {
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, Tags> } }).one.lexicon;
  const order = Object.keys(WORD_CLASSES) as (keyof typeof WORD_CLASSES)[];
  const pairs: string[] = [];
  for (const [word, tags] of Object.entries(lexicon)) {
    if (/[,:]/.test(word)) continue;
    const own = typeof tags === 'string' ? [tags] : tags;
    const found = order.find((tag) => own.includes(tag));
    if (found !== undefined) pairs.push(`${word}:${WORD_CLASSES[found]}`);
  }
  return pairs.sort().join(',');
}
