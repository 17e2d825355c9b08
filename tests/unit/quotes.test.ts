import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractQuotes } from '../../src/parse/quotes/extract.js';
import { FIRST_CARRY, readParagraph, type ParagraphReading } from '../../src/parse/quotes/paragraph.js';
import { Cast } from '../../src/parse/quotes/speakers.js';
import { tokenize } from '../../src/parse/quotes/tokens.js';
import { Vocabulary } from '../../src/parse/quotes/vocabulary.js';
import { who } from '../helpers/quotes.js';

describe('extractQuotes: where the attribution stands', () => {
  it('reads a speaker after the quote', () => {
    expect(extractQuotes(['"The bridge will reopen in spring," the city engineer said.'])).toEqual([
      { text: 'The bridge will reopen in spring', speaker: 'the city engineer', person: null, paragraph: 0 },
    ]);
  });

  it('reads a speaker before the quote, with a colon', () => {
    expect(who(['Mayor Ana Ortiz said: "We are not raising the water rates this year."'])).toEqual([
      { text: 'We are not raising the water rates this year.', speaker: 'Mayor Ana Ortiz' },
    ]);
  });

  it('reads an inverted attribution and drops the appositive', () => {
    expect(who(['"Nobody was hurt in the fire," said Tom Reilly, a spokesman for the fire service.'])).toEqual([
      { text: 'Nobody was hurt in the fire', speaker: 'Tom Reilly' },
    ]);
  });

  it('gives both halves of a quote split by its attribution to one speaker', () => {
    expect(who(['"The plan is sound," Grace Okafor said, "but the money is not there yet."'])).toEqual([
      { text: 'The plan is sound', speaker: 'Grace Okafor' },
      { text: 'but the money is not there yet.', speaker: 'Grace Okafor' },
    ]);
  });

  it('reads a verb in the present tense after a plural subject', () => {
    expect(who(['The two councillors write in their letter: "The audit has not been published and must be."'])).toEqual([
      { text: 'The audit has not been published and must be.', speaker: 'The two councillors' },
    ]);
    expect(who(['Economists warn that "prices will climb again before the winter ends."'])[0]?.speaker).toBe('Economists');
  });

  it('reads "according to"', () => {
    expect(who(['The council will vote again, according to Paul Mendes, "as soon as the lawyers are done."'])).toEqual([
      { text: 'as soon as the lawyers are done.', speaker: 'Paul Mendes' },
    ]);
  });

  it('reads a verb with an object before the quote', () => {
    expect(who(['Asked about the delay, the airport director told reporters, "We lost two weeks to the storm."'])).toEqual([
      { text: 'We lost two weeks to the storm.', speaker: 'the airport director' },
    ]);
  });

  it('reads "wrote in a statement"', () => {
    expect(who(['Nora Blake wrote in a statement that the company "regrets the error and will refund every customer."'])).toEqual([
      { text: 'regrets the error and will refund every customer.', speaker: 'Nora Blake' },
    ]);
  });

  it('reads "as X put it" and "X pointed out"', () => {
    expect(who(['As the harbour master Uma Reyes put it, "the tide does not wait for a permit."'])).toEqual([
      { text: 'the tide does not wait for a permit.', speaker: 'the harbour master Uma Reyes' },
    ]);
    expect(who(['Gil Moreau pointed out that "nobody has measured the river since 1990."'])).toEqual([
      { text: 'nobody has measured the river since 1990.', speaker: 'Gil Moreau' },
    ]);
  });

  it('reads the source of a passage introduced by "From X:"', () => {
    expect(who(['More from the audit: "Four of the six pumps had not been serviced in a decade."'])).toEqual([
      { text: 'Four of the six pumps had not been serviced in a decade.', speaker: 'the audit' },
    ]);
  });

  it('gives a paragraph ending in a colon to the quote paragraph after it', () => {
    expect(
      who([
        'In a letter to parents on Monday, Principal Dana Hughes wrote:',
        '"The school will stay closed until the heating has been repaired and inspected."',
      ]),
    ).toEqual([{ text: 'The school will stay closed until the heating has been repaired and inspected.', speaker: 'Principal Dana Hughes' }]);
  });

  it('reads the subject, not the listener, of "X, an age, told a newspaper"', () => {
    expect(who(['"We will not sell the farm to anyone," Walter Dunn, 61, told the Valley Courier.'])).toEqual([
      { text: 'We will not sell the farm to anyone', speaker: 'Walter Dunn' },
    ]);
  });

  it('reads past a party label in parentheses and a day between subject and verb', () => {
    expect(
      who([
        '"The bill is dead for this session," Sen. Ann Cole (D-Ohio) said Tuesday.',
        'Rep. Tom Hale (R-Iowa) on Wednesday said the vote "was never going to pass in this form."',
        'Hale later Thursday told a local radio station: "We will try again in the spring."',
      ]),
    ).toEqual([
      { text: 'The bill is dead for this session', speaker: 'Sen. Ann Cole' },
      { text: 'was never going to pass in this form.', speaker: 'Rep. Tom Hale' },
      { text: 'We will try again in the spring.', speaker: 'Rep. Tom Hale' },
    ]);
  });

  it("gives a participle after a cue the cue's subject", () => {
    expect(who(['The two unions will meet next week, Ruth Calder said, adding, "They need to sit down and talk it through."'])).toEqual([
      { text: 'They need to sit down and talk it through.', speaker: 'Ruth Calder' },
    ]);
  });

  it('keeps a question or exclamation attributed after its closing mark', () => {
    expect(who(['"Why would anyone build a stadium out there?" Lee Park asked about the plan. He added that "the roads cannot take the traffic."'])).toEqual([
      { text: 'Why would anyone build a stadium out there?', speaker: 'Lee Park' },
      { text: 'the roads cannot take the traffic.', speaker: 'Lee Park' },
    ]);
  });

  it.each([
    'told',
    'added',
    'asked',
    'wrote',
    'tweeted',
    'argued',
    'insisted',
    'warned',
    'explained',
    'noted',
    'continued',
    'declared',
    'says',
    'pressed',
    'retorted',
    'scoffed',
  ])('knows the cue verb "%s"', (verb) => {
    expect(who([`"We will keep the library open late," Ruth Calder ${verb}.`])).toEqual([
      { text: 'We will keep the library open late', speaker: 'Ruth Calder' },
    ]);
  });

  it('takes an attribution from the next sentence when the quote stands alone', () => {
    expect(
      who(['Farmers met Ken Abe, the regional minister.', '"The harvest is late everywhere." He said prices would "rise before the winter ends."']),
    ).toEqual([
      { text: 'The harvest is late everywhere.', speaker: 'Ken Abe' },
      { text: 'rise before the winter ends.', speaker: 'Ken Abe' },
    ]);
  });
});

