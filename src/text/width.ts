// Column widths on a terminal: wide (East Asian) characters take two columns,
// combining marks none.
import stringWidth from 'string-width';

export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** Cuts text to at most `width` columns, ending in … when cut. */
export function truncate(text: string, width: number): string {
  // No room at all holds not even the ellipsis.
  if (width <= 0) return '';
  if (stringWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  const segmenter = new Intl.Segmenter();
  for (const { segment } of segmenter.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return out.trimEnd() + '…';
}
