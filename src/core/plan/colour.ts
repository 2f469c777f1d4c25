/**
 * Colouring by status: which cell of each judged row gets which status colour.
 * The plan is data only; the Office.js adapter and the exceljs writer both render it.
 */
import type { FileReport, IndicatorRowJson, TableJson, TaskRowJson } from '../check/report';
import { areaAddress, parseCellAddress } from '../grid/address';
import { STATUS_COLOURS } from './palette';
import type { FormatChange } from './types';

export interface ColourOptions {
  /** Colour only the tables of these sheets (e.g. the active sheet); every sheet when omitted. */
  readonly sheets?: readonly string[];
}

/**
 * The cell that shows a row's verdict: the result where there is one, else the evaluation, the target,
 * and as a last resort the name, so every judged row gets exactly one coloured cell.
 */
export function indicatorResultCell(row: IndicatorRowJson): string {
  return row.cells.actual ?? row.cells.evaluation ?? row.cells.target ?? row.cells.name;
}

export function taskResultCell(row: TaskRowJson): string {
  return row.cells.result ?? row.cells.name;
}

interface Target {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly fill: string;
  readonly font: string;
}

function tableTargets(table: TableJson): Target[] {
  const out: Target[] = [];
  const push = (address: string, status: keyof typeof STATUS_COLOURS): void => {
    const at = parseCellAddress(address);
    if (!at) return;
    const colour = STATUS_COLOURS[status];
    out.push({ sheet: table.sheet, row: at.row, col: at.col, fill: colour.fill, font: colour.font });
  };
  switch (table.kind) {
    case 'indicators':
      for (const r of table.rows) push(indicatorResultCell(r), r.status);
      break;
    case 'tasks':
      for (const r of table.rows) push(taskResultCell(r), r.status);
      break;
  }
  return out;
}

/**
 * One format change per coloured cell, with vertically adjacent cells of the same colour in the same column
 * merged into one range (fewer requests to Excel; nothing cleverer, so the plan stays easy to check).
 */
export function planColours(report: FileReport, options: ColourOptions = {}): FormatChange[] {
  const only = options.sheets ? new Set(options.sheets) : null;
  const seen = new Set<string>();
  const targets: Target[] = [];
  for (const table of report.tables) {
    if (only && !only.has(table.sheet)) continue;
    for (const t of tableTargets(table)) {
      const key = `${t.sheet}\u0000${t.row}\u0000${t.col}`;
      if (seen.has(key)) continue; // a cell is coloured once, by the first row that claims it
      seen.add(key);
      targets.push(t);
    }
  }
  const sheetOrder = new Map<string, number>();
  for (const t of targets) if (!sheetOrder.has(t.sheet)) sheetOrder.set(t.sheet, sheetOrder.size);
  targets.sort((a, b) => (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || a.col - b.col || a.row - b.row);

  const changes: FormatChange[] = [];
  let run: { t: Target; bottom: number } | null = null;
  const flush = (): void => {
    if (!run) return;
    const { t, bottom } = run;
    changes.push({ sheet: t.sheet, address: areaAddress({ top: t.row, left: t.col, bottom, right: t.col }), fill: t.fill, fontColor: t.font });
    run = null;
  };
  for (const t of targets) {
    if (run && run.t.sheet === t.sheet && run.t.col === t.col && run.bottom + 1 === t.row && run.t.fill === t.fill && run.t.font === t.font) {
      run.bottom = t.row;
      continue;
    }
    flush();
    run = { t, bottom: t.row };
  }
  flush();
  return changes;
}