describe('extractQuotes: naming the speaker', () => {
  it('resolves "he" and "she" to the last named person before, keeping the title', () => {
    expect(
      who(['Speaking at the harbour on Friday, Governor Lena Marsh toured the new pier.', '"This pier will carry twice the cargo of the old one," she said.']),
    ).toEqual([{ text: 'This pier will carry twice the cargo of the old one', speaker: 'Governor Lena Marsh' }]);
  });

  it('prefers a person whose title matches the pronoun', () => {
    expect(who(['Mrs. Ida Fenn met Mr. Otto Brandt at the mill.', '"We will buy the mill outright by the summer," she said.'])).toEqual([
      { text: 'We will buy the mill outright by the summer', speaker: 'Mrs. Ida Fenn' },
    ]);
  });

  it('resolves "they" to an organisation', () => {
    expect(who(['The Harbour Workers Union rejected the offer on Tuesday.', '"The offer does not cover the night shifts at all," they said.'])).toEqual([
      { text: 'The offer does not cover the night shifts at all', speaker: 'Harbour Workers Union' },
    ]);
  });

  it('reads a middle initial as part of the name, not as the article "a"', () => {
    expect(
      who(['Nadia A. Korver, the family lawyer, wrote to the court on Monday.', '"My client never meant to harm anyone at the office," she said in an email.']),
    ).toEqual([{ text: 'My client never meant to harm anyone at the office', speaker: 'Nadia A. Korver' }]);
  });

  it('takes no one from a phrase a preposition of place governs before a cue verb', () => {
    expect(
      who(['Holm asked for mercy in a letter posted online on Monday.', '"Who are we if we answer threats with nothing but more threats?" she wrote.']),
    ).toEqual([{ text: 'Who are we if we answer threats with nothing but more threats?', speaker: 'Holm' }]);
  });

  it('reads a long appositive between a quote and its cue, closed by a comma', () => {
    expect(
      who([
        '"Water is the hardest of the three to find beyond the inner planets," lead author Mira Dunmore, a geologist at the Harbour Space Institute in Lowell, Maine, and Fenwick College in Boston, said in a statement.',
      ]),
    ).toEqual([{ text: 'Water is the hardest of the three to find beyond the inner planets', speaker: 'lead author Mira Dunmore' }]);
  });

  it('gives "he" to no name of a sentence whose person is a pronoun said first', () => {
    expect(
      who([
        '"We have a real question about whether both sides want to make a deal at all," Dorn said.',
        'Dorn failed to ease concerns during an awkward appearance before the Harbour Coalition. As many in the audience sat stunned, Dorn suggested that he might not win their support. He also said he was best placed to get a Kessel Bay fishing deal because he is a negotiator.',
        'He has repeated his comments through speeches and debates, arguing that favouring one side would hurt his ability to broker a deal.',
        '"I am a negotiator first and last, and always will be," he said during a debate last week.',
      ])[1],
    ).toEqual({ text: 'I am a negotiator first and last, and always will be', speaker: 'Dorn' });
  });

  it('prefers for "he" a name the article has shown to be someone over a run of capitals it has not', () => {
    const cast = new Cast();
    expect(cast.resolve('Dorn', 0)).toBe('Dorn');
    const filler = 'The meeting ran long into the evening and the questions from the floor were sharp, detailed and often angry. ';
    const text = `${filler.repeat(4)}Dorn's aides said little. The vote will decide much for Kessel Bay and its boats.`;
    cast.observe(tokenize(text), 10);
    expect(cast.resolve('he', 10 + text.length)).toBe('Dorn');
  });

  it('keeps "he" with the person a pronoun subject stood for, past the names its sentences mention', () => {
    expect(
      who([
        'Marc Delorme insists there is no chance of history repeating itself on Wednesday.',
        "Delorme is one of the most decorated players in the game. He won the cup twice with the Harbour club, the league three times in four seasons, and two European titles in the years when the club's great side of the nineties ruled the continent and filled every ground it played in.",
        'He is now winding down his career abroad, alongside the likes of Tomas Varga and Ivo Renner. So he is full of admiration for his old colleagues at the club. "I am happy that they have managed to play so long at such a high level," he said.',
      ]),
    ).toEqual([{ text: 'I am happy that they have managed to play so long at such a high level', speaker: 'Marc Delorme' }]);
  });

  it('names the speaker by the name set off by commas after a description', () => {
    expect(who(['Their chairman, Tomas Orvil Brandt, says the striker "does not wish to stay in the league any longer".'])).toEqual([
      { text: 'does not wish to stay in the league any longer', speaker: 'Tomas Orvil Brandt' },
    ]);
    // A name before the description keeps the name.
    expect(who(['Ana Kell, a spokeswoman for the club, said the striker "does not wish to stay in the league any longer".'])[0]?.speaker).toBe('Ana Kell');
  });

  it('leaves the subject\'s place to the name after a capitalised word that opens a description ("Best actress winner …")', () => {
    const [quote] = extractQuotes([
      'Best actress winner Mira Lund, who wore a green chiffon dress that sparkled with sequins and beads, told the BBC News website that Nora Quill was the highlight of her career. Her role as a backstreet nurse in the gritty low-budget film has already led to a clutch of awards and a nomination. She said: "Never in a million years did I think this was going to happen to me.',
    ]);
    expect(quote?.person).toBe('Mira Lund');
  });

  it('takes the name after an organisation and a described role for the subject ("Harbour Capital energy analyst Jo Roe told")', () => {
    const said = who([
      '"This is good news for the whole investment community," Dunmore Asset Management investment chief Karl Weiss said. "Most investors are going to be happy," he added.',
      '"The field is a heavy cash generator and would have been a much better asset for the group," Harbour Capital energy analyst Anton Brel told a news agency. But he said the deal was simply an interim step. "Ultimately, the group needs the field," he added.',
    ]);
    expect(said[3]).toEqual({ text: 'Ultimately, the group needs the field', speaker: 'Harbour Capital energy analyst Anton Brel' });
  });

  it('does not take a sentence adverb for a first name ("Maybe Varga said")', () => {
    const [quote] = extractQuotes([
      'Hilda Varga spoke in the port on Monday.',
      'Perhaps Varga said it best: "We are going to build until the harbour is full again."',
    ]);
    expect(quote?.person).toBe('Hilda Varga');
  });

  it('takes no time for a person ("This year marks …")', () => {
    expect(
      who([
        "Bill Corran's job as conductor of the awards show is not for the faint-hearted.",
        'This year marks Corran\'s 17th turn at the helm of the orchestra. "The excitement is a live performance as a musician," he says.',
      ]),
    ).toEqual([{ text: 'The excitement is a live performance as a musician', speaker: 'Bill Corran' }]);
  });

  it('gives a quote to the one "quoted as saying", not to the one quoting', () => {
    expect(who(['"We are mourning the passing of a great company," the agency quoted worker Dana Ogle as saying.'])).toEqual([
      { text: 'We are mourning the passing of a great company', speaker: 'worker Dana Ogle' },
    ]);
    expect(who(['The news agency reports a union source as saying: "The works council fears the trade will be run from abroad."'])).toEqual([
      { text: 'The works council fears the trade will be run from abroad.', speaker: 'a union source' },
    ]);
  });

  it('names the speaker by the name between a description and the cue after a quote', () => {
    expect(who(['"I am extremely outraged at the hypocrisy," the festival\'s organiser in the port, Tessa Marr, told the radio station.'])).toEqual([
      { text: 'I am extremely outraged at the hypocrisy', speaker: 'Tessa Marr' },
    ]);
  });

  it('learns no sex from "him" in the sentence of a name: an object is someone else', () => {
    const said = who([
      '"The council has let the house fall apart," said Ida Marsh of the museum trust.',
      'Tessa Varn, the singer\'s stepsister, said the family still hoped a road would be named after him. "That is something my father really wanted to see," she said.',
    ]);
    expect(said[1]).toEqual({ text: 'That is something my father really wanted to see', speaker: 'Tessa Varn' });
  });

  it('takes no person from what "the" names in capitals ("the Varga Express")', () => {
    const [quote] = extractQuotes([
      'For those of you not yet on the Varga Express, the pundits have been calling him a fraud for a year.',
      '"We will win the harbour vote and the one after it," Varga said.',
    ]);
    expect(quote?.person).toBe('Varga');
  });

  it('turns a surname into the fuller name used before', () => {
    expect(who(['Hilda Varga, who runs the shelter, asked for more beds.', '"We turn people away every single night," Varga said.'])).toEqual([
      { text: 'We turn people away every single night', speaker: 'Hilda Varga' },
    ]);
  });

  it('keeps a descriptive speaker as written', () => {
    expect(who(['"The talks broke down over the border crossings," a senior diplomat said.'])).toEqual([
      { text: 'The talks broke down over the border crossings', speaker: 'a senior diplomat' },
    ]);
  });

  it('continues the speaker of the previous quote paragraph', () => {
    expect(who(['"The dam is safe for now," the chief engineer said.', '"But another flood like the last one would test it badly."'])).toEqual([
      { text: 'The dam is safe for now', speaker: 'the chief engineer' },
      { text: 'But another flood like the last one would test it badly.', speaker: 'the chief engineer' },
    ]);
  });

  it('gives every paragraph of a quote running over several paragraphs one speaker', () => {
    expect(
      extractQuotes([
        'Rosa Lind said: "The first year we lost the whole crop to frost.',
        '"The second year the river took the lower field.',
        '"This year, at last, we have something to sell."',
      ]),
    ).toEqual([
      { text: 'The first year we lost the whole crop to frost.', speaker: 'Rosa Lind', person: 'Rosa Lind', paragraph: 0 },
      { text: 'The second year the river took the lower field.', speaker: 'Rosa Lind', person: 'Rosa Lind', paragraph: 1 },
      { text: 'This year, at last, we have something to sell.', speaker: 'Rosa Lind', person: 'Rosa Lind', paragraph: 2 },
    ]);
  });
});

