/**
 * Weighted token similarity shared by the matcher and the grouping of unmatched rows: unigrams and bigrams of
 * content tokens weighted by inverse document frequency, compared with a weighted Dice coefficient; character
 * trigrams catch what tokens miss (typos, glued words).
 */

/** Bigrams count less than words: they reward word order without making it required. */
export const BIGRAM_FACTOR = 0.6;

/** Unigrams and adjacent-token bigrams ("chu ky", "ky so") of a token list. */
export function featuresOf(tokens: readonly string[]): string[] {
  const out = new Set<string>(tokens);
  for (let i = 0; i + 1 < tokens.length; i++) out.add(`${tokens[i]} ${tokens[i + 1]}`);
  return [...out];
}

export function isBigram(feature: string): boolean {
  return feature.includes(' ');
}

/** Character trigrams of a token list, padded so that short words still count. */
export function trigramsOf(tokens: readonly string[]): Set<string> {
  const s = ` ${tokens.join(' ')} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) common++;
  return (2 * common) / (a.size + b.size);
}

/** Weighted Dice of two feature→weight maps. */
export function weightedDice(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let na = 0, nb = 0, common = 0;
  for (const w of a.values()) na += w;
  for (const [f, w] of b) { nb += w; if (a.has(f)) common += w; }
  return na + nb === 0 ? 0 : (2 * common) / (na + nb);
}

