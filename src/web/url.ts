// Links from pages and feeds, made absolute: only http(s) ones are kept, so
// that no document can point the reader at a file, a script or data.

/** `href` resolved against `base`, when the result is an http(s) URL; else null. */
export function absoluteUrl(href: string | null | undefined, base: string | null | undefined): string | null {
  const written = href?.trim();
  if (!written) return null;
  try {
    const url = new URL(written, base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
