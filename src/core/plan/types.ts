/**
 * Plans of what to write: the core decides content and looks, adapters (exceljs, Office.js) render them.
 * A plan never holds a formula built from user text: every value is written as a value.
 */

export type PlanValue =
  | { readonly t: 'n'; readonly n: number }
  | { readonly t: 's'; readonly s: string }
  | { readonly t: 'empty' }
  /** An internal hyperlink to a cell of this workbook, shown as `text`. */
  | { readonly t: 'link'; readonly text: string; readonly sheet: string; readonly cell: string }
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

export interface SheetPlan {
  /** Wanted name; the adapter adds a suffix when the name is taken, never overwriting. */
  readonly name: string;
  readonly cells: readonly PlannedCell[];
  readonly columnWidths?: readonly number[];
  /** Rows frozen at the top (header). */
  readonly freezeRows?: number;
  readonly merges?: readonly string[];
  readonly charts?: readonly ChartPlan[];
}

/** A format change on an existing sheet (colouring by status). */
export interface FormatChange {
  readonly sheet: string;
  /** A1 address of one cell or a rectangle. */
  readonly address: string;
  readonly fill: string;
  readonly fontColor: string;
}
