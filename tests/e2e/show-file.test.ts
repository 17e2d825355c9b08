// `news show FILE.md` and `news show -`: an article that is not in the
// library, read from its file or from stdin, as bat and glow take files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanEnv, news, NEWS, ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'news-show-file-'));
const draft = join(dir, 'harbour-draft.md');
writeFileSync(draft, '---\ntitle: Harbour Draft\ndate: 2016-03-01\n---\n\n"We are nearly done," the harbour master said.\n');
const broken = join(dir, 'broken.md');
writeFileSync(broken, '---\ntitle: [unclosed\n---\n\nBody.\n');

describe('news show FILE.md and -', () => {
  it('shows a Markdown file named by its path, beside a library article, in the order named', () => {
    const run = news(['show', draft, 'us-iran-is', '--plain']);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('Harbour Draft\n2016-03-01\n\n"We are nearly done," the harbour master said.\n')).toBe(true);
    expect(run.stdout).toContain('\nUS Informed Iran of Intent to Hit IS\n');
    const json = JSON.parse(news(['show', draft, '--json']).stdout) as { slug: string; path: string; quotes: Array<{ speaker: string }> };
    expect([json.slug, json.path, json.quotes[0]?.speaker]).toEqual(['harbour-draft', draft, 'the harbour master']);
  });

  it('reads an article from stdin for -', () => {
    const run = spawnSync(process.execPath, [NEWS, 'show', '-', '--plain'], {
      env: cleanEnv(),
      cwd: ROOT,
      encoding: 'utf8',
      input: '---\ntitle: From a Pipe\n---\n\nPiped body.\n',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('From a Pipe\n\nPiped body.\n');
  });

  it('names a file that is no article, with its line, and shows the rest', () => {
    const run = news(['show', broken, draft, '--plain']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`news: ${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: `));
    expect(run.stdout.startsWith('Harbour Draft\n')).toBe(true);
  });
});
