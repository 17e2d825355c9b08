// Boilerplate removal around Readability.
//
// Readability finds the article's container well (its recall on news pages is
// about 0.98) but keeps what sits inside it: share bars, newsletter boxes,
// captions and credits, related links, bylines, author bios, comment counts.
// Two passes remove them. Before Readability, elements are dropped by what
// their class, id, role or tag name them (nav, share, newsletter, related,
// caption…), unless they hold much of the page's prose, which a boilerplate
// box never does. After it, blocks are dropped by what they say and how they
// are linked: "Read more: …", "(Image credit: …)", "Sign up for …", a list
// whose every item is a link, byline and date lines.
import { dayInWords } from '../dates.js';
import { all, fold, isElement, tagOf, TEXT_NODE, textOf, type DomDocument, type DomElement } from './dom.js';
import type { Block } from './markdown.js';
import type { PageMetadata } from './metadata.js';

// Words of class and id names that mark boilerplate. Names are cut into
// words at hyphens, underscores and lower-to-upper case changes, so "share"
// matches "article-share" and "shareBar" but never "sharepoint-news".
const BOILERPLATE_WORDS = new Set(
  [
    'share shares sharing sharebar sharetools addthis sharethis social socials sociallinks',
    'newsletter newsletters subscribe subscription signup optin paywall regwall piano',
    'related recommended recommendation recommendations recirc recirculation trending popular mostread mostpopular',
    'readmore readnext alsoread outbrain taboola teaser teasers promo promos promotion',
    'comment comments disqus discussion',
    'cookie cookies consent gdpr cmp',
    'ad ads adv advert adverts advertisement advertising adslot adunit adsbygoogle dfp sponsor sponsored',
    'breadcrumb breadcrumbs nav navbar navigation menu pagination pager skiplink toolbar tools',
    'caption captions figcaption credit credits',
    // hover cards, pop-ups and hidden text
    'rollover tooltip popover hovercard modal popup overlay lightbox hidden hide invisible',
    // the page's frame
    'sidebar rail masthead footer copyright print',
    // who wrote it and when: the metadata holds them
    'byline bio dateline timestamp',
    'tags topics keywords',
  ]
    .join(' ')
    .split(' '),
);
// Names of two or more words: matched on the whole name.
const BOILERPLATE_NAMES =
  /(?:^|-)(?:read-more|read-next|more-from|more-stories|more-news|sign-up|opt-in|most-read|most-popular|you-may-like|sr-only|screen-reader|visually-hidden|about-the-author|author-info|author-bio|social-links|share-tools|ad-slot|ad-container|ad-wrapper|related-(?:links|stories|articles|content))(?:-|$)/;

const BOILERPLATE_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'figcaption', 'button', 'select', 'textarea', 'dialog', 'menu']);
const BOILERPLATE_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'search', 'dialog', 'alertdialog', 'banner', 'menu', 'menubar', 'tooltip']);

/** A class or id name in words: "articleShare_bar--top" → "article-share-bar-top". */
function nameWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function namedBoilerplate(element: DomElement): boolean {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.trim();
  if (names === '') return false;
  for (const name of names.split(/\s+/)) {
    const words = nameWords(name);
    if (words === '') continue;
    if (BOILERPLATE_NAMES.test(words)) return true;
    for (const word of words.split('-')) if (BOILERPLATE_WORDS.has(word)) return true;
  }
  return false;
}

function hidden(element: DomElement): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

// Prose is text in runs of several words: paragraphs, whether the page
// writes them in <p> or between <br>s; menus, buttons and link lists are
// short runs.
const PROSE_WORDS = 8;
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'textarea']);

/** The prose inside each element, in characters, counted in one walk of the tree. */
function proseLengths(root: DomElement): Map<DomElement, number> {
  const lengths = new Map<DomElement, number>();
  const walk = (element: DomElement): number => {
    let length = 0;
    for (const child of Array.from(element.childNodes)) {
      if (isElement(child)) {
        const counted = walk(child);
        // A link's words are a teaser's or a menu's, never the story's prose.
        if (!NOT_TEXT.has(tagOf(child)) && tagOf(child) !== 'a') length += counted;
      } else if (child.nodeType === TEXT_NODE) {
        const text = fold(child.textContent);
        if (text.split(' ').length >= PROSE_WORDS) length += text.length;
      }
    }
    lengths.set(element, length);
    return length;
  };
  walk(root);
  return lengths;
}

// Prose-rich elements are the article, whatever their names say
// ("article-body has-share-bar", a blog template's "widget"): a box of
// boilerplate holds little of the page's prose.
const MAX_SHARE_OF_PROSE = 0.3;

