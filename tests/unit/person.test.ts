// One name per person within an article (parse/quotes/person.ts): titles and
// descriptions left out, the fullest name the article gives, and two people
// of one surname told apart only by what the article says of them.
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/model.js';
import { extractQuotes } from '../../src/parse/quotes/extract.js';
import { nameParts, surnameOf, withPersons } from '../../src/parse/quotes/person.js';

const persons = (body: string[]) => extractQuotes(body).map((q) => q.person);

/** Quotes by the given speakers, one a paragraph, with the body's lines. */
function attributed(speakers: Array<string | null>, body: string[]): Quote[] {
  const quotes = speakers.map((speaker, k) => ({ text: `Words ${k}`, speaker, person: null, paragraph: body.length + k }));
  const lines = [...body, ...speakers.map((s, k) => `"Words ${k}," ${s ?? 'someone'} said.`)].map((text, source) => ({ text, source }));
  return withPersons(quotes, lines);
}

describe('nameParts: the name a speaker phrase ends with', () => {
  it('leaves out titles, places and descriptions before the name', () => {
    for (const [phrase, name] of [
      ['Sen. Jo Varga', 'Jo Varga'],
      ['Harbour Sen. Jo Varga', 'Jo Varga'],
      ['Mr. Varga', 'Varga'],
      ['harbour master Lena Dijk', 'Lena Dijk'],
      ['Secretary of State Ana Lind', 'Ana Lind'],
      ['Democrat Ana Lind', 'Ana Lind'],
      ['Former Lind Senior Adviser Tom Berg', 'Tom Berg'],
      ['Jo Major', 'Jo Major'],
      ['Pia van Berg', 'Pia van Berg'],
      ['Tom Berg III', 'Tom Berg III'],
      ['JO VARGA', 'JO VARGA'],
      ['Jo Varga of the pro-democracy Harbour Institute for Sea Studies', 'Jo Varga'],
      ['Tom Berg of box office tracker Dunmore Figures', 'Tom Berg'],
      ['Archbishop Tom Berg of the Dunmore Patriarchate of Vale', 'Tom Berg'],
      ['Varga of the CORE Harbour Teachers', 'Varga'],
      ['Passion of the Sea director Tom Berg', 'Tom Berg'],
      ['Harbour Institute chairman Tom Berg Jr.', 'Tom Berg Jr.'],
      ['survey chairman Tom Ore.', 'Tom Ore'],
      ['US rap star 50 Pence', '50 Pence'],
      ['Harbour Bank Simon Champion', 'Simon Champion'],
      ['Post Editor-in-Chief Martin Barr', 'Martin Barr'],
      ['Vice-President Dick Chase', 'Dick Chase'],
      ['Kelly King-Smith', 'Kelly King-Smith'],
      ['Assemblywoman Ada Voss', 'Ada Voss'],
      ['Swede Jorvik Alsen', 'Jorvik Alsen'],
      ['MP Kefa Omoro', 'Kefa Omoro'],
      ['Senate Minority Whip Tasso Berg', 'Tasso Berg'],
    ]) {
      expect(nameParts(phrase!)?.words.join(' '), phrase).toBe(name);
    }
  });

  it('finds no name in a description, a pronoun, an organisation or a group', () => {
    for (const phrase of [
      'a Varga spokesman',
      'the Iranian official',
      'Varga spokesman',
      'he',
      'Harbour Authority',
      'NATO',
      'Republicans',
      'Prime Minister',
      "Varga's potential VP",
      'Newry City',
      'Harbour Rovers',
      'Dunmore United',
      'Harbour Records',
      'Dunmore Nurses United for Patient Care',
      'Harbour Institute for Science and Sea Security',
    ]) {
      expect(nameParts(phrase), phrase).toBeNull();
    }
  });

  it('finds no name in a people or the plural of a title or a role', () => {
    for (const phrase of ['Norwegians', 'Britons', '37 percent of Canadians', 'Judges', 'Coaches', 'Governors']) {
      expect(nameParts(phrase), phrase).toBeNull();
    }
    // A people's adjective is also a surname.
    expect(nameParts('Mr French')?.words).toEqual(['French']);
    expect(
      persons([
        'Ola Brenner said he expected that Norwegians will say "no" to the plan on offer.',
        'Governors said the plan handled the subject with "great care and insight".',
      ]),
    ).toEqual([null, null]);
  });

  it('tells the sex a title gives, and keeps the title for a name left as written', () => {
    expect(nameParts('Mrs. Lind')).toEqual({ words: ['Lind'], titled: 'Mrs. Lind', gender: 'f' });
    expect(nameParts('Mr. Tom Berg')).toMatchObject({ words: ['Tom', 'Berg'], gender: 'm' });
    expect(nameParts('Jo Varga')?.gender).toBeNull();
  });

  it('takes the surname as the last word, a suffix passed over', () => {
    expect(surnameOf('Tom Berg Jr.')).toBe('berg');
    expect(surnameOf('Ana Lind')).toBe('lind');
  });
});

