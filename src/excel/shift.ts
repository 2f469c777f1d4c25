/**
 * Where a coloured table went. Rows or columns inserted or deleted between colouring and clearing move the cells we
 * painted; comparing what we applied with what a window around a sample of them shows now finds the move, so the
 * originals go back onto the cells they belong to instead of onto their old addresses.
 */
import { cellKey, parseCellKey, type CellRecords, type RecordedCell } from './colour-record';
import type { CellRef, LoadedLook } from './styles';

/** How far a move is looked for: rows inserted above a table, a column or two inserted before the results. */
export const MAX_ROW_SHIFT = 30;
export const MAX_COL_SHIFT = 3;
const SAMPLE = 64;

export interface Offset {
  readonly rows: number;
  readonly cols: number;
}

/** The first recorded cells (by column, then row), whose moved look is probed. */
export function sampleOf(cells: CellRecords): CellRef[] {
  return [...cells.keys()].map(parseCellKey).sort((a, b) => a.col - b.col || a.row - b.row).slice(0, SAMPLE);
}

/** The cells around the sample that may now hold it. */
export function probeWindow(sample: readonly CellRef[]): CellRef[] {
  const out = new Map<string, CellRef>();
  for (const c of sample) {
    for (let dr = -MAX_ROW_SHIFT; dr <= MAX_ROW_SHIFT; dr++) {
      for (let dc = -MAX_COL_SHIFT; dc <= MAX_COL_SHIFT; dc++) {
        const row = c.row + dr;
        const col = c.col + dc;
        if (row >= 1 && col >= 1) out.set(cellKey(row, col), { row, col });
      }
    }
  }
  return [...out.values()];
}

/**
 * The move that puts the most sampled cells onto a cell still showing what we applied there; no move when none
 * does better than staying put. Ties go to the smallest move.
 */
export function bestOffset(cells: CellRecords, sample: readonly CellRef[], looks: ReadonlyMap<string, LoadedLook>, ours: (look: LoadedLook | undefined, cell: RecordedCell) => boolean): Offset {
  const score = (dr: number, dc: number): number => sample.reduce((n, c) => {
    const cell = cells.get(cellKey(c.row, c.col));
    return cell && ours(looks.get(cellKey(c.row + dr, c.col + dc)), cell) ? n + 1 : n;
  }, 0);
  const still = score(0, 0);
  let best: Offset = { rows: 0, cols: 0 };
  let bestScore = still;
  for (let dr = -MAX_ROW_SHIFT; dr <= MAX_ROW_SHIFT; dr++) {
    for (let dc = -MAX_COL_SHIFT; dc <= MAX_COL_SHIFT; dc++) {
      if (dr === 0 && dc === 0) continue;
      const s = score(dr, dc);
      const smaller = Math.abs(dr) + Math.abs(dc) < Math.abs(best.rows) + Math.abs(best.cols);
      if (s > bestScore || (s === bestScore && s > still && smaller)) {
        best = { rows: dr, cols: dc };
        bestScore = s;
      }
    }
  }
  return best;
}

/** Each recorded cell with the address it moved to (cells moved off the sheet are left out). */
export function movedPairs(cells: CellRecords, by: Offset): { from: string; to: string; cell: RecordedCell }[] {
  const out: { from: string; to: string; cell: RecordedCell }[] = [];
  for (const [from, cell] of cells) {
    const { row, col } = parseCellKey(from);
    if (row + by.rows >= 1 && col + by.cols >= 1) out.push({ from, to: cellKey(row + by.rows, col + by.cols), cell });
  }
  return out;
}
