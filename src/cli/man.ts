// The man page, news(1), made at build time (scripts/build.mjs) from the same
// commander objects `--help` prints: every command with its arguments,
// options, choices, defaults and examples. The prose sections are taken from
// the README by heading, so that neither can drift from what it documents.
import type { CommandUnknownOpts } from '@commander-js/extra-typings';

/** Text made safe for roff: backslashes, and a line that would start with a control character. */
function escape(text: string): string {
  return text.replace(/\\/g, '\\e').replace(/-/g, '\\-');
}

/** A line of text: never starting with `.` or `'`, and one sentence a line (as roff wants sentence ends). */
function textLines(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([.!?][)"']?) +(?=[A-Z`"(\\])/g, '$1\n')
    .split('\n')
    .flatMap(fill)
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join('\n');
}

/** How long mandoc takes a line to be: a character beyond ASCII as its escape, `\\[u2014]`. */
const roffLength = (text: string): number => text.replace(/[^\x00-\x7f]/gu, '\\[uXXXX]').length;

/** A sentence in lines of at most 80 bytes, broken between words. */
function fill(sentence: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of sentence.split(' ')) {
    if (line !== '' && roffLength(line) + 1 + roffLength(word) > 80) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return [...lines, line];
}

/** Markdown's inline syntax in roff: `code` and **strong** bold, links their text. */
function inline(markdown: string): string {
  let out = '';
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\([^)]*\)/g;
  let at = 0;
  for (const match of markdown.matchAll(pattern)) {
    out += escape(markdown.slice(at, match.index));
    if (match[1] !== undefined) out += `\\fB${escape(match[1])}\\fR`;
    else if (match[2] !== undefined) out += `\\fB${escape(match[2])}\\fR`;
    else out += inline(match[3]!);
    at = match.index + match[0].length;
  }
  return out + escape(markdown.slice(at));
}

