import type { ColumnMap } from '../recognize/table';

/** A person's correction of the column roles of one table, kept in the workbook by the add-in. */
export interface ColumnOverride {
  readonly sheet: string;
  readonly headerRow: number;
  /** Role → column number; null removes the role. */
  readonly columns: Partial<Record<keyof Omit<ColumnMap, 'milestones'>, number | null>>;
}

export interface CheckOptions {
  /** File name as shown in reports. */
  readonly file: string;
  /** The year judged (the CLI's --period, the pane's year field): always wins over the years headers give. */
  readonly period?: number;
  /** ISO report date when the caption does not say. */
  readonly date?: string;
  readonly overrides?: readonly ColumnOverride[];
}
