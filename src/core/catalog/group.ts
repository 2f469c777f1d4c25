/**
 * Rows that match no catalog indicator are not dropped: rows worded alike (across communes) are grouped so a
 * province sees "Kinh phí chuyển đổi số" once, with every commune that reported it.
 */
import { fold } from '../text/fold';
import { nameTokens } from './normalize';
import { BIGRAM_FACTOR, dice, featuresOf, isBigram, trigramsOf } from './similarity';

export interface UnmatchedRow {
  readonly name: string;
  readonly unit?: string | null;
}

export interface UnmatchedGroup {
  /** Stable key derived from the wording, prefixed "unmatched:" so it never collides with a catalog id. */
  readonly key: string;
  /** The most frequent wording among the members. */
  readonly name: string;
  readonly unit: string | null;
  /** Indices into the rows given. */
  readonly members: readonly number[];
}

/** Two rows this similar are taken as the same unlisted indicator. */
export const GROUP_THRESHOLD = 0.6;

interface Draft {
  readonly weights: Map<string, number>;
  readonly norm: number;
  readonly trigrams: ReadonlySet<string>;
  readonly members: number[];
}

function slug(tokens: readonly string[], name: string): string {
  const words = tokens.length > 0 ? tokens : fold(name).split(/[^a-z0-9]+/).filter(Boolean);
  return words.slice(0, 8).join('_') || 'row';
}

export function groupUnmatched(rows: readonly UnmatchedRow[]): UnmatchedGroup[] {
  const tokenLists = rows.map(r => nameTokens(r.name));
  // Weights from how many rows use a feature: words every row shares (e.g. "số") tell little.
  const df = new Map<string, number>();
  for (const tokens of tokenLists) for (const f of featuresOf(tokens)) df.set(f, (df.get(f) ?? 0) + 1);
  const n = Math.max(rows.length, 1);
  const weightOf = (f: string): number => Math.log(1 + (n + 1) / (df.get(f) ?? 1)) * (isBigram(f) ? BIGRAM_FACTOR : 1);

  const drafts: Draft[] = [];
  const byText = new Map<string, Draft>();
  tokenLists.forEach((tokens, i) => {
    const text = tokens.length > 0 ? tokens.join(' ') : `\u0000${fold(rows[i]?.name ?? '')}`;
    const same = byText.get(text);
    if (same) { same.members.push(i); return; }
    const weights = new Map(featuresOf(tokens).map(f => [f, weightOf(f)] as const));
    let norm = 0;
    for (const w of weights.values()) norm += w;
    const trigrams = trigramsOf(tokens.length > 0 ? tokens : [fold(rows[i]?.name ?? '')]);
    let best: Draft | null = null;
    let bestScore = 0;
    for (const d of drafts) {
      let common = 0;
      for (const [f, w] of weights) if (d.weights.has(f)) common += w;
      const tokenScore = norm + d.norm > 0 ? (2 * common) / (norm + d.norm) : 0;
      const score = 0.85 * tokenScore + 0.15 * dice(trigrams, d.trigrams);
      if (score > bestScore) { best = d; bestScore = score; }
    }
    if (best && bestScore >= GROUP_THRESHOLD) {
      best.members.push(i);
      byText.set(text, best);
      return;
    }
    const draft: Draft = { weights, norm, trigrams, members: [i] };
    drafts.push(draft);
    byText.set(text, draft);
  });

  const used = new Set<string>();
  return drafts.map(d => {
    const counts = new Map<string, number>();
    for (const i of d.members) {
      const name = rows[i]?.name.trim() ?? '';
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    let name = '';
    let top = 0;
    for (const [k, c] of counts) if (c > top) { name = k; top = c; }
    const first = d.members[0] ?? 0;
    let key = `unmatched:${slug(tokenLists[first] ?? [], name)}`;
    for (let k = 2; used.has(key); k++) key = `unmatched:${slug(tokenLists[first] ?? [], name)}_${k}`;
    used.add(key);
    const unit = d.members.map(i => rows[i]?.unit).find((u): u is string => typeof u === 'string' && u.trim() !== '') ?? null;
    return { key, name, unit, members: d.members };
  });
}
