// Errors that end a command with a message for the user rather than a crash.
// Each is typed with how it ends the run; exit.ts turns that into a status.
import { LibraryError } from '../library/names.js';

export class CommandError extends Error {
  override name = 'CommandError';

  constructor(
    message: string,
    readonly ending: 'usage' | 'failed',
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

/**
 * The error a command's error ends the run as. The library's own errors (a
 * feed list that cannot be read, a folder that cannot be written, a lock
 * held) end any command as failed, so commands let them pass.
 */
export function commandErrorOf(error: unknown): unknown {
  return error instanceof LibraryError ? new FailedError(error.message) : error;
}
