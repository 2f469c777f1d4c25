/**
 * Levenshtein distance between two sequences (the characters of a word, or the tokens of a formula), capped: the
 * work stops once every path exceeds `max`, and the answer is then `max` + 1.
 */
export function editDistance(a: string | readonly string[], b: string | readonly string[], max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return Math.min(prev[b.length] ?? max + 1, max + 1);
}
