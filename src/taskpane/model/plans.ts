import type { FileReport, TableJson } from '../../core/check/report';
import { textAt } from '../../core/grid/access';
import { columnLetter, parseArea } from '../../core/grid/address';
import type { WorkbookGrid } from '../../core/grid/types';
import { planStatusColumn, STATUS_HEADER, type StatusColumnLanguage, type StatusColumnPlan } from '../../core/plan/status-column';
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

/**
 * The table's last column when it is a status column written earlier: once written, the column joins the table's
 * range, and planning again would add a second one beside it.
 */
function existingStatusColumn(table: TableJson, grid: WorkbookGrid | null): string | null {
  const area = parseArea(table.range);
  const sheet = grid?.sheets.find(s => s.name === table.sheet);
  if (!area || !sheet) return null;
  const header = textAt(sheet, table.headerRow, area.right);
  return Object.values(STATUS_HEADER).includes(header) ? columnLetter(area.right) : null;
}

export interface StatusColumns {
  readonly plans: readonly StatusColumnPlan[];
  /** "Sheet!F" of tables that already have one. */
  readonly existing: readonly string[];
}

/** The status columns to write, one per table that has none yet. */
export function statusColumnPlans(report: FileReport, lang: StatusColumnLanguage, grid: WorkbookGrid | null = null): StatusColumns {
  const plans: StatusColumnPlan[] = [];
  const existing: string[] = [];
  for (const t of report.tables) {
    const col = existingStatusColumn(t, grid);
    if (col) { existing.push(`${t.sheet}!${col}`); continue; }
    const plan = planStatusColumn(t, lang, grid?.sheets.find(s => s.name === t.sheet));
    if (plan) plans.push(plan);
  }
  return { plans, existing };
}
