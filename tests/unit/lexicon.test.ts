// Evidence from the lexicon (parse/quotes/lexicon.ts) where an article gives
// none: the sex of a first name, that a capitalised word before a name is a
// description, that a place or a header names no one. Every name here is
// invented; the first names are common ones any lexicon of English knows.
import { describe, expect, it } from 'vitest';
import { firstNameGender, isFirstName, namesNoPerson } from '../../src/parse/quotes/lexicon.js';
import { nameParts } from '../../src/parse/quotes/person.js';
import { speakers } from '../helpers/quotes.js';

describe('the lexicon', () => {
  it('knows the sex of common first names, and not of words that are none', () => {
    expect(firstNameGender('Margaret')).toBe('f');
    expect(firstNameGender('robert')).toBe('m');
    expect(firstNameGender('Harbour')).toBeNull();
    expect(isFirstName('Helen')).toBe(true);
    expect(isFirstName('Boss')).toBe(false);
  });

  it('knows places, days and months as no one', () => {
    for (const phrase of ['new zealand', 'ohio', 'saturday', 'october']) expect(namesNoPerson(phrase), phrase).toBe(true);
    for (const phrase of ['margaret kell', 'kell']) expect(namesNoPerson(phrase), phrase).toBe(false);
  });
});

describe('a pronoun and the sex of a first name', () => {
  it('gives "she" to the woman named, not to the man who is the subject before her', () => {
    expect(speakers(['Robert Lund introduced Margaret Kell at the town hall.', '"We will open the new wing in the spring," she said.'])).toEqual([
      'Margaret Kell',
    ]);
  });

  it('gives "he" to the man though a woman was named after him', () => {
    expect(speakers(['Peter Quill met Nora Fenn before the vote.', '"The count was fair and it was quick," he said.'])).toEqual(['Peter Quill']);
  });

  it("lets the article's own pronoun overrule the lexicon's guess", () => {
    // The lexicon takes "Adel" for a woman's name; the article says he is a man.
    expect(
      speakers([
        'Adel Varo said he had taught at the school for twenty years.',
        'Nora Fenn, who runs the parents\u2019 group, was not at the meeting.',
        '"Nobody asked the teachers what they wanted," he said.',
      ]),
    ).toEqual(['Adel Varo']);
  });

  it('does not give "she" to a name that is a common phrase rather than a person', () => {
    expect(
      speakers([
        'Ruth Amsel opened the show at the Grand.',
        'Golden Lantern, the paper, praised the staging.',
        '"It was the best night we have had," she said.',
      ]),
    ).toEqual(['Ruth Amsel']);
  });
});

describe('a person without the description before the name', () => {
  it('leaves out a role or a people the lexicon knows, and words before a first name', () => {
    for (const [phrase, name] of [
      ['Boss Peter Quill', 'Peter Quill'],
      ['Broadcaster Helen Marsh', 'Helen Marsh'],
      ['Harbour Radio DJ Sam Tolle', 'Sam Tolle'],
      ['Kell Brothers Margaret Kell', 'Margaret Kell'],
      ['Man-of-the-match Quill', 'Quill'],
      ['Jo Varga On How Harbour Votes', 'Jo Varga'],
      ['Guitarist Brian', 'Brian'],
      ['KDX Philippe Moreau', 'Philippe Moreau'],
      ['Republicans Margaret Kell', 'Margaret Kell'],
    ]) {
      expect(nameParts(phrase!)?.words.join(' '), phrase).toBe(name);
    }
  });

  it('keeps a first name the lexicon does not know, and a name that is no person', () => {
    expect(nameParts('Ole Gunnar Brekke')?.words.join(' ')).toBe('Ole Gunnar Brekke');
    expect(nameParts('J. Margaret Kell')?.words.join(' ')).toBe('J. Margaret Kell');
    expect(nameParts('South Carolina Republican')?.words.join(' ')).toBe('South Carolina Republican');
  });

  it('finds no person in a place, a header in capitals or a people', () => {
    for (const phrase of [
      'New Zealand',
      'Ohio',
      'COUNCIL VOTES TO CLOSE THE PARK',
      'WHY THE HARBOUR MATTERS Today',
      'Harbour Americans',
      'Mayor Disputes Account Of Harbour Reporting On Varga',
      'PARK SURVIVORS',
      'DOCKS VIA EMAIL',
      'Ohio President',
    ]) {
      expect(nameParts(phrase), phrase).toBeNull();
    }
    // A name in capitals that opens with a first name is still a name.
    expect(nameParts('MARGARET KELL')?.words.join(' ')).toBe('MARGARET KELL');
  });

  it('leaves out the words a sentence ran on into after a name', () => {
    for (const [phrase, name] of [
      ['Margaret Kell Ohio', 'Margaret Kell'],
      ['Varga Thursday', 'Varga'],
      ['Continued Varga', 'Varga'],
      // A full name may end in a day or a place of its own.
      ['Peter Friday', 'Peter Friday'],
      ['Margaret Paris', 'Margaret Paris'],
    ]) {
      expect(nameParts(phrase!)?.words.join(' '), phrase).toBe(name);
    }
  });
});