describe('withPersons: one name per person in an article', () => {
  it('gives every form of a name the fullest name, without titles', () => {
    expect(
      persons(['"We will win the vote," said Sen. Jo Varga.', '"The count is close tonight," Varga said.', '"We are ready for the recount," Mr. Varga said.']),
    ).toEqual(['Jo Varga', 'Jo Varga', 'Jo Varga']);
  });

  it('gives a descriptive speaker no person, though it holds a surname', () => {
    expect(
      persons([
        '"We will win the vote," said Sen. Jo Varga.',
        '"The senator has no comment today," a Varga spokesman said.',
        '"Talks will go on," the port official said.',
      ]),
    ).toEqual(['Jo Varga', null, null]);
  });

  it('keeps a number that opens a stage name, however else the body writes the number', () => {
    expect(persons(['"Nas is one of my friends," said US rap star 50 Pence.', 'He sold 50 copies in 12 hours.'])).toEqual(['50 Pence']);
  });

  it('keeps a surname the article never gives a first name to as written', () => {
    expect(persons(['"The pier will hold through the winter," Varga said.'])).toEqual(['Varga']);
  });

  it('finds the full name of a surname in the narrative', () => {
    expect(attributed(['Varga', 'Mr. Varga'], ['Councillor Jo Varga opened the session.']).map((q) => q.person)).toEqual(['Jo Varga', 'Jo Varga']);
  });

  it('reads a first name alone as the one person the article gives it', () => {
    expect(attributed(['Ana'], ['Ana Lind runs the bakery.']).map((q) => q.person)).toEqual(['Ana Lind']);
  });

  it('tells two people of one surname apart by the titles and pronouns the article gives them', () => {
    const body = ['Per Lind and Ana Lind opened the bakery in 1990.', 'Ana Lind said she would stay on.', 'Per Lind said he was ready to retire.'];
    expect(attributed(['Mrs. Lind', 'Mr. Lind', 'Per Lind'], body).map((q) => q.person)).toEqual(['Ana Lind', 'Per Lind', 'Per Lind']);
    // Through the extractor too, whatever name its attribution settles on first.
    expect(persons([...body, '"We sold the first loaf at dawn," Mrs. Lind said.', '"I am tired of the ovens," Mr. Lind said.'])).toEqual([
      'Ana Lind',
      'Per Lind',
    ]);
  });

  it('keeps a speaker the extractor names in full, though the paragraph names another of the surname by first name', () => {
    const lines = [
      'Rock star Rory Vance tackled a burglar at his home.',
      'The singer gave chase. "I acted on impulse," Vance said. His wife Della, who called the police, said her rings were taken.',
      'At a press conference, Della Vance gave details. "We worked for everything we have," Della said.',
    ].map((text, source) => ({ text, source }));
    const quotes: Quote[] = [
      { text: 'I acted on impulse', speaker: 'Rory Vance', person: null, paragraph: 1 },
      { text: 'We worked for everything we have', speaker: 'Della', person: null, paragraph: 2 },
      { text: 'We came from nothing', speaker: 'Della Vance', person: null, paragraph: 2 },
    ];
    expect(withPersons(quotes, lines).map((q) => q.person)).toEqual(['Rory Vance', 'Della Vance', 'Della Vance']);
  });

  it('does not take a man the article names for a speaker whose title makes her a woman', () => {
    const body = ['Per Lind said he was ready to retire.', '"We sold the first loaf at dawn," Mrs. Lind said.'];
    expect(extractQuotes(body).map((q) => q.speaker)).toEqual(['Mrs. Lind']);
  });

  it('does not take a person the quote paragraph names for the speaker it names by first name', () => {
    const lines = ['Per Lind and Ana Lind opened the bakery in 1990.', 'After the mayor criticised Per Lind, Ana shot back, "We pay our taxes."'].map(
      (text, source) => ({
        text,
        source,
      }),
    );
    expect(withPersons([{ text: 'We pay our taxes.', speaker: 'Ana', person: null, paragraph: 1 }], lines).map((q) => q.person)).toEqual(['Ana Lind']);
  });

  it('keeps a surname two people share as written when the article does not say which', () => {
    const body = ['Per Lind and Ana Lind opened the bakery in 1990.'];
    expect(attributed(['Lind', 'Dr. Lind'], body).map((q) => q.person)).toEqual(['Lind', 'Dr. Lind']);
  });

  it('keeps the speaker as the article names them, and null for no speaker', () => {
    const [named, unknown] = attributed(['Sen. Jo Varga', null], []);
    expect(named).toEqual({ text: 'Words 0', speaker: 'Sen. Jo Varga', person: 'Jo Varga', paragraph: 0 });
    expect(unknown).toMatchObject({ speaker: null, person: null });
  });
});

