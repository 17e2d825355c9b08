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

// wrap-ansi breaks at spaces and counts a word of no width (U+FEFF, a
// combining mark after a space) and the space before it as no room at all,
// leaving that line a column too wide. A no-break space there makes the word
// travel with the one before it, and looks the same. The classes are those
// string-width measures as nothing; colour codes may stand among them.
const SPACE_BEFORE_INVISIBLE_WORD =
  / (?=(?:\u001b\[[0-9;]*m)*[\p{Default_Ignorable_Code_Point}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}](?:[\p{Default_Ignorable_Code_Point}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]|\u001b\[[0-9;]*m)*(?: |$))/gu;

export function wrapTo(layout: Layout, text: string, indent = ''): string {
  if (layout.width === null || layout.wrap === null) return indent + text;
  const width = Math.max(10, layout.width - indent.length);
  return layout
    .wrap(text.replace(SPACE_BEFORE_INVISIBLE_WORD, '\u00a0'), width)
    .split('\n')
    .map((line) => indent + line)
    .join('\n');
}
