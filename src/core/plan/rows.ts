/**
 * Between the two shapes of a plan's content: rows (what renderers pull, see SheetPlan.rows) and a flat list of
 * cells (what small plans are easiest to build as, and what tests search).
 */
import type { CellStyle, PlanValue, PlannedCell, PlannedRow, SheetPlan } from './types';

/** Rows of a small, already built list of cells: grouped by row, rows and columns ascending. */
export function rowsFromCells(cells: readonly PlannedCell[]): () => Iterable<PlannedRow> {
  let sorted: PlannedRow[] | null = null;
  return () => {
    if (!sorted) {
      const byRow = new Map<number, PlannedCell[]>();
      for (const c of cells) {
        const row = byRow.get(c.row);
        if (row) row.push(c);
        else byRow.set(c.row, [c]);
      }
      sorted = [...byRow.keys()].sort((a, b) => a - b)
        .map(r => (byRow.get(r) as PlannedCell[]).sort((a, b) => a.col - b.col));
    }
    return sorted;
  };
}

/** Every cell of a plan in row order (materialises the sheet: for small plans, adapters that need it and tests). */
export function* planCells(plan: Pick<SheetPlan, 'rows'>): Generator<PlannedCell> {
  for (const row of plan.rows()) yield* row;
}

/**
 * Collects the cells of one row at a time, for builders that are generators; values that are empty and unstyled are
 * left out. `take()` hands the row over (a fresh array each time, so a renderer may keep it).
 */
export class RowSink {
  private cells: PlannedCell[] = [];
  private row = 0;

  start(row: number): this {
    this.row = row;
    this.cells = [];
    return this;
  }

  put(col: number, value: PlanValue, style?: CellStyle): void {
    if (value.t === 'empty' && !style) return;
    const row = this.row;
    this.cells.push(style ? { row, col, value, style } : { row, col, value });
  }

  take(): PlannedCell[] {
    const done = this.cells;
    this.cells = [];
    return done;
  }
}