/** Removes the elements that name themselves boilerplate, before Readability chooses the article. */
export function cleanDocument(document: DomDocument): void {
  const body = document.body;
  if (!body) return;
  const prose = proseLengths(body);
  const total = prose.get(body) ?? 0;
  const candidates: DomElement[] = [];
  for (const element of all(body, '*')) {
    const tag = tagOf(element);
    if (tag === 'html' || tag === 'body' || tag === 'main') continue;
    const role = element.getAttribute('role');
    if (BOILERPLATE_TAGS.has(tag) || (role !== null && BOILERPLATE_ROLES.has(role.trim().toLowerCase())) || hidden(element) || namedBoilerplate(element)) {
      candidates.push(element);
    }
  }
  for (const element of candidates) {
    // Already gone with an ancestor.
    if (!body.contains(element)) continue;
    if (total > 0 && (prose.get(element) ?? 0) > total * MAX_SHARE_OF_PROSE) continue;
    element.remove();
  }
}

/**
 * After Readability: a container that holds several top-level <article>
 * elements is a page of posts (the article, then others "you may also like");
 * only the first with a body of its own is the page's.
 */
export function keepFirstArticle(content: DomElement): void {
  const articles = all(content, 'article').filter((a) => {
    const outer = a.parentElement?.closest('article');
    return !outer || !content.contains(outer);
  });
  if (articles.length < 2) return;
  const main = articles.find((a) => textOf(a).split(' ').length >= 50);
  if (!main) return;
  for (const other of articles) {
    if (other === main) continue;
    // Its nested articles go with it; a main article nested in another is kept.
    if (!other.contains(main)) other.remove();
  }
}

const wordCount = (text: string) => (text === '' ? 0 : text.split(' ').length);

