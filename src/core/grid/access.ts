import type { Area, Cell, Scalar, SheetGrid } from './types';

export function cellAt(sheet: SheetGrid, row: number, col: number): Cell | undefined {
  return sheet.rows[row - 1]?.[col - 1];
}

/** The cell's value as display-ish text: numbers in JS form, errors as their code, empty as "". */
export function scalarText(v: Scalar | undefined): string {
  if (!v) return '';
  switch (v.t) {
    case 'n': return String(v.n);
    case 's': return v.s;
    case 'b': return v.b ? 'TRUE' : 'FALSE';
    case 'e': return v.e;
  }
}

export function textAt(sheet: SheetGrid, row: number, col: number): string {
  return scalarText(cellAt(sheet, row, col)?.v).trim();
}

export function isEmptyCell(cell: Cell | undefined): boolean {
  if (!cell) return true;
  return cell.v.t === 's' && cell.v.s.trim() === '' && cell.f === undefined;
}

/** The merged area whose top-left is (row, col), if any. */
export function mergeAt(sheet: SheetGrid, row: number, col: number): Area | undefined {
  return sheet.merges.find(m => m.top === row && m.left === col);
}

/** The merged area covering (row, col), if any. */
export function mergeCovering(sheet: SheetGrid, row: number, col: number): Area | undefined {
  return sheet.merges.find(m => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

export const EMPTY: Scalar = { t: 's', s: '' };
