// Broken, huge and hostile article files, and names that reach outside the
// library: each gets a clear message naming the file and line, and spoils
// nothing else.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertSlug } from '../../src/library/files.js';
import { articleFile, library, news, onTerminal } from './helpers.js';

const MiB = 1024 * 1024;
const ESC = '\u001b';

/** What a terminal could act on: controls other than the reader's own colour codes, tabs and line ends. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const withoutOwnColour = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

describe('broken files', () => {
  const manyParagraphs = Array.from({ length: 100_000 }, (_, i) => `Paragraph ${i}: "we will rebuild the pier," the mayor said.`).join('\n\n');
  const lib = library({
    'good.md': articleFile({ title: 'Good Story', date: '2015-01-02' }, 'A good story about the harbour.'),
    'bad-yaml.md': '---\ntitle: [unclosed\n---\n\nBody.\n',
    'unclosed.md': '---\ntitle: Never Closed\n\nBody.\n',
    'no-title.md': '---\nsection: World\n---\n\nBody.\n',
    'title-number.md': '---\ntitle: 42\n---\n\nBody.\n',
    'bad-date.md': '---\ntitle: Bad Date\ndate: 2014-02-31\n---\n\nBody.\n',
    'empty.md': '',
    'binary.md': Buffer.from('---\ntitle: Bin\n---\n\n\u0000\u0001\u0002 binary', 'latin1'),
    'invalid-utf8.md': Buffer.concat([Buffer.from('---\ntitle: Latin\n---\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' society.\n')]),
    'bom.md': `\uFEFF${articleFile({ title: 'With a Byte Order Mark' }, 'Harbour news with a BOM.')}`,
    'crlf.md': articleFile({ title: 'Windows Line Ends' }, 'Harbour news with CRLF.').replace(/\n/g, '\r\n'),
    'many-paragraphs.md': articleFile({ title: 'Many Paragraphs' }, manyParagraphs),
    'huge.md': Buffer.alloc(50 * MiB, 'a'),
    'one-long-line.md': `---\ntitle: One Long Line\n---\n\n${'word '.repeat((10 * MiB) / 5)}`,
  });

  it('are each named by news check as FILE:LINE: message', () => {
    const run = news(['check', '--dir', lib]);
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n').sort()).toEqual(
      [
        `${join(lib, 'bad-date.md')}:3: date "2014-02-31" is not an ISO 8601 date (YYYY-MM-DD)`,
        `${join(lib, 'bad-yaml.md')}:2: invalid YAML in front matter: Flow sequence in block collection must be sufficiently indented and end with a ]`,
        `${join(lib, 'binary.md')}:1: binary file (NUL bytes): not an article`,
        `${join(lib, 'empty.md')}:1: empty file: an article needs front matter with a title`,
        `${join(lib, 'huge.md')}:1: file is 50.0 MiB, over the 8 MiB limit for an article`,
        `${join(lib, 'invalid-utf8.md')}:5: not valid UTF-8 text`,
        `${join(lib, 'no-title.md')}:1: no title: front matter needs "title: ..."`,
        `${join(lib, 'one-long-line.md')}:1: file is 10.0 MiB, over the 8 MiB limit for an article`,
        `${join(lib, 'title-number.md')}:2: title must be text, not number`,
        `${join(lib, 'unclosed.md')}:1: front matter opened on line 1 is never closed with "---"`,
      ].sort(),
    );
    expect(run.stderr).toBe('news check: 10 problems in 10 files\n');
  });

  it('spoil nothing else: list, search and show go on, warning once for each', () => {
    const list = news(['list', '--dir', lib, '--format', '{slug}']);
    expect(list.status).toBe(0);
    expect(list.stdout.split('\n').filter(Boolean).sort()).toEqual(['bom', 'crlf', 'good', 'many-paragraphs']);
    const warnings = list.stderr.trim().split('\n');
    expect(warnings).toHaveLength(10);
    for (const name of ['bad-yaml', 'unclosed', 'no-title', 'title-number', 'bad-date', 'empty', 'binary', 'invalid-utf8', 'huge', 'one-long-line']) {
      expect(warnings.filter((w) => w.includes(`${join(lib, name)}.md:`))).toHaveLength(1);
    }
    const search = news(['search', '--dir', lib, 'harbour', '--all']);
    expect(search.status).toBe(0);
    expect(
      search.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0])
        .sort(),
    ).toEqual(['bom', 'crlf', 'good']);
    const show = news(['show', '--dir', lib, 'crlf', 'many-paragraphs', '--json']);
    expect(show.status).toBe(0);
    const [crlf, many] = show.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(crlf.body).toEqual(['Harbour news with CRLF.']);
    expect(many.body).toHaveLength(100_000);
    expect(many.quotes).toHaveLength(100_000);
  });
});

describe('names that reach outside the library', () => {
  const outside = library({ 'secret.md': articleFile({ title: 'Outside Secret' }, 'SECRET words from outside.') });
  const lib = library({ 'inside.md': articleFile({ title: 'Inside Story' }, 'Words from inside.') });
  symlinkSync(join(outside, 'secret.md'), join(lib, 'leak.md'));
  mkdirSync(join(outside, 'folder'));
  writeFileSync(join(outside, 'folder', 'other.md'), articleFile({ title: 'Other Secret' }, 'SECRET words from a linked folder.'));
  symlinkSync(join(outside, 'folder'), join(lib, 'linked-folder'));

  it('refuses paths, slashes, backslashes and dots in a name, exit 1', () => {
    for (const name of ['../../etc/passwd', '/etc/passwd', 'a/b', 'a\\b', '..', '.', `bell\u0007`]) {
      const run = news(['show', '--dir', lib, name]);
      expect(run.status, name).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr, name).toMatch(/^news: not an article name: /m);
      expect(run.stderr).not.toMatch(CONTROLS);
    }
    // A NUL byte cannot travel in a command line; the library's check refuses it all the same.
    expect(() => assertSlug('a\u0000b')).toThrow(/not an article name/);
  });

  it('never reads a file or folder that a link inside the library points outside it', () => {
    for (const args of [['list'], ['search', 'secret'], ['show', 'leak'], ['show', 'other'], ['quotes']]) {
      const run = news([...args, '--dir', lib]);
      expect(run.stdout).not.toContain('SECRET');
      expect(run.stdout).not.toContain('Outside Secret');
    }
    const show = news(['show', '--dir', lib, 'leak']);
    expect(show.status).toBe(1);
    expect(show.stderr).toBe(`news: warning: ${join(lib, 'leak.md')}:1: links outside the article folder: not read (skipped)\n`);
    expect(news(['check', '--dir', lib]).stdout).toBe(`${join(lib, 'leak.md')}:1: links outside the article folder: not read\n`);
    expect(news(['show', '--dir', lib, 'inside']).status).toBe(0);
  });
});

describe('escape sequences and separators in every field', () => {
  const nasty = `${ESC}]8;;https://evil.example${ESC}\\link${ESC}]8;;${ESC}\\ ${ESC}P1$r0m${ESC}\\ ${ESC}]52;c;aGk=\u0007 \u009b2J \u2066iso\u2069 \u202eabc`;
  const lib = library({
    'nasty.md': articleFile(
      { title: JSON.stringify(`Tab\there, line\nbreak ${nasty}`), author: JSON.stringify(nasty), tags: `[${JSON.stringify(nasty)}]` },
      `Harbour text ${nasty}\n\n"A quote with ${nasty} inside it," said ${nasty.slice(0, 12)}Jo Roe.`,
    ),
  });

  it('reach no output but JSON as anything a terminal would act on', () => {
    const runs = [
      news(['list', '--dir', lib]),
      news(['list', '--dir', lib, '--format', '{headline}|{author}|{tags}|{body}']),
      news(['show', '--dir', lib, 'nasty']),
      news(['search', '--dir', lib, 'harbour']),
      news(['quotes', '--dir', lib]),
      onTerminal(['list', '--dir', lib]),
      onTerminal(['show', '--dir', lib, 'nasty', '--no-pager']),
      onTerminal(['search', '--dir', lib, 'harbour', '--no-pager']),
      onTerminal(['quotes', '--dir', lib, '--no-pager']),
    ];
    for (const run of runs) {
      expect(run.status).toBe(0);
      expect(withoutOwnColour(run.stdout.replace(/\r?\n/g, ''))).not.toMatch(CONTROLS);
    }
  });

  it('keep tab-separated lines whole: one line an article, three fields', () => {
    for (const args of [['list'], ['search', 'harbour']]) {
      const lines = news([...args, '--dir', lib])
        .stdout.split('\n')
        .filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]!.split('\t')).toHaveLength(3);
    }
    const quotes = news(['quotes', '--dir', lib]).stdout.split('\n').filter(Boolean);
    expect(quotes.every((line) => line.split('\t').length === 3)).toBe(true);
  });

  it('stay in JSON, escaped', () => {
    const run = news(['show', '--dir', lib, 'nasty', '--json']);
    expect(run.stdout.trimEnd()).not.toMatch(CONTROLS);
    expect(JSON.parse(run.stdout).author).toBe(nasty);
  });
});
