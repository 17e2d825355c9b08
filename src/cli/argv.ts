// What commander cannot be told: the words of a search query may start with
// `-` (`news search obama -trump`, as the README shows it), and `news help
// NAME` names a command that must exist. The command line is read here
// before commander parses it, from the options commander was given.
import { nearest } from '../text/suggest.js';
import type { Program } from './program.js';

/** What an option looks like to commander. */
interface OptionShape {
  short?: string | undefined;
  long?: string | undefined;
  required: boolean;
  optional: boolean;
}

/** The option `arg` names among `options` (`--limit=5` names none: its value is in it). */
function optionOf(options: readonly OptionShape[], arg: string): OptionShape | 'flag' | null {
  if (arg === '-h' || arg === '--help') return 'flag';
  return options.find((option) => arg === option.short || arg === option.long) ?? null;
}

/** How many arguments an option given as `arg` takes up: itself, and its value when separate. */
function width(option: OptionShape | 'flag', arg: string, next: string | undefined): 1 | 2 {
  if (option === 'flag' || arg.includes('=')) return 1;
  if (option.required) return 2;
  return option.optional && next !== undefined && !next.startsWith('-') ? 2 : 1;
}

/**
 * argv for commander. For `news search`, every argument that is not one of
 * its options (or a shared one) is a word of the query, wherever it stands,
 * even one that starts with `-`: the words are put after a `--`, in their
 * order, and the options before it. An unknown long option (`--nosuch`) is
 * left where it is, for commander to refuse. `news help NAME` of no command
 * is refused here, as commander refuses `news NAME`.
 */
export function commanderArgv(program: Program, argv: readonly string[]): string[] {
  const args = argv.slice(2);
  let at = 0;
  while (at < args.length && args[at]!.startsWith('-') && args[at] !== '--' && args[at] !== '-') {
    const option = optionOf(program.options, args[at]!);
    at += option === null ? 1 : width(option, args[at]!, args[at + 1]);
  }
  const name = args[at];
  if (name === 'help') refuseUnknownCommand(program, args[at + 1]);
  const command = program.commands.find((each) => each.name() === name);
  if (name !== 'search' || command === undefined) return [...argv];

  const options = [...command.options, ...program.options];
  const before: string[] = [];
  const words: string[] = [];
  for (let i = at + 1; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      for (const word of args.slice(i + 1)) words.push(word);
      break;
    }
    const option = arg.startsWith('--') ? (optionOf(options, arg) ?? 'flag') : arg.length > 1 && arg.startsWith('-') ? optionOf(options, arg) : null;
    if (option === null) {
      words.push(arg);
      continue;
    }
    const taken = width(option, arg, args[i + 1]);
    for (const part of args.slice(i, i + taken)) before.push(part);
    i += taken - 1;
  }
  return [...argv.slice(0, 2), ...args.slice(0, at + 1), ...before, ...(words.length > 0 ? ['--', ...words] : [])];
}

function refuseUnknownCommand(program: Program, name: string | undefined): void {
  if (name === undefined || name.startsWith('-')) return;
  const names = program.commands.flatMap((command) => [command.name(), ...command.aliases()]);
  if (names.includes(name) || name === 'help') return;
  const near = nearest(name, names);
  const hint = near.length > 0 ? `\n(Did you mean ${near.join(', ')}?)` : '';
  program.error(`error: unknown command '${name}'${hint}`, { code: 'commander.unknownCommand', exitCode: 2 });
}
