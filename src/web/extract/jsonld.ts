// JSON-LD (schema.org) blocks of a page → the article node and what it says.
// Pages get JSON-LD wrong in every way: several blocks, arrays of nodes, an
// @graph, nodes that refer to each other by @id, values that are a string
// here and an object or array there, and JSON that is not quite JSON (raw line
// breaks in strings, trailing commas, comment wrappers). Each is read as
// leniently as can be done without guessing.
import { decodeEntities } from '../../text/entities.js';
import { all, type DomDocument } from './dom.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  dateModified: string | null;
  authors: string[];
  publisher: string | null;
  section: string | null;
  keywords: string[];
  url: string | null;
  /** false when the node says the article is for subscribers only. */
  free: boolean | null;
}

export interface JsonLd {
  /** The page's article node, if it has one. */
  article: JsonLdArticle | null;
  /** The name of a WebSite or Organization node, for the site's name. */
  siteName: string | null;
  /** Every node type seen, without the schema.org prefix. */
  types: Set<string>;
}

const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|Review|Recipe|HowTo)$/;
const NEWS_TYPES = /NewsArticle|^Article$|^ReportageNewsArticle$/;

// A block larger than this is not metadata; parsing it would only cost time.
const MAX_BLOCK = 2_000_000;
// Nested nodes deeper than this are not the page's article.
const MAX_DEPTH = 8;

function parseLenient(raw: string): Json | undefined {
  const text = raw
    .trim()
    .replace(/^(?:\/\/\s*)?(?:\/\*\s*)?<!\[CDATA\[(?:\s*\*\/)?/, '')
    .replace(/(?:\/\/\s*|\/\*\s*)?\]\]>(?:\s*\*\/)?$/, '')
    .replace(/^<!--/, '')
    .replace(/-->$/, '')
    .trim()
    .replace(/;$/, '');
  try {
    return JSON.parse(text) as Json;
  } catch {
    // Raw control characters are white space outside strings and invalid
    // inside them, so a space is right in both places.

    const repaired = text.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1');
    try {
      return JSON.parse(repaired) as Json;
    } catch {
      try {
        // Two objects one after the other, as some templates print them.
        return JSON.parse(`[${repaired.replace(/}\s*{/g, '},{')}]`) as Json;
      } catch {
        return undefined;
      }
    }
  }
}

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^https?:\/\/schema\.org\//i, '').trim());
}

/** Every object of the blocks, nested ones included, in document order. */
function collect(value: Json | undefined, into: JsonObject[], depth: number): void {
  if (depth > MAX_DEPTH || value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into, depth + 1);
  } else if (isObject(value)) {
    into.push(value);
    for (const [key, child] of Object.entries(value)) {
      if (key !== '@context' && typeof child === 'object') collect(child, into, depth + 1);
    }
  }
}

// Templates put HTML-escaped text into JSON strings as often as not: decodeEntities.
/** Text from a JSON-LD string: entities decoded, stray tags dropped, white space folded. */
function clean(value: string): string {
  return decodeEntities(value.replace(/<[^>]*>/g, ' '))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

function firstString(value: Json | undefined): string | null {
  if (typeof value === 'string') return clean(value) || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstString(item);
      if (found) return found;
    }
  }
  if (isObject(value)) return firstString(value['@value'] ?? value['name']);
  return null;
}

export function parseJsonLd(document: DomDocument): JsonLd {
  const nodes: JsonObject[] = [];
  for (const script of all(document, 'script[type]')) {
    if (!/^\s*application\/ld\+json\s*(?:;|$)/i.test(script.getAttribute('type') ?? '')) continue;
    const raw = script.textContent ?? '';
    if (raw.length > MAX_BLOCK) continue;
    collect(parseLenient(raw), nodes, 0);
  }
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = node['@id'];
    // A reference is a node with nothing but its @id; the full node is the one to keep.
    if (typeof id === 'string' && (Object.keys(node).length > 1 || !byId.has(id))) byId.set(id, node);
  }
  const resolve = (value: Json | undefined): Json | undefined => {
    if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) return byId.get(value['@id']) ?? value;
    return value;
  };
  const names = (value: Json | undefined): string[] => {
    const list = Array.isArray(value) ? value : [value];
    const out: string[] = [];
    for (const item of list) {
      const node = resolve(item);
      const name = typeof node === 'string' ? clean(node) : isObject(node) ? firstString(node['name']) : null;
      if (name) out.push(name);
    }
    return out;
  };

  const types = new Set<string>();
  let best: JsonObject | null = null;
  let bestScore = -1;
  let siteName: string | null = null;
  for (const node of nodes) {
    const nodeTypes = typesOf(node);
    for (const t of nodeTypes) types.add(t);
    if (!siteName && nodeTypes.some((t) => t === 'WebSite' || t === 'NewsMediaOrganization')) siteName = firstString(node['name']);
    if (!nodeTypes.some((t) => ARTICLE_TYPES.test(t))) continue;
    // The article the page is about states a headline and a date; a news
    // type beats a generic one; the first such node wins a tie.
    const score = (typeof node['headline'] === 'string' ? 2 : 0) + (node['datePublished'] ? 2 : 0) + (nodeTypes.some((t) => NEWS_TYPES.test(t)) ? 1 : 0);
    if (score > bestScore) {
      best = node;
      bestScore = score;
    }
  }
  if (!siteName) {
    for (const node of nodes) {
      if (typesOf(node).includes('Organization')) {
        siteName = firstString(node['name']);
        if (siteName) break;
      }
    }
  }
  if (!best) return { article: null, siteName, types };

  const page = resolve(best['mainEntityOfPage']);
  const url = firstString(best['url']) ?? (typeof page === 'string' ? page : isObject(page) ? firstString(page['@id'] ?? page['url']) : null);
  const keywords = best['keywords'];
  const free = best['isAccessibleForFree'];
  return {
    article: {
      headline: firstString(best['headline']) ?? firstString(best['name']),
      datePublished: firstString(best['datePublished']) ?? firstString(best['dateCreated']),
      dateModified: firstString(best['dateModified']),
      authors: names(best['author'] ?? best['creator']),
      publisher: names(best['publisher'])[0] ?? null,
      section: firstString(best['articleSection']),
      keywords: (Array.isArray(keywords) ? keywords : typeof keywords === 'string' ? keywords.split(',') : [])
        .map((k) => (typeof k === 'string' ? clean(k) : ''))
        .filter((k) => k !== ''),
      url,
      free: free === false || free === 'false' || free === 'False' ? false : free === true || free === 'true' || free === 'True' ? true : null,
    },
    siteName,
    types,
  };
}
