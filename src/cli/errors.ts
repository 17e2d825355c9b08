// Errors that end a command, each with the exit status it means.

/** 0 done, 1 nothing found / unknown slug / invalid articles, 2 usage error. */
export const EXIT = { ok: 0, notFound: 1, usage: 2 } as const;

export class ExitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'ExitError';
  }
}

export class UsageError extends ExitError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}
