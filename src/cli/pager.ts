// Long output on a terminal goes through a pager. Loaded only when paging:
// starting processes needs child_process, which costs start-up time.
import { spawn } from 'node:child_process';
import { sanitize } from '../text/sanitize.js';
import { pagerSetting, type Config } from './config.js';
import { write, writeError } from './output.js';

/** $NEWS_PAGER, then the settings file's pager, then $PAGER, then `less -FRX`; empty or `cat` means no pager. */
export function pagerCommand(env: NodeJS.ProcessEnv, config?: Config | null): string | null {
  return pagerSetting(false, env, config).value;
}

/** A shell runs the command only when it needs one (as git does): else a missing pager is told from one that failed. */
const SHELL_SYNTAX = /[|&;<>()$`\\"'*?[\]#~=%{}\s]/;

/** The shell's status for a command it could not find or run. */
const NOT_RUN = new Set([126, 127]);

/**
 * Sends text through the pager. A pager that cannot be started (not found,
 * not executable) is reported, and the text is written to stdout instead; a
 * pager that exits with an error of its own (the user quit it) is not an error.
 */
export function page(text: string, command: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const words = command.split(/\s+/);
    const direct = !SHELL_SYNTAX.test(words.join(''));
    const options = { stdio: ['pipe', 'inherit', 'inherit'] as ['pipe', 'inherit', 'inherit'], env: { LESS: 'FRX', LV: '-c', ...env } };
    const child = direct ? spawn(words[0]!, words.slice(1), options) : spawn(command, { ...options, shell: true });
    let done = false;
    const fallBack = (why: string) => {
      if (done) return;
      done = true;
      writeError(sanitize(`news: cannot run the pager '${command}': ${why}; writing to the terminal (set PAGER, or --no-pager)`));
      try {
        write(text);
        resolve();
      } catch (error) {
        reject(error as Error);
      }
    };
    child.on('error', (error: NodeJS.ErrnoException) => fallBack(error.code === 'ENOENT' ? 'not found' : (error.code ?? error.message)));
    // The user quitting the pager early closes its stdin: not an error.
    child.stdin.on('error', () => {});
    child.on('close', (code) => {
      // Through a shell, a command not found ends with 127 before reading anything.
      if (!direct && code !== null && NOT_RUN.has(code)) return fallBack(code === 127 ? 'not found' : 'not executable');
      if (!done) resolve();
      done = true;
    });
    child.stdin.end(text);
  });
}
