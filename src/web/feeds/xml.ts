// What is done to a feed's XML around the parser: the document type
// declaration blanked out before parsing (its entities are never expanded,
// none is ever fetched, whatever the parser's settings), the root element
// found (it says which format the document is), a document cut short closed
// again after its last whole entry, and the place of a fault found for the
// error message.
import { XMLValidator } from 'fast-xml-parser';

export interface Prepared {
  /** The text with every document type declaration of the prolog blanked (line ends kept, so lines and columns still match). */
  text: string;
  /** The root element's name as written (`rss`, `atom:feed`, `rdf:RDF`), or null when the document does not start with one. */
  root: string | null;
  /** Offset of the root's `<`. */
  rootAt: number;
}

const blank = (s: string): string => s.replace(/[^\n\r]/g, ' ');

/** End (exclusive) of the `<!DOCTYPE …>` declaration at `at`, across its internal subset; -1 when it does not end. */
function doctypeEnd(text: string, at: number): number {
  let i = at + 2;
  let depth = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return -1;
      i = close + 1;
      continue;
    }
    if (c === '<' && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close < 0) return -1;
      i = close + 3;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (c === '>' && depth === 0) return i + 1;
    i++;
  }
  return -1;
}

/** Walks the prolog (declaration, comments, processing instructions, document type) to the root element. */
export function prepareXml(input: string): Prepared {
  let text = input;
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text[i] !== '<') return { text, root: null, rootAt: i };
    if (text.startsWith('<?', i)) {
      const close = text.indexOf('?>', i + 2);
      if (close < 0) return { text, root: null, rootAt: i };
      i = close + 2;
    } else if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close < 0) return { text, root: null, rootAt: i };
      i = close + 3;
    } else if (/^<!doctype/i.test(text.slice(i, i + 9))) {
      const end = doctypeEnd(text, i);
      const stop = end < 0 ? text.length : end;
      text = text.slice(0, i) + blank(text.slice(i, stop)) + text.slice(stop);
      i = stop;
    } else {
      const name = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(i, i + 200))?.[1] ?? null;
      return { text, root: name, rootAt: i };
    }
  }
}

/** The local name of a qualified name, lower-cased: `rdf:RDF` → `rdf`. */
export const localName = (name: string): string => name.slice(name.indexOf(':') + 1).toLowerCase();

/** The elements still open at the end of `text`, outermost first (a linear scan: no regular expression to backtrack). */
function openElements(text: string, from: number): string[] {
  const stack: string[] = [];
  let i = from;
  const skip = (open: string, close: string): boolean => {
    if (!text.startsWith(open, i)) return false;
    const end = text.indexOf(close, i + open.length);
    i = end < 0 ? text.length : end + close.length;
    return true;
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    i = lt;
    if (skip('<!--', '-->') || skip('<![CDATA[', ']]>') || skip('<?', '?>') || skip('<!', '>')) continue;
    let j = lt + 1;
    let quote = '';
    while (j < text.length) {
      const c = text[j]!;
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
      j++;
    }
    if (j >= text.length) break;
    const tag = text.slice(lt + 1, j);
    i = j + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
    } else if (!tag.endsWith('/')) {
      const name = /^[^\s/]+/.exec(tag)?.[0];
      if (name) stack.push(name);
    }
  }
  return stack;
}

/**
 * A document cut short (a download broken off, a file truncated) made whole
 * again: cut after its last complete entry (else after its channel) and the
 * elements left open closed. Null when there is no such place.
 */
export function closeCutShort(text: string, rootAt: number): { text: string; keptLines: number } | null {
  let end = -1;
  for (const pattern of [/<\/(?:[\w.-]+:)?(?:item|entry)\s*>/gi, /<\/(?:[\w.-]+:)?channel\s*>/gi]) {
    for (const match of text.matchAll(pattern)) end = match.index + match[0].length;
    if (end >= 0) break;
  }
  if (end < 0) return null;
  const kept = text.slice(0, end);
  const open = openElements(kept, rootAt);
  if (open.length === 0) return null;
  const closers = open
    .reverse()
    .map((name) => `</${name}>`)
    .join('');
  return { text: kept + closers, keptLines: kept.split('\n').length };
}

/** Where a document is not well-formed, as the validator reports it; null when it finds no fault. */
export function xmlFault(text: string): { line: number; column: number; message: string } | null {
  const result = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (result === true) return null;
  const { line, col, msg } = result.err;
  // Elements still open at the end are reported at line 1 as a list of names: said at the end instead.
  const open = /^Invalid '\[([\s\S]*)\]' found/.exec(msg)?.[1]?.match(/"([^"]*)"/g);
  if (open?.length) {
    const lines = text.split('\n');
    const innermost = open[open.length - 1]!.slice(1, -1);
    return { line: lines.length, column: lines[lines.length - 1]!.length + 1, message: `the document ends inside <${innermost}>` };
  }
  return { line: line || 1, column: col || 1, message: msg.replace(/\s+/g, ' ').replace(/\.$/, '') };
}
