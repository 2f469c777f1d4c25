/**
 * "Thêm cột trạng thái": a column beside a table with each row's status in words, coloured like the cells.
 * Targets the first column right of the table's range; the adapter writes only into empty cells.
 * A table whose header repeats further down (a page break pasted from Word) gets the header cell at every repeat:
 * the repeat is recognised by having the same labels as the first header, and a repeat without the new label would
 * start a second table at the next check.
 */
import { STATUS_LABELS } from '../check/labels';
import type { TableJson } from '../check/report';
import { cellAddress, columnLetter, parseArea } from '../grid/address';
import type { SheetGrid } from '../grid/types';
import { findHeaders } from '../recognize/header';
import { STATUS_COLOURS } from './palette';

export type StatusColumnLanguage = 'vi' | 'en';

export interface StatusColumnCell {
  readonly address: string;
  readonly value: string;
  readonly fill?: string;
  readonly fontColor?: string;
}

export interface StatusColumnPlan {
  readonly sheet: string;
  /** Column letter of the status column. */
  readonly column: string;
  /** The header cell(s) first (the table's header row, then any repeats of it), then one cell per judged row. */
  readonly cells: readonly StatusColumnCell[];
}

export const STATUS_HEADER: Readonly<Record<StatusColumnLanguage, string>> = { vi: 'Trạng thái', en: 'Status' };

/** Header rows inside the table's range that repeat its header (the bottom row of each repeat), top to bottom. */
export function repeatedHeaderRows(table: TableJson, sheet: SheetGrid): number[] {
  const area = parseArea(table.range);
  if (!area) return [];
  const headers = findHeaders(sheet);
  const own = headers.find(h => h.bottom === table.headerRow);
  if (!own) return [];
  return headers.filter(h => h.bottom > table.headerRow && h.top <= area.bottom && h.signature === own.signature).map(h => h.bottom);
}

/**
 * The status column of one table; null when the table's range cannot be read. Pass the table's sheet so repeated
 * header rows get their header cell too.
 */
export function planStatusColumn(table: TableJson, lang: StatusColumnLanguage = 'vi', sheet?: SheetGrid): StatusColumnPlan | null {
  const area = parseArea(table.range);
  if (!area) return null;
  const col = area.right + 1;
  const headerRows = [table.headerRow, ...(sheet ? repeatedHeaderRows(table, sheet) : [])];
  const cells: StatusColumnCell[] = headerRows.map(row => ({ address: cellAddress(row, col), value: STATUS_HEADER[lang] }));
  const rows: { row: number; status: keyof typeof STATUS_COLOURS }[] = table.kind === 'indicators'
    ? table.rows.map(r => ({ row: r.row, status: r.status }))
    : table.rows.map(r => ({ row: r.row, status: r.status }));
  const seen = new Set<number>(headerRows);
  for (const { row, status } of [...rows].sort((a, b) => a.row - b.row)) {
    if (seen.has(row)) continue;
    seen.add(row);
    const colour = STATUS_COLOURS[status];
    cells.push({ address: cellAddress(row, col), value: STATUS_LABELS[status][lang], fill: colour.fill, fontColor: colour.font });
  }
  return { sheet: table.sheet, column: columnLetter(col), cells };
}
