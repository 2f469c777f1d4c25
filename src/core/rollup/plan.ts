/** The rollup workbook: four sheet plans, in the order they are added. */
import { defaultCatalog, type Catalog } from '../catalog/catalog';
import type { SheetPlan } from '../plan/types';
import { communesPlan } from './plan-communes';
import { dataPlan } from './plan-data';
import { reviewPlan } from './plan-review';
import { summaryPlan } from './plan-summary';
import type { Comparison } from './compare';
import { comparePlan } from './plan-compare';
import type { RollupModel } from './types';

/** With a comparison, "So với kỳ trước" comes right after "Tổng hợp". */
export function rollupPlans(model: RollupModel, catalog: Catalog = defaultCatalog(), comparison?: Comparison): SheetPlan[] {
  const compare = comparison ? [comparePlan(comparison, model)] : [];
  return [summaryPlan(model), ...compare, communesPlan(model), dataPlan(model), reviewPlan(model, catalog)];
}
