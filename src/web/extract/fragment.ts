// A piece of HTML that is an article's text already (a feed entry's content
// or summary): no page around it to take apart, only its blocks to write as
// Markdown paragraphs. Nesting is capped as for pages (limitNesting): the
// parser's time grows with the square of the depth.
import { parseHTML } from 'linkedom';
import type { DomElement } from './dom.js';
import { limitNesting } from './extract.js';
import { toBlocks, toParagraphs } from './markdown.js';

/** The paragraphs of an HTML fragment as Markdown, links resolved against `base`. */
export function htmlToParagraphs(html: string, base: string | null): string[] {
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${limitNesting(html.replace(/\0/g, ''))}</body></html>`);
  const body = document.body as unknown as DomElement | null;
  return body === null ? [] : toParagraphs(toBlocks(body, base));
}
