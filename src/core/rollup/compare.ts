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

/** Indicators in the order of `order` (this month's), then those only last month had. */
export function compareMonths(before: MonthSnapshot, after: MonthSnapshot, order: readonly string[] = []): Comparison {
  const key = (e: MonthEntry): string => `${e.indicator}\u0001${e.communeKey}`;
  const prev = new Map(before.entries.map(e => [key(e), e] as const));
  const next = new Map(after.entries.map(e => [key(e), e] as const));
  const names = new Map<string, string>();
  for (const e of [...after.entries, ...before.entries]) if (!names.has(e.indicator)) names.set(e.indicator, e.indicatorName);

  const indicatorOrder = [...new Set([...order.filter(k => names.has(k)), ...after.entries.map(e => e.indicator), ...before.entries.map(e => e.indicator)])];
  const rank = new Map(indicatorOrder.map((k, i) => [k, i] as const));
  const changes: Change[] = [];
  for (const id of new Set([...prev.keys(), ...next.keys()])) {
    const b = prev.get(id) ?? null, a = next.get(id) ?? null;
    const e = (a ?? b) as MonthEntry;
    changes.push({ indicator: e.indicator, commune: a?.commune ?? b?.commune ?? '', before: sv(b), after: sv(a), change: classify(b, a) });
  }
  changes.sort((x, y) => (rank.get(x.indicator) ?? 0) - (rank.get(y.indicator) ?? 0) || VIETNAMESE.compare(x.commune, y.commune));

  const indicators = indicatorOrder.map((id): IndicatorComparison => {
    const mine = changes.filter(c => c.indicator === id);
    const counts = emptyChanges();
    for (const c of mine) counts[c.change]++;
    return {
      indicator: id, name: names.get(id) ?? id,
      metBefore: mine.filter(c => c.before?.status === 'met').length,
      metAfter: mine.filter(c => c.after?.status === 'met').length,
      reportedBefore: mine.filter(c => c.before !== null).length,
      reportedAfter: mine.filter(c => c.after !== null).length,
      changes: counts,
    };
  });
  return { changes, indicators };
}
