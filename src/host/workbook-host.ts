/**
 * The port between the task pane and where the workbook lives. It sits beside the core, below both the pane
 * (src/taskpane) and the adapters (src/excel over Office.js, src/taskpane/web over a dropped file), so every import
 * points down.
 */
import type { ColumnOverride } from '../core/check/options';
import type { FormatChange, SheetPlan } from '../core/plan/types';
import type { WorkbookGrid } from '../core/grid/types';

export interface ColourSummary {
  readonly coloured: number;
  /** Sheets not coloured: protected, or gone. */
  readonly skippedSheets: readonly string[];
  /** Cells not coloured because their look could not be given back (gradient fills). */
  readonly skippedCells: number;
}

export interface ClearSummary {
  readonly restored: number;
  /** Cells that no longer showed our colour (the user recoloured them): left as they are. */
  readonly leftAlone: number;
  /** Protected sheets, not cleared: their record is kept. */
  readonly skippedSheets: readonly string[];
  /** Recorded sheets not found: their record is kept. */
  readonly unmatched: readonly string[];
}

/**
 * What the task pane needs from where the workbook lives: Excel (src/excel, Office.js) or a file the user dropped in
 * the web mode. The pane renders core results and calls these; it never touches Office.js or exceljs itself.
 */
export interface WorkbookHost {
  readonly kind: 'office' | 'web';
  /** Everything the engine needs (values, formulas, number formats, merges) of all used ranges. */
  readGrid(): Promise<WorkbookGrid>;
  /** Colours cells by status, remembering the original fills and font colours in the workbook. Says what it left
   *  alone where it can (Excel: protected sheets, cells whose look could not be restored). */
  applyColours(changes: readonly FormatChange[]): Promise<ColourSummary | void>;
  /** Restores exactly the fills and font colours the coloured cells had before, where they still show our colour. */
  clearColours(): Promise<ClearSummary | void>;
  /** Selects a cell (e.g. "PL mục tiêu", "E6") so the person lands on what needs fixing. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Writes new sheets, never overwriting: a taken name gets a suffix. Returns the names used. */
  writeSheets(plans: readonly SheetPlan[]): Promise<string[]>;
  /** Writes values into cells that must be empty (a status column); returns the addresses skipped as non-empty. */
  writeCells(sheet: string, cells: ReadonlyArray<{ address: string; value: string; fill?: string; fontColor?: string }>): Promise<string[]>;
  /** Column-role corrections kept with the workbook. */
  loadOverrides(): Promise<ColumnOverride[]>;
  saveOverrides(overrides: readonly ColumnOverride[]): Promise<void>;
}
