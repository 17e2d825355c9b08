import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/parse/article.js';
import { headlineSlug, parseRawText, RawTextError } from '../../src/parse/raw.js';
import { decodeText } from '../../src/text/encoding.js';

const NBSP = '\u00a0';
const SHARED = resolve(__dirname, '..', '..', '..', 'shared');

describe('parseRawText: the common form', () => {
  it('reads the headline on the first line and paragraphs separated by blank lines', () => {
    expect(parseRawText('Harbour Reopens\n\nThe harbour reopened on Monday.\n\nShips were waiting.\n')).toEqual({
      headline: 'Harbour Reopens',
      section: null,
      source: null,
      date: null,
      paragraphs: ['The harbour reopened on Monday.', 'Ships were waiting.'],
    });
  });

  it('folds the lines of a paragraph and runs of white space, no-break spaces included', () => {
    const raw = `Headline\r\n\r\nOne  line\r\n - and${NBSP}another\r\n\r\n\r\n\r\nTwo.\r\n`;
    expect(parseRawText(raw).paragraphs).toEqual(['One line - and another', 'Two.']);
  });

  it('keeps lines that end their sentences as paragraphs of their own, joining only hard-wrapped lines', () => {
    const raw =
      'Headline\n\nThe mayor spoke first.\n"We will rebuild," she said.\nThe crowd cheered.\n\nA long paragraph that was\nwrapped at a fixed width by\nthe archive.\n';
    expect(parseRawText(raw).paragraphs).toEqual([
      'The mayor spoke first.',
      '"We will rebuild," she said.',
      'The crowd cheered.',
      'A long paragraph that was wrapped at a fixed width by the archive.',
    ]);
  });

  it('keeps every line of a block of 200,000 lines that end their sentences', () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `Line ${i} ends here.`);
    const raw = `Headline\n\n${lines.join('\n')}\n\nLast.\n`;
    expect(parseRawText(raw).paragraphs).toEqual([...lines, 'Last.']);
  });

  it('leaves a wire dateline in the body', () => {
    expect(parseRawText('Vote Delayed\n\nWASHINGTON (AP) — The vote was delayed.').paragraphs).toEqual(['WASHINGTON (AP) — The vote was delayed.']);
  });

  it('keeps a deck under the headline as the first paragraph and drops the joining semicolon', () => {
    const raw = 'Markets slide on rate fears; \nInvestors brace for a long winter.\n\nShares fell.\n';
    expect(parseRawText(raw)).toMatchObject({
      headline: 'Markets slide on rate fears',
      paragraphs: ['Investors brace for a long winter.', 'Shares fell.'],
    });
  });

  it('reads one paragraph a line when the body has no blank lines', () => {
    expect(parseRawText('Headline\nFirst.\nSecond.\n').paragraphs).toEqual(['First.', 'Second.']);
    expect(parseRawText('\n\nHeadline\n\nFirst.\nSecond.\n\n').paragraphs).toEqual(['First.', 'Second.']);
  });

  it('keeps a last line that looks like a site name: only scraped pages end with one', () => {
    expect(parseRawText('Headline\n\nBody.\n\nexample.com\n').paragraphs).toEqual(['Body.', 'example.com']);
  });

  it('says why text is not an article', () => {
    const reason = (text: string) => {
      try {
        parseRawText(text);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(RawTextError);
        return (error as Error).message;
      }
    };
    expect(reason('')).toMatch(/^empty/);
    expect(reason(` \n${NBSP}\n\t\n`)).toMatch(/^empty/);
    expect(reason('Head\0line\n\nBody')).toMatch(/binary/);
    expect(reason('Headline only\n')).toMatch(/no body/);
    expect(reason('---\n\nBody.')).toMatch(/no headline/);
    expect(reason(`${'A long sentence. '.repeat(30)}\n\nBody.`)).toMatch(/no headline: the first line is \d+ characters/);
  });
});

