// "Did you mean": the names nearest to one that was not found.

/** Edit distance with transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * Up to `max` names close to `wanted`: a name that contains it or starts the
 * same way, or one within a few edits, nearest first.
 */
export function nearest(wanted: string, names: readonly string[], max = 3): string[] {
  const w = wanted.toLowerCase();
  const scored: Array<[number, string]> = [];
  for (const name of names) {
    const n = name.toLowerCase();
    const distance = editDistance(w, n);
    const contains = n.includes(w) || (w.length >= 4 && w.includes(n));
    const allowed = Math.max(2, Math.floor(Math.max(w.length, n.length) / 3));
    if (contains) scored.push([Math.min(distance, 1) - 1 + distance / 100, name]);
    else if (distance <= allowed) scored.push([distance, name]);
  }
  scored.sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : 1));
  return scored.slice(0, max).map(([, name]) => name);
}
