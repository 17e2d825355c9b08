// Errors that end a command with a message for the user rather than a crash.
// Each is typed with how it ends the run; exit.ts turns that into a status.
import { LibraryError } from '../library/names.js';

export class CommandError extends Error {
  override name = 'CommandError';

  constructor(
    message: string,
    readonly ending: 'usage' | 'failed' | 'interrupted',
  ) {
    super(message);
  }
}

/** The command line asked for something malformed: exit status 2. */
export class UsageError extends CommandError {
  override name = 'UsageError';

  constructor(message: string) {
    super(message, 'usage');
  }
}

/** The command could not do its work at all: exit status 1. */
export class FailedError extends CommandError {
  override name = 'FailedError';

  constructor(message: string) {
    super(message, 'failed');
  }
}

/** The command was stopped by Ctrl-C (SIGINT) and ended tidily: exit status 130, as a shell gives. */
export class InterruptedError extends CommandError {
  override name = 'InterruptedError';

  constructor(message: string) {
    super(message, 'interrupted');
  }
}

/**
 * The error a command's error ends the run as. The library's own errors (a
 * feed list that cannot be read, a folder that cannot be written, a lock
 * held) end any command as failed, so commands let them pass.
 */
export function commandErrorOf(error: unknown): unknown {
  return error instanceof LibraryError ? new FailedError(error.message) : error;
}

/**
 * One style for every error line: `news: `, then the message starting in
 * lower case (unless it starts with a name such as NEWS_DIR), with no full
 * stop at the end.
 */
export function errorLine(message: string): string {
  let text = message.trim().replace(/^(error|news):\s*/i, '');
  if (/^[A-Z][a-z]/.test(text)) text = text[0]!.toLowerCase() + text.slice(1);
  return `news: ${text.replace(/(?<!\.)\.$/, '')}`;
}

/**
 * commander's own messages (`error: option … is invalid. Allowed choices are
 * …` and `\n(Did you mean list?)`) in the style of errorLine: one sentence,
 * its parts joined by colons, and a suggestion the way `news` makes them.
 */
export function commanderErrorLine(text: string): string {
  const suggestion = /\s*\(Did you mean (?:one of )?(.+)\?\)\s*$/.exec(text);
  const message = (suggestion ? text.slice(0, suggestion.index) : text)
    .trim()
    .replace(/\.\s+([A-Z](?=[a-z]))?/g, (_, capital: string | undefined) => `: ${capital?.toLowerCase() ?? ''}`);
  const names = suggestion?.[1]?.split(', ').map((name) => `'${name}'`);
  return errorLine(message) + (names ? `; did you mean ${names.join(' or ')}?` : '');
}
