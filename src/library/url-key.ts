// The form of a URL by which the library tells articles apart: one article
// a URL, whether it came from a feed, a page or an import, and the key its
// read state is kept by.

/** A URL without its fragment, host in lower case (as URL writes it); null for what is not an http(s) URL. */
export function urlKey(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}
