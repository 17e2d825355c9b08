// Long output on a terminal goes through a pager. Loaded only when paging:
// starting processes needs child_process, which costs start-up time.
import { spawn } from 'node:child_process';
import { write } from './output.js';

/** $NEWS_PAGER, then $PAGER, then `less -FRX`; empty or `cat` means no pager. */
export function pagerCommand(env: NodeJS.ProcessEnv): string | null {
  const command = (env.NEWS_PAGER ?? env.PAGER ?? 'less -FRX').trim();
  return command === '' || command === 'cat' ? null : command;
}

/** Sends text through the pager; falls back to stdout if it cannot start. */
export function page(text: string, command: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(command, {
      shell: true,
      stdio: ['pipe', 'inherit', 'inherit'],
      env: { LESS: 'FRX', LV: '-c', ...env },
    });
    let fellBack = false;
    child.on('error', () => {
      fellBack = true;
      try {
        write(text);
      } finally {
        resolve();
      }
    });
    // The user quitting the pager early closes its stdin: not an error.
    child.stdin.on('error', () => {});
    child.on('close', () => {
      if (!fellBack) resolve();
    });
    child.stdin.end(text);
  });
}
