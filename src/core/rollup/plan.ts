/** The rollup workbook: its sheet plans, in the order they are added. */
import { defaultCatalog, type Catalog } from '../catalog/catalog';
import type { SheetPlan } from '../plan/types';
import type { Comparison } from './compare';
import { communesPlan } from './plan-communes';
import { comparePlan } from './plan-compare';
import { planContext, type RollupPlanOptions } from './plan-context';
import { dataPlan } from './plan-data';
import { reviewPlan } from './plan-review';
import { summaryPlan } from './plan-summary';
import type { RollupModel } from './types';

export type { RollupPlanOptions };

/** With a comparison, "So với kỳ trước" comes right after "Tổng hợp". */
export function rollupPlans(model: RollupModel, catalog: Catalog = defaultCatalog(), comparison?: Comparison, options: RollupPlanOptions = {}): SheetPlan[] {
  const ctx = planContext(model, options);
  const compare = comparison ? [comparePlan(comparison, model, ctx)] : [];
  return [summaryPlan(model, ctx), ...compare, communesPlan(model, ctx), dataPlan(model, ctx), reviewPlan(model, catalog, ctx)];
}