describe('extractQuotes: the subject of a sentence without a cue verb', () => {
  it("names the person a description leads up to, not the description's first word", () => {
    expect(who(['Liberal council candidate Mara Quist greeted the budget as "a list of promises nobody means to keep."'])).toEqual([
      { text: 'a list of promises nobody means to keep.', speaker: 'Mara Quist' },
    ]);
  });

  it('looks past an opening phrase that holds the quote to the subject after its comma', () => {
    expect(who(['Citing the city\'s "long habit of patching roads instead of fixing them," Hal Brody urged the council to borrow.'])).toEqual([
      { text: 'long habit of patching roads instead of fixing them', speaker: 'Hal Brody' },
    ]);
  });

  it('skips an opening phrase of several words, a number word first', () => {
    expect(who(['Twenty minutes after the vote, union leader Pia Sand greeted the result as "a betrayal of every night-shift worker."'])).toEqual([
      { text: 'a betrayal of every night-shift worker.', speaker: 'Pia Sand' },
    ]);
  });

  it('does not take a capitalised ordinary word that opens a sentence for a speaker', () => {
    // "Shortly" is written in lower case elsewhere in the article: it is not a name.
    const quotes = who(['The ferry left shortly before noon.', 'Shortly after the ferry docked, "we were told to wait on the pier for three hours."']);
    expect(quotes).toEqual([{ text: 'we were told to wait on the pier for three hours.', speaker: null }]);
  });

  it('reads a description after an opening phrase, a lower-case determiner first', () => {
    expect(who(['Returning to an old theme, the retired admiral spoke of the "slow decay of the coastal fleet."'])).toEqual([
      { text: 'slow decay of the coastal fleet.', speaker: 'the retired admiral' },
    ]);
  });

  it('does not skip a capitalised ordinary word that leads to a name', () => {
    // "Choir" is an ordinary word here, but "Choir director Ivo Lenz" names a person.
    expect(who(['The choir sang first.', 'Choir director Ivo Lenz thanked the town, writing "we could not have toured without you."'])).toEqual([
      { text: 'we could not have toured without you.', speaker: 'Ivo Lenz' },
    ]);
  });

  it('reads a cue word after a possessive as a noun, not a verb', () => {
    expect(who(['Dean Olu Bako defended his recent remarks on tuition, saying fees "will not rise again this decade."'])).toEqual([
      { text: 'will not rise again this decade.', speaker: 'Dean Olu Bako' },
    ]);
  });

  it('ends a quote on a nested one, so the attribution after both still counts', () => {
    expect(who(['The rally "was the first time I heard a crowd shout \'Go home,\'" Lena Ruiz said.'])).toEqual([
      { text: "was the first time I heard a crowd shout 'Go home,'", speaker: 'Lena Ruiz' },
    ]);
  });
});

