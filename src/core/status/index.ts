export * from './vocabulary';
export { ALL_LEGEND, LEGEND_TITLE, legendCells } from './legend';