describe('parseRawText: the scraped form', () => {
  const scraped = [
    'World',
    '12',
    '',
    'Ministers Meet Over Trade',
    '',
    'Ministers Meet Over Trade',
    'Ministers Meet Over Trade',
    '',
    `Ministers met${NBSP}in Geneva on Monday.`,
    '',
    '"We made progress," the minister said.',
    '',
    NBSP,
    '',
    'Dailyexample.com',
  ].join('\n');

  it('puts the section and the site name in front matter and drops counters and repeated headlines', () => {
    expect(parseRawText(scraped)).toEqual({
      headline: 'Ministers Meet Over Trade',
      section: 'World',
      source: 'Dailyexample.com',
      date: null,
      paragraphs: ['Ministers met in Geneva on Monday.', '"We made progress," the minister said.'],
    });
  });

  it('reads a page without the trailing site name, or with the headline repeated without labels', () => {
    expect(parseRawText('Politics\n3\nVote Delayed\n\nThe vote was delayed.\n')).toEqual({
      headline: 'Vote Delayed',
      section: 'Politics',
      source: null,
      date: null,
      paragraphs: ['The vote was delayed.'],
    });
    expect(parseRawText('Vote Delayed\nVote Delayed\n\nThe vote was delayed.\n\nnews.example.org\n')).toEqual({
      headline: 'Vote Delayed',
      section: null,
      source: 'news.example.org',
      date: null,
      paragraphs: ['The vote was delayed.'],
    });
  });

  const seed = join(SHARED, 'seed', 'us-iran-is.txt');
  it.skipIf(!existsSync(seed))('reads the seed as the hand-made articles/us-iran-is.md has it', () => {
    const raw = parseRawText(decodeText(readFileSync(seed)).text);
    const handMade = parseArticle(readFileSync(resolve(__dirname, '..', '..', 'articles', 'us-iran-is.md'), 'utf8'), 'us-iran-is.md');
    expect(raw.headline).toBe('US Informed Iran of Intent to Hit IS');
    expect(raw.section).toBe('National');
    expect(raw.source).toBe('Financialtribune.com');
    expect(raw.paragraphs).toHaveLength(11);
    expect(raw.paragraphs).toEqual(handMade.body);
  });
});

describe('parseRawText: character references a scraper left in a headline', () => {
  it('decodes them in the headline and keeps the body word for word', () => {
    const raw = parseRawText('Harbour bid &#163;8m for ferry &amp; pier\n\nThe &quot;bid&quot; was &#x20AC;9m.');
    expect(raw.headline).toBe('Harbour bid £8m for ferry & pier');
    expect(raw.paragraphs).toEqual(['The &quot;bid&quot; was &#x20AC;9m.']);
    expect(headlineSlug(raw.headline)).toBe('harbour-bid-8m-for-ferry-pier');
  });
});

describe('headlineSlug', () => {
  it('makes lowercase ASCII words joined by "-"', () => {
    expect(headlineSlug('US Informed Iran of Intent to Hit IS')).toBe('us-informed-iran-of-intent-to');
    expect(headlineSlug('Ad sales boost Time Warner profit')).toBe('ad-sales-boost-time-warner-profit');
    expect(headlineSlug("Iran's 'Red Lines': What Now?")).toBe('irans-red-lines-what-now');
  });

  it('folds Latin diacritics and keeps the letters of other scripts', () => {
    expect(headlineSlug('Zürich café reopens')).toBe('zurich-cafe-reopens');
    expect(headlineSlug('Straße in Łódź, Ærø')).toBe('strasse-in-lodz-aero');
    expect(headlineSlug('Hendrix guitar fetches £100,000')).toBe('hendrix-guitar-fetches-100-000');
    expect(headlineSlug('Гавань: talks resume')).toBe('гавань-talks-resume');
    // A mark that is part of a letter outside Latin stays: й, Devanagari vowel signs, Hangul syllables whole.
    expect(headlineSlug('Новый мост открыт')).toBe('новый-мост-открыт');
    expect(headlineSlug('बंदरगाह खुला')).toBe('बंदरगाह-खुला');
    expect(headlineSlug('항구 재개')).toBe('항구-재개');
    expect(headlineSlug('港口重新开放')).toBe('港口重新开放');
  });

  it('gives "article" when no letter or digit is left', () => {
    expect(headlineSlug('— “” —')).toBe('article');
    expect(headlineSlug('!!! ???')).toBe('article');
  });

  it('stays short, cut at a word boundary', () => {
    expect(headlineSlug('one two three four five six seven eight')).toBe('one-two-three-four-five-six');
    const long = headlineSlug('Internationalisation counterrevolutionaries uncharacteristically misunderstood');
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toBe('internationalisation-counterrevolutionaries');
    expect(headlineSlug('x'.repeat(100))).toBe('x'.repeat(60));
  });
});

const CORPUS = join(SHARED, 'corpus');
describe.skipIf(!existsSync(CORPUS))('the shared corpus', () => {
  it('reads every article in the common form, headline on the first line', () => {
    const folders = [...readdirSync(join(CORPUS, 'bbc')).map((f) => join(CORPUS, 'bbc', f)), join(CORPUS, 'polnear', 'train')];
    let count = 0;
    for (const folder of folders) {
      for (const name of readdirSync(folder).filter((n) => n.endsWith('.txt'))) {
        const text = decodeText(readFileSync(join(folder, name))).text;
        const raw = parseRawText(text);
        expect(raw.section, name).toBeNull();
        expect(raw.headline.length, name).toBeGreaterThan(0);
        expect(raw.paragraphs.length, name).toBeGreaterThan(0);
        count++;
      }
    }
    expect(count).toBe(2247);
  });
});
