// Is the page an article? A reader asked to import a front page, a "page not
// found", a sign-in wall or an empty shell should be told so, not handed a
// list of teasers or a login form as an article. The page is looked at twice:
// before cleaning (its title, its forms, what it declares itself to be) and
// after extraction (how much story text there is, and how much of what
// Readability chose is links).
import { all, fold, isElement, tagOf, TEXT_NODE, type DomDocument, type DomElement } from './dom.js';
import { NotAnArticle } from './errors.js';
import type { Block } from './markdown.js';
import type { PageMetadata } from './metadata.js';

export interface PageSignals {
  /** The page's visible text (scripts and styles left out), folded. */
  text: string;
  /** The <title>, og:title and h1s: where an error page says what it is. */
  titles: string[];
  /** The page has a password field. */
  passwordField: boolean;
  /** The page is a site's root, or declares itself a listing (WebSite, CollectionPage, og:type website). */
  listing: boolean;
  declaresArticle: boolean;
  paywalled: boolean;
}

const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'title', 'meta', 'link']);

/** The text of an element that a reader would see: scripts, styles and templates left out; white space folded. */
export function visibleText(root: DomElement | null): string {
  if (!root) return '';
  const parts: string[] = [];
  // A stack rather than recursion: a hostile page can nest elements deeper than the call stack.
  const stack: DomElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    const children = Array.from(element.childNodes);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      if (isElement(child)) {
        if (!NOT_TEXT.has(tagOf(child))) stack.push(child);
      } else if (child.nodeType === TEXT_NODE) {
        parts.push(child.textContent ?? '');
      }
    }
  }
  return fold(parts.join(' '));
}

const LISTING_TYPES = /^(?:WebSite|CollectionPage|ItemList|SearchResultsPage|ProfilePage|Blog)$/;

export function pageSignals(document: DomDocument, metadata: PageMetadata, pageUrl: string | null): PageSignals {
  const titles = [document.querySelector('title')?.textContent, ...all(document, 'h1').map((h) => h.textContent)].map((t) => fold(t)).filter((t) => t !== '');
  let root = false;
  for (const url of [pageUrl, metadata.url]) {
    if (!url) continue;
    try {
      const parsed = new URL(url);
      if ((parsed.pathname === '/' || parsed.pathname === '') && parsed.search === '') root = true;
    } catch {
      // An address that does not parse says nothing about the page.
    }
  }
  const ogType = document.querySelector('meta[property="og:type"]')?.getAttribute('content')?.trim().toLowerCase();
  const declaresListing = metadata.declaredTypes.some((t) => LISTING_TYPES.test(t)) || ogType === 'website';
  return {
    text: visibleText(document.body),
    titles,
    passwordField: all(document, 'input[type="password" i]').length > 0,
    listing: root || (declaresListing && !metadata.declaresArticle),
    declaresArticle: metadata.declaresArticle,
    paywalled: metadata.paywalled,
  };
}

// Said of the page, not of the news: a status code standing first or beside
// "error", "page not found" and its translations. (A headline about the
// S&P 500 or a flight numbered 404 has the number alone.)
const ERROR_TITLE =
  /^(?:error\s*)?(?:404|410|500|502|503)\b|\b(?:error|erreur|fehler|errore|erro)\s*(?:404|410|500|502|503)\b|\b(?:404|410)\s*(?:error|not found)\b|\bpage (?:was )?not found\b|^not found\b|\b(?:page|article|story|content) (?:you (?:are|were) looking for )?(?:could not|couldn't|cannot|can't) be found\b|\bpage (?:does not|doesn't|no longer) exists?\b|^oops\b|^something went wrong\b|seite nicht gefunden|página no encontrada|page introuvable|pagina non trovata|página não encontrada|страница не найдена/i;
// What a wall says in place of the article; not "Already a subscriber?",
// which page headers say everywhere.
const WALL_TEXT =
  /\b(?:subscribe|sign in|log in|login|register|create (?:a |an )?(?:free )?account|become a (?:member|subscriber)) (?:now )?to (?:continue|read|keep reading|access|view|unlock)\b|\b(?:for|only for|available to|exclusive to) (?:paid )?(?:subscribers|members|registered users)(?: only)?\b|\bsubscribers only\b|\byou(?:'ve| have) reached your (?:free )?(?:article )?limit\b/i;

// A body shorter than this is no article, whatever else the page says.
const MIN_WORDS = 25;
// An error page may carry some text; an article that merely has "page not
// found" in a heading has more.
const ERROR_WORDS = 150;
// A wall shows the article's opening, a paragraph or two. News briefs run
// from about 60 words, on pages whose headers often offer "Already a
// subscriber? Sign in" and a password field: the words a wall's text (or a
// declared paywall) and a password field allow are set below them.
const WALL_WORDS = 100;
const PASSWORD_WALL_WORDS = 50;

const wordsOf = (text: string) => (text === '' ? 0 : text.split(' ').length);

function linkShare(blocks: readonly Block[]): number {
  let chars = 0;
  let linked = 0;
  for (const block of blocks) {
    chars += block.text.length;
    linked += block.linkChars;
  }
  return chars === 0 ? 0 : linked / chars;
}

/** Throws NotAnArticle when the page, as extracted, is not an article. */
export function judgePage(signals: PageSignals, chosen: readonly Block[], kept: readonly Block[]): void {
  if (signals.text === '') throw new NotAnArticle('empty');
  const words = kept.reduce((n, b) => n + wordsOf(b.text), 0);
  const errorTitle = signals.titles.find((t) => ERROR_TITLE.test(t));
  if (errorTitle && words < ERROR_WORDS) throw new NotAnArticle('error-page', JSON.stringify(errorTitle));
  if ((words < WALL_WORDS && (signals.paywalled || WALL_TEXT.test(signals.text))) || (words < PASSWORD_WALL_WORDS && signals.passwordField)) {
    throw new NotAnArticle('login-wall');
  }
  // A page that declares itself an article (JSON-LD, og:type) is taken at its
  // word. Otherwise, what Readability chose being mostly links, or many short
  // teasers and few paragraphs of story, makes it a page that lists articles.
  if (!signals.declaresArticle && chosen.length > 0) {
    const teasers = chosen.filter((b) => b.kind !== 'code' && b.kind !== 'row' && b.linkChars / Math.max(1, b.text.length) >= 0.6).length;
    const story = kept.filter((b) => b.kind === 'paragraph' && wordsOf(b.text) >= 40 && b.linkChars / Math.max(1, b.text.length) < 0.3).length;
    if (linkShare(chosen) > 0.5 || (teasers >= 5 && teasers > 2 * story) || (signals.listing && story < 3)) throw new NotAnArticle('front-page');
  }
  if (words < MIN_WORDS) throw new NotAnArticle(words === 0 ? 'empty' : 'too-short');
}
