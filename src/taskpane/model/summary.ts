import { NEEDS_ATTENTION } from '../../core/check/labels';
import {
  INDICATOR_STATUSES, TASK_STATUSES,
  type FileReport, type IndicatorStatus, type RowStatus, type TaskStatus,
} from '../../core/check/report';

/** Status counts of a report, in the order the legend shows them; statuses nobody has are left out. */
export interface StatusCounts {
  readonly indicators: ReadonlyArray<{ readonly status: IndicatorStatus; readonly count: number }>;
  readonly tasks: ReadonlyArray<{ readonly status: TaskStatus; readonly count: number }>;
}

export function statusCounts(report: FileReport): StatusCounts {
  const ind = new Map<IndicatorStatus, number>();
  const task = new Map<TaskStatus, number>();
  for (const t of report.tables) {
    if (t.kind === 'indicators') for (const r of t.rows) ind.set(r.status, (ind.get(r.status) ?? 0) + 1);
    else for (const r of t.rows) task.set(r.status, (task.get(r.status) ?? 0) + 1);
  }
  return {
    indicators: INDICATOR_STATUSES.filter(s => ind.has(s)).map(s => ({ status: s, count: ind.get(s) ?? 0 })),
    tasks: TASK_STATUSES.filter(s => task.has(s)).map(s => ({ status: s, count: task.get(s) ?? 0 })),
  };
}

/** A row the person should look at, with the cell to take them to. */
export interface AttentionItem {
  readonly key: string;
  readonly sheet: string;
  readonly row: number;
  readonly code: string;
  readonly name: string;
  readonly status: RowStatus;
  readonly contradiction: boolean;
  readonly reason: string;
  readonly cell: string;
}

function urgency(status: RowStatus): number {
  const i = NEEDS_ATTENTION.indexOf(status);
  return i < 0 ? NEEDS_ATTENTION.length : i;
}

/** Rows the core flags (NEEDS_ATTENTION) plus stated evaluations contradicting the figures, most urgent first. */
export function attentionItems(report: FileReport): AttentionItem[] {
  const items: AttentionItem[] = [];
  for (const t of report.tables) {
    for (const r of t.rows) {
      const contradiction = 'contradiction' in r && r.contradiction;
      if (!NEEDS_ATTENTION.includes(r.status) && !contradiction) continue;
      const cell = 'actual' in r.cells
        ? (contradiction ? r.cells.evaluation : null) ?? r.cells.actual ?? r.cells.target ?? r.cells.name
        : r.cells.result ?? r.cells.deadline ?? r.cells.name;
      items.push({
        key: `${t.sheet}!${r.row}`, sheet: t.sheet, row: r.row, code: r.code, name: r.name,
        status: r.status, contradiction, reason: r.reason, cell,
      });
    }
  }
  // Contradictions first among equals: a stated "Đạt" beside a failing figure is what an inspector spots first.
  return items.sort((a, b) => urgency(a.status) - urgency(b.status)
    || Number(b.contradiction) - Number(a.contradiction)
    || a.sheet.localeCompare(b.sheet) || a.row - b.row);
}
