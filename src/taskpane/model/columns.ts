import type { ColumnOverride } from '../../core/check/options';
import type { TableJson } from '../../core/check/report';
import { textAt } from '../../core/grid/access';
import { columnLetter, columnNumber, parseArea } from '../../core/grid/address';
import type { WorkbookGrid } from '../../core/grid/types';

/** Roles a person may correct, per kind of table (milestones are read from year headers, not picked). */
export const EDITABLE_ROLES = {
  indicators: ['code', 'name', 'unit', 'target', 'actual', 'evaluation', 'note'],
  tasks: ['code', 'name', 'lead', 'executor', 'partner', 'deadline', 'actual', 'note'],
} as const;

export type EditableRole = (typeof EDITABLE_ROLES)[keyof typeof EDITABLE_ROLES][number];

/** Roles that cannot be removed: without them there is no table. */
export const REQUIRED_ROLES: readonly EditableRole[] = ['code', 'name'];

export interface ColumnChoice {
  readonly col: number;
  readonly letter: string;
  /** The header text above the column, for people who do not think in letters. */
  readonly label: string;
}

/** The columns of a table's range, each with its header text. */
export function columnChoices(table: TableJson, grid: WorkbookGrid | null): ColumnChoice[] {
  const area = parseArea(table.range);
  if (!area) return [];
  const sheet = grid?.sheets.find(s => s.name === table.sheet);
  const out: ColumnChoice[] = [];
  for (let col = area.left; col <= area.right; col++) {
    let label = '';
    // Two-row headers: prefer the last header row, fall back to the one above.
    if (sheet) label = textAt(sheet, table.headerRow, col) || textAt(sheet, table.headerRow - 1, col);
    out.push({ col, letter: columnLetter(col), label: label.replace(/\s+/g, ' ') });
  }
  return out;
}

/** The column number a table's role currently uses, or null. */
export function roleColumn(table: TableJson, role: EditableRole): number | null {
  const letter = table.columns[role];
  if (typeof letter !== 'string') return null;
  const n = columnNumber(letter);
  return n > 0 ? n : null;
}

/** The override list with one role of one table set (a column) or removed (null). */
export function withOverride(
  list: readonly ColumnOverride[], table: Pick<TableJson, 'sheet' | 'headerRow'>, role: EditableRole, col: number | null,
): ColumnOverride[] {
  const i = list.findIndex(o => o.sheet === table.sheet && o.headerRow === table.headerRow);
  const prev = i >= 0 ? list[i] : undefined;
  const next: ColumnOverride = {
    sheet: table.sheet, headerRow: table.headerRow, columns: { ...(prev?.columns ?? {}), [role]: col },
  };
  const out = [...list];
  if (i >= 0) out[i] = next; else out.push(next);
  return out;
}

/** Whether a table has a correction a person made. */
export function hasOverride(list: readonly ColumnOverride[], table: Pick<TableJson, 'sheet' | 'headerRow'>): boolean {
  return list.some(o => o.sheet === table.sheet && o.headerRow === table.headerRow && Object.keys(o.columns).length > 0);
}

/** The list without the corrections of one table (back to what was detected). */
export function withoutOverride(list: readonly ColumnOverride[], table: Pick<TableJson, 'sheet' | 'headerRow'>): ColumnOverride[] {
  return list.filter(o => !(o.sheet === table.sheet && o.headerRow === table.headerRow));
}
