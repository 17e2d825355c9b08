/** Runs of white space (no-break spaces too) as one space, trimmed at both ends. */
export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