describe('extractQuotes: paragraphs around a quote', () => {
  it('gives a quote paragraph with no attribution to the subject of the narrative paragraph before it', () => {
    expect(who(['Grace Okafor praised the volunteers at length on Sunday.', '"They kept the shelter running through the worst storm in years."'])).toEqual([
      { text: 'They kept the shelter running through the worst storm in years.', speaker: 'Grace Okafor' },
    ]);
  });

  it('reads a line that only names a source as the signature of the quote above it', () => {
    expect(
      extractQuotes([
        'Readers wrote in about the bus cuts.',
        '"The number 9 was the only way my mother could get to the clinic."',
        '- Jane Roe, a nurse in Leeds.',
      ]),
    ).toEqual([{ text: 'The number 9 was the only way my mother could get to the clinic.', speaker: 'Jane Roe', person: 'Jane Roe', paragraph: 1 }]);
  });

  it('treats line breaks inside a paragraph as paragraph breaks', () => {
    expect(extractQuotes(['"We were never told the plant would close.\nJim Doyle, a welder at the plant."'])).toEqual([
      { text: 'We were never told the plant would close.', speaker: 'Jim Doyle', person: 'Jim Doyle', paragraph: 0 },
    ]);
  });
});

describe('extractQuotes: quotation marks', () => {
  it('does not take a headline with its byline, a titled work or a slogan for a quote', () => {
    expect(
      who([
        'ON STAGE—"The old theatre on the quay will close its doors in spring," by the Courier\'s Ann Lee: http://example.com/x.',
        'Her essay, titled "Why the Town Hall Still Matters to All of Us," ran on Sunday.',
        'The county defended its new road-safety campaign with the slogan "Slow down, we are all on it."',
      ]),
    ).toEqual([]);
  });

  it('reads curly marks, nested single quotes and apostrophes', () => {
    expect(who(['“Back in the ’90s they called it ‘rock ’n’ roll town’ and meant it kindly,” said Jo Pratt.'])).toEqual([
      { text: 'Back in the ’90s they called it ‘rock ’n’ roll town’ and meant it kindly', speaker: 'Jo Pratt' },
    ]);
  });

  it("is not thrown by straight apostrophes like rock 'n' roll and the '80s", () => {
    expect(who([`"He played rock 'n' roll through the '80s and never stopped," Amy Cole said.`])).toEqual([
      { text: "He played rock 'n' roll through the '80s and never stopped", speaker: 'Amy Cole' },
    ]);
  });

  it('drops a quote left open before another opens, instead of swallowing the narrative', () => {
    expect(who(['The sign read "closed for good. Then "We will reopen in May after the repairs," the owner said.'])).toEqual([
      { text: 'We will reopen in May after the repairs', speaker: 'the owner' },
    ]);
  });

  it('ends a quote left open where the writer names its speaker by surname, not at the end of the paragraph', () => {
    expect(
      who([
        'Midfielder Piet Bosma is out of contract in June. "I would like to stay for one more year," he said. "The main concern is my age but I am fit enough. Bosma joined the club in 2003 and at first he struggled.',
      ]),
    ).toEqual([
      { text: 'I would like to stay for one more year', speaker: 'Midfielder Piet Bosma' },
      { text: 'The main concern is my age but I am fit enough.', speaker: 'Midfielder Piet Bosma' },
    ]);
    // A title before the name, or a mark, keeps it speech: the speaker telling how others address them.
    expect(who(["Omar Haddad is a lawyer. \"People come to me and they say, 'Mr. Haddad, will we be thrown out?' I tell them no."]).map((q) => q.text)).toEqual(
      ["People come to me and they say, 'Mr. Haddad, will we be thrown out?' I tell them no."],
    );
  });

  it('does not take scare quotes or titles for quotes', () => {
    expect(who(['The so-called "reform" was mocked on "Saturday Night Live" and in the novel "The Long Grass of Summer" last year.'])).toEqual([]);
  });

  it('keeps a short quote that a cue verb claims', () => {
    expect(who(['"Never," Lee Park said.'])).toEqual([{ text: 'Never', speaker: 'Lee Park' }]);
  });
});

