// A line of progress on stderr, redrawn in place with `\r`, for a terminal.
import { writeSync } from 'node:fs';

export class StatusLine {
  private shown = false;

  /** Draws `text` over the line shown before. */
  show(text: string): void {
    this.draw(text);
    this.shown = true;
  }

  /** Takes the line away: before anything else is written to stderr, and at the end. */
  clear(): void {
    if (this.shown) this.draw('');
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
