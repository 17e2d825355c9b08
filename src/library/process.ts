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

/**
 * Whether a file named by `pattern`, whose first group is the id of the
 * process that made it, was left by another process that is gone.
 */
export function isLeftBehind(name: string, pattern: RegExp): boolean {
  const pid = Number(pattern.exec(name)?.[1]);
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && processIsGone(pid);
}