describe('extractQuotes: robustness', () => {
  // The extractor catches nothing, so any exception on these inputs fails the property.
  it('never throws and only points at paragraphs that exist', () => {
    const piece = fc.constantFrom('"', '“', '”', "'", '’', ',', '.', ':', ' ', '\n', 'he said', 'Ann Lee', 'told', 'the', 'x');
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(piece, fc.string()), { maxLength: 30 }).map((a) => a.join('')),
          { maxLength: 6 },
        ),
        (body) => {
          const quotes = extractQuotes(body);
          for (const q of quotes) {
            expect(q.paragraph).toBeGreaterThanOrEqual(0);
            expect(q.paragraph).toBeLessThan(body.length);
            expect(body[q.paragraph]).toContain(q.text);
          }
        },
      ),
    );
  });

  it('lets an error surface rather than answer "no quotes"', () => {
    const unreadable = {
      toString() {
        throw new Error('unreadable paragraph');
      },
    };
    expect(() => extractQuotes(['"We sail at dawn," Ann Lee said.', unreadable as unknown as string])).toThrow('unreadable paragraph');
  });

  it('reads a 10 MB paragraph of marks that never close as the one quote the last mark opens', () => {
    // Each opening mark met inside an open quote drops the one before it, so
    // only the last stands, running unclosed to the end; the words inside it
    // name no speaker. The walks are linear, so this takes seconds, not hours.
    const tail = 'Smith said'.repeat(500_000);
    const hostile = '"a, '.repeat(1_000_000) + tail;
    const quotes = extractQuotes([hostile]).map(({ text, ...rest }) => ({ ...rest, length: text.length, start: text.slice(0, 13), end: text.slice(-10) }));
    expect(quotes).toMatchObject([{ speaker: null, paragraph: 0, length: 3 + tail.length, start: 'a, Smith said', end: 'Smith said' }]);
  });
});

