/**
 * What every check report must respect whatever the input: tables inside the sheet's used range, rows inside
 * their table, every cell address a real cell of the sheet, every status one of the contract's.
 */
import { parseArea, parseCellAddress } from '../../../src/core/grid/address';
import type { WorkbookGrid } from '../../../src/core/grid/types';
import { INDICATOR_STATUSES, TASK_STATUSES, type FileReport } from '../../../src/core/check/report';

/** Problems found, as readable strings (empty when the report is consistent with the grid). */
export function reportProblems(report: FileReport, grid: WorkbookGrid): string[] {
  const problems: string[] = [];
  for (const t of report.tables) {
    const sheet = grid.sheets.find(s => s.name === t.sheet);
    const area = parseArea(t.range);
    if (!sheet) { problems.push(`table on unknown sheet ${t.sheet}`); continue; }
    if (!area) { problems.push(`unreadable range ${t.range}`); continue; }
    if (area.top < 1 || area.left < 1 || area.bottom > sheet.rowCount || area.right > sheet.colCount || area.top > area.bottom || area.left > area.right) {
      problems.push(`${t.sheet}!${t.range} outside the used range ${sheet.rowCount}×${sheet.colCount}`);
    }
    if (t.headerRow < area.top || t.headerRow > area.bottom) problems.push(`${t.sheet}: header row ${t.headerRow} outside ${t.range}`);
    for (const r of t.rows) {
      if (!Number.isInteger(r.row) || r.row <= t.headerRow || r.row > area.bottom) problems.push(`${t.sheet}: row ${r.row} outside ${t.range}`);
      const statuses: readonly string[] = t.kind === 'indicators' ? INDICATOR_STATUSES : TASK_STATUSES;
      if (!statuses.includes(r.status)) problems.push(`${t.sheet}: row ${r.row} has status ${r.status}`);
      for (const address of Object.values(r.cells)) {
        if (address === null) continue;
        const c = parseCellAddress(address);
        if (!c || c.row !== r.row || c.col < 1 || c.col > sheet.colCount) problems.push(`${t.sheet}: row ${r.row} points at ${address}`);
      }
      if (typeof r.reason !== 'string' || r.reason === '') problems.push(`${t.sheet}: row ${r.row} has no reason`);
    }
  }
  return problems;
}
