/**
 * Cell helpers for the rollup sheet plans. Text copied from commune files always goes through `text`, a plain
 * string value: "=HYPERLINK(…)" or "+cmd|…" in a commune file arrives as text, never as a formula.
 */
import { STATUS_COLOURS, STATUS_LABELS, type PaletteStatus } from '../plan/palette';
import { RowSink } from '../plan/rows';
import type { CellStyle, PlannedCell, PlanValue } from '../plan/types';

export const HEADER_STYLE: CellStyle = { bold: true, fill: 'D9E1F2', wrap: true, align: 'center' };
export const TITLE_STYLE: CellStyle = { bold: true };
export const PERCENT_FORMAT = '0%';

export function text(s: string | null | undefined): PlanValue {
  return s === null || s === undefined || s === '' ? { t: 'empty' } : { t: 's', s };
}

export function num(n: number | null | undefined): PlanValue {
  return n === null || n === undefined || !Number.isFinite(n) ? { t: 'empty' } : { t: 'n', n };
}

export const CENTER: CellStyle = { align: 'center' };
const NO_EXTRA: CellStyle = {};
// Shared style objects: a province rollup has a million coloured cells, each needs no style of its own.
const styleCache = new WeakMap<CellStyle, Map<PaletteStatus, CellStyle>>();

export function statusStyle(status: PaletteStatus, extra: CellStyle = NO_EXTRA): CellStyle {
  let byStatus = styleCache.get(extra);
  if (!byStatus) { byStatus = new Map(); styleCache.set(extra, byStatus); }
  let style = byStatus.get(status);
  if (!style) {
    const c = STATUS_COLOURS[status];
    style = { ...extra, fill: c.fill, fontColor: c.font };
    byStatus.set(status, style);
  }
  return style;
}

export function statusLabel(status: PaletteStatus): string {
  return STATUS_LABELS[status];
}

/** Collects the cells of a small sheet; values that are empty and unstyled are left out (see rowsFromCells). */
export class CellSink {
  readonly cells: PlannedCell[] = [];

  put(row: number, col: number, value: PlanValue, style?: CellStyle): void {
    if (value.t === 'empty' && !style) return;
    this.cells.push(style ? { row, col, value, style } : { row, col, value });
  }

  header(row: number, labels: readonly string[], firstCol = 1, style: CellStyle = HEADER_STYLE): void {
    labels.forEach((label, i) => this.put(row, firstCol + i, text(label), style));
  }
}

/** A row of header labels on the row being built. */
export function headerRow(s: RowSink, labels: readonly string[], firstCol = 1, style: CellStyle = HEADER_STYLE): void {
  labels.forEach((label, i) => s.put(firstCol + i, text(label), style));
}

export { RowSink };

/** "12,5%" style share for texts; numbers go to cells with PERCENT_FORMAT instead. */
export function percentText(x: number): string {
  return `${Math.round(x * 100)}%`;
}
