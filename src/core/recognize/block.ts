import { cellAt, scalarText } from '../grid/access';
import type { Area, Cell, SheetGrid } from '../grid/types';

/**
 * Data cells merged down over a block of rows ("%" written once for five indicators, one lead agency for a group):
 * the value belongs to every row of the block, though only the block's top-left cell holds it.
 * Only merges spanning several rows count; a cell merged across columns of one row stays that row's own.
 */
const index = new WeakMap<SheetGrid, Map<number, Area>>();

function verticalMerges(sheet: SheetGrid): Map<number, Area> {
  let m = index.get(sheet);
  if (!m) {
    m = new Map();
    const width = Math.max(sheet.colCount, 1) + 1;
    for (const a of sheet.merges) {
      if (a.bottom <= a.top) continue;
      // Bounded: a merge over a whole column would otherwise blow up the index.
      for (let r = a.top + 1; r <= Math.min(a.bottom, a.top + 500); r++) {
        for (let c = a.left; c <= a.right; c++) m.set(r * width + c, a);
      }
    }
    index.set(sheet, m);
  }
  return m;
}

/** The cell at (row, col), or the top-left cell of the vertical merge covering it. */
export function blockCell(sheet: SheetGrid, row: number, col: number): Cell | undefined {
  const own = cellAt(sheet, row, col);
  if (own !== undefined || sheet.merges.length === 0) return own;
  const a = verticalMerges(sheet).get(row * (Math.max(sheet.colCount, 1) + 1) + col);
  return a ? cellAt(sheet, a.top, a.left) : undefined;
}

export function blockText(sheet: SheetGrid, row: number, col: number): string {
  return scalarText(blockCell(sheet, row, col)?.v).trim();
}
