/**
 * This month against last month: per commune and indicator what changed, and per indicator how many communes met it
 * then and now. Communes are matched by their folded name (communeKey), indicators by the catalog id, so a commune that
 * rewords an indicator between months is still compared with itself.
 */
import type { IndicatorStatus } from '../check/report';
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

function sv(e: MonthEntry | null): StatusValue | null {
  return e ? { status: e.status, value: e.value } : null;
}

function emptyChanges(): Record<ChangeKind, number> {
  const out = {} as Record<ChangeKind, number>;
  for (const k of CHANGE_KINDS) out[k] = 0;
  return out;
}

/**
 * Each commune name's place in Vietnamese order, names the collator finds equal sharing one: sorting 56,000 changes
 * by these numbers gives the order the collator gives (the sort is stable either way) at a fraction of its cost
 * (0.15 s of a national comparison, profiled), since the collator then orders only the 3,321 names.
 */
function communePlaces(before: MonthSnapshot, after: MonthSnapshot): Map<string, number> {
  const names = new Set<string>();
  for (const list of [before.entries, after.entries]) for (const e of list) names.add(e.commune);
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

/** Entries by indicator, then by commune key; a later entry of one pair replaces an earlier one, as a Map would. */
function byIndicator(entries: readonly MonthEntry[]): Map<string, Map<string, MonthEntry>> {
  const out = new Map<string, Map<string, MonthEntry>>();
  for (const e of entries) {
    let m = out.get(e.indicator);
    if (!m) { m = new Map(); out.set(e.indicator, m); }
    m.set(e.communeKey, e);
  }
  return out;
}

/**
 * Indicators in the order of `order` (this month's), then those only last month had. A national comparison pairs
 * 56,000 entries: they are grouped by indicator rather than keyed by joined strings, and nothing is spread into
 * temporary arrays (that garbage, promoted while the pairs were made, lifted the run's peak by tens of MB, measured).
 */
export function compareMonths(before: MonthSnapshot, after: MonthSnapshot, order: readonly string[] = []): Comparison {
  const prev = byIndicator(before.entries);
  const next = byIndicator(after.entries);
  const names = new Map<string, string>();
  for (const list of [after.entries, before.entries]) for (const e of list) if (!names.has(e.indicator)) names.set(e.indicator, e.indicatorName);

  const seen = new Set<string>();
  for (const k of order) if (names.has(k)) seen.add(k);
  for (const list of [after.entries, before.entries]) for (const e of list) seen.add(e.indicator);
  const indicatorOrder = [...seen];

  const place = communePlaces(before, after);
  const changes: Change[] = [];
  const indicators: IndicatorComparison[] = [];
  for (const id of indicatorOrder) {
    const b = prev.get(id) ?? new Map<string, MonthEntry>();
    const a = next.get(id) ?? new Map<string, MonthEntry>();
    const mine: Change[] = [];
    const pair = (x: MonthEntry | null, y: MonthEntry | null): void => {
      mine.push({ indicator: id, commune: y?.commune ?? x?.commune ?? '', before: sv(x), after: sv(y), change: classify(x, y) });
    };
    for (const [key, x] of b) pair(x, a.get(key) ?? null);
    for (const [key, y] of a) if (!b.has(key)) pair(null, y);
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
