/**
 * The legend every workbook we write carries: one row per status with its colour swatch, names in both languages
 * and what it means.
 */
import type { PlannedCell, SheetPlan } from '../plan/types';
import { INDICATOR_LEGEND, STATUS, TASK_LEGEND, type Status } from './vocabulary';

export const LEGEND_TITLE = 'Chú thích màu / Colour legend';

/**
 * Legend rows (title row first) starting at `top`: column `left` is the swatch with the Vietnamese name, the next
 * column the English name and the meaning, in one cell so it overflows to the right whatever that column's width.
 */
export function legendCells(top: number, left: number, statuses: readonly Status[] = [...INDICATOR_LEGEND]): PlannedCell[][] {
  const rows: PlannedCell[][] = [[{ row: top, col: left, value: { t: 's', s: LEGEND_TITLE }, style: { bold: true } }]];
  statuses.forEach((s, i) => {
    const t = STATUS[s];
    const row = top + 1 + i;
    rows.push([
      { row, col: left, value: { t: 's', s: t.vi }, style: { fill: t.fill, fontColor: t.font, bold: true } },
      { row, col: left + 1, value: { t: 's', s: `${t.en} — ${t.meaning.vi} / ${t.meaning.en}` } },
    ]);
  });
  return rows;
}

export const ALL_LEGEND: readonly Status[] = [...INDICATOR_LEGEND, ...TASK_LEGEND.filter(s => s !== 'no_data')];

export const LEGEND_SHEET = 'Chú thích';

/**
 * A sheet holding only the legend, for workbooks whose own sheets we colour (the coloured copy, the add-in): the
 * colours then say what they mean wherever the workbook goes.
 */
export function legendPlan(statuses: readonly Status[] = ALL_LEGEND): SheetPlan {
  const rows = legendCells(1, 1, statuses);
  return { name: LEGEND_SHEET, rows: () => rows, columnWidths: [24, 100] };
}