// Lines that are never the article's words, whatever their length allows.
const CAPTION =
  /^\(?(?:image|images|photo|photos|photograph|picture|pictures|video|graphic|illustration|credit|source|foto|fotos|фото|imagem|immagine)(?:\s+credit)?s?\s*[:©|]|^\(?(?:©|ⓒ|copyright\b)|^(?:credit|courtesy)\b/i;
const COUNTER = /^(?:image|photo|slide|picture)?\s*\d+\s*(?:of|\/|out of)\s*\/?\s*\d+$|^\d+of\d+/i;
const LEAD_IN =
  /^(?:related|read more|read also|see also|also read|more|recommended|read next|watch|listen|more from|also see|click here|leggi anche|lesen sie auch|veja também|leia também|читайте также|смотрите также)\b/i;
// Calls to action, in the words pages use for them; a short block holding
// one is a promotion, not reporting.
const PROMOTION =
  /\b(?:sign up (?:for|to|here|now|today)|subscribe (?:to|now|today|here)|(?:our|free|daily|weekly) newsletters?\b|follow us\b|follow (?:him|her|them|me) (?:on|at)\b|join (?:our|us on)\b|click here|download (?:the|our) app|(?:in|to) your inbox)/i;
const LONE_WORDS =
  /^(?:advertisement|advert|ad|ads|sponsored|comments?|post comment.*|share|share this(?: article| story)?|print|email|tweet|pin|close|caption|next|previous|loading\.*|tags?:?.*|filed under:?.*|topics?:?.*)$/i;
// A share bar's words: the networks' names and the actions.
const SHARE_WORDS =
  /^(?:(?:share|shares|tweet|email|e-mail|mail|print|save|copy link|link|whatsapp|facebook|twitter|pinterest|pin|pint|linkedin|reddit|telegram|messenger|flipboard|tumblr|vk|sms|comment|comments|download|baixar|compartir|partager|teilen|condividi|compartilhe)\b[\s\W\d]*)+$/i;
// The wire services' closing credit: "(Reporting by …; Editing by …)".
const WIRE_CREDIT = /^\(?(?:(?:additional )?reporting|writing|editing|compiled|edited|written) by\b/i;
// A heading that introduces links to other stories.
const LINKS_HEADING =
  /^(?:more|related|recommended|read (?:more|next|also)|you (?:may|might) (?:also )?(?:like|enjoy)|popular|most (?:read|popular|viewed|shared)|latest|trending|top stories|see also|further reading|also on|editor'?s picks)\b/i;
// "By Jane Doe", "Updated: 5:04 PM", "Published on …"; in other languages
// the word for "by" also starts sentences ("Di Maio said"), so there only a
// short line without a full stop is a byline.
const BYLINE =
  /^(?:(?:written |reported )?by\s+\p{Lu}|(?:posted|published|updated|first published|last updated|last modified)\b\s*(?::|on\b|at\b|\d|\p{Lu}))/iu;
const FOREIGN_BYLINE = /^(?:von|par|por|di|door|av|af)\s+\p{Lu}/u;
// What is left of a date line without its date and time: a word or two.
const DATE_WORDS =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?|\b\d+(?:st|nd|rd|th)?\b|\b[ap]\.?m\.?(?=\s|$)|\b(?:[ecmp][sd]?t|gmt|utc|bst|cet|cest|ist|aest)\b|\b(?:at|on|updated|published|posted|last|first|modified|time|date)\b|[^\p{L}\s]/giu;

// A caption's credit at its end: "…, photos © Name, 2018".
const TRAILING_CREDIT = /\b(?:photos?|images?|pictures?|fotos?|credits?)\s*(?::\s*)?[©ⓒ]/i;

function isCredit(text: string): boolean {
  // "Photo: Name, AP", "© Name", "(Image credit: …)", "Courtesy of …"
  return (CAPTION.test(text) || TRAILING_CREDIT.test(text)) && wordCount(text) <= 30;
}

function linkShare(block: Block): number {
  return block.text.length === 0 ? 0 : block.linkChars / block.text.length;
}

/** A line naming people or the date (a byline, "Updated 1:39 am …") rather than telling the story. */
function isBylineOrDate(block: Block, metadata: PageMetadata): boolean {
  const text = block.text;
  const words = wordCount(text);
  // A quoted post signs off with its author and day ("— Name (@name) May 5, 2019"): part of the quotation.
  if (words > 20 || block.kind === 'quote') return false;
  const sentence = /[.!?]["”’]?$/.test(text);
  if (BYLINE.test(text) && (words <= 6 || !sentence)) return true;
  if (FOREIGN_BYLINE.test(text) && words <= 5 && !sentence) return true;
  if (words <= 12 && dayInWords(text) !== null && wordCount(fold(text.replace(DATE_WORDS, ' '))) <= 2) return true;
  const lower = text.toLowerCase();
  return metadata.authors.some((a) => lower === a.toLowerCase() || (words <= 8 && lower.startsWith(a.toLowerCase())));
}

function dropBlock(block: Block, metadata: PageMetadata): boolean {
  const text = block.text;
  const words = wordCount(text);
  if (LONE_WORDS.test(text) && words <= 4) return true;
  if (words <= 12 && SHARE_WORDS.test(text)) return true;
  if (isCredit(text)) return true;
  if (COUNTER.test(text)) return true;
  if (block.kind !== 'code' && words <= 40 && PROMOTION.test(text)) return true;
  if (words <= 25 && LEAD_IN.test(text) && (linkShare(block) > 0.3 || /^[^:]{1,30}:/.test(text))) return true;
  if (words <= 60 && WIRE_CREDIT.test(text)) return true;
  if (metadata.headline && text.toLowerCase() === metadata.headline.toLowerCase()) return true;
  return false;
}

/** Drops lists whose every item is a link: the related stories a page puts after or inside its text. */
function dropLinkLists(blocks: Block[]): Block[] {
  const linked = new Map<number, boolean>();
  for (const block of blocks) {
    if (block.kind !== 'item' || block.group < 0) continue;
    const isLink = linkShare(block) >= 0.8;
    linked.set(block.group, (linked.get(block.group) ?? true) && isLink);
  }
  return blocks.filter((b) => !(b.kind === 'item' && linked.get(b.group) === true));
}

/** Drops a heading such as "More stories" or "Related" with the list that follows it. */
function dropIntroducedLists(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    const introduces =
      (block.kind === 'heading' || (block.kind === 'paragraph' && wordCount(block.text) <= 6)) && LINKS_HEADING.test(block.text) && next?.kind === 'item';
    if (!introduces) {
      out.push(block);
      continue;
    }
    while (blocks[i + 1]?.kind === 'item' && blocks[i + 1]!.group === next.group) i++;
  }
  return out;
}

/** The article's blocks without the boilerplate Readability kept. */
export function cleanBlocks(blocks: Block[], metadata: PageMetadata): Block[] {
  return dropLinkLists(dropIntroducedLists(blocks)).filter(
    (b) =>
      !dropBlock(b, metadata) &&
      // A paragraph that is only a short link is a teaser for another story.
      !(b.kind === 'paragraph' && linkShare(b) >= 0.9 && wordCount(b.text) <= 20) &&
      !(b.kind !== 'heading' && wordCount(b.text) <= 12 && isBylineOrDate(b, metadata)),
  );
}
