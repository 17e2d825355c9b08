// What counts as a quotation: the pairing of marks, and the names, titles
// and survey wording that stand in marks without being anyone's words.
import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../../src/parse/quotes/marks.js';
import { extractQuotes } from '../../src/parse/quotes/extract.js';

const spans = (text: string) => findQuoteSpans(text).map((s) => (s.closed ? text.slice(s.open + 1, s.close) : text.slice(s.open + 1)));
const texts = (body: string[]) => extractQuotes(body).map((q) => q.text);

describe('findQuoteSpans: pairing marks', () => {
  it('closes a quote with two right single marks typed for a double one', () => {
    expect(spans('She called it a “mistake’’ that cost the town its ferry. “We will fix it,” he said.')).toEqual(['mistake', 'We will fix it,']);
  });

  it('does not take the marks around attribute values in leftover markup for quotations', () => {
    expect(spans('<post author="@harbourdesk" date="May 2">Ferry back on Friday. "Finally," one rider wrote.')).toEqual(['Finally,']);
  });

  it('keeps the outer quote when a double-quoted phrase is nested in it', () => {
    expect(spans('"The sign said "No Entry" but the gate was open all week," the warden said.')).toEqual([
      'The sign said "No Entry" but the gate was open all week,',
    ]);
  });

  it('keeps the outer quote around several nested phrases', () => {
    expect(spans('He wrote: “Call it “reform” or call it “cuts,” the wards still close.”')).toEqual([
      'Call it “reform” or call it “cuts,” the wards still close.',
    ]);
  });

  it('ends a run-on quotation at its last full stop when the next quotation opens', () => {
    expect(spans('“The ferry is late again. “It always is,” she said.')).toEqual(['The ferry is late again.', 'It always is,']);
    expect(spans('He said: "We lost the toss. "We lost the match. "We go again on Friday."')).toEqual([
      'We lost the toss.',
      'We lost the match.',
      'We go again on Friday.',
    ]);
  });

  it('still drops an opening mark that is never closed when no sentence ends before the next quote opens', () => {
    expect(spans('The clerk called it "the rule of “The ferry is late,” she said.')).toEqual(['The ferry is late,']);
  });

  it('lets a quote that opens its paragraph and runs on hold quotes in the other style of mark', () => {
    expect(spans('"The newest case is the clerk suing the board for its “Dock Rule,” which lets owners decide.')).toEqual([
      'The newest case is the clerk suing the board for its “Dock Rule,” which lets owners decide.',
    ]);
    expect(spans('“The office is not about "Fair Rules" anymore. It is about the plan.')).toEqual([
      'The office is not about "Fair Rules" anymore. It is about the plan.',
    ]);
    // Mid-paragraph, or in the same style, the first mark was never closed.
    expect(spans('The clerk wrote "the case is about the “Dock Rule,” which lets owners decide.')).toEqual(['Dock Rule,']);
  });

  it('reads an opening mark typed twice as one mark, not a nested quote', () => {
    expect(spans('"“The ferry runs on Sundays now,” the council said in a notice.')).toEqual(['The ferry runs on Sundays now,']);
  });
});

describe('extractQuotes: names and titles in marks', () => {
  it('takes a title ending in the sentence’s own full stop for a name', () => {
    expect(texts(['Last spring she became the host of “The Early Show with Mara Quist.”'])).toEqual([]);
  });

  it('keeps a capitalised sentence standing on its own as speech', () => {
    expect(texts(['The mayor paused at the podium. “That Was Harbour Road In Flames.”'])).toEqual(['That Was Harbour Road In Flames.']);
  });

  it('keeps a quote in capitals throughout as speech', () => {
    expect(texts(['The union sent members one line, calling it “THE STRIKE IS ON.”'])).toEqual(['THE STRIKE IS ON.']);
  });

  it('takes a title after a possessive for a programme even with a cue verb', () => {
    expect(texts(['"We will not raise the tolls," the minister said on a radio station\'s "Morning Call with Ben Ash."'])).toEqual([
      'We will not raise the tolls',
    ]);
  });

  it('takes marks followed by a year in brackets for a cited work or poster', () => {
    expect(texts(['The party’s best-known poster, “Keep the valley green and our rivers clean” (1998), is still remembered.'])).toEqual([]);
  });

  it('does not take a lower-case phrase followed by "by" for a headline and byline', () => {
    expect(texts(['The senator said the "wild and careless remarks, made twice in one week," by the mayor had hurt the city.'])).toEqual([
      'wild and careless remarks, made twice in one week',
    ]);
  });
});

describe('extractQuotes: survey wording', () => {
  it('takes question wording answered by a share for no one’s words', () => {
    expect(texts(['Asked whether the mayor “understands the needs of the harbour district,” 61 percent of voters said yes.'])).toEqual([]);
  });

  it('keeps a quote followed by a figure that is not a share', () => {
    expect(texts(['The mayor said the ferry “will run every hour from next month,” 12 new boats or not.'])).toEqual(['will run every hour from next month']);
  });
});
