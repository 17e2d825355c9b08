// Where the user's own library lives. Pure: decided from the environment.
import { isAbsolute, join } from 'node:path';
import { LibraryError } from './names.js';

/**
 * The user's library: `$XDG_DATA_HOME/news`, else `~/.local/share/news`
 * (the XDG Base Directory rules: a relative XDG_DATA_HOME is ignored).
 * Throws LibraryError when neither variable gives a place.
 */
export function userLibraryDir(env: NodeJS.ProcessEnv): string {
  const data = env.XDG_DATA_HOME;
  if (data && isAbsolute(data)) return join(data, 'news');
  const home = env.HOME;
  if (home) return join(home, '.local', 'share', 'news');
  throw new LibraryError('cannot tell where your library is: HOME is not set (set XDG_DATA_HOME or NEWS_DIR, or give --dir)');
}
