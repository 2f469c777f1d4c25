/** Small statistics over a row of commune results. */
import type { TargetJson } from '../check/report';
import { COUNT_STATUSES, type CountStatus, type StatusCounts } from './types';

export function emptyCounts(): Record<CountStatus, number> {
  const out = {} as Record<CountStatus, number>;
  for (const s of COUNT_STATUSES) out[s] = 0;
  return out;
}

export function countStatuses(statuses: Iterable<CountStatus>): StatusCounts {
  const out = emptyCounts();
  for (const s of statuses) out[s]++;
  return out;
}

/** Statuses left out of the share met: nothing to judge, or a figure that cannot be trusted. */
const NOT_IN_SHARE: ReadonlySet<CountStatus> = new Set(['not_reported', 'not_applicable', 'invalid']);

/** Met among those with a verdict-bearing row: not-reported, not-applicable and invalid rows are left out. */
export function shareMet(counts: StatusCounts): number | null {
  let denominator = 0;
  for (const s of COUNT_STATUSES) if (!NOT_IN_SHARE.has(s)) denominator += counts[s];
  return denominator === 0 ? null : counts.met / denominator;
}

export function median(values: readonly number[]): number | null {
  const finite = values.filter(v => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const mid = Math.floor(finite.length / 2);
  const hi = finite[mid] ?? 0;
  if (finite.length % 2 === 1) return hi;
  const lo = finite[mid - 1] ?? hi;
  // The sum of two large figures of one sign overflows to Infinity (a property test found it); their difference
  // cannot, and two of opposite signs cannot overflow when added.
  return (lo < 0) !== (hi < 0) ? (lo + hi) / 2 : lo + (hi - lo) / 2;
}

export function minOf(values: readonly number[]): number | null {
  const finite = values.filter(v => Number.isFinite(v));
  return finite.length === 0 ? null : Math.min(...finite);
}

export function maxOf(values: readonly number[]): number | null {
  const finite = values.filter(v => Number.isFinite(v));
  return finite.length === 0 ? null : Math.max(...finite);
}

/** The target every commune shares (same comparison and number, or same text), else null. */
export function sharedTarget(targets: readonly (TargetJson | null)[]): TargetJson | null {
  const present = targets.filter((t): t is TargetJson => t !== null);
  const first = present[0];
  if (!first || present.length !== targets.length) return null;
  const same = (t: TargetJson): boolean => (first.value !== null || t.value !== null)
    ? t.op === first.op && t.value === first.value
    : t.text.trim() === first.text.trim();
  return present.every(same) ? first : null;
}
