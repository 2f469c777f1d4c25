/**
 * Matching a commune's indicator row to the catalog. Scores are weighted Dice over IDF-weighted words and
 * bigrams (best alias of each indicator), blended with character-trigram similarity for typos, then adjusted
 * by unit and section evidence. Returns the best indicator with a 0..1 confidence and the runner-up.
 */
import type { Catalog } from './catalog';
import { correctTypos, indexFor, weightOf, type CatalogIndex } from './search-index';
import { GENERATION, nameTokens, namesMoney, unitClass, unitTokens, type UnitClass } from './normalize';
import { dice, featuresOf, trigramsOf } from './similarity';
import { sectionOf } from './sections';

export interface MatchInput {
  readonly name: string;
  readonly unit?: string | null;
  readonly section?: string | null;
}

export interface MatchCandidate {
  readonly id: string;
  readonly confidence: number;
}

export interface IndicatorMatch extends MatchCandidate {
  readonly runnerUp?: MatchCandidate;
  /** Set when a person's mapping decided the match rather than the matcher. */
  readonly manual?: true;
}

/** Below this a row is reported as unmatched. */
export const MATCH_THRESHOLD = 0.5;
/** Below this (or with a runner-up too close) a match is listed for review. */
export const LOW_CONFIDENCE = 0.75;
/** A runner-up this close to the winner makes the match doubtful. */
export const AMBIGUOUS_MARGIN = 0.08;

const DICE_WEIGHT = 0.7;
const TOKEN_WEIGHT = 0.85;
const TRIGRAM_WEIGHT = 1 - TOKEN_WEIGHT;
const RESCORED = 6;
const CACHE_LIMIT = 50_000;

interface Scored { entry: number; score: number }

/**
 * Terms that tell apart indicators otherwise worded alike: "hồ sơ giải quyết TTHC trực tuyến" and "hồ sơ … được số
 * hóa" share most words but are different indicators. A key term on one side only weighs more than shared words.
 */
const KEY_TERMS = [
  'so hoa', 'truc tuyen', 'toan trinh', 'thanh toan', 'khong dung tien mat', 'chu ky so', 'dinh danh', 'suc khoe',
  'mam non', 'pho thong', 'thuong xuyen', 'hai long', 'phi dia gioi', 'phi tiep xuc', 'khai thac', 'bang rong', 'cap quang',
];
const MISSING_TERM = 0.8;
const EXTRA_TERM = 0.9;

function keyTermsOf(tokens: readonly string[]): Set<string> {
  const s = ` ${tokens.join(' ')} `;
  return new Set(KEY_TERMS.filter(t => s.includes(` ${t} `)));
}

const entryTermCache = new WeakMap<CatalogIndex, Set<string>[]>();

/** Key terms any alias of each indicator uses. */
function entryTerms(index: CatalogIndex): Set<string>[] {
  let out = entryTermCache.get(index);
  if (!out) {
    out = index.entries.map(() => new Set<string>());
    for (const a of index.aliases) for (const t of keyTermsOf(a.tokens)) out[a.entry]?.add(t);
    entryTermCache.set(index, out);
  }
  return out;
}

function keyTermFactor(mine: ReadonlySet<string>, entryAny: ReadonlySet<string> | undefined, alias: ReadonlySet<string>): number {
  let f = 1;
  for (const t of mine) if (!entryAny?.has(t)) f *= MISSING_TERM;
  for (const t of alias) if (!mine.has(t)) f *= EXTRA_TERM;
  return f;
}

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
}

function inputUnitClass(input: MatchInput): UnitClass | null {
  const fromUnit = unitClass(input.unit);
  if (fromUnit === 'money' || (fromUnit !== 'percent' && namesMoney(input.name))) return 'money';
  return fromUnit;
}

/** How unit evidence changes a score: a money amount is never a rate; shared unit words confirm. */
function unitFactor(index: CatalogIndex, entry: number, cls: UnitClass | null, words: readonly string[]): number {
  const mine = index.entryUnit[entry] ?? null;
  let f = 1;
  if (cls === 'money' && mine !== 'money') f *= 0.45;
  else if (cls === 'count' && mine === 'percent') f *= 0.85;
  const own = index.entryUnitTokens[entry];
  if (own && own.size > 0 && words.some(w => own.has(w))) f *= 1.06;
  return f;
}

