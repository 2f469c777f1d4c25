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

/** `conflict`: the input names a key term this indicator never uses. */
interface Scored { entry: number; score: number; conflict: boolean }

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

/** Words equal, or one letter apart for words of 3+ letters (a typo such as "hài lòn"). */
function nearWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 3 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { i++; j++; continue; }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else { i++; j++; }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Whether the row's words hold the term's words anywhere, typos forgiven: only a term really absent counts against. */
function holdsTerm(tokens: readonly string[], term: string): boolean {
  return term.split(' ').every(w => tokens.some(t => nearWord(t, w)));
}

const TERMS_LONGEST_FIRST = KEY_TERMS.map(t => t.split(' ')).sort((a, b) => b.length - a.length);

/** Key terms in the words, longest first, each word in one term only ("chữ ký số hoặc" holds no "số hóa"). */
function keyTermsOf(tokens: readonly string[]): Set<string> {
  const used = new Array<boolean>(tokens.length).fill(false);
  const out = new Set<string>();
  for (const words of TERMS_LONGEST_FIRST) {
    for (let i = 0; i + words.length <= tokens.length; i++) {
      if (words.every((w, k) => tokens[i + k] === w && !used[i + k])) {
        words.forEach((_w, k) => { used[i + k] = true; });
        out.add(words.join(' '));
      }
    }
  }
  return out;
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

/** A term the row has and the indicator never uses weighs most; one the best alias has and the row lacks (typos forgiven) less. */
function keyTermFactor(mine: ReadonlySet<string>, entryAny: ReadonlySet<string> | undefined, alias: ReadonlySet<string>, tokens: readonly string[]): number {
  let f = 1;
  for (const t of mine) if (!entryAny?.has(t)) f *= MISSING_TERM;
  for (const t of alias) if (!mine.has(t) && !holdsTerm(tokens, t)) f *= EXTRA_TERM;
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
    const entryAny = termsByEntry[entry];
    const conflict = entry !== exactEntry && [...terms].some(t => !entryAny?.has(t));
    if (entry !== exactEntry) s *= keyTermFactor(terms, entryAny, doc ? keyTermsOf(doc.tokens) : new Set(), tokens);
    s *= unitFactor(index, entry, cls, uWords);
    if (section && index.entrySection[entry] === section) s *= 1.03;
    return { entry, score: round(s), conflict };
  }).sort((a, b) => b.score - a.score || a.entry - b.entry);
  return rescored;
}

function search(index: CatalogIndex, input: MatchInput): IndicatorMatch | null {
  const [top, second] = rank(index, input);
  if (!top || top.score < MATCH_THRESHOLD) return null;
  // A weak match to an indicator lacking a term the row insists on is a neighbour, not the indicator: leave it
  // unmatched so that it is listed for review instead of landing on that neighbour's row.
  if (top.conflict && top.score < LOW_CONFIDENCE) return null;
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
