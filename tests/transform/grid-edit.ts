/**
 * Mutable working copies of sheets for the layout transformations: rows and columns can be inserted, moved and
 * permuted with their merges, then frozen back into a SheetGrid with rowCount and colCount as the reader computes them.
 */
import type { Area, Cell, SheetGrid, WorkbookGrid } from '../../src/core/grid/types';

export interface EditSheet {
  name: string;
  rows: (Cell | undefined)[][];
  merges: Area[];
  hidden?: boolean;
  protected?: boolean;
}

export function editable(sheet: SheetGrid): EditSheet {
  return {
    name: sheet.name,
    rows: Array.from({ length: sheet.rowCount }, (_, i) => Array.from({ length: sheet.colCount }, (_x, j) => sheet.rows[i]?.[j])),
    merges: sheet.merges.map(m => ({ ...m })),
    ...(sheet.hidden !== undefined ? { hidden: sheet.hidden } : {}),
    ...(sheet.protected !== undefined ? { protected: sheet.protected } : {}),
  };
}

export function frozen(e: EditSheet): SheetGrid {
  let rowCount = 0;
  let colCount = 0;
  e.rows.forEach((r, i) => r.forEach((c, j) => {
    if (c) { rowCount = Math.max(rowCount, i + 1); colCount = Math.max(colCount, j + 1); }
  }));
  for (const m of e.merges) { rowCount = Math.max(rowCount, m.bottom); colCount = Math.max(colCount, m.right); }
  return {
    name: e.name,
    rowCount,
    colCount,
    rows: Array.from({ length: rowCount }, (_, i) => Array.from({ length: colCount }, (_x, j) => e.rows[i]?.[j])),
    merges: e.merges,
    ...(e.hidden !== undefined ? { hidden: e.hidden } : {}),
    ...(e.protected !== undefined ? { protected: e.protected } : {}),
  };
}

export function mapSheets(book: WorkbookGrid, f: (s: EditSheet, index: number) => void): WorkbookGrid {
  return {
    sheets: book.sheets.map((s, i) => {
      const e = editable(s);
      f(e, i);
      return frozen(e);
    }),
  };
}

export const str = (s: string, font?: string): Cell => ({ v: { t: 's', s }, ...(font ? { font } : {}) });
export const num = (n: number, fmt?: string): Cell => ({ v: { t: 'n', n }, ...(fmt ? { fmt } : {}) });

export function get(e: EditSheet, row: number, col: number): Cell | undefined {
  return e.rows[row - 1]?.[col - 1];
}

export function set(e: EditSheet, row: number, col: number, cell: Cell | undefined): void {
  while (e.rows.length < row) e.rows.push([]);
  const r = e.rows[row - 1] as (Cell | undefined)[];
  while (r.length < col) r.push(undefined);
  r[col - 1] = cell;
}

export function text(e: EditSheet, row: number, col: number): string {
  const c = get(e, row, col);
  if (!c) return '';
  return c.v.t === 's' ? c.v.s.trim() : c.v.t === 'n' ? String(c.v.n) : '';
}

export function width(e: EditSheet): number {
  return Math.max(0, ...e.rows.map(r => r.length), ...e.merges.map(m => m.right));
}

/** Inserts `count` empty rows before `at`; merges below move down, merges across the line grow. */
export function insertRows(e: EditSheet, at: number, count: number): void {
  while (e.rows.length < at - 1) e.rows.push([]);
  e.rows.splice(at - 1, 0, ...Array.from({ length: count }, () => [] as (Cell | undefined)[]));
  e.merges = e.merges.map(m => (m.top >= at ? { ...m, top: m.top + count, bottom: m.bottom + count } : m.bottom >= at ? { ...m, bottom: m.bottom + count } : m));
}

/** Inserts `count` empty columns before `at`; merges to the right move, merges across the line grow. */
export function insertColumns(e: EditSheet, at: number, count: number): void {
  for (const r of e.rows) {
    if (r.length >= at - 1) r.splice(at - 1, 0, ...Array.from({ length: count }, () => undefined));
  }
  e.merges = e.merges.map(m => (m.left >= at ? { ...m, left: m.left + count, right: m.right + count } : m.right >= at ? { ...m, right: m.right + count } : m));
}

/** Applies a column permutation: the cell of old column c goes to order.indexOf(c) + 1. Merges spanning columns whose images are not contiguous are dropped. */
export function permuteColumns(e: EditSheet, order: readonly number[]): void {
  const w = width(e);
  const full = [...order, ...Array.from({ length: Math.max(0, w - order.length) }, (_, i) => order.length + i + 1)];
  const image = new Map<number, number>(full.map((old, i) => [old, i + 1]));
  e.rows = e.rows.map(r => {
    const out: (Cell | undefined)[] = [];
    r.forEach((c, j) => { out[(image.get(j + 1) ?? j + 1) - 1] = c; });
    return Array.from({ length: out.length }, (_, i) => out[i]);
  });
  const merges: Area[] = [];
  for (const m of e.merges) {
    const cols = Array.from({ length: m.right - m.left + 1 }, (_, i) => image.get(m.left + i) ?? m.left + i).sort((a, b) => a - b);
    const lo = cols[0] as number;
    const hi = cols[cols.length - 1] as number;
    if (hi - lo + 1 !== cols.length) continue;
    // The value lives at the top-left cell: move it there when the permutation changed which column is leftmost.
    const srcCol = m.left;
    const dstCol = image.get(srcCol) ?? srcCol;
    if (dstCol !== lo) {
      const v = get(e, m.top, dstCol);
      set(e, m.top, dstCol, undefined);
      set(e, m.top, lo, v);
    }
    merges.push({ top: m.top, bottom: m.bottom, left: lo, right: hi });
  }
  e.merges = merges;
}

/** Every text cell of the book through `f` (formats and formulas kept; sheet names stay, Excel shows them in Unicode). */
export function mapTexts(book: WorkbookGrid, f: (s: string) => string, font?: string): WorkbookGrid {
  return mapSheets(book, e => {
    e.rows = e.rows.map(r => r.map(c => (c && c.v.t === 's' ? { ...c, v: { t: 's', s: f(c.v.s) }, ...(font ? { font } : {}) } : c)));
  });
}
