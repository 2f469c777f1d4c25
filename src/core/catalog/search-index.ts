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

/** A word the catalog does not know, split into two catalog words when a space went missing ("phủsóng"). */
function splitGlued(t: string, index: CatalogIndex): string[] | null {
  for (let i = 2; i <= t.length - 2; i++) {
    const a = t.slice(0, i), b = t.slice(i);
    if (index.vocabulary.has(a) && index.vocabulary.has(b)) return [a, b];
  }
  return null;
}

/** Among spellings one edit away, the one that forms a catalog bigram with a neighbour, else the commonest. */
function pick(candidates: ReadonlySet<string>, prev: string | undefined, next: string | undefined, index: CatalogIndex): { word: string; inContext: boolean } | null {
  let best: string | null = null, bestScore = -1, inContext = false;
  for (const c of candidates) {
    const context = (prev !== undefined && index.idf.has(`${prev} ${c}`)) || (next !== undefined && index.idf.has(`${c} ${next}`));
    const score = (context ? 1000 : 0) + (index.tokenDf.get(c) ?? 0);
    if (score > bestScore) { best = c; bestScore = score; inContext = context; }
  }
  return best === null ? null : { word: best, inContext };
}

/**
 * Repairs words the catalog does not know: two words glued together are split, and a word one edit away from
 * a catalog word (a dropped, added or mistyped letter: "đổi mơi" → "doi moi") is replaced by it, preferring a
 * spelling that fits its neighbours ("hạ tng" → "ha tang", not "tong").
 */
export function correctTypos(tokens: readonly string[], index: CatalogIndex): string[] {
  return tokens.flatMap((t, i) => {
    if (index.vocabulary.has(t) || t.length < 3 || /\d/.test(t)) return [t];
    const prev = tokens[i - 1], next = tokens[i + 1];
    if (t.length === 3) {
      // A three-letter word is only read as a longer catalog word missing a letter, when unambiguous or in context.
      const longer = new Set(index.deletions.get(t) ?? []);
      const chosen = pick(longer, prev, next, index);
      return chosen && (longer.size === 1 || chosen.inContext) ? [chosen.word] : [t];
    }
    const split = splitGlued(t, index);
    if (split) return split;
    const candidates = new Set<string>();
    // Deletion in the input (extra letter), in the vocabulary word (missing letter), or both (substitution).
    for (const w of [t, ...deletionsOf(t)]) {
      if (index.vocabulary.has(w) && w !== t) candidates.add(w);
      for (const v of index.deletions.get(w) ?? []) candidates.add(v);
    }
    return [pick(candidates, prev, next, index)?.word ?? t];
  });
}