describe('withPersons: no person for what the article shows is not one', () => {
  const personOf = (speakers: string[], body: string[]) => attributed(speakers, body).map((q) => q.person);

  it('gives a team, a place or a competition no person', () => {
    // A team: the object of "against", the subject of a plural verb.
    expect(personOf(['Harbourside'], ['The visitors lost 2-0 against Harbourside on Saturday.'])).toEqual([null]);
    expect(personOf(['Harbourside'], ['Harbourside were 2-0 down at half-time.'])).toEqual([null]);
    // A place: the object of "in".
    expect(personOf(['Velmora'], ['The mill closed in Velmora last year.'])).toEqual([null]);
    // A competition: written after "the".
    expect(personOf(['Silver Cup'], ['Both sides want to win the Silver Cup this year.'])).toEqual([null]);
    // A company or a place by the last word of its name.
    expect(personOf(['Kessel Airlines', 'Norrvik Capital', 'Dunmore County'], [])).toEqual([null, null, null]);
  });

  it('keeps a person the article also writes after a preposition', () => {
    expect(personOf(['Varga'], ['Jo Varga played for Harbourside.', 'The crowd cheered for Varga.'])).toEqual(['Jo Varga']);
    expect(personOf(['Mr. Varga'], ['The crowd cheered for Varga.'])).toEqual(['Varga']);
    expect(personOf(['Varga'], ['Varga compared himself to a lighthouse.', 'The crowd cheered for Varga.'])).toEqual(['Varga']);
  });

  it('takes a team or a place glued before a name off it', () => {
    expect(personOf(['Harbourside Jo Varga'], ["Harbourside's Jo Varga scored twice."])).toEqual(['Jo Varga']);
    // The glued word is a first name where the article writes it before a surname inside a sentence.
    expect(personOf(['Hillary Jo Varga'], ['Voters backed Hillary Jo Varga in the vote for Hillary.'])).toEqual(['Hillary Jo Varga']);
    expect(nameParts('Velmora-based Jo Varga')?.words.join(' ')).toBe('Jo Varga');
    expect(nameParts('Sen. Jo Varga of Velmora')?.words.join(' ')).toBe('Jo Varga');
  });

  it('reads a weekday or a month before a surname as a date, not a first name', () => {
    expect(personOf(['Tuesday Varga'], [])).toEqual(['Varga']);
    expect(personOf(['Varga'], ['At a June Varga rally in the port, Jo Varga spoke first.', 'At a June Varga rally, the band played.'])).toEqual(['Jo Varga']);
  });

  it('gives no person to what the article writes as whose a role is, or as speaking of itself as "it" or "their"', () => {
    // A club before a role and a name, and before a title and a name.
    expect(personOf(['Harbourside'], ['Harbourside boss Jo Varga was pleased.'])).toEqual([null]);
    expect(personOf(['Velmora'], ['Velmora Attorney General Ana Lind asked the court to act.'])).toEqual([null]);
    // A company that "said it", a team that "confirmed their" lead.
    expect(personOf(['Harbourline'], ['Harbourline said it had sold the ferries.'])).toEqual([null]);
    expect(personOf(['Velmora'], ['Velmora confirmed their place in the final.'])).toEqual([null]);
    // A person named in full keeps a first name the article also writes as a club's.
    expect(personOf(['Harbourside', 'Ana'], ['Harbourside boss Jo Varga was pleased.', 'Ana Lind said she agreed.'])).toEqual([null, 'Ana Lind']);
    // The same marks do not take a person's name away: "Varga said he".
    expect(personOf(['Varga'], ['Varga said he had sold the ferries.'])).toEqual(['Varga']);
  });

  it('gives a day, a month, an abbreviated place or a group no person', () => {
    expect(personOf(['His fact-check Wednesday'], [])).toEqual([null]);
    expect(personOf(['Colo.'], ['At a meeting in Aspen, Colo., the board spoke.'])).toEqual([null]);
    expect(personOf(['Many Velmorans'], [])).toEqual([null]);
    expect(personOf(['whose books include Harbour Tales'], [])).toEqual([null]);
    expect(personOf(['Velmora National Convention'], [])).toEqual([null]);
  });

  it('gives a word the article writes as a common word no person', () => {
    const lines = ['Across the harbour, "We will rebuild."', 'Ferries ran across the bay all night.'].map((text, source) => ({ text, source }));
    expect(withPersons([{ text: 'We will rebuild.', speaker: 'Across', person: null, paragraph: 0 }], lines).map((q) => q.person)).toEqual([null]);
    const notes = ['Partial transcript as follows:', '"We will rebuild."'].map((text, source) => ({ text, source }));
    expect(withPersons([{ text: 'We will rebuild.', speaker: 'Partial', person: null, paragraph: 1 }], notes).map((q) => q.person)).toEqual([null]);
  });
});
