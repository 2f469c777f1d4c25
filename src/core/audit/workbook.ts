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

/** Range references larger than this are checked one by one rather than spread over the index. */
const INDEX_CELLS = 4096;

interface ReaderIndex {
  /** "sheetIndex:row:col" → formulas reading that cell (directly or inside a small range). */
  readonly cells: Map<string, { f: FormulaCell; direct: boolean }[]>;
  /** Large ranges, checked by hand (few in practice). */
  readonly large: { f: FormulaCell; ref: Ref; target: SheetGrid }[];
  /** Each formula's place in the workbook order. */
  readonly order: Map<FormulaCell, number>;
}

const indexes = new WeakMap<readonly FormulaCell[], ReaderIndex>();

/** Who reads what, built once per workbook: asking per cell by scanning every formula would be quadratic. */
function readerIndex(book: WorkbookGrid, formulas: readonly FormulaCell[]): ReaderIndex {
  const known = indexes.get(formulas);
  if (known) return known;
  const sheetNo = new Map(book.sheets.map((s, i) => [s, i]));
  const index: ReaderIndex = { cells: new Map(), large: [], order: new Map(formulas.map((f, i) => [f, i])) };
  for (const f of formulas) {
    for (const ref of f.refs) {
      const target = targetSheet(book, f.sheet, ref);
      if (!target || ref.kind === 'cols' || ref.kind === 'rows') continue;
      const bottom = Math.min(ref.to.row, target.rowCount);
      const right = Math.min(ref.to.col, target.colCount);
      if ((bottom - ref.from.row + 1) * (right - ref.from.col + 1) > INDEX_CELLS) { index.large.push({ f, ref, target }); continue; }
      for (let r = ref.from.row; r <= bottom; r++) {
        for (let c = ref.from.col; c <= right; c++) {
          const key = `${sheetNo.get(target) ?? -1}:${r}:${c}`;
          const list = index.cells.get(key);
          const entry = { f, direct: ref.kind === 'cell' };
          if (list) list.push(entry); else index.cells.set(key, [entry]);
        }
      }
    }
  }
  indexes.set(formulas, index);
  return index;
}

/** Addresses of the formulas that read (sheet, row, col): directly or inside a range, as asked. */
export function readersOf(
  book: WorkbookGrid, formulas: readonly FormulaCell[], sheet: SheetGrid, row: number, col: number, how: 'direct' | 'any',
): FormulaCell[] {
  const index = readerIndex(book, formulas);
  const key = `${book.sheets.indexOf(sheet)}:${row}:${col}`;
  const out = new Set<FormulaCell>();
  for (const e of index.cells.get(key) ?? []) if (how === 'any' || e.direct) out.add(e.f);
  if (how === 'any') for (const l of index.large) if (l.target === sheet && covers(l.ref, row, col)) out.add(l.f);
  // In workbook order, as the formulas were listed.
  return [...out].sort((a, b) => (index.order.get(a) ?? 0) - (index.order.get(b) ?? 0));
}

export function addressOf(f: { row: number; col: number }): string {
  return cellAddress(f.row, f.col);
}
