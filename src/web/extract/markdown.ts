// The article's DOM → blocks of Markdown: paragraphs, headings, list items,
// block quotes, code and table rows, each with its plain text beside it so
// that the cleaning rules can judge a block by its words and links. Inline
// markup that carries meaning is kept (links, emphasis, code, line breaks);
// text is escaped with the project's own escaping, so the reader gives back
// exactly the words of the page.
import { escapeMarkdown } from '../../parse/markdown-escape.js';
import { absoluteUrl } from '../url.js';
import { fold, isElement, tagOf, TEXT_NODE, type DomElement, type DomNode } from './dom.js';

export type BlockKind = 'paragraph' | 'heading' | 'item' | 'quote' | 'code' | 'row';

export interface Block {
  kind: BlockKind;
  /** The block as Markdown, without the list or quote marker it takes when written. */
  markdown: string;
  /** The block's words as the reader will show them. */
  text: string;
  /** How many of the text's characters are inside links. */
  linkChars: number;
  /** Heading level (1–6), list nesting depth (0 = top), or 0. */
  level: number;
  /** Items of one list, or paragraphs of one block quote, share a group number; else -1. */
  group: number;
  /** For list items: the ordinal of an ordered list's item, else null. */
  ordinal: number | null;
}

const words = (list: string) => new Set(list.split(' '));
// Elements whose content is no text: media, embeds, controls, and what the head holds.
const SKIPPED = words(
  'script style noscript template iframe object embed svg math canvas video audio img picture source button input select textarea form head meta link',
);
const BLOCKS = words(
  'p div section article main header footer aside nav figure figcaption blockquote ul ol li dl dt dd pre table thead tbody tfoot tr td th caption ' +
    'h1 h2 h3 h4 h5 h6 hr address center details summary fieldset body html',
);
const EMPHASIS = words('em i cite dfn var');
const STRONG = words('strong b');
const CODE = words('code kbd samp tt');

interface Inline {
  markdown: string;
  /** The markdown without emphasis, to go inside emphasis: nested delimiters of one kind pair up unpredictably. */
  plain: string;
  /** The markdown without emphasis or code spans, for where their delimiters would run into their neighbours'. */
  bare: string;
  text: string;
  linkChars: number;
  // Whether an emphasis delimiter at the very start (end) of `markdown`
  // opens (closes) depends on the character before (after) it, which only
  // the next join knows: the character just inside the delimiter, or null.
  opens: string | null;
  closes: string | null;
}

const NOTHING: Inline = { markdown: '', plain: '', bare: '', text: '', linkChars: 0, opens: null, closes: null };

/** Plain text, escaped so that the reader gives it back as it is. */
function escapeText(text: string): string {
  const folded = text.replace(/[\s\u00a0]+/g, ' ');
  const core = folded.trim();
  if (core === '') return folded === '' ? '' : ' ';
  return (folded.startsWith(' ') ? ' ' : '') + escapeMarkdown(core) + (folded.endsWith(' ') ? ' ' : '');
}

/** A link's brackets go inside the spaces around its text. */
function wrap(inner: string, open: string, close = open): string {
  const core = inner.trim();
  if (core === '') return inner;
  const lead = inner.startsWith(' ') ? ' ' : '';
  const trail = inner.endsWith(' ') ? ' ' : '';
  return `${lead}${open}${core}${close}${trail}`;
}

// CommonMark's flanking rules, which decide whether a run of `*` or `~`
// opens or closes emphasis: "" stands for the start or end of the line.
const WHITE = /^\s?$/;
const PUNCTUATION = /^[\p{P}\p{S}]$/u;
const canOpen = (before: string, after: string) => !WHITE.test(after) && (!PUNCTUATION.test(after) || WHITE.test(before) || PUNCTUATION.test(before));
const canClose = (before: string, after: string) => !WHITE.test(before) && (!PUNCTUATION.test(before) || WHITE.test(after) || PUNCTUATION.test(after));