describe('who "he" and "she" point back to, in sports and arts copy', () => {
  it('does not take the object of "since the …" for the subject of the sentence', () => {
    expect(
      speakers([
        'Vale Rovers travel to Harbour on Sunday.',
        'Despite Harbour\'s dramatic dip in form since the Coastal Cup final - they have lost eight of their last 13 matches - Vale coach Peter Quill says his side should not underestimate them. "Had they kicked their points they would have beaten Dunmore," he said.',
      ]),
    ).toEqual(['Peter Quill']);
  });

  it('does not take a name used after "his" as a modifier ("his second Grand Harbour title")', () => {
    expect(
      speakers([
        'Newly crowned champion Robert Lund has ruled out winning the Coastal Shield in the future.',
        'After losing in the first round last year, Lund said he had "given up" on the Coastal Shield and winning his second Grand Harbour title has not changed his mind. "I will play, but with no expectations at all," he said.',
      ]),
    ).toEqual(['Robert Lund', 'Robert Lund']);
  });

  it('passes over a team named after "against" for the player whose future the paragraph is about', () => {
    expect(
      speakers([
        "Robert Lund's future at the club has been in doubt, but good displays against Vale Rovers and Harbour United have impressed the fans.",
        '"The crowd gave me a standing ovation when I came off," he said.',
      ]),
    ).toEqual(['Robert Lund']);
  });

  it('does not give an unattributed quote to the teams a preposition governs in the sentence before', () => {
    const [speaker] = speakers([
      'Robert Lund was left out of the side last month.',
      'Since then, good displays against Vale Rovers and Harbour United have won back his place.',
      '"I never stopped believing I would play again for this club."',
    ]);
    expect(['Robert Lund', null]).toContain(speaker);
  });

  it('does not give a paragraph-opening quote to a speaker named after a sentence of narrative', () => {
    expect(
      speakers([
        'Rosa Lind beat Ana Berg 6-3 6-1 to reach the final. "I felt like I was striking the ball much better," said Lind.',
        '"I felt like I had a lot of chances today. "I think that was the key to the match." Ana Berg played down her defeat and said she was looking ahead. "When you have won a couple of titles, you look at the big picture," said Berg.',
      ]),
    ).toEqual(['Rosa Lind', 'Rosa Lind', 'Rosa Lind', 'Ana Berg']);
  });

  it('reads a subject phrase that ends in "he" as the pronoun ("Despite praising the Irish he claimed")', () => {
    expect(
      speakers([
        '"Going to Harbour is never easy," said Jo Marsh. "They are very experienced." Despite praising the Irish he claimed the Welsh had the upper hand in the run-in. "They have such a good pack but Vale are something else on the break," he added.',
      ]),
    ).toEqual(['Jo Marsh', 'Jo Marsh', 'Jo Marsh']);
  });

  it('takes the subject of a relative clause of speech ("Lind, 49, who told BBC News she …") over an earlier subject', () => {
    expect(
      speakers([
        'Rosa Lind was nominated for best actress for her role in the drama. And Paul Dunn and Ana Berg were both nominated for supporting roles in Harbour and Vale respectively.',
        'And it is the first nomination for actress Berg, chosen for her performance in Vale, about the 1994 floods. It is also a debut nomination for Lind, 49, who told BBC News 24 she had not thought the film would appeal to voters. "It was an extraordinary time making the film and I cannot believe what has happened," she said.',
      ]),
    ).toEqual(['Rosa Lind']);
  });

  it('does not take a name after "of boss" for the subject ("the backing of boss Tom Marsh")', () => {
    expect(
      speakers([
        'Paulo Reis had earlier told a newspaper that he wanted to play. The attacking midfielder also claims to have lacked the backing of boss Tom Marsh since his move to the club. "I cannot understand why I am in this situation," he continued.',
      ]),
    ).toEqual(['The attacking midfielder']);
  });

  it('takes a lone surname after a role ("Harbour manager Lund") for someone a later "he" can be', () => {
    const said = speakers([
      '"He wants to play for Tom Lund, but does Tom Lund want to play him?" said the agent. Carlos Vela is bullish about his hopes of signing the player. "We have already spoken with him," Vela told his club website. Harbour manager Lund is no respecter of reputations. "The onus is on the player to force his way into the team," he said.',
    ]);
    expect(said[2]).toBe('Lund');
  });

  it('keeps two people of one surname apart: a fuller name with another first name is someone else', () => {
    expect(
      speakers([
        'Ana Lind, whose husband, Harbour Guard Tom Lind, was one of four men lost in the 2012 storm, spoke with host Paul Dunn on Thursday.',
        'Though tired, Lind said she does not believe the inquiry should end.',
        '"First and foremost," she told Dunn, "I would never want this for anyone."',
      ]),
    ).toEqual(['Ana Lind', 'Ana Lind']);
  });

  it('keeps the speaker of a quotation running on into the next paragraph, however its first part got it', () => {
    expect(
      speakers([
        'Lawyer Jo Marsh described the ruling as unfair but told reporters he did not expect it so soon. "The timing is extremely surprising," said Marsh. "The board has not yet received the complete file of the case, the statements and nine audio tapes.',
        '"We have the evidence and it is time the world discovered the truth." Berg and Dunn withdrew from the games last summer after missing a test. The pair then spent four days in a hospital, claiming they had been hurt in a crash.',
      ]),
    ).toEqual(['Lawyer Jo Marsh', 'Lawyer Jo Marsh', 'Lawyer Jo Marsh']);
  });

  it('gives "it said" to the organisation just made the subject', () => {
    expect(
      speakers([
        'Workers had wanted the plan dropped, as they said it would be too costly. The Harbour Chamber of Trade welcomed the latest proposal. "This move today is the best of both worlds for everyone," it said.',
      ]),
    ).toEqual(['Harbour Chamber']);
  });

  it('does not give "she" to a city the lexicon knows', () => {
    expect(
      speakers([
        'Ana Lind spoke first at the ground.',
        'Later that night, Los Angeles won the title by ten points. "It was a hard game for all of us," she said.',
      ]),
    ).toEqual(['Ana Lind']);
  });

  it('does not give "she" to a description that stands for no one ("the statement")', () => {
    expect(
      speakers([
        'Ana Lind welcomed the ruling on Monday. "We will appeal within the month, whatever happens," the statement said. "It is not over for the families yet," she said.',
      ]),
    ).toEqual(['the statement', 'Ana Lind']);
  });

  it('tells a husband from his wife though the lexicon does not know his first name ("former governor Tobin Varga")', () => {
    const [first] = speakers([
      'On the trail for his wife, Democratic front-runner Ana Varga, former governor Tobin Varga said she was "the best qualified of anyone in the race this year."',
    ]);
    expect(first).toBe('governor Tobin Varga');
  });

  it('gives a title before a possessive to the possessor, not to the speaker ("Mr Varo\'s daughter Emily")', () => {
    expect(
      speakers([
        'Ana Lind opened the fair on Friday.',
        'More than 150,000 people are expected at the farm in June, but demand for tickets has risen in recent years. When the idea was floated, Mr Varo\'s daughter Emily said it would be "quite a big step in terms of ticketing for events" if it came in. "As long as it is approached in the right way, it might really work," she said.',
      ]),
    ).toEqual(['Mr Varo daughter Emily', 'Mr Varo daughter Emily']);
  });
});
