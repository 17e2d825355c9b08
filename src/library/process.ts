// Telling the files a killed process left behind from those of one at work.

/** Whether no process of this id runs on this machine. */
export function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