describe('readParagraph: one paragraph in, what it holds out', () => {
  /** Reads paragraphs in turn as extractQuotes does, each with the carry the one before handed on. */
  function readAll(texts: string[]): ParagraphReading[] {
    const tokens = texts.map((text) => tokenize(text));
    const vocabulary = new Vocabulary();
    for (const t of tokens) vocabulary.add(t);
    const article = { cast: new Cast(), vocabulary };
    let carry = FIRST_CARRY;
    return texts.map((text, index) => {
      const reading = readParagraph({ text, index, source: index }, tokens[index] ?? [], carry, article);
      carry = reading.next;
      return reading;
    });
  }

  it('hands a quote left open on to the next paragraph, whose opening quote goes on with it', () => {
    const first = 'Ann Lee, the harbour master, said: "We will rebuild the pier before winter.';
    const second = '"And we will open the ferry again in spring," she said.';
    const [open, rest] = readAll([first, second]);
    expect(open?.next.openChain).toBeGreaterThanOrEqual(0);
    expect(rest?.quotes.map((q) => q.chain)).toEqual([open?.next.openChain]);
    // The carry also places each paragraph in the body laid end to end, for the cast.
    expect(rest?.next).toMatchObject({ openChain: -1, base: first.length + 1 + second.length + 1 });
  });

  it('reads a dashed line under a quote paragraph as its signature, and the same line elsewhere as narrative', () => {
    const [, signature, narrative] = readAll(['"We will rebuild the pier before winter."', '- Ann Lee, harbour master.', '- Ann Lee, harbour master.']);
    expect(signature).toMatchObject({ quotes: [], signs: 'Ann Lee' });
    expect(narrative).toMatchObject({ quotes: [], signs: null });
  });
});

