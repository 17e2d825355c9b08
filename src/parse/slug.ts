// An article's name, from its file's name. Kept apart from the parser so that
// commands reading the index do not load it.

/** Article files are named `<slug>.md` or `<slug>.markdown`. */
export const ARTICLE_FILE = /\.(md|markdown)$/i;

/** The slug is the file name without its extension, whatever folder it is in. */
export function slugFromPath(path: string): string {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  return base.replace(ARTICLE_FILE, '');
}
