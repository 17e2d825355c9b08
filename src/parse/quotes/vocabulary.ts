// What an article's own words say about a capitalised word: a word that the
// article writes in lower case, or that is capitalised only where a sentence
// starts, is an ordinary word ("Written", "Shortly", "Adding"), not a name.
import { isCapitalized, lower, type Token } from './tokens.js';
import { PRONOUNS } from './words.js';

export class Vocabulary {
  private readonly lowered = new Set<string>();
  private readonly namedMidSentence = new Set<string>();

  /** Notes the words of one paragraph. */
  add(tokens: readonly Token[]): void {
    let sentenceStart = true;
    for (const t of tokens) {
      if (t.punct) {
        // After a stop, a colon or an opening mark, a capital says nothing.
        if (t.stop || /^[:"“„‘(\u2014\u2013-]$/.test(t.text)) sentenceStart = true;
        continue;
      }
      if (isCapitalized(t.text)) {
        if (!sentenceStart) this.namedMidSentence.add(lower(t.text));
      } else {
        this.lowered.add(lower(t.text));
      }
      sentenceStart = false;
    }
  }

  /**
   * Can this one-word phrase name a speaker? A pronoun can; a capitalised
   * word can unless the article only ever capitalises it to start a sentence
   * and otherwise writes it in lower case, or it has the shape of an adverb
   * or a participle.
   */
  canName(word: string): boolean {
    const w = lower(word);
    if (PRONOUNS.has(w) || !isCapitalized(word)) return true;
    if (this.namedMidSentence.has(w)) return true;
    return !this.lowered.has(w) && !/(?:ly|ing|ed)$/.test(w);
  }
}
