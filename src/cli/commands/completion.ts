import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { completionScript } from '../completion.js';
import type { CommandResult } from '../context.js';
import type { Shell } from '../program.js';

/** `news completion SHELL`: the completion script of the command tree `program`, for SHELL. */
export function completion(program: CommandUnknownOpts, shell: Shell): Promise<CommandResult> {
  return Promise.resolve({ stdout: completionScript(program, shell) });
}
