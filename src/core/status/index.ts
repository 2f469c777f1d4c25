export * from './vocabulary';
export { ALL_LEGEND, LEGEND_SHEET, LEGEND_TITLE, legendCells, legendPlan } from './legend';
