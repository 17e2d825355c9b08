import { CommanderError } from '@commander-js/extra-typings';
import { describe, expect, it } from 'vitest';
import { endingOf, EXIT, exitStatus } from '../../src/cli/exit.js';
import { commandErrorOf, FailedError, UsageError } from '../../src/cli/errors.js';
import { LibraryError } from '../../src/library/names.js';
import { BrokenPipe } from '../../src/cli/output.js';

describe('exitStatus', () => {
  it('is 0 when a command ran and nothing it was given failed', () => {
    expect(exitStatus({ kind: 'ran', found: null, failed: 0 })).toBe(EXIT.ok);
    expect(exitStatus({ kind: 'ran', found: 3, failed: 0 })).toBe(EXIT.ok);
  });

  it('is 1 when a search found nothing, or a name or file given failed', () => {
    expect(exitStatus({ kind: 'ran', found: 0, failed: 0 })).toBe(EXIT.notFound);
    expect(exitStatus({ kind: 'ran', found: 2, failed: 1 })).toBe(EXIT.notFound);
    expect(exitStatus({ kind: 'ran', found: null, failed: 5 })).toBe(EXIT.notFound);
    expect(exitStatus({ kind: 'failed' })).toBe(EXIT.notFound);
  });

  it('is 2 for usage errors, 0 for help and a closed pipe, 3 for a crash', () => {
    expect(exitStatus({ kind: 'usage' })).toBe(EXIT.usage);
    expect(exitStatus({ kind: 'shown' })).toBe(EXIT.ok);
    expect(exitStatus({ kind: 'closed' })).toBe(EXIT.ok);
    expect(exitStatus({ kind: 'crashed' })).toBe(EXIT.internal);
  });
});

describe('endingOf', () => {
  it('tells help and the version from commander usage errors', () => {
    expect(endingOf(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toEqual({ kind: 'shown' });
    expect(endingOf(new CommanderError(0, 'commander.version', '1.0.0'))).toEqual({ kind: 'shown' });
    expect(endingOf(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--bogus'"))).toEqual({ kind: 'usage' });
  });

  it('reads the ending a command error is typed with', () => {
    expect(endingOf(new UsageError('--speaker needs a name'))).toEqual({ kind: 'usage' });
    expect(endingOf(new FailedError('cannot create the library folder'))).toEqual({ kind: 'failed' });
    expect(endingOf(new BrokenPipe('stdout closed'))).toEqual({ kind: 'closed' });
    expect(endingOf(new TypeError('x is undefined'))).toEqual({ kind: 'crashed' });
  });
});

describe('commandErrorOf', () => {
  it("ends any command with the library's own errors as failed, with their message", () => {
    const failure = commandErrorOf(new LibraryError('another update of this library is running'));
    expect(failure).toBeInstanceOf(FailedError);
    expect((failure as FailedError).message).toBe('another update of this library is running');
    expect(endingOf(failure)).toEqual({ kind: 'failed' });
  });

  it('leaves every other error as it is', () => {
    const usage = new UsageError('bad flag');
    const bug = new TypeError('a bug');
    expect(commandErrorOf(usage)).toBe(usage);
    expect(commandErrorOf(bug)).toBe(bug);
    expect(endingOf(commandErrorOf(bug))).toEqual({ kind: 'crashed' });
  });
});
