import { parseArea } from '../../src/core/grid/address';
import type { Area, Cell, SheetGrid, WorkbookGrid } from '../../src/core/grid/types';

export type Raw = string | number | null | undefined | { f: string; v: number | string | { e: string }; fmt?: string } | { n: number; fmt: string };

function toCell(x: Raw): Cell | undefined {
  if (x === null || x === undefined || x === '') return undefined;
  if (typeof x === 'number') return { v: { t: 'n', n: x } };
  if (typeof x === 'string') return { v: { t: 's', s: x } };
  if ('f' in x) {
    const v = typeof x.v === 'number' ? { t: 'n' as const, n: x.v } : typeof x.v === 'string' ? { t: 's' as const, s: x.v } : { t: 'e' as const, e: x.v.e };
    return { v, f: x.f, ...(x.fmt ? { fmt: x.fmt } : {}) };
  }
  return { v: { t: 'n', n: x.n }, fmt: x.fmt };
}

/** A sheet from rows of raw values (row 1 first, column A first); merges as "A1:E1". */
export function sheetOf(name: string, rows: readonly (readonly Raw[])[], merges: readonly string[] = []): SheetGrid {
  const cells = rows.map(r => r.map(toCell));
  const colCount = Math.max(0, ...cells.map(r => r.reduce((m, c, i) => (c ? i + 1 : m), 0)));
  let rowCount = 0;
  cells.forEach((r, i) => { if (r.some(c => c)) rowCount = i + 1; });
  return { name, rowCount, colCount, rows: cells, merges: merges.map(m => parseArea(m)).filter((a): a is Area => a !== null) };
}

export function bookOf(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets };
}
