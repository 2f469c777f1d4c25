import type { WorkbookGrid } from '../../core/grid/types';
import { COMMUNES_SHEET, DATA_SHEET, REVIEW_SHEET, SUMMARY_SHEET } from '../../core/rollup';
import type { QueueSource } from '../worker/queue';

const OUTPUT_SHEETS = [SUMMARY_SHEET, COMMUNES_SHEET, DATA_SHEET, REVIEW_SHEET];

/** A sheet this add-in wrote ("Tổng hợp", "Tổng hợp (2)", …): rolling it up again would count communes twice. */
function isOutputSheet(name: string): boolean {
  return OUTPUT_SHEETS.some(o => name === o || (name.startsWith(`${o} (`) && name.endsWith(')')));
}

/** "Use the sheets of the open workbook": each visible, non-empty sheet is one commune's report. */
export function openWorkbookSources(grid: WorkbookGrid): QueueSource[] {
  return grid.sheets
    .filter(s => !s.hidden && s.rowCount > 0 && !isOutputSheet(s.name))
    .map(s => ({ kind: 'grid', name: s.name, grid: { sheets: [s] } }));
}
