/**
 * This month against last month: per commune and indicator what changed, and per indicator how many communes met it
 * then and now. Communes are matched by their name's key (communeKey: diacritics count), indicators by the catalog id,
 * so a commune that rewords an indicator between months is still compared with itself.
 */
import type { IndicatorStatus } from '../check/report';
import { isUnmarked, unmarked } from '../text/tone-key';
import type { MonthEntry, MonthSnapshot } from './previous';

export type ChangeKind =
  | 'newly_met' | 'newly_not_met' | 'improved' | 'worsened' | 'unchanged' | 'newly_reported' | 'stopped_reporting';

export const CHANGE_KINDS: readonly ChangeKind[] =
  ['newly_met', 'newly_not_met', 'improved', 'worsened', 'unchanged', 'newly_reported', 'stopped_reporting'];

export interface StatusValue {
  readonly status: IndicatorStatus;
  readonly value: number | null;
}

/** One element of `changes[]` in `phuluc rollup --previous … --json`. */
export interface Change {
  readonly indicator: string;
  readonly commune: string;
  readonly before: StatusValue | null;
  readonly after: StatusValue | null;
  readonly change: ChangeKind;
}

export interface IndicatorComparison {
  readonly indicator: string;
  readonly name: string;
  /** Communes meeting the indicator last month and this month. */
  readonly metBefore: number;
  readonly metAfter: number;
  readonly reportedBefore: number;
  readonly reportedAfter: number;
  readonly changes: Readonly<Record<ChangeKind, number>>;
}

export interface Comparison {
  readonly changes: readonly Change[];
  readonly indicators: readonly IndicatorComparison[];
}

/** Verdicts ordered from worst to best, for a change of status that is neither gaining nor losing "met". */
const RANK: Partial<Record<IndicatorStatus, number>> = { invalid: 0, no_data: 0, not_met: 1, at_risk: 2, met: 3 };

function direction(op: string | null): 1 | -1 {
  return op === '<=' || op === '<' ? -1 : 1;
}

export function classify(before: MonthEntry | null, after: MonthEntry | null): ChangeKind {
  if (!before && !after) return 'unchanged';
  if (!before) return 'newly_reported';
  if (!after) return 'stopped_reporting';
  const wasMet = before.status === 'met', isMet = after.status === 'met';
  if (!wasMet && isMet) return 'newly_met';
  if (wasMet && !isMet) return 'newly_not_met';
  if (before.status !== after.status) {
    const b = RANK[before.status], a = RANK[after.status];
    if (a !== undefined && b !== undefined && a !== b) return a > b ? 'improved' : 'worsened';
  }
  // Numbers compared only between valid figures: an error value has no size.
  if (before.value !== null && after.value !== null && before.status !== 'invalid' && after.status !== 'invalid'
    && Math.abs(after.value - before.value) > 1e-9) {
    return (after.value - before.value) * direction(after.op ?? before.op) > 0 ? 'improved' : 'worsened';
  }
  return 'unchanged';
}

const VIETNAMESE = new Intl.Collator('vi');

/**
 * The before and after of each change, one object per distinct status and value: a national comparison shows 112,000
 * of them, a few thousand distinct (statuses are six, figures repeat across communes), and they are immutable.
 */
class StatusValues {
  private readonly byStatus = new Map<IndicatorStatus, Map<number | null, StatusValue>>();

  of(e: MonthEntry | null): StatusValue | null {
    if (!e) return null;
    let byValue = this.byStatus.get(e.status);
    if (byValue === undefined) { byValue = new Map(); this.byStatus.set(e.status, byValue); }
    let v = byValue.get(e.value);
    if (v === undefined) { v = { status: e.status, value: e.value }; byValue.set(e.value, v); }
    return v;
  }
}

function emptyChanges(): Record<ChangeKind, number> {
  const out = {} as Record<ChangeKind, number>;
  for (const k of CHANGE_KINDS) out[k] = 0;
  return out;
}

/**
 * Each commune name's place in Vietnamese order, names the collator finds equal sharing one: sorting 60,000 changes
 * by these numbers gives the order the collator gives (the sort is stable either way) at a fraction of its cost
 * (0.15 s of a national comparison, profiled), since the collator then orders only the 3,321 names.
 */
function communePlaces(names: ReadonlySet<string>): Map<string, number> {
  const sorted = [...names].sort(VIETNAMESE.compare);
  const place = new Map<string, number>();
  let at = 0;
  sorted.forEach((n, i) => {
    if (i > 0 && VIETNAMESE.compare(sorted[i - 1] as string, n) !== 0) at++;
    place.set(n, at);
  });
  return place;
}

/** `items` in the order of their commune's place, keeping their order within a place (a counting sort: stable). */
function byPlace(items: readonly Change[], place: ReadonlyMap<string, number>): Change[] {
  const at = items.map(c => place.get(c.commune) ?? 0);
  const starts = new Array<number>(place.size + 1).fill(0);
  for (const p of at) starts[p + 1] = (starts[p + 1] as number) + 1;
  for (let i = 1; i < starts.length; i++) starts[i] = (starts[i] as number) + (starts[i - 1] as number);
  const out = new Array<Change>(items.length);
  items.forEach((c, i) => {
    const p = at[i] as number;
    out[starts[p] as number] = c;
    starts[p] = (starts[p] as number) + 1;
  });
  return out;
}

