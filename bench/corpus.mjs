// What the benchmarks share: the raw articles of a corpus folder, for those
// that build libraries from them, their command line, medians, and their
// sections of bench/RESULTS.md.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

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

/**
 * A benchmark's command line: `flag(name, fallback)` gives the value after
 * `--name`; `corpus` is the one argument that is no flag's or its value
 * (`../shared/corpus` beside the project by default).
 */
export function benchArgs(args, root) {
  const flag = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : fallback;
  };
  const corpus = resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? join(root, '..', 'shared', 'corpus'));
  return { flag, corpus };
}

/** The median of some numbers (the mean of the middle two of an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Replaces the section of bench/RESULTS.md (below `root`) whose heading is
 * `heading` (to the next heading of its level or above) with `section`, or
 * appends it.
 */
export function writeSection(root, heading, section) {
  const file = join(root, 'bench', 'RESULTS.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0) {
    writeFileSync(file, `${text.replace(/\n*$/, '')}\n\n${section}\n`);
    return;
  }
  let end = lines.findIndex((l, i) => i > start && /^#{1,2} /.test(l));
  if (end < 0) end = lines.length;
  const before = lines.slice(0, start).join('\n').replace(/\n*$/, '');
  const after = lines.slice(end).join('\n');
  writeFileSync(file, `${before}\n\n${section}\n${after ? `\n${after}` : ''}`);
}
