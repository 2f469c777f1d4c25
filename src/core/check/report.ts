/**
 * The check report: the stable JSON contract of `phuluc check --json` and the model every view renders.
 * Rows are worksheet rows, 1-based; columns are letters.
 */

export type IndicatorStatus =
  | 'met' | 'not_met' | 'at_risk' | 'no_data' | 'not_applicable' | 'manual' | 'no_target' | 'invalid';
export type TaskStatus = 'done' | 'in_progress' | 'not_started' | 'overdue' | 'no_data';
export type RowStatus = IndicatorStatus | TaskStatus;

export const INDICATOR_STATUSES: readonly IndicatorStatus[] =
  ['met', 'not_met', 'at_risk', 'no_data', 'not_applicable', 'manual', 'no_target', 'invalid'];
export const TASK_STATUSES: readonly TaskStatus[] = ['done', 'in_progress', 'not_started', 'overdue', 'no_data'];

export type Encoding = 'unicode' | 'tcvn3' | 'vni' | 'ascii';

export type ComparisonOp = '>=' | '>' | '<=' | '<' | '=';

export interface TargetJson {
  readonly text: string;
  readonly op: ComparisonOp | null;
  readonly value: number | null;
  readonly year: number | null;
  /** How the target reads: a number to compare, a yes/no, a compound or descriptive text, none. */
  readonly kind: 'numeric' | 'binary' | 'compound' | 'descriptive' | 'report' | 'none';
}

export interface ActualJson {
  readonly text: string;
  readonly value: number | null;
}

export interface DeadlineJson {
  readonly text: string;
  /** ISO date of the last day the task is due, null for recurring or unreadable deadlines. */
  readonly due: string | null;
  readonly recurring: boolean;
}

interface RowBase {
  readonly row: number;
  readonly code: string;
  readonly section: string | null;
  readonly name: string;
}

export interface IndicatorRowJson extends RowBase {
  readonly unit: string | null;
  readonly target: TargetJson | null;
  readonly actual: ActualJson | null;
  readonly evaluation: string | null;
  readonly status: IndicatorStatus;
  readonly contradiction: boolean;
  /** Cell addresses for the views: where the result (or target) stands. */
  readonly cells: { readonly name: string; readonly target: string | null; readonly actual: string | null; readonly evaluation: string | null };
  /** Why the row got its status, in Vietnamese, for people. */
  readonly reason: string;
}

export interface TaskRowJson extends RowBase {
  readonly deadline: DeadlineJson | null;
  readonly result: string | null;
  readonly status: TaskStatus;
  readonly cells: { readonly name: string; readonly result: string | null; readonly deadline: string | null };
  readonly reason: string;
}

/** Column roles a table can have; a person can correct them in the task pane. */
export type ColumnRole =
  | 'code' | 'name' | 'unit' | 'target' | 'actual' | 'evaluation' | 'lead' | 'executor' | 'partner'
  | 'deadline' | 'note' | 'result';

/** Column letters per role; milestone years map year → letter. */
export interface ColumnsJson {
  readonly [role: string]: string | Readonly<Record<string, string>> | undefined;
}

interface TableBase {
  readonly sheet: string;
  readonly range: string;
  readonly headerRow: number;
  readonly period: number | null;
  readonly columns: ColumnsJson;
}

export interface IndicatorTableJson extends TableBase {
  readonly kind: 'indicators';
  readonly rows: readonly IndicatorRowJson[];
}

export interface TaskTableJson extends TableBase {
  readonly kind: 'tasks';
  readonly rows: readonly TaskRowJson[];
}

export type TableJson = IndicatorTableJson | TaskTableJson;

/** A problem in the user's data, with where it is. Never an exception. */
export interface Notice {
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly code: string;
  readonly message: string;
}

export interface FileReport {
  readonly file: string;
  readonly commune: string | null;
  readonly encoding: Encoding;
  readonly error: string | null;
  readonly period: number | null;
  readonly reportDate: string | null;
  readonly tables: readonly TableJson[];
  readonly notices: readonly Notice[];
}

export interface CheckReport {
  readonly files: readonly FileReport[];
}
