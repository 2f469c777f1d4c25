/** The task pane's WorkbookHost inside Excel, on Office.js. */
import type { ColumnOverride } from '../core/check/options';
import type { WorkbookGrid } from '../core/grid/types';
import type { FormatChange, SheetPlan } from '../core/plan/types';
import type { WorkbookHost } from '../host/workbook-host';
import { applyColourChanges, clearColourChanges, type ClearOutcome, type ColourOutcome } from './colours';
import { officeEnv, type OfficeEnv } from './env';
import { detectFeatures, type Features } from './features';
import { loadColumnOverrides, saveColumnOverrides } from './overrides';
import { readOpenWorkbook, type WorkbookRead } from './read-grid';
import { selectRange, writeIntoEmptyCells, writeNewSheets, type CellWrite } from './write';

export class OfficeWorkbookHost implements WorkbookHost {
  readonly kind = 'office' as const;
  readonly features: Features;

  constructor(private readonly env: OfficeEnv = officeEnv()) {
    this.features = detectFeatures(env.isSetSupported);
  }

  /** The grid and the active sheet's name (for "Tô màu nhanh", which colours the active sheet only). */
  readWorkbook(): Promise<WorkbookRead> {
    return readOpenWorkbook(this.env, this.features);
  }

  async readGrid(): Promise<WorkbookGrid> {
    return (await this.readWorkbook()).grid;
  }

  /** Like applyColours, saying how many cells were coloured and which sheets were left alone. */
  colour(changes: readonly FormatChange[]): Promise<ColourOutcome> {
    return applyColourChanges(this.env, this.features, changes);
  }

  applyColours(changes: readonly FormatChange[]): Promise<ColourOutcome> {
    return this.colour(changes);
  }

  /** Like clearColours, with counts. */
  uncolour(): Promise<ClearOutcome> {
    return clearColourChanges(this.env, this.features);
  }

  clearColours(): Promise<ClearOutcome> {
    return this.uncolour();
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return selectRange(this.env, sheet, address);
  }

  writeSheets(plans: readonly SheetPlan[]): Promise<string[]> {
    return writeNewSheets(this.env, this.features, plans);
  }

  writeCells(sheet: string, cells: ReadonlyArray<CellWrite>): Promise<string[]> {
    return writeIntoEmptyCells(this.env, this.features, sheet, cells);
  }

  async loadOverrides(): Promise<ColumnOverride[]> {
    return loadColumnOverrides(this.env.settings);
  }

  saveOverrides(overrides: readonly ColumnOverride[]): Promise<void> {
    return saveColumnOverrides(this.env.settings, overrides);
  }
}
