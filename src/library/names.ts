// What names a library's articles, and what it refuses: kept apart from file
// reading so that commands reading the index load neither it nor the parser.

export { ARTICLE_FILE } from '../parse/slug.js';

/** A library that cannot be read at all, or a slug that is not a name. */
export class LibraryError extends Error {
  override name = 'LibraryError';
}

/** Rejects slugs that could name a file outside the library. */
export function assertSlug(slug: string): void {
  if (slug === '' || /[/\\\0]/.test(slug) || slug === '.' || slug === '..' || /[\u0000-\u001f]/.test(slug)) {
    throw new LibraryError(`not an article name: ${JSON.stringify(slug)} (names have no "/", "\\" or control characters)`);
  }
}
