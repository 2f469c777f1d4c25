/**
 * Plans of what to write: the core decides content and looks, adapters (exceljs, Office.js) render them.
 * A plan never holds a formula built from user text: every value is written as a value.
 */

export type PlanValue =
  | { readonly t: 'n'; readonly n: number }
  | { readonly t: 's'; readonly s: string }
  | { readonly t: 'empty' }
  /**
   * A hyperlink to a cell of this workbook (no `file`), or to a cell of another workbook whose path is relative to
   * the written workbook's folder (`file`, forward slashes). The cell holds `n` when given — a number an analyst can
   * sort, sum and chart, shown through the cell's number format — and `text` otherwise; `text` is also the link's
   * display text (SpreadsheetML's `display`, Office.js's `textToDisplay`) and what a renderer that cannot keep a
   * number under a link falls back to. In SpreadsheetML the link is a separate `<hyperlink ref>` element, so a cell's
   * value and its link are independent (ECMA-376 Part 1, 18.3.1.47).
   */
  | { readonly t: 'link'; readonly text: string; readonly n?: number; readonly sheet: string; readonly cell: string; readonly file?: string }
  /** A formula the core itself composed from addresses it owns (never from user text). */
  | { readonly t: 'formula'; readonly f: string; readonly cached: number | string | null };

export interface CellStyle {
  /** RGB hex without '#', e.g. "C6EFCE". */
  readonly fill?: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
  readonly wrap?: boolean;
  readonly numFmt?: string;
  readonly align?: 'left' | 'center' | 'right';
}

export interface PlannedCell {
  readonly row: number;
  readonly col: number;
  readonly value: PlanValue;
  readonly style?: CellStyle;
}

/** A native chart the add-in draws over a planned sheet (file writers without chart support skip it). */
export interface ChartPlan {
  readonly kind: 'bar';
  readonly title: string;
  /** A1 ranges on the same sheet: one column of labels, one column of values of the same height. */
  readonly categories: string;
  readonly values: string;
  readonly seriesName: string;
  /** Top-left cell the chart is placed at. */
  readonly anchor: string;
}

export interface PrintPlan {
  readonly landscape?: boolean;
  /** Fit to one page wide (any number of pages tall). */
  readonly fitToWidth?: boolean;
  /** Rows repeated at the top of every printed page, e.g. [1, 4]. */
  readonly titleRows?: readonly [number, number];
  /** Columns repeated at the left of every printed page, e.g. [1, 2]. */
  readonly titleColumns?: readonly [number, number];
  /** Page header text (centre), e.g. province and period. */
  readonly header?: string;
}

/** One row of a plan: its cells in ascending columns, all on the same row. */
export type PlannedRow = readonly PlannedCell[];

export interface SheetPlan {
  /** Wanted name; the adapter adds a suffix when the name is taken, never overwriting. */
  readonly name: string;
  /**
   * The sheet's rows in ascending row order, each an array of that row's cells (ascending columns). Produced on
   * demand so no sheet is ever held whole; a renderer may call it more than once (each call starts over).
   */
  readonly rows: () => Iterable<PlannedRow>;
  /** Widths in characters, from column A. */
  readonly columnWidths?: readonly number[];
  /** 1-based columns hidden. */
  readonly hiddenColumns?: readonly number[];
  /** Rows frozen at the top (header). */
  readonly freezeRows?: number;
  /** Columns frozen at the left. */
  readonly freezeColumns?: number;
  /** A1 range of the autofilter, e.g. "A4:K1081". */
  readonly autoFilter?: string;
  readonly merges?: readonly string[];
  readonly charts?: readonly ChartPlan[];
  readonly print?: PrintPlan;
  /**
   * 1-based columns whose cells a file writer may also keep in a small part of its own, so that a later run can read
   * them without parsing the sheet (a national "Dữ liệu" is 44 MB of XML; see src/xlsx/projection.ts). Renderers that
   * cannot, or that write the sheet otherwise, ignore it.
   */
  readonly projection?: readonly number[];
}

/** A format change on an existing sheet (colouring by status). */
export interface FormatChange {
  readonly sheet: string;
  /** A1 address of one cell or a rectangle. */
  readonly address: string;
  readonly fill: string;
  readonly fontColor: string;
}
