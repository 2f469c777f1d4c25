/**
 * A search index over the catalog, built once per catalog object: IDF weights over the catalog vocabulary,
 * an inverted index from features to aliases, trigram sets and a deletion index for one-typo corrections.
 */
import type { Catalog, CatalogIndicator, CatalogSection } from './catalog';
import { GENERATION, nameTokens, unitClass, unitTokens, type UnitClass } from './normalize';
import { BIGRAM_FACTOR, featuresOf, isBigram, trigramsOf } from './similarity';

export interface AliasDoc {
  readonly entry: number;
  readonly tokens: readonly string[];
  readonly weights: ReadonlyMap<string, number>;
  readonly norm: number;
  readonly trigrams: ReadonlySet<string>;
}

export interface CatalogIndex {
  readonly catalog: Catalog;
  readonly entries: readonly CatalogIndicator[];
  readonly aliases: readonly AliasDoc[];
  readonly postings: ReadonlyMap<string, readonly number[]>;
  readonly idf: ReadonlyMap<string, number>;
  readonly unknownWeight: number;
  readonly vocabulary: ReadonlySet<string>;
  /** Deletion variants of vocabulary words of 4+ letters → the words. */
  readonly deletions: ReadonlyMap<string, readonly string[]>;
  readonly tokenDf: ReadonlyMap<string, number>;
  readonly entryGenerations: readonly ReadonlySet<string>[];
  readonly entryUnit: readonly (UnitClass | null)[];
  readonly entryUnitTokens: readonly ReadonlySet<string>[];
  readonly entrySection: readonly CatalogSection[];
  /** Exact content-token strings of every alias → entry, for the fast path. */
  readonly exact: ReadonlyMap<string, number>;
  /** Results by input key; matching the same wording in 3,000 communes costs one search. */
  readonly cache: Map<string, unknown>;
}

const indexes = new WeakMap<Catalog, CatalogIndex>();

function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

export function weightOf(feature: string, idf: ReadonlyMap<string, number>, unknown: number): number {
  const base = idf.get(feature) ?? unknown;
  return isBigram(feature) ? base * BIGRAM_FACTOR : base;
}

export function buildIndex(catalog: Catalog): CatalogIndex {
  const entries = catalog.indicators;
  const n = entries.length;
  const entryTokens = entries.map(e => [e.name, ...e.aliases].map(nameTokens).filter(t => t.length > 0));
  const df = new Map<string, number>();
  const tokenDf = new Map<string, number>();
  for (const lists of entryTokens) {
    const feats = new Set(lists.flatMap(featuresOf));
    for (const f of feats) df.set(f, (df.get(f) ?? 0) + 1);
    for (const t of new Set(lists.flat())) tokenDf.set(t, (tokenDf.get(t) ?? 0) + 1);
  }
  const idf = new Map<string, number>();
  for (const [f, d] of df) idf.set(f, Math.log(1 + n / d));
  // A word the catalog never uses is informative, but may be a typo or a commune's own filler.
  const unknownWeight = Math.log(1 + n) * 0.7;

  const aliases: AliasDoc[] = [];
  const postings = new Map<string, number[]>();
  const exact = new Map<string, number>();
  entryTokens.forEach((lists, entry) => {
    const seen = new Set<string>();
    for (const tokens of lists) {
      const key = tokens.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      if (!exact.has(key)) exact.set(key, entry);
      const weights = new Map<string, number>();
      for (const f of featuresOf(tokens)) weights.set(f, weightOf(f, idf, unknownWeight));
      let norm = 0;
      for (const w of weights.values()) norm += w;
      const id = aliases.length;
      aliases.push({ entry, tokens, weights, norm, trigrams: trigramsOf(tokens) });
      for (const f of weights.keys()) {
        const list = postings.get(f);
        if (list) list.push(id); else postings.set(f, [id]);
      }
    }
  });

  const vocabulary = new Set(tokenDf.keys());
  const deletions = new Map<string, string[]>();
  for (const w of vocabulary) {
    if (w.length < 4) continue;
    for (const d of deletionsOf(w)) {
      const list = deletions.get(d);
      if (list) list.push(w); else deletions.set(d, [w]);
    }
  }

  return {
    catalog, entries, aliases, postings, idf, unknownWeight, vocabulary, deletions, tokenDf,
    entryGenerations: entryTokens.map(lists => new Set(lists.flat().filter(t => GENERATION.test(t)))),
    entryUnit: entries.map(e => unitClass(e.unit)),
    entryUnitTokens: entries.map(e => new Set(unitTokens(e.unit))),
    entrySection: entries.map(e => e.section),
    exact,
    cache: new Map(),
  };
}

/** The index of a catalog, built on first use and kept as long as the catalog object lives. */
export function indexFor(catalog: Catalog): CatalogIndex {
  let index = indexes.get(catalog);
  if (!index) {
    index = buildIndex(catalog);
    indexes.set(catalog, index);
  }
  return index;
}

/**
 * Replaces a word the catalog does not know by a catalog word one edit away (a dropped, added or mistyped
 * letter: "tiên mặt" is fine, "đổi mơi" → "doi moi"), preferring the most common candidate.
 */
export function correctTypos(tokens: readonly string[], index: CatalogIndex): string[] {
  return tokens.map(t => {
    if (index.vocabulary.has(t) || t.length < 4 || /\d/.test(t)) return t;
    const candidates = new Set<string>();
    // Deletion in the input (extra letter), in the vocabulary word (missing letter), or both (substitution).
    for (const w of [t, ...deletionsOf(t)]) {
      if (index.vocabulary.has(w) && w !== t) candidates.add(w);
      for (const v of index.deletions.get(w) ?? []) candidates.add(v);
    }
    if (candidates.size === 0) return t;
    let best = t, bestDf = -1;
    for (const c of candidates) {
      const d = index.tokenDf.get(c) ?? 0;
      if (d > bestDf) { best = c; bestDf = d; }
    }
    return best;
  });
}