/**
 * One pass over a month's entries (60,000 for 3,321 communes): by indicator, then by commune key (a later entry of one
 * pair replaces an earlier one, as a Map would); each new indicator named as its first entry names it, and the
 * communes collected.
 */
function grouped(entries: readonly MonthEntry[], names: Map<string, string>, communes: Set<string>,
  alias?: ReadonlyMap<string, string>): Map<string, Map<string, MonthEntry>> {
  const byIndicator = new Map<string, Map<string, MonthEntry>>();
  for (const e of entries) {
    let m = byIndicator.get(e.indicator);
    if (!m) {
      m = new Map();
      byIndicator.set(e.indicator, m);
      if (!names.has(e.indicator)) names.set(e.indicator, e.indicatorName);
    }
    m.set(alias?.get(e.communeKey) ?? e.communeKey, e);
    communes.add(e.commune);
  }
  return byIndicator;
}

const NO_ENTRIES: ReadonlyMap<string, MonthEntry> = new Map();

function keysOf(entries: readonly MonthEntry[]): Set<string> {
  const keys = new Set<string>();
  for (const e of entries) keys.add(e.communeKey);
  return keys;
}

/**
 * Last month's keys that stand for a commune of this month spelt with other marks: where a name without its marks is
 * one commune's in each month, and one of the two spellings has no mark at all ("Thanh Xuyen" then, "Thanh Xuyên"
 * now), they are one commune typed two ways. Distinct communes whose names differ only by marks ("Thành Xuyên",
 * "Thanh Xuyên") are never joined: when either month has two of them, nothing is.
 */
export function respelt(before: ReadonlySet<string>, after: ReadonlySet<string>): Map<string, string> {
  // Every key of either month by its unmarked spelling.
  const groups = new Map<string, string[]>();
  const put = (k: string): void => {
    const u = unmarked(k);
    const g = groups.get(u);
    if (g === undefined) groups.set(u, [k]); else if (!g.includes(k)) g.push(k);
  };
  before.forEach(put);
  after.forEach(put);
  const alias = new Map<string, string>();
  groups.forEach(g => {
    // Two spellings in all, one only last month's, the other only this month's, one of them without marks.
    if (g.length !== 2) return;
    const [x, y] = g as [string, string];
    const b = before.has(x) && !after.has(x) ? x : before.has(y) && !after.has(y) ? y : null;
    const a = b === x ? y : x;
    if (b === null || before.has(a) || !after.has(a)) return;
    if (isUnmarked(b) || isUnmarked(a)) alias.set(b, a);
  });
  return alias;
}

/**
 * Indicators in the order of `order` (this month's), then those only last month had. A national comparison pairs
 * 60,000 entries: they are grouped by indicator rather than keyed by joined strings, each month is walked once, and
 * nothing is spread into temporary arrays (that garbage, promoted while the pairs were made, lifted the run's peak by
 * tens of MB, measured).
 */
export function compareMonths(before: MonthSnapshot, after: MonthSnapshot, order: readonly string[] = []): Comparison {
  // This month's names first: an indicator renamed in the catalog reads as it does now.
  const names = new Map<string, string>();
  const communes = new Set<string>();
  const next = grouped(after.entries, names, communes);
  const alias = respelt(keysOf(before.entries), keysOf(after.entries));
  const prev = grouped(before.entries, names, communes, alias.size > 0 ? alias : undefined);

  // The order given, then every other indicator as first seen (this month's, then last month's): `names` keeps that.
  const seen = new Set<string>();
  for (const k of order) if (names.has(k)) seen.add(k);
  for (const k of names.keys()) seen.add(k);

  const place = communePlaces(communes);
  const values = new StatusValues();
  const changes: Change[] = [];
  const indicators: IndicatorComparison[] = [];
  for (const id of seen) {
    const b = prev.get(id) ?? NO_ENTRIES;
    const a = next.get(id) ?? NO_ENTRIES;
    const mine: Change[] = [];
    // forEach rather than for…of: no [key, value] pair made per entry.
    b.forEach((x, key) => {
      const y = a.get(key) ?? null;
      mine.push({ indicator: id, commune: y?.commune ?? x.commune, before: values.of(x), after: values.of(y), change: classify(x, y) });
    });
    a.forEach((y, key) => {
      if (!b.has(key)) mine.push({ indicator: id, commune: y.commune, before: null, after: values.of(y), change: classify(null, y) });
    });
    const counts = emptyChanges();
    let metBefore = 0, metAfter = 0, reportedBefore = 0, reportedAfter = 0;
    for (const c of byPlace(mine, place)) {
      counts[c.change]++;
      if (c.before) { reportedBefore++; if (c.before.status === 'met') metBefore++; }
      if (c.after) { reportedAfter++; if (c.after.status === 'met') metAfter++; }
      changes.push(c);
    }
    indicators.push({ indicator: id, name: names.get(id) ?? id, metBefore, metAfter, reportedBefore, reportedAfter, changes: counts });
  }
  return { changes, indicators };
}
