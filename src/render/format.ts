// The forms a command's output takes. Which one is decided once, from the
// flags and whether stdout is a terminal (src/cli/terminal.ts); each command
// says what it prints in each (`satisfies Record<Format, …>`), so a new form
// cannot be forgotten by any of them.
export type Format =
  /** Aligned, wrapped and coloured, for a person at a terminal. */
  | 'terminal'
  /** Stable lines (tab-separated for lists), for pipes and `--plain`. */
  | 'plain'
  /** JSON Lines of the model itself, control characters escaped: `--json`. */
  | 'json'
  /** A line an article through the user's template: `--format`. */
  | 'template';
