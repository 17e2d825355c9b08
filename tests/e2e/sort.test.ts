// --sort and --reverse on list, search and quotes, --limit after the sort,
// and the short options -n, -w, -j.
import { describe, expect, it } from 'vitest';
import { articleFile, library, news, shell } from './helpers.js';

// Headlines in mixed case, a tie on date (bravo, echo), one undated
// (charlie), one without a source (delta); alpha says "trade" most.
const lib = library({
  'alpha.md': articleFile(
    { title: 'zebra Crossing Trade', date: '2014-03-01', source: 'Daily Example' },
    'Trade, trade and trade again: trade is all the talk of trade.\n\n"We want trade," Jo Varga said.',
  ),
  'bravo.md': articleFile({ title: 'Apple Trade Deal', date: '2015-01-01', source: 'coast gazette' }, 'A deal was made.\n\n"It is done," Ann Lee said.'),
  'charlie.md': articleFile({ title: 'Mango trade', source: 'Bay Times' }, 'Mangoes arrived.\n\n"They are ripe," Bo Chan said.'),
  'delta.md': articleFile({ title: 'banana Trade Row', date: '2013-06-01' }, 'Bananas were in dispute.'),
  'echo.md': articleFile({ title: 'Cherry Trade Fair', date: '2015-01-01', source: 'Daily Example' }, 'Cherries at the fair.\n\n"Come along," Di Roe said.'),
});

const slugsOf = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t')[0]);
const list = (...args: string[]) => {
  const run = news(['--dir', lib, 'list', '--plain', ...args]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return slugsOf(run.stdout);
};
const searchSlugs = (...args: string[]) => {
  const run = news(['--dir', lib, 'search', 'trade', '--plain', ...args]);
  expect(run.status).toBe(0);
  return slugsOf(run.stdout);
};
const quoteSlugs = (...args: string[]) => {
  const run = news(['--dir', lib, 'quotes', '--json', ...args]);
  expect(run.status).toBe(0);
  return run.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { slug: string }).slug);
};

describe('news list --sort', () => {
  const orders: Record<string, [string[], string[]]> = {
    date: [
      ['bravo', 'echo', 'alpha', 'delta', 'charlie'],
      ['delta', 'alpha', 'bravo', 'echo', 'charlie'],
    ],
    headline: [
      ['bravo', 'delta', 'echo', 'charlie', 'alpha'],
      ['alpha', 'charlie', 'echo', 'delta', 'bravo'],
    ],
    slug: [
      ['alpha', 'bravo', 'charlie', 'delta', 'echo'],
      ['echo', 'delta', 'charlie', 'bravo', 'alpha'],
    ],
    source: [
      ['charlie', 'bravo', 'echo', 'alpha', 'delta'],
      ['echo', 'alpha', 'bravo', 'charlie', 'delta'],
    ],
  };
  for (const [order, [forward, reversed]] of Object.entries(orders)) {
    it(`--sort ${order}, and reversed`, () => {
      expect(list('--sort', order)).toEqual(forward);
      expect(list('--sort', order, '--reverse')).toEqual(reversed);
      // JSON Lines come in the same order.
      const json = news(['--dir', lib, 'list', '--json', '--sort', order]);
      expect(
        json.stdout
          .trim()
          .split('\n')
          .map((line) => (JSON.parse(line) as { slug: string }).slug),
      ).toEqual(forward);
    });
  }

  it('is newest first by default, and --reverse alone is oldest first, undated last', () => {
    expect(list()).toEqual(orders.date![0]);
    expect(list('--reverse')).toEqual(orders.date![1]);
  });

  it('takes --limit after the sort, with the filters', () => {
    expect(list('--sort', 'headline', '--limit', '2')).toEqual(['bravo', 'delta']);
    expect(list('--sort', 'source', '--reverse', '-n', '3')).toEqual(['echo', 'alpha', 'bravo']);
    expect(list('--sort', 'headline', '--source', 'daily')).toEqual(['echo', 'alpha']);
  });

  it('streams into a pipe that closes early', () => {
    const run = shell(`news --dir '${lib}' list --sort headline --plain | head -1`);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(slugsOf(run.stdout)).toEqual(['bravo']);
  });

  it('refuses an order it does not know', () => {
    const run = news(['--dir', lib, 'list', '--sort', 'length']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--sort.*date.*headline.*slug.*source/);
  });

  it('states the default in the help', () => {
    expect(news(['list', '--help']).stdout).toMatch(/default: "date"/);
    expect(news(['search', '--help']).stdout).toMatch(/default: "relevance"/);
    expect(news(['quotes', '--help']).stdout).toMatch(/default: as named,\s+else\s+newest\s+first/);
  });
});

