/** Looking across the workbook: the sheet a reference points into, and which formulas read a given cell. */
import { cellAddress } from '../grid/address';
import type { SheetGrid, WorkbookGrid } from '../grid/types';
import { tokenize, type Ref } from './tokens';

/** The sheet a reference reads (null: another workbook, or a sheet this workbook lacks). */
export function targetSheet(book: WorkbookGrid, from: SheetGrid, ref: Ref): SheetGrid | null {
  if (ref.workbook !== null) return null;
  if (ref.sheet === null) return from;
  const name = ref.sheet.toLowerCase();
  return book.sheets.find(s => s.name.toLowerCase() === name) ?? null;
}

export interface FormulaCell {
  readonly sheet: SheetGrid;
  readonly row: number;
  readonly col: number;
  readonly formula: string;
  readonly refs: readonly Ref[];
}

/** Every formula of the workbook with its references, computed once. */
export function formulaCells(book: WorkbookGrid): FormulaCell[] {
  const out: FormulaCell[] = [];
  for (const sheet of book.sheets) {
    sheet.rows.forEach((cells, r) => {
      cells?.forEach((cell, c) => {
        if (cell?.f === undefined) return;
        const refs = tokenize(cell.f).flatMap(t => (t.k === 'ref' ? [t.ref] : []));
        out.push({ sheet, row: r + 1, col: c + 1, formula: cell.f, refs });
      });
    });
  }
  return out;
}

export function covers(ref: Ref, row: number, col: number): boolean {
  return row >= ref.from.row && row <= ref.to.row && col >= ref.from.col && col <= ref.to.col;
}

/** Addresses of the formulas that read (sheet, row, col): directly or inside a range, as asked. */
export function readersOf(
  book: WorkbookGrid, formulas: readonly FormulaCell[], sheet: SheetGrid, row: number, col: number, how: 'direct' | 'any',
): FormulaCell[] {
  return formulas.filter(f => f.refs.some(r =>
    (how === 'any' || r.kind === 'cell') && covers(r, row, col) && targetSheet(book, f.sheet, r) === sheet));
}

export function addressOf(f: { row: number; col: number }): string {
  return cellAddress(f.row, f.col);
}
