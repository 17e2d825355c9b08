// Article file text → Article. Pure: the caller reads the file.
import matter from 'gray-matter';
import { parseDocument, visit, type Alias } from 'yaml';
import type { Article, Dateline, Problem } from '../model.js';
import { detectDateline, parseDatelineText } from './dateline.js';
import { markdownToParagraphs } from './markdown.js';
import { extractQuotes } from './quotes/extract.js';
import { slugFromPath } from './slug.js';
import { collapseSpace } from '../text/space.js';

export { slugFromPath };

/** An article file that cannot be read as an article; `problem` locates why. */
export class ArticleError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.path}:${problem.line}: ${problem.message}`);
    this.name = 'ArticleError';
  }
}

/** A YAML error and the line of the file it is on. */
class FrontMatterYamlError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * Reads front matter as data: YAML 1.2's core schema knows only strings,
 * numbers, booleans, null, lists and mappings, so a date stays the text
 * written and no tag can make a JavaScript type; a tag it does not know is an
 * error. `<<` merge keys still work, as front matter written for YAML 1.1
 * expects.
 */
export function frontMatterYaml(text: string): unknown {
  const doc = parseDocument(text, { schema: 'core', merge: true, uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  // gray-matter hands over the text from the end of the opening `---`, so
  // line N of the text is line N of the file.
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem !== undefined) throw new FrontMatterYamlError(problem.message, lineAt(problem.pos[0]));
  try {
    return doc.toJS();
  } catch (error) {
    // Aliases are resolved only here, and the error does not say where: the
    // first that names no earlier anchor, or else the first (too many aliases).
    const aliases: Alias[] = [];
    visit(doc, { Alias: (_, alias) => void aliases.push(alias) });
    const alias = aliases.find((a) => a.resolve(doc) === undefined) ?? aliases[0];
    throw new FrontMatterYamlError((error as Error).message, alias?.range ? lineAt(alias.range[0]) : 1);
  }
}

// Front matter is data, so only YAML is read: gray-matter would otherwise
// evaluate `---js` front matter as code.
const refuse = (language: string) => () => {
  throw new FrontMatterLanguageError(language);
};
class FrontMatterLanguageError extends Error {}
const matterOptions = (closing: string) => ({
  language: 'yaml',
  // The closing line readArticle found, `---` or `...`.
  delimiters: ['---', closing] as [string, string],
  engines: {
    // Lists and scalars are refused once parsed, as not "key: value" lines.
    yaml: { parse: (text: string) => frontMatterYaml(text) as object },
    js: refuse('js'),
    javascript: refuse('javascript'),
    coffee: refuse('coffee'),
    json: refuse('json'),
  },
});

/**
 * A front matter line that is a key and a double-quoted text using only the
 * escapes YAML and JSON share, and no character YAML would not print as it
 * is; or a key and a hash of 32 hexadecimal digits (as `news import` writes
 * both).
 */
const SIMPLE_LINE = /^([A-Za-z][\w-]*): (?:"((?:[^"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*)"|([0-9a-f]{32}))$/;
/** Plain words the core schema reads as something other than text. */
const NOT_TEXT_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
/** Hexadecimal digits the core schema reads as a number. */
const NUMBER = /^[0-9]+(?:e[0-9]+)?$/;

/**
 * Front matter of such lines only, closed by a bare `---`, read without
 * gray-matter and the YAML parser: what they would give (the tests hold them
 * to it), at a fraction of the cost, for the form nearly every article has.
 * Null for anything else, which they read.
 */
export function simpleFrontMatter(lines: readonly string[], close: number): { data: Record<string, unknown>; content: string } | null {
  if (close < 2 || lines[close] !== '---') return null;
  const data: Record<string, unknown> = {};
  for (let i = 1; i < close; i++) {
    const m = SIMPLE_LINE.exec(lines[i]!);
    if (m === null || NOT_TEXT_KEY.test(m[1]!) || Object.hasOwn(data, m[1]!)) return null;
    const plain = m[3];
    if (plain !== undefined && NUMBER.test(plain)) return null;
    data[m[1]!] = plain ?? (JSON.parse(`"${m[2]}"`) as string);
  }
  return { data, content: lines.slice(close + 1).join('\n') };
}

/** Front matter read by gray-matter, closed by `closing`, the line readArticle found. */
export function frontMatter(source: string, closing: string): { data: Record<string, unknown>; content: string } {
  const parsed = matter(source, matterOptions(closing.startsWith('...') ? '...' : '---'));
  return { data: (parsed.data ?? {}) as Record<string, unknown>, content: parsed.content };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function validIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return false;
  return m[4] === undefined || (Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6] ?? 0) < 60);
}

interface Context {
  path: string;
  lines: string[];
  problems: Problem[];
}

function keyLine(ctx: Context, key: string, frontMatterEnd: number): number {
  const pattern = new RegExp(`^${key}\\s*:`);
  for (let i = 1; i < frontMatterEnd; i++) if (pattern.test(ctx.lines[i] ?? '')) return i + 1;
  return 1;
}

/**
 * Reads an article file: YAML front matter (title required; section, source,
 * author, date, dateline, url, tags where known) and a Markdown body. Returns
 * the article and every problem found; the article is null when a problem
 * leaves it unreadable.
 */
export function readArticle(text: string, path: string): { article: Article | null; problems: Problem[] } {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const ctx: Context = { path, lines: source.split('\n'), problems: [] };
  const fail = (line: number, message: string) => {
    ctx.problems.push({ path, line, message });
  };

  if (source.trim() === '') {
    fail(1, 'empty file: an article needs front matter with a title');
    return { article: null, problems: ctx.problems };
  }
  if (source.includes('\0')) {
    fail(1, 'binary file (NUL bytes): not an article');
    return { article: null, problems: ctx.problems };
  }
  if (!/^---[ \t]*$/.test(ctx.lines[0] ?? '')) {
    fail(1, 'no front matter: an article starts with a line "---", then "title: ..." and a closing "---"');
    return { article: null, problems: ctx.problems };
  }
  const close = ctx.lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(line));
  if (close < 0) {
    fail(1, 'front matter opened on line 1 is never closed with "---"');
    return { article: null, problems: ctx.problems };
  }

  let data: Record<string, unknown>;
  let content: string;
  try {
    ({ data, content } = simpleFrontMatter(ctx.lines, close) ?? frontMatter(source, ctx.lines[close]!));
  } catch (error) {
    if (error instanceof FrontMatterLanguageError) {
      fail(1, `front matter in ${error.message || 'another language'} is not read: use YAML`);
    } else {
      // Anything else gray-matter might throw has no line.
      const line = error instanceof FrontMatterYamlError ? error.line : 1;
      fail(line, `invalid YAML in front matter: ${(error as Error).message}`);
    }
    return { article: null, problems: ctx.problems };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    fail(2, 'front matter is not a set of "key: value" lines');
    return { article: null, problems: ctx.problems };
  }

  const line = (key: string) => keyLine(ctx, key, close);
  const text1 = (key: string): string | null => {
    const value = data[key];
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    fail(line(key), `${key} must be text, not ${Array.isArray(value) ? 'a list' : typeof value}`);
    return null;
  };

  let headline: string | null = null;
  const title = data.title;
  if (title === undefined || title === null || title === '') {
    fail(title === undefined ? 1 : line('title'), 'no title: front matter needs "title: ..."');
  } else if (typeof title !== 'string') {
    fail(line('title'), `title must be text, not ${Array.isArray(title) ? 'a list' : typeof title}`);
  } else if (title.trim() === '') {
    fail(line('title'), 'title is empty');
  } else {
    headline = collapseSpace(title);
  }

  let date: string | null = null;
  const rawDate = data.date;
  if (rawDate !== null && typeof rawDate === 'object') {
    // A mapping may hold keys such as toString that String() would call.
    fail(line('date'), `date must be an ISO 8601 date (YYYY-MM-DD), not ${Array.isArray(rawDate) ? 'a list' : 'a mapping'}`);
  } else if (rawDate !== undefined && rawDate !== null && rawDate !== '') {
    const value = String(rawDate).trim();
    if (validIsoDate(value)) date = value;
    else fail(line('date'), `date "${value}" is not an ISO 8601 date (YYYY-MM-DD)`);
  }

  let author: string | null = null;
  if (Array.isArray(data.author) && data.author.every((a) => typeof a === 'string')) {
    author =
      data.author
        .map((a: string) => a.trim())
        .filter(Boolean)
        .join(', ') || null;
  } else {
    author = text1('author');
  }

  let tags: string[] = [];
  const rawTags = data.tags;
  if (typeof rawTags === 'string') {
    tags = rawTags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
  } else if (Array.isArray(rawTags) && rawTags.every((t) => typeof t === 'string' || typeof t === 'number')) {
    tags = rawTags.map((t) => String(t).trim()).filter(Boolean);
  } else if (rawTags !== undefined && rawTags !== null) {
    fail(line('tags'), 'tags must be a list of words');
  }

  let dateline: Dateline | null = null;
  const rawDateline = data.dateline;
  if (typeof rawDateline === 'string' && rawDateline.trim() !== '') {
    dateline = parseDatelineText(rawDateline);
  } else if (rawDateline && typeof rawDateline === 'object' && !Array.isArray(rawDateline)) {
    const d = rawDateline as Record<string, unknown>;
    if (typeof d.place === 'string' && d.place.trim() !== '') {
      const opt = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
      dateline = { place: d.place.trim(), date: opt(d.date), agency: opt(d.agency) };
    } else {
      fail(line('dateline'), 'dateline needs a place');
    }
  } else if (rawDateline !== undefined && rawDateline !== null) {
    fail(line('dateline'), 'dateline must be text such as "LONDON (Reuters)" or {place, date, agency}');
  }

  const section = text1('section');
  const sourceName = text1('source');
  const url = text1('url');

  if (headline === null || ctx.problems.length > 0) return { article: null, problems: ctx.problems };

  const body = markdownToParagraphs(content);
  const found = body.length > 0 ? detectDateline(body[0]!) : null;
  if (found && (dateline === null || samePlace(dateline, found.dateline))) {
    // Detected, or the front matter's own dateline opening the body again: taken out of the body either way.
    dateline ??= found.dateline;
    body[0] = found.rest;
  }

  const article: Article = {
    slug: slugFromPath(path),
    headline,
    section,
    source: sourceName,
    author,
    date,
    dateline,
    url,
    tags,
    body,
    quotes: extractQuotes(body),
    path,
  };
  return { article, problems: [] };
}

/** Parses an article file; throws ArticleError naming the first problem. */
export function parseArticle(text: string, path: string): Article {
  const { article, problems } = readArticle(text, path);
  if (!article) throw new ArticleError(problems[0] ?? { path, line: 1, message: 'not an article' });
  return article;
}

/**
 * Whether two datelines name one place, as a reader sees it: case and
 * punctuation aside, and a front matter dateline written as free text
 * ("Harbourton (Wire)") read whole.
 */
function samePlace(a: Dateline, b: Dateline): boolean {
  const key = (...parts: Array<string | null>): string =>
    parts
      .filter((p) => p !== null)
      .join(' ')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return key(a.place) === key(b.place) || key(a.place, a.date, a.agency) === key(b.place, b.date, b.agency);
}
