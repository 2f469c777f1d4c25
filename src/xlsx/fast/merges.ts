import type { Area, Cell } from '../../core/grid/types';

type Rows = ((Cell | undefined)[] | undefined)[];

/**
 * Applies merged areas to parsed rows: only the top-left cell of a merge keeps its value, as Excel shows it (and as
 * the exceljs reader does). Merges are clipped to the kept window; those wholly outside it are dropped.
 * Excel never writes overlapping merges, but a hostile file may: total work is capped at a few passes over the
 * window, after which the remaining merges are kept in the list but no longer clear cells.
 */
export function applyMerges(rows: Rows, merges: readonly Area[], window: Area): Area[] {
  const kept: Area[] = [];
  let budget = 4 * (window.bottom - window.top + 1) * (window.right - window.left + 1);
  for (const m of merges) {
    if (m.top > window.bottom || m.left > window.right) continue;
    const a: Area = {
      top: m.top, left: m.left,
      bottom: Math.min(m.bottom, window.bottom), right: Math.min(m.right, window.right),
    };
    kept.push(a);
    const lastRow = Math.min(a.bottom, rows.length);
    for (let r = a.top; r <= lastRow && budget > 0; r++) {
      budget--;
      const row = rows[r - 1];
      if (!row) continue;
      const lastCol = Math.min(a.right, row.length);
      for (let c = r === a.top ? a.left + 1 : a.left; c <= lastCol; c++) row[c - 1] = undefined;
      budget -= Math.max(0, lastCol - a.left);
    }
  }
  return kept;
}
