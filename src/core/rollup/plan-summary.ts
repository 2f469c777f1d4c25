/**
 * "Tổng hợp": one row per indicator, one column per commune with its result coloured by status and linked to its
 * source cell, the shared target, counts per status, the share met and min / median / max. Names stay in view
 * (frozen rows 1–4 and columns A–B), the catalog id sits hidden at the far end, and the status legend follows the table.
 */
import { columnLetter } from '../grid/address';
import { legendCells } from '../status/legend';
import type { ChartPlan, PlannedRow, SheetPlan } from '../plan/types';
import {
  CENTER, HEADER_STYLE, PERCENT_FORMAT, RowSink, TITLE_STYLE, formatStyle, num, numberFormat, numberText, sourceLink,
  statusLabel, statusStyle, text,
} from './plan-cells';
import { printSetup, type PlanContext } from './plan-context';
import type { CountStatus, RollupIndicator, RollupModel, RollupValue } from './types';

export const SUMMARY_SHEET = 'Tổng hợp';
export const SUMMARY_HEADER_ROW = 4;

const COUNTED: readonly (readonly [CountStatus, string])[] = [
  ['met', statusLabel('met')], ['not_met', statusLabel('not_met')], ['at_risk', statusLabel('at_risk')],
  ['no_data', statusLabel('no_data')], ['not_reported', statusLabel('not_reported')],
];
const OTHER: readonly CountStatus[] = ['not_applicable', 'manual', 'no_target', 'invalid'];

/** Fixed columns before the communes; the catalog id comes after them. */
export const SUMMARY_COLUMNS = [
  'STT', 'Chỉ tiêu', 'Đơn vị', 'Mục tiêu chung', ...COUNTED.map(([, label]) => label), 'Khác', 'Tỷ lệ đạt',
  'Nhỏ nhất', 'Trung vị', 'Lớn nhất',
] as const;
export const SUMMARY_KEY_HEADER = 'Mã chỉ tiêu';
const COL = { stt: 1, name: 2, unit: 3, target: 4, counts: 5, other: 5 + COUNTED.length, share: 6 + COUNTED.length,
  min: 7 + COUNTED.length, median: 8 + COUNTED.length, max: 9 + COUNTED.length } as const;

const PERCENT = { numFmt: PERCENT_FORMAT } as const;
const LINKED = { ...CENTER } as const;

function targetText(ind: RollupIndicator): string {
  if (ind.sharedTarget) return ind.sharedTarget.text;
  return ind.values.some(v => v.target !== null) ? 'Khác nhau giữa các xã' : '';
}

/** A commune's cell: its figure (a number) or words, linked to the source cell, in its status colour. */
function putValue(s: RowSink, col: number, ind: RollupIndicator, v: RollupValue | null, file: string): void {
  if (!v) { s.put(col, text('—'), statusStyle('not_reported', CENTER)); return; }
  const n = v.actual?.value;
  if (typeof n === 'number' && Number.isFinite(n)) {
    // The cell keeps the number at full precision (sortable, summable); the format shows "94,7" (as Dữ liệu does).
    s.put(col, sourceLink(numberText(ind.unit, n), file, v.sheet, v.cell, n), formatStyle(numberFormat(ind.unit, n), statusStyle(v.status, LINKED)));
    return;
  }
  const written = v.actual?.text.trim();
  s.put(col, sourceLink(written ? written : statusLabel(v.status), file, v.sheet, v.cell), statusStyle(v.status, LINKED));
}

function putStat(s: RowSink, col: number, ind: RollupIndicator, n: number | null): void {
  if (n === null || !Number.isFinite(n)) return;
  s.put(col, num(n), formatStyle(numberFormat(ind.unit, n)));
}

