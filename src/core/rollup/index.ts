export { buildRollup, type RollupOptions } from './build';
export { rollupJson, type RollupJson, type RollupJsonValue } from './json';
export { rollupPlans } from './plan';
export { SUMMARY_SHEET } from './plan-summary';
export { COMMUNES_SHEET } from './plan-communes';
export { DATA_SHEET } from './plan-data';
export { REVIEW_SHEET, sortedReview } from './plan-review';
export * from './types';
