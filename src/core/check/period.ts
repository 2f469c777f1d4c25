import type { RecognizedTable } from '../recognize/table';

/** The year a table reports on, read from its result or evaluation header; null for a plan or when unsaid. */
export function headerPeriod(t: RecognizedTable): number | null {
  const c = t.columns;
  if (c.actual === undefined && c.evaluation === undefined) return null;
  return c.actualYear ?? c.evaluationYear ?? c.targetYear ?? null;
}

export function isPlanTable(t: RecognizedTable): boolean {
  return t.columns.actual === undefined && t.columns.evaluation === undefined;
}

/**
 * The milestone a report is judged against: the period's own column, else the next milestone after it
 * (the row is then at risk rather than missed), else the last one.
 */
export function milestoneFor(milestones: ReadonlyArray<{ year: number; col: number }>, period: number): { year: number; col: number } | null {
  if (milestones.length === 0) return null;
  const sorted = [...milestones].sort((a, b) => a.year - b.year);
  return sorted.find(m => m.year === period) ?? sorted.find(m => m.year > period) ?? sorted[sorted.length - 1] ?? null;
}
