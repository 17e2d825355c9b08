// The exit status of a run, from one pure function of how the run ended.
// Commands report facts (what they found, which names failed); only this
// module turns facts into a number.
import { CommanderError } from '@commander-js/extra-typings';
import { CommandError } from './errors.js';
import { BrokenPipe } from './output.js';

/** 0 done, 1 nothing found / unknown slug / invalid articles, 2 usage error, 3 internal error, 130 stopped by Ctrl-C. */
export const EXIT = { ok: 0, notFound: 1, usage: 2, internal: 3, interrupted: 130 } as const;
export type ExitStatus = (typeof EXIT)[keyof typeof EXIT];

/**
 * How many things output made as it is written has found so far: the
 * output counts them as it goes, and the count is read once it is written.
 */
export class Tally {
  count = 0;
}

/** How a run of the command line ended. */
export type Ending =
  /**
   * The command ran. `found`: how many of what it looks for it found (search
   * and quotes; null for commands that look for nothing in particular);
   * `failed`: how many of the names or files it was given it could not use
   * (unknown slugs, invalid article files, files not imported).
   */
  | { kind: 'ran'; found: number | null; failed: number }
  /** Help or the version was asked for and printed. */
  | { kind: 'shown' }
  /** The command line asked for something malformed: flags, a query, a template. */
  | { kind: 'usage' }
  /** The command could not do its work at all (the library folder cannot be written). */
  | { kind: 'failed' }
  /** Ctrl-C stopped the command, which ended tidily (update saves what it fetched). */
  | { kind: 'interrupted' }
  /** The reader of the output went away (`news list | head -1`): a normal end. */
  | { kind: 'closed' }
  /** A bug. */
  | { kind: 'crashed' };

export function exitStatus(ending: Ending): ExitStatus {
  switch (ending.kind) {
    case 'ran':
      return ending.failed > 0 || ending.found === 0 ? EXIT.notFound : EXIT.ok;
    case 'shown':
    case 'closed':
      return EXIT.ok;
    case 'usage':
      return EXIT.usage;
    case 'failed':
      return EXIT.notFound;
    case 'crashed':
      return EXIT.internal;
    case 'interrupted':
      return EXIT.interrupted;
  }
}

/** How an error thrown by commander or a command ends the run. */
export function endingOf(error: unknown): Ending {
  if (error instanceof CommanderError) {
    // `news help search` ends with commander.help and status 0; `news` alone with it and status 1.
    const shown = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || (error.code === 'commander.help' && error.exitCode === 0);
    return shown ? { kind: 'shown' } : { kind: 'usage' };
  }
  if (error instanceof CommandError) return { kind: error.ending };
  if (error instanceof BrokenPipe) return { kind: 'closed' };
  return { kind: 'crashed' };
}