/** The sheet's rows, made as the writer asks (a national rollup has 3,321 commune columns per indicator row). */
function* summaryRows(model: RollupModel, ctx: PlanContext, legendRow: number): Generator<PlannedRow> {
  const s = new RowSink();
  const communes = model.columns.length;
  const unreadable = model.communes.filter(c => c.error !== null).length;
  const first = SUMMARY_COLUMNS.length + 1;
  const keyCol = first + communes;
  s.start(1).put(1, text('TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU (NGHỊ QUYẾT 57-NQ/TW)'), TITLE_STYLE);
  yield s.take();
  s.start(2).put(1, text(`${ctx.heading} · ${communes} xã, phường; ${model.communes.length - unreadable} tệp đọc được${unreadable > 0 ? `, ${unreadable} tệp không đọc được (xem "Cần xem lại")` : ''}`));
  yield s.take();
  s.start(3).put(1, text('Bấm vào kết quả của một xã để mở ô nguồn trong tệp của xã / click a result to open its source cell'));
  yield s.take();
  s.start(SUMMARY_HEADER_ROW);
  SUMMARY_COLUMNS.forEach((label, i) => {
    const status = COUNTED.find(([, l]) => l === label)?.[0];
    s.put(i + 1, text(label), status ? statusStyle(status, HEADER_STYLE) : HEADER_STYLE);
  });
  model.columns.forEach((c, i) => s.put(first + i, text(c.commune), HEADER_STYLE));
  s.put(keyCol, text(SUMMARY_KEY_HEADER), HEADER_STYLE);
  yield s.take();

  // A commune's column holds the values of its one file (see byColumn): its name relative to the rollup, asked once
  // per column rather than per cell (a national sheet has 70,000 linked cells; each lookup by the value's own path
  // was a likely cache miss: the sheet took 12% longer, alternating in-process writes).
  const columnFiles = model.columns.map(c => c.file);
  const files = columnFiles.map(f => ctx.rel(f));
  for (const [i, ind] of model.indicators.entries()) {
    s.start(SUMMARY_HEADER_ROW + 1 + i);
    s.put(COL.stt, num(i + 1));
    s.put(COL.name, text(ind.name));
    s.put(COL.unit, text(ind.unit));
    s.put(COL.target, text(targetText(ind)));
    COUNTED.forEach(([status], k) => s.put(COL.counts + k, num(ind.counts[status])));
    s.put(COL.other, num(OTHER.reduce((sum, st) => sum + ind.counts[st], 0)));
    s.put(COL.share, num(ind.shareMet), PERCENT);
    putStat(s, COL.min, ind, ind.min);
    putStat(s, COL.median, ind, ind.median);
    putStat(s, COL.max, ind, ind.max);
    ind.byColumn.forEach((v, col) => putValue(s, first + col, ind, v, v !== null && v.file !== columnFiles[col] ? ctx.rel(v.file) : files[col] as string));
    s.put(keyCol, text(ind.key));
    yield s.take();
  }

  yield [{ row: legendRow - 1, col: 2, value: text('Nhỏ nhất, trung vị, lớn nhất và tỷ lệ đạt không tính số liệu không hợp lệ (xem "Cần xem lại").') }];
  for (const row of legendCells(legendRow, 2)) yield row;
}

export function summaryPlan(model: RollupModel, ctx: PlanContext): SheetPlan {
  const top = SUMMARY_HEADER_ROW + 1;
  const bottom = SUMMARY_HEADER_ROW + model.indicators.length;
  const legendRow = bottom + 3;
  const keyCol = SUMMARY_COLUMNS.length + model.columns.length + 1;
  const shareCol = columnLetter(COL.share);
  // The share of communes meeting each indicator, as a bar per indicator, below the legend.
  const charts: ChartPlan[] = model.indicators.length === 0 ? [] : [{
    kind: 'bar',
    title: 'Tỷ lệ xã đạt từng chỉ tiêu',
    categories: `B${top}:B${bottom}`,
    values: `${shareCol}${top}:${shareCol}${bottom}`,
    seriesName: 'Tỷ lệ đạt',
    anchor: `B${legendRow + 12}`,
  }];
  return {
    name: SUMMARY_SHEET,
    rows: () => summaryRows(model, ctx, legendRow),
    columnWidths: [5, 60, 8, 16, ...COUNTED.map(([, label]) => label.length + 2), 7, 10, 10, 10, 10, ...model.columns.map(c => Math.min(Math.max(c.commune.length + 2, 10), 20)), 22],
    hiddenColumns: [keyCol],
    freezeRows: SUMMARY_HEADER_ROW,
    freezeColumns: COL.name,
    autoFilter: `A${SUMMARY_HEADER_ROW}:${columnLetter(keyCol)}${Math.max(bottom, SUMMARY_HEADER_ROW)}`,
    print: printSetup(ctx, SUMMARY_SHEET, [1, SUMMARY_HEADER_ROW], [1, COL.name]),
    charts,
  };
}