/** Indicators ranked by adjusted score, best first (at most RESCORED). */
function rank(index: CatalogIndex, input: MatchInput): Scored[] {
  const tokens = correctTypos(nameTokens(input.name), index);
  if (tokens.length === 0) return [];
  const key = tokens.join(' ');
  const weights = new Map<string, number>();
  let norm = 0;
  for (const f of featuresOf(tokens)) {
    const w = weightOf(f, index.idf, index.unknownWeight);
    weights.set(f, w);
    norm += w;
  }
  const overlap = new Float64Array(index.aliases.length);
  const touched: number[] = [];
  for (const [f, w] of weights) {
    for (const a of index.postings.get(f) ?? []) {
      if (overlap[a] === 0) touched.push(a);
      overlap[a] = (overlap[a] ?? 0) + w;
    }
  }
  // Best alias of each indicator by token score; trigrams are compared with that alias only.
  const best = new Map<number, { score: number; alias: number }>();
  for (const a of touched) {
    const doc = index.aliases[a];
    if (!doc) continue;
    const ov = overlap[a] ?? 0;
    // Dice rewards a full match; input coverage rewards short forms of a long official wording ("giáo dục STEM").
    const s = DICE_WEIGHT * ((2 * ov) / (norm + doc.norm)) + (1 - DICE_WEIGHT) * (ov / norm);
    const cur = best.get(doc.entry);
    if (!cur || s > cur.score) best.set(doc.entry, { score: s, alias: a });
  }
  const exactEntry = index.exact.get(key);
  const gens = tokens.filter(t => GENERATION.test(t));
  const cls = inputUnitClass(input);
  const uWords = unitTokens(input.unit);
  const section = input.section ? sectionOf(input.section) : null;
  const tri = trigramsOf(tokens);
  const terms = keyTermsOf(tokens);
  const termsByEntry = entryTerms(index);

  const ranked = [...best].sort((a, b) => b[1].score - a[1].score).slice(0, RESCORED);
  const rescored: Scored[] = ranked.map(([entry, { score, alias }]) => {
    const doc = index.aliases[alias];
    const triScore = doc ? dice(tri, doc.trigrams) : 0;
    let s = entry === exactEntry ? 1 : TOKEN_WEIGHT * score + TRIGRAM_WEIGHT * triScore;
    const own = index.entryGenerations[entry];
    // 5G and 6G coverage read almost alike; a different generation is a different indicator.
    if (gens.length > 0 && own && own.size > 0 && !gens.some(g => own.has(g))) s *= 0.4;
    if (entry !== exactEntry) s *= keyTermFactor(terms, termsByEntry[entry], doc ? keyTermsOf(doc.tokens) : new Set());
    s *= unitFactor(index, entry, cls, uWords);
    if (section && index.entrySection[entry] === section) s *= 1.03;
    return { entry, score: round(s) };
  }).sort((a, b) => b.score - a.score || a.entry - b.entry);
  return rescored;
}

function search(index: CatalogIndex, input: MatchInput): IndicatorMatch | null {
  const [top, second] = rank(index, input);
  if (!top || top.score < MATCH_THRESHOLD) return null;
  const id = index.entries[top.entry]?.id;
  if (!id) return null;
  const runnerId = second ? index.entries[second.entry]?.id : undefined;
  return runnerId !== undefined && second && second.score > 0
    ? { id, confidence: top.score, runnerUp: { id: runnerId, confidence: second.score } }
    : { id, confidence: top.score };
}

/**
 * The catalog indicator a row names, or null when none is close enough. Never throws; results for the same
 * wording, unit and section are cached on the catalog's index.
 */
export function matchIndicator(input: MatchInput, catalog: Catalog): IndicatorMatch | null {
  const index = indexFor(catalog);
  const cacheKey = `${input.name}\u0001${input.unit ?? ''}\u0001${input.section ?? ''}`;
  if (index.cache.has(cacheKey)) return index.cache.get(cacheKey) as IndicatorMatch | null;
  const result = search(index, input);
  if (index.cache.size >= CACHE_LIMIT) index.cache.clear();
  index.cache.set(cacheKey, result);
  return result;
}

/** The closest indicators whatever their score, for a person choosing by hand (review of unmatched rows). */
export function suggestIndicators(input: MatchInput, catalog: Catalog, limit = 3): MatchCandidate[] {
  const index = indexFor(catalog);
  const out: MatchCandidate[] = [];
  for (const { entry, score } of rank(index, input)) {
    const id = index.entries[entry]?.id;
    if (id !== undefined && score > 0 && out.length < limit) out.push({ id, confidence: score });
  }
  return out;
}

/** A match a person should look at: weak, or with a runner-up nearly as good. */
export function isDoubtful(match: IndicatorMatch): boolean {
  if (match.manual) return false;
  if (match.confidence < LOW_CONFIDENCE) return true;
  return match.runnerUp !== undefined && match.confidence - match.runnerUp.confidence < AMBIGUOUS_MARGIN;
}
