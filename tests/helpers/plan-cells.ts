/** Reading sheet plans in tests: every planned cell, and small lookups by row / column / text. */
import { planCells } from '../../src/core/plan/rows';
import type { PlannedCell, SheetPlan } from '../../src/core/plan/types';

export function cellsOf(p: SheetPlan): PlannedCell[] {
  return [...planCells(p)];
}

export function at(p: SheetPlan, row: number, col: number): PlannedCell | undefined {
  return cellsOf(p).find(c => c.row === row && c.col === col);
}

export function valueAt(p: SheetPlan, row: number, col: number): string | number | null {
  const v = at(p, row, col)?.value;
  return v?.t === 's' ? v.s : v?.t === 'n' ? v.n : v?.t === 'link' ? v.text : null;
}

export function rowOf(p: SheetPlan, col: number, value: string): number | undefined {
  return cellsOf(p).find(c => c.col === col && ((c.value.t === 's' && c.value.s === value) || (c.value.t === 'link' && c.value.text === value)))?.row;
}
