import type { FileReport } from '../../core/check/report';
import { parseArea } from '../../core/grid/address';
import { planStatusColumn, type StatusColumnLanguage, type StatusColumnPlan } from '../../core/plan/status-column';
import type { FormatChange } from '../../core/plan/types';

/** How many cells a colour plan paints (its ranges merge vertical runs). */
export function cellCount(changes: readonly FormatChange[]): number {
  let n = 0;
  for (const c of changes) {
    const a = parseArea(c.address);
    if (a) n += (a.bottom - a.top + 1) * (a.right - a.left + 1);
  }
  return n;
}

/** The status columns of every table of a report. */
export function statusColumnPlans(report: FileReport, lang: StatusColumnLanguage): StatusColumnPlan[] {
  return report.tables.map(t => planStatusColumn(t, lang)).filter((p): p is StatusColumnPlan => p !== null);
}