// Quotation marks and sentence punctuation at the edges of an emphasised
// span go outside its delimiters (`"*bar*"` rather than `*"bar"*`), where
// they stand in the delimiters' way less often. Only characters the escaping
// leaves alone are moved, so no escape, entity or link is cut.
const EDGE_PUNCTUATION = /^([«"'“‘¿¡]*)([\s\S]*?)([.,:!?…"'”’»]*)$/;

function emphasise(inner: Inline, delimiter: string): Inline {
  const plain = { ...inner, markdown: inner.plain, opens: null, closes: null };
  const [, before = '', middle = '', after = ''] = EDGE_PUNCTUATION.exec(inner.plain.trim()) ?? [];
  // Emphasis that starts or ends with a line break, or whose middle ends in a
  // backslash that escaped a character moved out ("1\\."), is left plain.
  if (middle === '' || /^\s|\s$|^\\\n|\\$/.test(middle)) return plain;
  const lead = /^\s/.test(inner.plain) ? ' ' : '';
  const trail = /\s$/.test(inner.plain) ? ' ' : '';
  const first = middle[0]!;
  const last = middle.at(-1)!;
  // The side whose neighbour is known now is checked now; the other waits for the join.
  if ((lead + before !== '' && !canOpen((lead + before).at(-1)!, first)) || (after + trail !== '' && !canClose(last, (after + trail)[0]!))) return plain;
  return {
    ...inner,
    markdown: `${lead}${before}${delimiter}${middle}${delimiter}${after}${trail}`,
    opens: lead + before === '' ? first : null,
    closes: after + trail === '' ? last : null,
  };
}

function linkTarget(href: string, base: string | null): string | null {
  if (/^mailto:/i.test(href.trim())) return href.trim();
  const url = absoluteUrl(href, base);
  // Parentheses, spaces and angle brackets would end the destination early, and a pipe a table's cell.
  return url ? url.replace(/[()<>|\s]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')) : null;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

function codeSpan(text: string): string {
  const longest = longestRun(text, '`');
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

// "!" just before a link would make it an image, unless an odd number of backslashes escapes it.
function joinText(before: string, after: string): string {
  const bang = after.startsWith('[') ? /(\\*)!$/.exec(before) : null;
  return (bang && bang[1]!.length % 2 === 0 ? `${before.slice(0, -1)}\\!` : before) + after;
}

const bare = (inline: Inline): Inline => ({ ...inline, markdown: inline.bare, plain: inline.bare, opens: null, closes: null });
const withoutEmphasis = (inline: Inline): Inline => ({ ...inline, markdown: inline.plain, opens: null, closes: null });

/**
 * Two inline runs one after the other. Emphasis or code whose delimiters
 * would not act as delimiters beside their new neighbours ("a**(**",
 * "*a**b*", "`a``b`") is written without them: its words matter more than
 * its slant.
 */
function join(before: Inline, after: Inline): Inline {
  if (after.markdown === '') return { ...before, text: before.text + after.text, linkChars: before.linkChars + after.linkChars };
  if (before.markdown === '') return { ...after, text: before.text + after.text, linkChars: before.linkChars + after.linkChars };
  let next = after;
  if (/[*~`]$/.test(before.markdown) && /^[*~`]/.test(after.markdown)) next = bare(after);
  else if (next.opens !== null && !canOpen(before.markdown.at(-1)!, next.opens)) next = withoutEmphasis(next);
  const previous = before.closes !== null && !canClose(before.closes, next.markdown[0]!) ? withoutEmphasis(before) : before;
  return {
    markdown: joinText(previous.markdown, next.markdown),
    plain: joinText(previous.plain, next.plain),
    bare: joinText(previous.bare, next.bare),
    text: previous.text + next.text,
    linkChars: previous.linkChars + next.linkChars,
    opens: previous.opens,
    closes: next.closes,
  };
}

// Pages are flattened before they get here (extract.ts), but fragments are
// not: a bound keeps a hostile fragment's nesting off the call stack.
const MAX_DEPTH = 200;

/** A node's words, escaped, without their markup. */
function textOnly(node: DomNode): Inline {
  const text = (node.textContent ?? '').replace(/[\s\u00a0]+/g, ' ');
  const markdown = escapeText(text);
  return { markdown, plain: markdown, bare: markdown, text, linkChars: 0, opens: null, closes: null };
}

class Converter {
  readonly blocks: Block[] = [];
  private nextGroup = 0;
  // Inline elements that hold blocks (a <span> around paragraphs, a <font>
  // around a heading) are walked as blocks, or their paragraphs would run together.
  private readonly holdsBlocks = new Set<DomNode>();
  // Pages link to the same few addresses many times over.
  private readonly targets = new Map<string, string | null>();
  // How deep the walk is: past MAX_DEPTH an element counts for its text alone.
  private depth = 0;

  constructor(
    private readonly base: string | null,
    root: DomElement,
  ) {
    this.markBlockHolders(root);
  }

  /** Marks every element with a block inside, walking the tree with a stack rather than the call stack. */
  private markBlockHolders(root: DomElement): void {
    const order: DomElement[] = [];
    const stack = [root];
    while (stack.length > 0) {
      const element = stack.pop()!;
      order.push(element);
      for (const child of Array.from(element.children)) stack.push(child);
    }
    // Children come after their parents in `order`: walked backwards, each is marked before its parent asks.
    for (let i = order.length - 1; i >= 0; i--) {
      const element = order[i]!;
      if (Array.from(element.children).some((child) => BLOCKS.has(tagOf(child)) || this.holdsBlocks.has(child))) this.holdsBlocks.add(element);
    }
  }

  private isBlock(node: DomNode): boolean {
    return isElement(node) && (BLOCKS.has(tagOf(node)) || this.holdsBlocks.has(node));
  }

  inline(node: DomNode, inLink = false): Inline {
    if (this.depth > MAX_DEPTH) return textOnly(node);
    this.depth++;
    try {
      return this.inlineAt(node, inLink);
    } finally {
      this.depth--;
    }
  }

  private inlineAt(node: DomNode, inLink: boolean): Inline {
    if (node.nodeType === TEXT_NODE) {
      const raw = node.textContent ?? '';
      const text = raw.replace(/[\s\u00a0]+/g, ' ');
      const markdown = escapeText(raw);
      return { markdown, plain: markdown, bare: markdown, text, linkChars: inLink ? text.trim().length : 0, opens: null, closes: null };
    }
    if (!isElement(node)) return NOTHING;
    const tag = tagOf(node);
    if (SKIPPED.has(tag)) return NOTHING;
    if (tag === 'br') return { ...NOTHING, markdown: '\\\n', plain: '\\\n', bare: '\\\n', text: ' ' };
    if (CODE.has(tag)) {
      const text = (node.textContent ?? '').replace(/[\s\u00a0]+/g, ' ');
      if (text.trim() === '') return { ...NOTHING, markdown: text, plain: text, bare: text, text };
      // The spaces around the code stay around it, as the page shows them.
      const code = `${text.startsWith(' ') ? ' ' : ''}${codeSpan(text.trim())}${text.endsWith(' ') ? ' ' : ''}`;
      return { ...NOTHING, markdown: code, plain: code, bare: escapeText(text), text };
    }
    const isLink = tag === 'a' && !inLink;
    const inner = this.children(node, inLink || isLink);
    if (isLink) {
      const href = node.getAttribute('href') ?? '';
      let target = this.targets.get(href);
      if (target === undefined) this.targets.set(href, (target = linkTarget(href, this.base)));
      if (!target || inner.text.trim() === '') return inner;
      const link = (markdown: string) => wrap(markdown.replace(/\\\n/g, ' '), '[', `](${target})`);
      // Inside the brackets emphasis has punctuation beside it, where it always works.
      return { ...inner, markdown: link(inner.markdown), plain: link(inner.plain), bare: link(inner.bare), opens: null, closes: null };
    }
    const delimiter = EMPHASIS.has(tag) ? '*' : STRONG.has(tag) ? '**' : tag === 's' || tag === 'del' || tag === 'strike' ? '~~' : '';
    return delimiter === '' ? inner : emphasise(inner, delimiter);
  }

  private children(element: DomElement, inLink: boolean): Inline {
    let joined = NOTHING;
    for (const child of Array.from(element.childNodes)) joined = join(joined, this.inline(child, inLink));
    return joined;
  }

  private push(kind: BlockKind, parts: DomNode[], level = 0, group = -1, ordinal: number | null = null): void {
    let joined = NOTHING;
    for (const node of parts) joined = join(joined, this.inline(node));
    const text = fold(joined.text);
    const linkChars = joined.linkChars;
    // Hard breaks at the ends of a block, or doubled, break nothing.
    const markdown = joined.markdown
      .replace(/[ \t]*\\\n[ \t]*/g, '\\\n')
      .replace(/(?:\\\n){2,}/g, '\\\n')
      .replace(/^(?:\s|\\\n)+|(?:\s|\\\n)+$/g, '')
      .replace(/ {2,}/g, ' ');
    if (text === '' || markdown === '') return;
    this.blocks.push({ kind, markdown, text, linkChars, level, group, ordinal });
  }

  /** Walks the block structure; runs of inline content become paragraphs of the given kind. */
  block(element: DomElement, kind: BlockKind = 'paragraph', group = -1, level = 0): void {
    if (this.depth > MAX_DEPTH) {
      this.push(kind === 'heading' || kind === 'item' || kind === 'quote' ? kind : 'paragraph', [element], level, group);
      return;
    }
    this.depth++;
    try {
      this.blockAt(element, kind, group, level);
    } finally {
      this.depth--;
    }
  }

  private blockAt(element: DomElement, kind: BlockKind, group: number, level: number): void {
    const tag = tagOf(element);
    if (SKIPPED.has(tag) || tag === 'hr') return;
    if (/^h[1-6]$/.test(tag)) {
      this.flow(element, 'heading', group, Number(tag[1]));
      return;
    }
    switch (tag) {
      case 'pre':
        this.pushCode(element, group);
        return;
      case 'ul':
      case 'ol': {
        const listGroup = kind === 'item' ? group : this.nextGroup++;
        let ordinal = Number(element.getAttribute('start') ?? '1');
        if (!Number.isFinite(ordinal)) ordinal = 1;
        for (const child of Array.from(element.children)) {
          if (tagOf(child) !== 'li') {
            this.block(child, kind, group, level);
            continue;
          }
          this.flow(child, 'item', listGroup, kind === 'item' ? level + 1 : level, tag === 'ol' ? ordinal++ : null);
        }
        return;
      }
      case 'blockquote': {
        const quoteGroup = this.nextGroup++;
        this.flow(element, 'quote', quoteGroup, 0);
        return;
      }
      case 'table':
        this.table(element, group);
        return;
    }
    this.flow(element, kind, group, level);
  }

  /** Inline runs of an element become blocks of `kind`; nested blocks are walked in turn. */
  private flow(element: DomElement, kind: BlockKind, group: number, level: number, ordinal: number | null = null): void {
    let run: DomNode[] = [];
    const flush = () => {
      if (run.length > 0) this.push(kind, run, level, group, ordinal);
      // An item's later paragraphs are not new items.
      if (kind === 'item') ordinal = null;
      run = [];
    };
    for (const child of Array.from(element.childNodes)) {
      if (this.isBlock(child)) {
        flush();
        const nested = child as DomElement;
        const nestedTag = tagOf(nested);
        if (kind === 'item' && (nestedTag === 'ul' || nestedTag === 'ol')) this.block(nested, 'item', group, level);
        else if (kind === 'quote' && nestedTag !== 'blockquote') this.block(nested, 'quote', group, level);
        else if (kind === 'item' || kind === 'heading') this.block(nested, kind, group, level);
        else this.block(nested, kind === 'quote' ? 'quote' : 'paragraph', kind === 'quote' ? group : -1, 0);
      } else {
        run.push(child);
      }
    }
    flush();
  }

  private pushCode(element: DomElement, group: number): void {
    const text = (element.textContent ?? '').replace(/^\n+|\s+$/g, '');
    if (text.trim() === '') return;
    const longest = Math.max(2, longestRun(text, '`'));
    const fence = '`'.repeat(longest + 1);
    this.blocks.push({ kind: 'code', markdown: `${fence}\n${text}\n${fence}`, text: fold(text), linkChars: 0, level: 0, group, ordinal: null });
  }

  private table(table: DomElement, group: number): void {
    const rows = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
    const tableGroup = group >= 0 ? group : this.nextGroup++;
    for (const row of rows) {
      const cells = Array.from(row.children).filter((c) => tagOf(c) === 'td' || tagOf(c) === 'th');
      const parts = cells.map((cell) => {
        const inline = this.children(cell, false);
        // The escaping has made the cells' own `|` literal already.
        return { markdown: inline.markdown.replace(/\\\n/g, ' ').trim(), text: fold(inline.text), linkChars: inline.linkChars };
      });
      if (parts.every((p) => p.text === '')) continue;
      const text = parts.map((p) => p.text).join(' | ');
      this.blocks.push({
        kind: 'row',
        markdown: parts.map((p) => p.markdown).join(' | '),
        text,
        linkChars: parts.reduce((n, p) => n + p.linkChars, 0),
        level: 0,
        group: tableGroup,
        ordinal: null,
      });
    }
  }
}

/** The blocks of an article element, in reading order. */
export function toBlocks(root: DomElement, base: string | null): Block[] {
  const converter = new Converter(base, root);
  converter.block(root);
  return converter.blocks;
}

/**
 * Blocks → the body's Markdown paragraphs: a list's items, a block quote's
 * paragraphs and a table's rows join into one paragraph each.
 */
export function toParagraphs(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    switch (block.kind) {
      case 'heading':
        out.push(`${'#'.repeat(Math.min(6, Math.max(2, block.level)))} ${block.markdown.replace(/\\\n/g, ' ')}`);
        break;
      case 'paragraph':
      case 'code':
        out.push(block.markdown);
        break;
      case 'item':
      case 'quote':
      case 'row': {
        const run = [block];
        while (i + 1 < blocks.length && blocks[i + 1]!.kind === block.kind && blocks[i + 1]!.group === block.group) run.push(blocks[++i]!);
        if (block.kind === 'item') out.push(run.map(listLine).join('\n'));
        else if (block.kind === 'quote') out.push(run.map((b) => quoteLines(b.markdown)).join('\n>\n'));
        else out.push(tableLines(run));
        break;
      }
    }
  }
  return out;
}

function listLine(block: Block): string {
  const indent = '   '.repeat(block.level);
  const marker = block.ordinal !== null ? `${block.ordinal}.` : '-';
  const continuation = indent + ' '.repeat(marker.length + 1);
  return `${indent}${marker} ${block.markdown.replace(/\n/g, '\n' + continuation)}`;
}

function quoteLines(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function tableLines(rows: Block[]): string {
  const lines = rows.map((row) => `| ${row.markdown} |`);
  const columns = rows[0]!.markdown.split(/(?<!\\)\|/).length;
  lines.splice(1, 0, `|${' --- |'.repeat(columns)}`);
  return lines.join('\n');
}
