/** Small builders of check reports for the plan tests: the plans only read statuses and cell addresses. */
import type {
  FileReport, IndicatorRowJson, IndicatorStatus, IndicatorTableJson, TaskRowJson, TaskStatus, TaskTableJson,
} from '../../../src/core/check/report';

export function indicatorRow(row: number, status: IndicatorStatus, cells: Partial<IndicatorRowJson['cells']> = {}): IndicatorRowJson {
  return {
    row, code: String(row), section: null, name: `Chỉ tiêu ${row}`, unit: '%', target: null, actual: null, evaluation: null,
    status, contradiction: false, reason: '',
    cells: { name: `B${row}`, target: null, actual: null, evaluation: null, ...cells },
  };
}

export function taskRow(row: number, status: TaskStatus, cells: Partial<TaskRowJson['cells']> = {}): TaskRowJson {
  return {
    row, code: String(row), section: null, name: `Nhiệm vụ ${row}`, deadline: null, result: null, status, reason: '',
    cells: { name: `B${row}`, result: null, deadline: null, ...cells },
  };
}

export function indicatorTable(sheet: string, range: string, headerRow: number, rows: IndicatorRowJson[]): IndicatorTableJson {
  return { kind: 'indicators', sheet, range, headerRow, period: 2026, columns: {}, rows };
}

export function taskTable(sheet: string, range: string, headerRow: number, rows: TaskRowJson[]): TaskTableJson {
  return { kind: 'tasks', sheet, range, headerRow, period: null, columns: {}, rows };
}

export function report(tables: FileReport['tables']): FileReport {
  return { file: 'x.xlsx', commune: null, encoding: 'unicode', error: null, period: 2026, reportDate: null, tables, notices: [] };
}
