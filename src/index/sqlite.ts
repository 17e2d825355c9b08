// better-sqlite3, loaded with its compiled addon named.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

// better-sqlite3 finds its compiled addon through the `bindings` package,
// which searches many paths; the addon's place is known, so it is named.
function nativeBinding(): string {
  const require = createRequire(__filename);
  return join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
}

/** better-sqlite3's Database, with its addon named. */
export function sqlite(): typeof Database {
  const binding = nativeBinding();
  return function (path: string, options: Database.Options = {}) {
    return new Database(path, { ...options, nativeBinding: binding });
  } as unknown as typeof Database;
}
