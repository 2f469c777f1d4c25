/**
 * "Thêm cột trạng thái": a column beside a table with each row's status in words, coloured like the cells.
 * Targets the first column right of the table's range; the adapter writes only into empty cells.
 */
import { STATUS_LABELS } from '../check/labels';
import type { TableJson } from '../check/report';
import { cellAddress, columnLetter, parseArea } from '../grid/address';
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
  /** The header cell first, then one cell per judged row, top to bottom. */
  readonly cells: readonly StatusColumnCell[];
}

export const STATUS_HEADER: Readonly<Record<StatusColumnLanguage, string>> = { vi: 'Trạng thái', en: 'Status' };

/** The status column of one table; null when the table's range cannot be read. */
export function planStatusColumn(table: TableJson, lang: StatusColumnLanguage = 'vi'): StatusColumnPlan | null {
  const area = parseArea(table.range);
  if (!area) return null;
  const col = area.right + 1;
  const cells: StatusColumnCell[] = [{ address: cellAddress(table.headerRow, col), value: STATUS_HEADER[lang] }];
  const rows: { row: number; status: keyof typeof STATUS_COLOURS }[] = table.kind === 'indicators'
    ? table.rows.map(r => ({ row: r.row, status: r.status }))
    : table.rows.map(r => ({ row: r.row, status: r.status }));
  const seen = new Set<number>([table.headerRow]);
  for (const { row, status } of [...rows].sort((a, b) => a.row - b.row)) {
    if (seen.has(row)) continue;
    seen.add(row);
    const colour = STATUS_COLOURS[status];
    cells.push({ address: cellAddress(row, col), value: STATUS_LABELS[status][lang], fill: colour.fill, fontColor: colour.font });
  }
  return { sheet: table.sheet, column: columnLetter(col), cells };
}
