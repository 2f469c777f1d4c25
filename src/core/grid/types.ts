/**
 * The grid: what every source (a file, an open Excel workbook) becomes before the core looks at it.
 * Plain data only, so it can cross a Web Worker boundary by structured clone.
 * Rows and columns are 1-based everywhere in the core, like worksheet addresses.
 */

/** A cell's computed value. A formula cell carries its cached result here. */
export type Scalar =
  | { readonly t: 'n'; readonly n: number }
  | { readonly t: 's'; readonly s: string }
  | { readonly t: 'b'; readonly b: boolean }
  /** An error value such as "#DIV/0!". */
  | { readonly t: 'e'; readonly e: string };

export interface Cell {
  readonly v: Scalar;
  /** Formula text without the leading "=", in A1 style. */
  readonly f?: string;
  /** Number format code, omitted when "General". */
  readonly fmt?: string;
  /** Font name, kept because it reveals legacy encodings (.VnTime → TCVN3, VNI-Times → VNI). */
  readonly font?: string;
}

export interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetGrid {
  readonly name: string;
  /** Last used row and column (1-based); 0 for an empty sheet. */
  readonly rowCount: number;
  readonly colCount: number;
  /**
   * rows[r - 1][c - 1] is the cell at (r, c). Missing rows and cells are empty.
   * Only the top-left cell of a merged area holds its value.
   */
  readonly rows: ReadonlyArray<ReadonlyArray<Cell | undefined> | undefined>;
  readonly merges: readonly Area[];
  readonly hidden?: boolean;
  readonly protected?: boolean;
}

export interface WorkbookGrid {
  readonly sheets: readonly SheetGrid[];
}
