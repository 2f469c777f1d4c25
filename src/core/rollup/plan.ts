/** The rollup workbook: four sheet plans, in the order they are added. */
import { defaultCatalog, type Catalog } from '../catalog/catalog';
import type { SheetPlan } from '../plan/types';
import { communesPlan } from './plan-communes';
import { dataPlan } from './plan-data';
import { reviewPlan } from './plan-review';
import { summaryPlan } from './plan-summary';
import type { RollupModel } from './types';

export function rollupPlans(model: RollupModel, catalog: Catalog = defaultCatalog()): SheetPlan[] {
  return [summaryPlan(model), communesPlan(model), dataPlan(model), reviewPlan(model, catalog)];
}
