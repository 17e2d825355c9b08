// Two article files may give the same slug (x/a.md and y/a.md, or the same
// name in the bundled articles and the user's library). One owns the slug;
// the other is a duplicate, reported as a problem and not read as an article.
// The rule, written once for `news check`, loadArticles and the index: the
// owner is the file that comes first in library order, the order in which
// listArticleFiles walks the roots.

/** Where a file stands in a library: its root's position in the list of roots, and its path inside that root. */
export interface LibraryPlace {
  root: number;
  /** The path below the root, its folders separated by "/". */
  rel: string;
}

/**
 * Library order: roots in the order given; within a root depth first, the
 * entries of each folder (files and folders alike) by name, compared by code
 * unit. Negative when `a` comes first.
 */
export function compareLibraryPlaces(a: LibraryPlace, b: LibraryPlace): number {
  if (a.root !== b.root) return a.root - b.root;
  const x = a.rel.split('/');
  const y = b.rel.split('/');
  for (let i = 0; i < x.length && i < y.length; i++) {
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length - y.length;
}

/** Of two files giving the same slug, the one that owns it: the first in library order. */
export function slugOwner<T extends LibraryPlace>(a: T, b: T): T {
  return compareLibraryPlaces(a, b) <= 0 ? a : b;
}

/** The problem reported for the file that is not the slug's owner. */
export function duplicateSlugMessage(slug: string, ownerPath: string): string {
  return `slug "${slug}" is already used by ${ownerPath}`;
}