/** Lines of literal text, shown as they are. */
function literal(lines: string[]): string {
  return ['.PP', '.EX', ...lines.map((line) => (/^[.']/.test(line) ? '\\&' : '') + line.replace(/\\/g, '\\e')), '.EE'].join('\n');
}

/** A part of the README (Markdown) in roff: paragraphs, lists, tables, code, subheadings. */
export function markdownToRoff(markdown: string): string {
  const out: string[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length;) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
    } else if (line.startsWith('```')) {
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) code.push(lines[i]!);
      i++;
      out.push(literal(code));
    } else if (/^#+ /.test(line)) {
      out.push(`.SS ${textLines(inline(line.replace(/^#+ /, ''))).replace(/\n/g, ' ')}`);
      i++;
    } else if (line.startsWith('|')) {
      const rows: string[][] = [];
      for (; i < lines.length && lines[i]!.startsWith('|'); i++) {
        const cells = lines[i]!.replace(/^\||\|$/g, '')
          .split('|')
          .map((cell) => cell.trim());
        if (!cells.every((cell) => /^:?-+:?$/.test(cell))) rows.push(cells);
      }
      // A table is a list: its first column the tag, the others the text (the heading row is left out).
      for (const [tag, ...rest] of rows.slice(1))
        out.push(`.TP\n${textLines(inline(tag ?? ''))}\n${textLines(inline(rest.filter((cell) => cell !== '').join('; ')))}`);
    } else if (/^[-*] /.test(line)) {
      for (; i < lines.length && /^[-*] /.test(lines[i]!);) {
        let item = lines[i]!.slice(2);
        for (i++; i < lines.length && /^ {2,}\S/.test(lines[i]!); i++) item += ' ' + lines[i]!.trim();
        out.push(`.IP \\(bu 2\n${textLines(inline(item))}`);
      }
    } else {
      let paragraph = line;
      for (i++; i < lines.length && lines[i]!.trim() !== '' && !/^(```|#+ |\||[-*] )/.test(lines[i]!); i++) paragraph += ' ' + lines[i]!;
      out.push(`.PP\n${textLines(inline(paragraph))}`);
    }
  }
  return out.join('\n');
}

/** The text of the README under `heading` (up to the next heading of its level or above), without the heading. */
export function readmeSection(readme: string, heading: string): string {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => /^#+ /.test(line) && line.replace(/^#+ /, '') === heading);
  if (start < 0) throw new Error(`the README has no section "${heading}"`);
  const level = /^#+/.exec(lines[start]!)![0].length;
  let end = start + 1;
  let fenced = false;
  for (; end < lines.length; end++) {
    if (lines[end]!.startsWith('```')) fenced = !fenced;
    const match = /^(#+) /.exec(lines[end]!);
    if (!fenced && match !== null && match[1]!.length <= level) break;
  }
  return lines.slice(start + 1, end).join('\n');
}

/** What `--help` prints around the list of options: the examples before, the notes after. */
function helpTexts(command: CommandUnknownOpts): { before: string; after: string } {
  let text = '';
  const saved = command.configureOutput();
  command.configureOutput({ ...saved, writeOut: (chunk: string) => (text += chunk), getOutHelpWidth: () => 1000, getOutHasColors: () => false });
  try {
    command.outputHelp();
  } finally {
    command.configureOutput(saved);
  }
  const usage = text.indexOf('Usage: ');
  const body = command.helpInformation({ error: false });
  const bodyAt = text.indexOf(body);
  return { before: usage > 0 ? text.slice(0, usage) : '', after: bodyAt >= 0 ? text.slice(bodyAt + body.length) : '' };
}

const term = (flags: string): string =>
  flags
    .split(/(?=[<[])/)
    .map((part, at) => (at === 0 ? `\\fB${escape(part.trim())}\\fR` : ` \\fI${escape(part)}\\fR`))
    .join('');

/** One command's part of the page: usage, description, arguments, options, examples. */
function commandSection(command: CommandUnknownOpts, path: string[], inherited: boolean): string {
  const help = command.createHelp();
  const out: string[] = [];
  if (path.length > 0) out.push(`.SS ${escape(['news', ...path].join(' '))}`);
  out.push(`.PP\n\\fBnews${path.length > 0 ? ' ' + escape(path.join(' ')) : ''}\\fR ${escape(command.usage())}`);
  if (path.length > 0) out.push(`.PP\n${textLines(escape(help.commandDescription(command)))}`);
  for (const argument of command.registeredArguments) {
    out.push(`.TP\n\\fI${escape(help.argumentTerm(argument))}\\fR\n${textLines(escape(help.argumentDescription(argument)))}`);
  }
  for (const option of help.visibleOptions(command)) {
    if (inherited && /^(-h, )?--help$/.test(option.flags)) continue;
    out.push(`.TP\n${term(help.optionTerm(option))}\n${textLines(escape(help.optionDescription(option)))}`);
  }
  const { before, after } = helpTexts(command);
  const examples = before.split('\n').filter((line) => /^ {2}\S/.test(line));
  if (examples.length > 0) out.push(`.PP\nExamples:\n${literal(examples.map((line) => line.trimEnd()))}`);
  for (const paragraph of after.split('\n').filter((line) => line.trim() !== '')) out.push(`.PP\n${textLines(escape(paragraph))}`);
  return out.join('\n');
}

export interface ManPageFacts {
  version: string;
  /** The page's date, YYYY-MM-DD. */
  date: string;
}

/** news(1) in roff (man(7)), from the command tree and the README. */
export function manPage(program: CommandUnknownOpts, readme: string, { version, date }: ManPageFacts): string {
  const commands: string[] = [];
  const visit = (command: CommandUnknownOpts, path: string[]) => {
    for (const child of command.createHelp().visibleCommands(command)) {
      if (child.name() === 'help') continue;
      commands.push(commandSection(child, [...path, child.name()], true));
      visit(child, [...path, child.name()]);
    }
  };
  visit(program, []);
  const intro = readme.split(/\n## /)[0]!.replace(/^# .*\n/, '');
  const description = intro.split('\n\n').filter((paragraph) => !/^(```|- \[|Node\.js)/.test(paragraph.trim()));
  return [
    `.TH NEWS 1 ${date} "news ${escape(version)}" "User Commands"`,
    '.SH NAME',
    `news \\- ${escape(program.description().replace(/\.$/, '').toLowerCase())}`,
    '.SH SYNOPSIS',
    `.B news\n${escape(program.usage())}`,
    '.SH DESCRIPTION',
    markdownToRoff(description.join('\n\n')),
    markdownToRoff(readmeSection(readme, 'Commands').split(/\n### /)[0]!),
    '.SH OPTIONS',
    commandSection(program, [], false).replace(/^\.PP\n.*\n/, ''),
    '.SH COMMANDS',
    ...commands,
    '.SH EXIT STATUS',
    markdownToRoff(readmeSection(readme, 'Exit status')),
    '.SH ENVIRONMENT',
    markdownToRoff(readmeSection(readme, 'Terminal, pipes and colour')),
    '.SH FILES',
    markdownToRoff(readmeSection(readme, 'The library and its index')),
    '.SH SHELL COMPLETION',
    markdownToRoff(readmeSection(readme, 'Shell completion')),
    '.SH SEE ALSO',
    '.BR less (1),',
    '.BR sqlite3 (1)',
    '',
  ]
    .join('\n')
    .replace(/^(\.S[HS] .*)\n\.PP\n/gm, '$1\n');
}
