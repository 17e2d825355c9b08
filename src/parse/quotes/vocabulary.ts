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
        if (t.stop || opensSentence(t.text)) sentenceStart = true;
        continue;
      }
      if (isCapitalized(t.text)) {
        if (!sentenceStart) this.namedMidSentence.add(t.low);
      } else {
        this.lowered.add(t.low);
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

/** Is the mark one after which a capital may start a sentence: a colon, an opening mark or bracket, a dash? */
function opensSentence(mark: string): boolean {
  if (mark.length !== 1) return false;
  switch (mark.charCodeAt(0)) {
    case 0x3a: // :
    case 0x22: // "
    case 0x201c: // “
    case 0x201e: // „
    case 0x2018: // ‘
    case 0x28: // (
    case 0x2014: // —
    case 0x2013: // –
    case 0x2d: // -
      return true;
    default:
      return false;
  }
}
