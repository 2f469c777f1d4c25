import type { Area } from '../grid/types';

export type TableKind = 'indicators' | 'tasks';

/** Column numbers (1-based) by role. Milestones map a year to its column. */
export interface ColumnMap {
  readonly code: number;
  readonly name: number;
  readonly unit?: number;
  readonly target?: number;
  /** Year the target column is for, when its header says ("Kế hoạch năm 2026"). */
  readonly targetYear?: number;
  readonly actual?: number;
  readonly actualYear?: number;
  readonly evaluation?: number;
  readonly evaluationYear?: number;
  readonly lead?: number;
  readonly executor?: number;
  readonly partner?: number;
  readonly deadline?: number;
  readonly note?: number;
  readonly milestones: ReadonlyArray<{ readonly year: number; readonly col: number }>;
}

export type RowKind =
  | { readonly kind: 'section'; readonly code: string; readonly title: string; readonly horizon: number | null }
  | { readonly kind: 'group'; readonly code: string; readonly title: string }
  | { readonly kind: 'item'; readonly code: string; readonly name: string }
  | { readonly kind: 'skip'; readonly why: 'blank' | 'repeat-header' | 'numbering' | 'total' | 'other' };

export interface RecognizedRow {
  readonly row: number;
  readonly code: string;
  readonly name: string;
  /** "I. Phát triển hạ tầng", with a "-" sub-heading after " / ". */
  readonly section: string | null;
  /** Year set by a horizon section ("Đến năm 2030") above the row. */
  readonly horizon: number | null;
}

export interface RecognizedTable {
  readonly sheet: string;
  readonly kind: TableKind;
  /** First header row and last header row (equal for a one-row header). */
  readonly headerTop: number;
  readonly headerRow: number;
  readonly area: Area;
  readonly columns: ColumnMap;
  /** Header label per column, as read (both header rows joined). */
  readonly labels: ReadonlyMap<number, string>;
  readonly rows: readonly RecognizedRow[];
}
