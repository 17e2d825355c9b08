// Writing a command's output to stdout. A reader that closes the pipe early
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