describe('news search --sort', () => {
  it('is by relevance by default: the article saying it most first', () => {
    expect(searchSlugs()[0]).toBe('alpha');
    expect(searchSlugs('--sort', 'relevance', '--reverse').at(-1)).toBe('alpha');
  });

  it('puts every match in the order asked, then takes --limit', () => {
    expect(searchSlugs('--sort', 'date')).toEqual(['bravo', 'echo', 'alpha', 'delta', 'charlie']);
    // Not the two most relevant put in date order: the two newest of all the matches.
    expect(searchSlugs('--sort', 'date', '--limit', '2')).toEqual(['bravo', 'echo']);
    expect(searchSlugs('--sort', 'headline', '-n', '3')).toEqual(['bravo', 'delta', 'echo']);
    expect(searchSlugs('--sort', 'slug', '--reverse')).toEqual(['echo', 'delta', 'charlie', 'bravo', 'alpha']);
    expect(searchSlugs('--sort', 'source', '--all')).toEqual(['charlie', 'bravo', 'echo', 'alpha', 'delta']);
  });

  it('keeps snippets and scores in another order', () => {
    const run = news(['--dir', lib, 'search', 'trade', '--json', '--sort', 'slug', '-n', '1']);
    const hit = JSON.parse(run.stdout) as { slug?: string; article?: { slug: string }; snippet: unknown; score: number };
    expect(hit.article?.slug ?? hit.slug).toBe('alpha');
    expect(hit.score).toBeGreaterThan(0);
    expect(JSON.stringify(hit.snippet)).toMatch(/trade/i);
  });

  it('streams into a pipe that closes early', () => {
    const run = shell(`news --dir '${lib}' search trade --all --sort headline --plain | head -1`);
    expect(run.status).toBe(0);
    expect(slugsOf(run.stdout)).toEqual(['bravo']);
  });
});

describe('news quotes --sort', () => {
  it('keeps the articles newest first, or as named, unless asked', () => {
    expect(quoteSlugs()).toEqual(['bravo', 'echo', 'alpha', 'charlie']);
    expect(quoteSlugs('echo', 'alpha', 'bravo')).toEqual(['echo', 'alpha', 'bravo']);
    expect(quoteSlugs('echo', 'alpha', 'bravo', '--reverse')).toEqual(['bravo', 'alpha', 'echo']);
  });

  it('sorts the articles, named or not', () => {
    expect(quoteSlugs('--sort', 'headline')).toEqual(['bravo', 'echo', 'charlie', 'alpha']);
    expect(quoteSlugs('--sort', 'headline', '--reverse')).toEqual(['alpha', 'charlie', 'echo', 'bravo']);
    expect(quoteSlugs('--reverse')).toEqual(['alpha', 'bravo', 'echo', 'charlie']);
    expect(quoteSlugs('echo', 'alpha', 'bravo', '--sort', 'slug')).toEqual(['alpha', 'bravo', 'echo']);
    expect(quoteSlugs('--speaker', 'varga', '--sort', 'source')).toEqual(['alpha']);
  });

  it('sorts the plain form too', () => {
    const run = news(['--dir', lib, 'quotes', '--plain', '--sort', 'slug']);
    expect(
      run.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split('\t')[2]),
    ).toEqual(['alpha', 'bravo', 'charlie', 'echo']);
  });
});

describe('short options', () => {
  it('-n is --limit, -j is --json', () => {
    const run = news(['--dir', lib, 'list', '-j', '-n', '1']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect((JSON.parse(lines[0]!) as { slug: string }).slug).toBe('bravo');
    expect(news(['--dir', lib, 'search', 'trade', '-j', '-n', '2']).stdout.trim().split('\n')).toHaveLength(2);
    expect(news(['--dir', lib, 'speakers', '-j', '-n', '1']).stdout.trim().split('\n')).toHaveLength(1);
    expect(() => JSON.parse(news(['--dir', lib, 'show', 'alpha', '-j']).stdout) as unknown).not.toThrow();
  });

  it('-w is --width', () => {
    const wrapped = news(['--dir', lib, 'show', 'alpha', '-w', '24']);
    expect(wrapped.status).toBe(0);
    const lines = wrapped.stdout.split('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(24);
    expect(news(['--dir', lib, 'show', 'alpha', '--width', '24']).stdout).toBe(wrapped.stdout);
    expect(news(['--dir', lib, 'quotes', '-w', '24', 'alpha']).status).toBe(0);
    expect(news(['--dir', lib, 'search', 'trade', '-w', '24']).status).toBe(0);
  });

  it('are listed in the help', () => {
    const help = news(['search', '--help']).stdout;
    expect(help).toMatch(/-j, --json/);
    expect(help).toMatch(/-n, --limit <n>/);
    expect(help).toMatch(/-w, --width <n>/);
  });
});
