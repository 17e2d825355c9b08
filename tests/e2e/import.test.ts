import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shelfOf } from '../../src/library/import.js';
import { parseRawText } from '../../src/parse/raw.js';
import { decodeText } from '../../src/text/encoding.js';
import { cleanEnv, library, NEWS, news, onTerminal, ROOT } from './helpers.js';

const SEED = join(ROOT, '..', 'shared', 'seed', 'us-iran-is.txt');
const emptyDir = () => mkdtempSync(join(tmpdir(), 'news-import-'));

interface Shown {
  slug: string;
  headline: string;
  section: string | null;
  source: string | null;
  date: string | null;
  body: string[];
  path: string;
}

function show(dir: string, slugs: string[]): Shown[] {
  const run = news(['show', '--dir', dir, '--json', ...slugs]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Shown);
}

/** Every file below `dir`, relative to it, hidden ones included (but for the library's own data folder, .news). */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((path) => !/(^|\/)\.news\//.test(path))
    .sort();
}

const utf16 = (text: string, bigEndian: boolean) => {
  const bytes = Buffer.from(text, 'utf16le');
  if (bigEndian) for (let i = 0; i + 1 < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1]!, bytes[i]!];
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), bytes]);
};

describe('news import', () => {
  it.skipIf(!existsSync(SEED))('imports the scraped seed as the hand-made article has it', () => {
    const lib = emptyDir();
    const run = news(['import', '--dir', lib, SEED]);
    expect(run).toEqual({ stdout: 'us-informed-iran-of-intent-to\n', stderr: '', status: 0 });
    expect(filesBelow(lib)).toEqual([`${shelfOf('us-informed-iran-of-intent-to')}/us-informed-iran-of-intent-to.md`]);
    const [imported] = show(lib, ['us-informed-iran-of-intent-to']);
    const [handMade] = show(join(ROOT, 'articles'), ['us-iran-is']);
    expect(imported).toMatchObject({ headline: 'US Informed Iran of Intent to Hit IS', section: 'National', source: 'Financialtribune.com', date: null });
    expect(imported!.body).toHaveLength(11);
    expect(imported!.body).toEqual(handMade!.body);
  });

  it('imports files and folders of .txt files in any of the encodings, and reports what it cannot', () => {
    const raw = library({
      'a/first.txt': 'Harbour Reopens in Zürich\n\nThe harbour reopened on Monday.\n\nShips were waiting.\n',
      'a/crlf.txt': 'Trade Talks Resume\r\n\r\nGENEVA (AP) — Talks resumed.\r\n\r\nNo deal yet.\r\n',
      'a/nested/deeper/latin.txt': Buffer.from([...Buffer.from('Prices Up\n\nA pint costs '), 0xa3, ...Buffer.from('5 now.\n')]),
      'a/utf16le.txt': utf16('Little Endian Story\n\nBody one.\n', false),
      'a/utf16be.txt': utf16('Big Endian Story\n\nBody two.\n', true),
      'a/bom.txt': '\uFEFFMarked Story\n\nBody three.\n',
      'a/notes.json': '{"not": "an article"}',
      'a/.hidden.txt': 'Hidden\n\nNot imported.\n',
      'a/empty.txt': '',
      'a/binary.txt': Buffer.from('Bin\0ary\n\nx\n'),
      'a/no-headline.txt': '***\n\nBody without a headline.\n',
      'single.text': 'Named On Its Own\n\nAny name will do when the file is named.\n',
    });
    const lib = emptyDir();
    const run = news(['import', '--dir', lib, join(raw, 'a'), join(raw, 'single.text'), join(raw, 'missing.txt')]);
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n').filter(Boolean).sort()).toEqual(
      ['big-endian-story', 'harbour-reopens-in-zurich', 'little-endian-story', 'marked-story', 'named-on-its-own', 'prices-up', 'trade-talks-resume'].sort(),
    );
    expect(run.stderr.split('\n').filter(Boolean).sort()).toEqual(
      [
        `news: cannot import ${join(raw, 'a', 'binary.txt')}: binary file (NUL bytes), not text`,
        `news: cannot import ${join(raw, 'a', 'empty.txt')}: empty file`,
        `news: cannot import ${join(raw, 'a', 'no-headline.txt')}: no headline: the first line has no letters or digits`,
        `news: cannot import ${join(raw, 'missing.txt')}: no such file or directory`,
      ].sort(),
    );
    expect(run.stderr).not.toContain('\r');
    const articles = show(lib, ['prices-up', 'trade-talks-resume', 'big-endian-story', 'little-endian-story', 'harbour-reopens-in-zurich']);
    expect(articles.map((a) => [a.headline, a.body])).toEqual([
      ['Prices Up', ['A pint costs £5 now.']],
      ['Trade Talks Resume', ['Talks resumed.', 'No deal yet.']],
      ['Big Endian Story', ['Body two.']],
      ['Little Endian Story', ['Body one.']],
      ['Harbour Reopens in Zürich', ['The harbour reopened on Monday.', 'Ships were waiting.']],
    ]);
    // Spread over folders named by two hex digits of a hash of the slug; no temporary file left behind.
    const files = filesBelow(lib);
    expect(files.map((f) => f.split('/')[1]).sort()).toEqual([
      'big-endian-story.md',
      'harbour-reopens-in-zurich.md',
      'little-endian-story.md',
      'marked-story.md',
      'named-on-its-own.md',
      'prices-up.md',
      'trade-talks-resume.md',
    ]);
    for (const file of files) expect(file).toMatch(/^[0-9a-f]{2}\/[a-z0-9-]+\.md$/);
    expect(new Set(files.map((f) => f.split('/')[0])).size).toBeGreaterThan(1);
  });

  it('keeps Markdown-looking text and awkward headlines word for word', () => {
    const headline = 'Iran: "Red Lines" # - [1] & *more*';
    const body = [
      '# Not a heading, *not emphasis*, _nor this_, `nor code`',
      '- not a list item <b>not a tag</b> [not](a link) &amp; not an entity',
      '1. Not a list either | nor | a table |',
      '> not a quote \\ backslash ~~not struck~~',
      '---',
    ];
    const raw = library({ 'awkward.txt': `${headline}\n\n${body.join('\n\n')}\n` });
    const lib = emptyDir();
    const run = news(['import', '--dir', lib, join(raw, 'awkward.txt')]);
    expect(run).toEqual({ stdout: 'iran-red-lines-1-more\n', stderr: '', status: 0 });
    const [article] = show(lib, ['iran-red-lines-1-more']);
    expect(article!.headline).toBe(headline);
    expect(article!.body).toEqual(body);
  });

  it('never overwrites without --force: a clash takes -2, -3; with --force the headline slug is replaced', () => {
    const raw = library({ 'one.txt': 'Same Headline\n\nFirst version.\n', 'two.txt': 'Same Headline\n\nSecond version.\n' });
    const third = library({ 'three.txt': 'Same Headline\n\nThird version.\n' });
    const lib = emptyDir();
    expect(news(['import', '--dir', lib, raw]).stdout).toBe('same-headline\nsame-headline-2\n');
    // The same article again is skipped (tests/e2e/import-dedupe.test.ts); another of the headline takes -3.
    expect(news(['import', '--dir', lib, join(raw, 'two.txt')]).stdout).toBe('');
    expect(news(['import', '--dir', lib, join(third, 'three.txt')]).stdout).toBe('same-headline-3\n');
    expect(show(lib, ['same-headline'])[0]!.body).toEqual(['First version.']);

    const forced = news(['import', '--dir', lib, '--force', join(raw, 'two.txt')]);
    expect(forced).toEqual({ stdout: 'same-headline\n', stderr: '', status: 0 });
    expect(show(lib, ['same-headline'])[0]!.body).toEqual(['Second version.']);
    // Within one import, articles never replace each other.
    expect(news(['import', '--dir', lib, '--force', raw]).stdout).toBe('same-headline\nsame-headline-2\n');
    expect(filesBelow(lib)).toEqual(
      [
        `${shelfOf('same-headline-2')}/same-headline-2.md`,
        `${shelfOf('same-headline-3')}/same-headline-3.md`,
        `${shelfOf('same-headline')}/same-headline.md`,
      ].sort(),
    );
  });

  it('replaces an existing article where it is with --force, and claims a slug taken anywhere in the library otherwise', () => {
    const lib = library({ 'mine/same-headline.md': '---\ntitle: Mine\n---\n\nHand-made.\n' });
    const raw = library({ 'one.txt': 'Same Headline\n\nImported.\n' });
    expect(news(['import', '--dir', lib, raw]).stdout).toBe('same-headline-2\n');
    expect(news(['import', '--dir', lib, '--force', raw]).stdout).toBe('same-headline\n');
    expect(filesBelow(lib)).toEqual(['mine/same-headline.md', `${shelfOf('same-headline-2')}/same-headline-2.md`].sort());
    expect(readFileSync(join(lib, 'mine', 'same-headline.md'), 'utf8')).toContain('Imported.');
  });

  it('writes to $XDG_DATA_HOME/news, else ~/.local/share/news, unless NEWS_DIR or --dir names a folder', () => {
    const raw = library({ 'story.txt': 'Where It Goes\n\nHere.\n' });
    const data = emptyDir();
    expect(news(['import', join(raw, 'story.txt')], { XDG_DATA_HOME: data }).status).toBe(0);
    expect(filesBelow(data)).toEqual([`news/${shelfOf('where-it-goes')}/where-it-goes.md`]);

    const home = emptyDir();
    expect(news(['import', join(raw, 'story.txt')], { HOME: home, XDG_DATA_HOME: '' }).status).toBe(0);
    expect(filesBelow(home)).toEqual([`.local/share/news/${shelfOf('where-it-goes')}/where-it-goes.md`]);

    const named = emptyDir();
    expect(news(['import', join(raw, 'story.txt')], { HOME: home, XDG_DATA_HOME: '', NEWS_DIR: named }).status).toBe(0);
    expect(filesBelow(named)).toEqual([`${shelfOf('where-it-goes')}/where-it-goes.md`]);

    // Without --dir the reader reads the bundled articles and the user's library together.
    const both = news(['list', '--format', '{slug}'], { XDG_DATA_HOME: data }).stdout.split('\n').filter(Boolean).sort();
    expect(both).toEqual(['us-iran-is', 'where-it-goes']);
    expect(news(['list', '--format', '{slug}', '--dir', named]).stdout).toBe('where-it-goes\n');
  });

  it('reports a directory loop once and imports the rest', () => {
    const raw = library({ 'top/story.txt': 'Looped Story\n\nOnce.\n' });
    symlinkSync(join(raw, 'top'), join(raw, 'top', 'again'));
    const lib = emptyDir();
    const run = news(['import', '--dir', lib, join(raw, 'top')]);
    expect(run.stdout).toBe('looped-story\n');
    expect(run.stderr).toBe(`news: cannot import ${join(raw, 'top', 'again')}: directory loop: it leads back to ${join(raw, 'top')}\n`);
    expect(run.status).toBe(1);
  });

  it('draws a progress bar on a terminal for a long import, and clears it', () => {
    const raw = emptyDir();
    for (let i = 0; i < 250; i++) writeFileSync(join(raw, `${i}.txt`), `Story Number ${i}\n\nBody ${i}.\n`);
    const lib = emptyDir();
    const run = onTerminal(['import', '--dir', lib, raw]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\r\u001b\[Kimporting \[[#.]+\] \d+\/250/);
    expect(run.stdout).toContain('story-number-249\n');
    const piped = news(['import', '--dir', emptyDir(), raw]);
    expect(piped.stderr).toBe('');
    expect(piped.stdout.split('\n').filter(Boolean)).toHaveLength(250);
  });
});

describe('Ctrl-C during news import on a terminal', () => {
  it('takes the progress bar away, keeps what was written and ends with status 130; importing again writes the rest', () => {
    const raw = emptyDir();
    for (let i = 0; i < 6000; i++) writeFileSync(join(raw, `${i}.txt`), `Story Number ${i}\n\nBody of story ${i}, whole.\n`);
    const lib = emptyDir();
    const out = join(emptyDir(), 'slugs');
    writeFileSync(out, '');
    // Slugs go to a file, the bar to the terminal; Ctrl-C once 300 articles are written.
    const inner =
      `set -m; '${process.execPath}' '${NEWS}' import --dir '${lib}' '${raw}' > '${out}' & pid=$!; ` +
      `while kill -0 $pid 2>/dev/null && [ "$(wc -l < '${out}')" -lt 300 ]; do sleep 0.01; done; kill -INT $pid; wait $pid; echo "status=$?"`;
    const result = spawnSync('script', ['-qfec', `bash -c '${inner.replace(/'/g, `'\\''`)}'`, '/dev/null'], {
      env: cleanEnv({ TERM: 'xterm' }),
      encoding: 'utf8',
      cwd: ROOT,
    });
    const screen = result.stdout.replace(/\r\n/g, '\n');
    expect(screen, JSON.stringify(screen.slice(-300))).toContain('status=130');
    expect(screen).toContain('news: import stopped; the articles written are kept\n');
    // Drawn as \r ESC[K text: the bar is taken away when a \r ESC[K follows the last one.
    const lastBar = screen.lastIndexOf('importing [');
    expect(lastBar).toBeGreaterThan(-1);
    expect(screen.indexOf('\r\u001b[K', lastBar)).toBeGreaterThan(lastBar);
    expect(screen.indexOf('\r\u001b[K', lastBar)).toBeLessThan(screen.indexOf('news: import stopped'));

    const first = readFileSync(out, 'utf8').split('\n').filter(Boolean);
    expect(first.length).toBeGreaterThanOrEqual(300);
    expect(first.length).toBeLessThan(6000);
    // Every file written is whole and in place: no temporary file is left.
    const written = filesBelow(lib);
    expect(written.map((path) => /^[0-9a-f]{2}\/([^/.][^/]*)\.md$/.exec(path)?.[1]).sort()).toEqual([...first].sort());
    for (const path of written) expect(readFileSync(join(lib, path), 'utf8')).toMatch(/Body of story \d+, whole\.\n$/);

    const again = news(['import', '--dir', lib, raw]);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    const rest = again.stdout.split('\n').filter(Boolean);
    expect(rest).toHaveLength(6000 - first.length);
    expect(new Set([...first, ...rest]).size).toBe(6000);
    expect(filesBelow(lib)).toHaveLength(6000);
  });
});

const CORPUS = join(ROOT, '..', 'shared', 'corpus');
describe.skipIf(!existsSync(CORPUS))('news import of the shared corpus', () => {
  it('imports every article once, and news shows each headline and every paragraph, word for word', () => {
    const lib = emptyDir();
    const run = news(['import', '--dir', lib, join(CORPUS, 'bbc'), join(CORPUS, 'polnear', 'train')]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // 2,247 files, 31 of them copies of another (the same headline and body): each article once.
    expect(run.stdout.trim().split('\n')).toHaveLength(2216);

    const wordsOf = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
    const expected: string[] = [];
    const seen = new Set<string>();
    for (const folder of [...readdirSync(join(CORPUS, 'bbc')).map((f) => join(CORPUS, 'bbc', f)), join(CORPUS, 'polnear', 'train')]) {
      for (const name of readdirSync(folder).filter((n) => n.endsWith('.txt'))) {
        const raw = parseRawText(decodeText(readFileSync(join(folder, name))).text);
        const same = JSON.stringify([raw.headline, raw.paragraphs]);
        if (!seen.has(same)) expected.push(JSON.stringify([raw.headline, raw.paragraphs.length, wordsOf(raw.paragraphs.join(' '))]));
        seen.add(same);
      }
    }
    const listed = news(['list', '--dir', lib, '--json']);
    expect(listed.status).toBe(0);
    const shown = listed.stdout
      .trim()
      .split('\n')
      .map((line) => {
        const a = JSON.parse(line) as Shown & { dateline: { place: string; date: string | null; agency: string | null } | null };
        // A wire dateline is taken out of the first paragraph and shown on its own line.
        const dateline = a.dateline ? [a.dateline.place, a.dateline.date ?? '', a.dateline.agency ?? ''].join(' ') : '';
        return JSON.stringify([a.headline, a.body.length, wordsOf(`${dateline} ${a.body.join(' ')}`)]);
      });
    expect(shown.sort()).toEqual(expected.sort());
  });
});
