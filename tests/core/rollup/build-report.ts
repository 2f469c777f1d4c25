/** Hand-built check reports for the rollup tests. */
import type { FileReport, IndicatorRowJson, IndicatorStatus, TaskTableJson } from '../../../src/core/check/report';

export interface RowSpec {
  row: number;
  name: string;
  status: IndicatorStatus;
  actual?: number | string | null;
  target?: { op: '>=' | '>' | '<=' | '<' | '='; value: number; text?: string } | null;
  unit?: string | null;
  section?: string | null;
}

export function row(spec: RowSpec): IndicatorRowJson {
  const actual = spec.actual === undefined || spec.actual === null ? null
    : typeof spec.actual === 'number' ? { text: String(spec.actual), value: spec.actual } : { text: spec.actual, value: null };
  const target = spec.target ? { text: spec.target.text ?? `${spec.target.op} ${spec.target.value}`, op: spec.target.op, value: spec.target.value, year: 2026, kind: 'numeric' as const } : null;
  return {
    row: spec.row, code: String(spec.row - 5), section: spec.section ?? null, name: spec.name, unit: spec.unit === undefined ? '%' : spec.unit,
    target, actual, evaluation: null, status: spec.status, contradiction: false, reason: 'lý do',
    cells: { name: `B${spec.row}`, target: target ? `D${spec.row}` : null, actual: actual ? `E${spec.row}` : null, evaluation: null },
  };
}

export function file(name: string, commune: string | null, rows: RowSpec[], extra: Partial<FileReport> = {}): FileReport {
  return {
    file: name, commune, encoding: 'unicode', error: null, period: 2026, reportDate: '2026-04-24',
    tables: [{ kind: 'indicators', sheet: 'PL', range: 'A4:E30', headerRow: 4, period: 2026, columns: {}, rows: rows.map(row) }],
    notices: [], ...extra,
  };
}

export function unreadable(name: string, reason: string): FileReport {
  return { file: name, commune: null, encoding: 'unicode', error: reason, period: null, reportDate: null, tables: [], notices: [] };
}

export const TASKS: TaskTableJson = {
  kind: 'tasks', sheet: 'NV', range: 'A1:D5', headerRow: 1, period: null, columns: {},
  rows: [{ row: 2, code: '1', section: null, name: 'Tỷ lệ phủ sóng 5G', deadline: null, result: 'Đã hoàn thành', status: 'done', reason: '', cells: { name: 'B2', result: 'C2', deadline: null } }],
};
