// The raw articles of a corpus folder, for the benchmarks that build
// libraries from them.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every .txt file below `dir`, in name order, folder by folder. */
export function rawFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.txt')) out.push(path);
    }
  };
  walk(dir);
  return out;
}