describe('extractQuotes: speaker phrases that are not one word before the cue', () => {
  const named = (body: string[]) => extractQuotes(body).map(({ speaker, person }) => ({ speaker, person }));

  it('reads capitals joined by an ampersand as one name', () => {
    expect(named(['"The outlook is steady," wrote R&T credit analyst Mila Storr.', 'R&T said the plan was "sound and well costed" in its note.'])).toEqual([
      { speaker: 'R&T credit analyst Mila Storr', person: 'Mila Storr' },
      { speaker: 'R&T', person: null },
    ]);
  });

  it('reads two roles joined by "and" on to the name they lead to, past a two-word cue', () => {
    expect(
      named([
        '"The harbour is at its busiest," said Harbour and Coastal Affairs Minister Oren Vasko.',
        '"It will be a slow race this year," points out former Olympian and Rivertown pundit Lia Marsh.',
        'Only Tides and Harbours star Ivo Brandt criticised the festival for being "too loud and too crowded". "We have to be careful what we build," he said.',
      ]),
    ).toEqual([
      { speaker: 'Harbour and Coastal Affairs Minister Oren Vasko', person: 'Oren Vasko' },
      { speaker: 'former Olympian and Rivertown pundit Lia Marsh', person: 'Lia Marsh' },
      { speaker: 'Ivo Brandt', person: 'Ivo Brandt' },
      { speaker: 'Ivo Brandt', person: 'Ivo Brandt' },
    ]);
  });

  it('passes over a span of time, a form label and a role before a name set off by commas', () => {
    expect(
      named([
        'Mara Quist spoke to the board on Monday. Minutes later, she sent an email saying, "this is done now."',
        'Roe\'s Ohio state director, Nils Ardent, reached out to the group, writing in an email: "We want to use this now."',
        'Name: Tessa Oyelaran Age: 31 Why she is marching: "As a nurse I need a raise now."',
      ]),
    ).toEqual([
      { speaker: 'Mara Quist', person: 'Mara Quist' },
      { speaker: 'Nils Ardent', person: 'Nils Ardent' },
      { speaker: 'Tessa Oyelaran', person: 'Tessa Oyelaran' },
    ]);
  });

  it('keeps a determiner, an age and a capitalised word as a description', () => {
    expect(named(['But the 25-year-old Corkman underlined his intention to stay at the club. He added: "It is nice to be wanted here."'])).toEqual([
      { speaker: 'the 25-year-old Corkman', person: null },
    ]);
  });

  it('resolves a pronoun to the one who holds a role, not the organisation the role is of', () => {
    expect(
      named(['Harbour Watch spokesman Elan Ruiz said observers went with the marchers, whom he described as "peaceful," for the length of the route.']),
    ).toEqual([{ speaker: 'Elan Ruiz', person: 'Elan Ruiz' }]);
  });

  it('reads the subject of "described as"', () => {
    expect(named(['The Lanterns reached the top of the chart, which Mr Osei described as "an unheard of feat for a first single".'])).toEqual([
      { speaker: 'Mr Osei', person: 'Osei' },
    ]);
  });
});

describe('extractQuotes on the seed article', () => {
  const file = readFileSync(new URL('../../articles/us-iran-is.md', import.meta.url), 'utf8');
  const afterFrontMatter = file.split(/^---$/m).slice(2).join('---');
  const body = afterFrontMatter
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');

  it('finds its five quotes and who said them', () => {
    const quotes = extractQuotes(body).map(({ text, speaker, paragraph }) => ({ start: text.slice(0, 28), speaker, paragraph }));
    expect(body).toHaveLength(11);
    expect(quotes).toEqual([
      { start: 'Iran was concerned about Ass', speaker: 'the Iranian official', paragraph: 3 },
      { start: 'This issue was first discuss', speaker: 'the Iranian official', paragraph: 4 },
      { start: 'We communicated our intentio', speaker: 'the senior US State Department official', paragraph: 6 },
      { start: 'The bombardment must have a ', speaker: 'President Hassan Rouhani', paragraph: 9 },
      { start: "don't have any legal standin", speaker: 'President Hassan Rouhani', paragraph: 9 },
    ]);
  });
});
