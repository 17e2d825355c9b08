// `news speakers` and `news quotes --speaker` as a user runs them: the built
// bin/news over a small library of article files written here.
import { describe, expect, it } from 'vitest';
import { articleFile, library, news, onTerminal } from './helpers.js';

const quoted = library({
  'vote.md': articleFile(
    { title: 'Vote Nears', date: '2031-03-01' },
    [
      '"We will win the vote on Friday," said Sen. Jo Varga.',
      '"The count is close, but we are ahead," Mr. Varga said.',
      '"The senator has nothing more to add," a Varga spokesman said.',
      '"The ferry must keep running all year," Mayor Ana Lind said.',
    ].join('\n\n'),
  ),
  'count.md': articleFile({ title: 'Count Goes On', date: '2031-03-02' }, '"Every ballot will be counted by hand," Varga said.'),
  'ferry.md': articleFile(
    { title: 'Ferry Saved', date: '2031-03-03' },
    ['"The ferry runs again from Monday on," said Ana Lind.', '"We lost a whole summer of fares to it," Tom Berg, a skipper, said.'].join('\n\n'),
  ),
  'quiet.md': articleFile({ title: 'Quiet Week' }, 'Nothing was said.'),
});

const lines = (stdout: string) => stdout.split('\n').filter(Boolean);

describe('news speakers', () => {
  it('lists each person once with quotes and articles, most quoted first, as TSV in a pipe', () => {
    const run = news(['speakers', '--dir', quoted]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(['Jo Varga\t3\t2', 'Ana Lind\t2\t2', 'Tom Berg\t1\t1', ''].join('\n'));
  });

  it('prints one JSON object a line with --json, and stops at --limit', () => {
    const run = news(['speakers', '--dir', quoted, '--json', '--limit', '2']);
    expect(lines(run.stdout).map((line) => JSON.parse(line))).toEqual([
      { name: 'Jo Varga', quotes: 3, articles: 2 },
      { name: 'Ana Lind', quotes: 2, articles: 2 },
    ]);
    expect(lines(news(['speakers', '--dir', quoted, '--limit', '1']).stdout)).toEqual(['Jo Varga\t3\t2']);
  });

  it('keeps a surname alone apart once the library has two people of it', () => {
    const two = library({
      'a.md': articleFile({ title: 'A' }, '"The harbour is ours to keep," said Jo Varga.'),
      'b.md': articleFile({ title: 'B' }, '"The harbour belongs to the town," said Ana Varga.'),
      'c.md': articleFile({ title: 'C' }, '"The harbour will not be sold this year," Varga said.'),
    });
    expect(lines(news(['speakers', '--dir', two]).stdout).sort()).toEqual(['Ana Varga\t1\t1', 'Jo Varga\t1\t1', 'Varga\t1\t1']);
    expect(lines(news(['quotes', '--dir', two, '--speaker', 'Jo Varga']).stdout)).toEqual(['Jo Varga\tThe harbour is ours to keep\ta']);
  });

  it('aligns the counts under a heading on a terminal', () => {
    const run = onTerminal(['speakers', '--dir', quoted, '--no-pager', '--color', 'never'], { columns: 60 });
    expect(lines(run.stdout)).toEqual(['QUOTES  ARTICLES  NAME', '     3         2  Jo Varga', '     2         2  Ana Lind', '     1         1  Tom Berg']);
  });

  it('exits 1 with nothing printed when the library quotes no one, and 2 for a bad --limit', () => {
    const silent = library({ 'notice.md': articleFile({ title: 'Notice' }, 'The office is closed on Friday.') });
    expect(news(['speakers', '--dir', silent])).toMatchObject({ status: 1, stdout: '' });
    expect(news(['speakers', '--dir', quoted, '--limit', '0']).status).toBe(2);
  });
});

describe('news quotes --speaker: a person, not a word', () => {
  it("gives the person's quotes under every name the articles use, and not their spokesman's", () => {
    for (const name of ['varga', 'Jo Varga', 'Sen. Varga']) {
      const run = news(['quotes', '--dir', quoted, '--speaker', name]);
      expect(
        lines(run.stdout).map((line) => line.split('\t')[0]),
        name,
      ).toEqual(['Varga', 'Sen. Jo Varga', 'Sen. Jo Varga']);
    }
  });

  it('gives the person of each quote in --json', () => {
    const objects = lines(news(['quotes', 'vote', '--dir', quoted, '--json']).stdout).map((line) => JSON.parse(line) as { quotes: unknown[] });
    expect(objects[0]!.quotes).toEqual([
      { text: 'We will win the vote on Friday', speaker: 'Sen. Jo Varga', person: 'Jo Varga', paragraph: 0 },
      { text: 'The count is close, but we are ahead', speaker: 'Sen. Jo Varga', person: 'Jo Varga', paragraph: 1 },
      { text: 'The senator has nothing more to add', speaker: 'a Varga spokesman', person: null, paragraph: 2 },
      { text: 'The ferry must keep running all year', speaker: 'Mayor Ana Lind', person: 'Ana Lind', paragraph: 3 },
    ]);
  });

  it('matches speaker: in search by person', () => {
    const slugs = (query: string) => lines(news(['search', '--dir', quoted, query]).stdout).map((line) => line.split('\t')[0]);
    expect(slugs('speaker:varga').sort()).toEqual(['count', 'vote']);
    expect(slugs('speaker:spokesman')).toEqual([]);
    expect(slugs('speaker:"mayor lind"').sort()).toEqual(['ferry', 'vote']);
  });
});
