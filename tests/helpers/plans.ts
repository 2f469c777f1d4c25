import type { PlannedRow, SheetPlan } from '../../src/core/plan/types';

/** A plan with its rows pulled, so two plans compare by content (rows is a function). */
export function pulled(plans: readonly SheetPlan[]): (Omit<SheetPlan, 'rows'> & { rows: PlannedRow[] })[] {
  return plans.map(p => ({ ...p, rows: [...p.rows()] }));
}
