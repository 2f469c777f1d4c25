/**
 * Cell helpers for the rollup sheet plans. Text copied from commune files always goes through `text`, a plain
 * string value: "=HYPERLINK(…)" or "+cmd|…" in a commune file arrives as text, never as a formula.
 */
import { STATUS_COLOURS, STATUS_LABELS, type PaletteStatus } from '../plan/palette';
import { RowSink } from '../plan/rows';
import { memoNumber } from '../text/memo';
import type { CellStyle, PlanValue } from '../plan/types';

/**
 * Headers and names are not wrapped: a wrapped cell needs a taller row, which a file writer cannot size without
 * measuring fonts, so wrapped text would overlap the next row in LibreOffice and in print. Widths fit the labels instead.
 */
export const HEADER_STYLE: CellStyle = { bold: true, fill: 'D9E1F2', align: 'center' };
export const TITLE_STYLE: CellStyle = { bold: true };
/** Shares (0 … 1) with one decimal: "83,3 %" in a Vietnamese Excel, "83.3%" in an English one. */
export const PERCENT_FORMAT = '0.0%';
/** Match confidence, shown as the pane shows it ("92%"). */
export const CONFIDENCE_FORMAT = '0%';

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

/** A row of header labels on the row being built. */
export function headerRow(s: RowSink, labels: readonly string[], firstCol = 1, style: CellStyle = HEADER_STYLE): void {
  labels.forEach((label, i) => s.put(firstCol + i, text(label), style));
}

export { RowSink };

/** "12,5%" style share for texts; numbers go to cells with PERCENT_FORMAT instead. */
export function percentText(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** How a commune's figure is shown: one decimal for percentages, thousands grouped otherwise; the cell keeps every digit. */
export function numberFormat(unit: string | null, n: number): string {
  if (unit !== null && unit.includes('%')) return '0.0';
  return Number.isInteger(n) ? '#,##0' : '#,##0.0#';
}

const VI_NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const VI_PERCENT_POINTS = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

// A national summary formats 60,000 figures of a few thousand distinct values, and Intl's format costs about a
// microsecond each: the texts are remembered per number.
const percentPoints = memoNumber(n => VI_PERCENT_POINTS.format(n));
const viNumber = memoNumber(n => VI_NUMBER.format(n));

/** The same figure as text, a link's display text (the cell itself keeps the number): "94,7" rather than "94.7042253521". */
export function numberText(unit: string | null, n: number): string {
  return unit !== null && unit.includes('%') ? percentPoints(n) : viNumber(n);
}

/** A hyperlink to a commune file's cell; `file` is relative to the rollup's folder. The cell holds `n` when given. */
export function sourceLink(shown: string, file: string, sheet: string, cell: string, n?: number): PlanValue {
  return n !== undefined && Number.isFinite(n) ? { t: 'link', text: shown, n, sheet, cell, file } : { t: 'link', text: shown, sheet, cell, file };
}

/** Formats are few, so one style object per (format, status) is enough for a million cells. */
const formatCache = new WeakMap<CellStyle, Map<string, CellStyle>>();
export function formatStyle(numFmt: string, base: CellStyle = NO_EXTRA): CellStyle {
  let byFormat = formatCache.get(base);
  if (!byFormat) { byFormat = new Map(); formatCache.set(base, byFormat); }
  let style = byFormat.get(numFmt);
  if (!style) { style = { ...base, numFmt }; byFormat.set(numFmt, style); }
  return style;
}

/** Column widths at least as wide as their (unwrapped) header labels. */
export function fitWidths(labels: readonly string[], widths: readonly number[]): number[] {
  return labels.map((l, i) => Math.max(widths[i] ?? 8, l.length + 2));
}
