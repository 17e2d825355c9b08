// A line of progress on stderr, redrawn in place with `\r`, for a terminal.
// With `interrupt`, Ctrl-C while it is shown takes it away (putting the line
// `stopped` in its place, if given) before the run ends, with status 130 as a
// shell gives a process ended by SIGINT; a command
// that handles SIGINT itself (update stops its requests and saves) is left to
// it. Only for work that waits on the event loop (worker threads, the
// network): JavaScript runs on a signal only there, and work that never
// yields would not be stopped at all.
import { writeSync } from 'node:fs';
import { EXIT } from './exit.js';

export class StatusLine {
  private shown = false;
  /** Whether another listener was there to handle SIGINT when the line was first shown. */
  private handled = false;

  constructor(private readonly options: { interrupt?: boolean; stopped?: string } = {}) {}

  private readonly onInterrupt = () => {
    this.clear();
    if (this.handled) return;
    if (this.options.stopped !== undefined) this.draw(`news: ${this.options.stopped}\n`);
    process.exit(EXIT.interrupted);
  };

  /** Draws `text` over the line shown before. */
  show(text: string): void {
    this.draw(text);
    if (!this.shown && this.options.interrupt === true) {
      this.handled = process.listenerCount('SIGINT') > 0;
      process.on('SIGINT', this.onInterrupt);
    }
    this.shown = true;
  }

  /** Takes the line away: before anything else is written to stderr, and at the end. */
  clear(): void {
    if (this.shown) {
      this.draw('');
      process.removeListener('SIGINT', this.onInterrupt);
    }
    this.shown = false;
  }

  get visible(): boolean {
    return this.shown;
  }

  private draw(line: string): void {
    try {
      writeSync(2, `\r\x1b[K${line}`);
    } catch {
      // A progress line is not worth failing for.
    }
  }
}
