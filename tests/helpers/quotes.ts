// What the quote tests share: the quotes an article body yields, as text and speaker or as speakers alone.
import { extractQuotes } from '../../src/parse/quotes/extract.js';

export const who = (body: string[]) => extractQuotes(body).map(({ text, speaker }) => ({ text, speaker }));
export const speakers = (body: string[]) => extractQuotes(body).map((q) => q.speaker);
