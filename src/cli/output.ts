// Writing a command's output: straight to stdout, or through a pager when it
// is long and stdout is a terminal. A reader that closes the pipe early
// (`news list | head -1`) ends the command quietly.

let stdoutClosed = false;

/** A closed pipe is a normal end: exit 0 without a trace. */
export function handleBrokenPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      stdoutClosed = true;
      process.exit(0);
    }
    throw error;
  });
}

export function write(text: string): Promise<void> {
  if (stdoutClosed || text === '') return Promise.resolve();
  return new Promise((resolve) => {
    process.stdout.write(text, () => resolve());
  });
}

/** $NEWS_PAGER, then $PAGER, then `less -FRX`; empty or `cat` means no pager. */
export function pagerCommand(env: NodeJS.ProcessEnv): string | null {
  const command = (env.NEWS_PAGER ?? env.PAGER ?? 'less -FRX').trim();
  return command === '' || command === 'cat' ? null : command;
}

/** Sends text through the pager; falls back to stdout if it cannot start. */
export async function page(text: string, command: string, env: NodeJS.ProcessEnv): Promise<void> {
  // Loaded here: only a terminal session with long output needs it.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const child = spawn(command, {
      shell: true,
      stdio: ['pipe', 'inherit', 'inherit'],
      env: { LESS: 'FRX', LV: '-c', ...env },
    });
    let fellBack = false;
    child.on('error', () => {
      fellBack = true;
      void write(text).then(resolve);
    });
    // The user quitting the pager early closes its stdin: not an error.
    child.stdin.on('error', () => {});
    child.on('close', () => {
      if (!fellBack) resolve();
    });
    child.stdin.end(text);
  });
}
