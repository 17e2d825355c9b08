// The few DOM members the extractor uses, typed here: the project compiles
// without the DOM library (it is a command-line program), and linkedom's own
// declarations lean on it.

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly parentNode: DomNode | null;
  readonly parentElement: DomElement | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly nextSibling: DomNode | null;
  readonly previousSibling: DomNode | null;
  textContent: string | null;
  remove(): void;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly localName: string;
  readonly children: ArrayLike<DomElement>;
  readonly firstElementChild: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  readonly previousElementSibling: DomElement | null;
  id: string;
  className: string;
  innerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  removeAttribute(name: string): void;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  closest(selectors: string): DomElement | null;
  contains(node: DomNode | null): boolean;
  appendChild(node: DomNode): DomNode;
  insertBefore(node: DomNode, before: DomNode | null): DomNode;
  replaceWith(...nodes: DomNode[]): void;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly head: DomElement | null;
  readonly body: DomElement | null;
  title: string;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  createElement(tagName: string): DomElement;
  createTextNode(text: string): DomNode;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export const isElement = (node: DomNode | null | undefined): node is DomElement => node?.nodeType === ELEMENT_NODE;

/** An element's tag name in lower case. */
export const tagOf = (element: DomElement): string => element.localName?.toLowerCase() ?? element.tagName.toLowerCase();

/** The elements matching a selector, as an array that stays put while they are removed. */
export function all(root: DomElement | DomDocument, selectors: string): DomElement[] {
  return Array.from(root.querySelectorAll(selectors));
}

/** Text with its runs of white space (no-break spaces included) folded to single spaces. */
export const fold = (text: string | null | undefined): string => (text ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();

/** An element's text, white space folded. */
export const textOf = (node: DomNode | null | undefined): string => fold(node?.textContent);
