/** Runs of white space (no-break spaces too) as one space, trimmed at both ends. */
export function collapseSpace(text: string): string {
  // Most paragraphs are already collapsed: then the text is its own answer, without a new string.
  return isCollapsed(text) ? text : text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Does the text hold no white space but single plain spaces between other characters? */
function isCollapsed(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  if (text.charCodeAt(0) === 0x20 || text.charCodeAt(n - 1) === 0x20) return false;
  let space = false;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      if (space) return false;
      space = true;
      continue;
    }
    space = false;
    if (code < 0x21) {
      if (code >= 0x09 && code <= 0x0d) return false;
    } else if (code >= 0xa0 && isOtherSpace(code)) return false;
  }
  return true;
}

/** White space that `\s` matches besides the ASCII characters: Unicode space separators, line and paragraph separators, the byte-order mark. */
function isOtherSpace(code: number): boolean {
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
