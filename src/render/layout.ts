// What a renderer is told about the place its output goes.
import type { Style } from './style.js';

/** Wraps text to a width; ANSI styling inside does not count toward it. */
export type Wrap = (text: string, width: number) => string;

export interface Layout {
  style: Style;
  /** Columns to wrap to, or null for one line a paragraph (pipes). */
  width: number | null;
  /** The wrapper, present whenever `width` is. */
  wrap: Wrap | null;
  /** Aligned, coloured terminal layout rather than stable plain text. */
  terminal: boolean;
}

export function wrapTo(layout: Layout, text: string, indent = ''): string {
  if (layout.width === null || layout.wrap === null) return indent + text;
  const width = Math.max(10, layout.width - indent.length);
  return layout
    .wrap(text, width)
    .split('\n')
    .map((line) => indent + line)
    .join('\n');
}
