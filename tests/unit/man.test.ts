// news(1) is made from the command tree that --help prints and from the
// README: every command and option must be in it, and mandoc must find
// nothing to say about it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { describe, expect, it } from 'vitest';
import { commandTree } from '../../src/cli/main.js';
import { manPage, markdownToRoff, readmeSection } from '../../src/cli/man.js';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const page = manPage(commandTree(), README, { version: '1.2.3', date: '2026-01-02' });
const MANDOC = spawnSync('sh', ['-c', 'command -v mandoc']).status === 0;
const roff = (text: string) => text.replace(/-/g, '\\-');

/** Every visible command below `command`, with its words after `news`. */
function commands(command: CommandUnknownOpts, path: string[] = []): Array<[string[], CommandUnknownOpts]> {
  return command
    .createHelp()
    .visibleCommands(command)
    .filter((child) => child.name() !== 'help')
    .flatMap((child) => [[[...path, child.name()], child] as [string[], CommandUnknownOpts], ...commands(child, [...path, child.name()])]);
}

describe('the man page', () => {
  it('has every command of the tree, with its arguments and every option and choice', () => {
    const tree = commandTree();
    const all = commands(tree);
    expect(all.length).toBeGreaterThan(10);
    for (const option of tree.options) expect(page).toContain(roff(option.long!));
    for (const [path, command] of all) {
      const at = page.indexOf(`.SS ${roff(['news', ...path].join(' '))}\n`);
      expect(at, path.join(' ')).toBeGreaterThan(0);
      const next = page.indexOf('\n.SS ', at + 1);
      const section = page.slice(at, next < 0 ? undefined : next);
      for (const argument of command.registeredArguments) expect(section).toContain(`\\fI${roff(argument.name())}`);
      for (const option of command.options) {
        for (const flag of [option.short, option.long].filter((f) => f !== undefined)) expect(section, `${path.join(' ')} ${flag}`).toContain(roff(flag));
        for (const choice of option.argChoices ?? []) expect(section).toContain(`"${roff(choice)}"`);
      }
    }
  });

  it('takes its prose from the README by heading', () => {
    expect(page).toContain('.SH EXIT STATUS\n' + markdownToRoff(readmeSection(README, 'Exit status')));
    expect(page).toMatch(/^\.SH FILES\n[^]*\$XDG_CACHE_HOME/m);
    expect(() => readmeSection(README, 'No such heading')).toThrow(/no section/);
  });

  it('turns Markdown into roff: code bold, links their text, tables into tagged paragraphs, a line never led by a dot', () => {
    expect(markdownToRoff('Run `news -h`, see [the index](#index). Then more.\n\n.dot')).toBe(
      '.PP\nRun \\fBnews \\-h\\fR, see the index.\nThen more.\n.PP\n\\&.dot',
    );
    expect(markdownToRoff('| a | b |\n|---|---|\n| 0 | done |')).toBe('.TP\n0\ndone');
    expect(markdownToRoff('- one\n  more\n- two')).toBe('.IP \\(bu 2\none more\n.IP \\(bu 2\ntwo');
  });

  it.skipIf(!MANDOC)('is clean under mandoc -Tlint (skipped: mandoc is not installed)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'news-man-')), 'news.1');
    writeFileSync(file, page);
    const lint = spawnSync('mandoc', ['-Tlint', file], { encoding: 'utf8' });
    expect(lint.stdout + lint.stderr).toBe('');
    expect(lint.status).toBe(0);
  });
});
