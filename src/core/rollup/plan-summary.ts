/**
 * "Tổng hợp": one row per indicator, one column per commune with its result coloured by status, the shared
 * target, counts per status, the share met and min / median / max.
 */
import { columnLetter } from '../grid/address';
import type { ChartPlan, PlannedRow, SheetPlan } from '../plan/types';
import { CENTER, HEADER_STYLE, RowSink, PERCENT_FORMAT, TITLE_STYLE, num, statusLabel, statusStyle, text } from './plan-cells';
import type { CountStatus, RollupIndicator, RollupModel, RollupValue } from './types';

export const SUMMARY_SHEET = 'Tổng hợp';
export const SUMMARY_HEADER_ROW = 4;

const COUNTED: readonly (readonly [CountStatus, string])[] = [
  ['met', 'Đạt'], ['not_met', 'Chưa đạt'], ['at_risk', 'Có nguy cơ'], ['no_data', 'Chưa có số liệu'], ['not_reported', 'Không báo cáo'],
];
const OTHER: readonly CountStatus[] = ['not_applicable', 'manual', 'no_target', 'invalid'];
const LEGEND: readonly CountStatus[] = ['met', 'not_met', 'at_risk', 'no_data', 'not_applicable', 'manual', 'no_target', 'invalid', 'not_reported'];

/** Fixed columns before the communes. */
export const SUMMARY_COLUMNS = [
  'STT', 'Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị', 'Chỉ tiêu chung',
  ...COUNTED.map(([, label]) => label), 'Khác', 'Tỷ lệ đạt', 'Nhỏ nhất', 'Trung vị', 'Lớn nhất',
] as const;

function cellOf(v: RollupValue | null): { value: ReturnType<typeof text>; status: CountStatus } {
  if (!v) return { value: text('—'), status: 'not_reported' };
  const n = v.actual?.value;
  if (typeof n === 'number' && Number.isFinite(n)) return { value: num(n), status: v.status };
  const written = v.actual?.text.trim();
  return { value: text(written ? written : statusLabel(v.status)), status: v.status };
}

function targetText(ind: RollupIndicator): string {
  if (ind.sharedTarget) return ind.sharedTarget.text;
  return ind.values.some(v => v.target !== null) ? 'Khác nhau giữa các xã' : '';
}

const WRAP = { wrap: true } as const;
const PERCENT = { numFmt: PERCENT_FORMAT } as const;

/** The sheet's rows, made as the writer asks (a national rollup has 3,321 commune columns per indicator row). */
function* summaryRows(model: RollupModel, legendRow: number): Generator<PlannedRow> {
  const s = new RowSink();
  const communes = model.columns.length;
  const unreadable = model.communes.filter(c => c.error !== null).length;
  s.start(1).put(1, text('TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU (NGHỊ QUYẾT 57-NQ/TW)'), TITLE_STYLE);
  yield s.take();
  s.start(2).put(1, text(`${communes} xã, phường; ${model.communes.length} tệp${unreadable > 0 ? `, ${unreadable} tệp không đọc được (xem "Cần xem lại")` : ''}`));
  yield s.take();
  const first = SUMMARY_COLUMNS.length + 1;
  s.start(SUMMARY_HEADER_ROW);
  SUMMARY_COLUMNS.forEach((label, i) => {
    const status = COUNTED.find(([, l]) => l === label)?.[0];
    s.put(i + 1, text(label), status ? statusStyle(status, HEADER_STYLE) : HEADER_STYLE);
  });
  model.columns.forEach((c, i) => s.put(first + i, text(c.commune), HEADER_STYLE));
  yield s.take();

  for (const [i, ind] of model.indicators.entries()) {
    s.start(SUMMARY_HEADER_ROW + 1 + i);
    s.put(1, num(i + 1));
    s.put(2, text(ind.key));
    s.put(3, text(ind.name), WRAP);
    s.put(4, text(ind.unit));
    s.put(5, text(targetText(ind)));
    COUNTED.forEach(([status], k) => s.put(6 + k, num(ind.counts[status])));
    s.put(6 + COUNTED.length, num(OTHER.reduce((sum, st) => sum + ind.counts[st], 0)));
    s.put(7 + COUNTED.length, num(ind.shareMet), PERCENT);
    s.put(8 + COUNTED.length, num(ind.min));
    s.put(9 + COUNTED.length, num(ind.median));
    s.put(10 + COUNTED.length, num(ind.max));
    ind.byColumn.forEach((v, col) => {
      const { value, status } = cellOf(v);
      s.put(first + col, value, statusStyle(status, CENTER));
    });
    yield s.take();
  }

  s.start(legendRow).put(2, text('Chú thích:'), TITLE_STYLE);
  LEGEND.forEach((status, i) => s.put(3 + i, text(statusLabel(status)), statusStyle(status, CENTER)));
  yield s.take();
}

export function summaryPlan(model: RollupModel): SheetPlan {
  const legendRow = SUMMARY_HEADER_ROW + model.indicators.length + 3;
  const top = SUMMARY_HEADER_ROW + 1;
  const bottom = SUMMARY_HEADER_ROW + model.indicators.length;
  const shareCol = columnLetter(7 + COUNTED.length);
  // The share of communes meeting each indicator, as a bar per indicator, below the legend.
  const charts: ChartPlan[] = model.indicators.length === 0 ? [] : [{
    kind: 'bar',
    title: 'Tỷ lệ xã đạt từng chỉ tiêu',
    categories: `C${top}:C${bottom}`,
    values: `${shareCol}${top}:${shareCol}${bottom}`,
    seriesName: 'Tỷ lệ đạt',
    anchor: `C${legendRow + 2}`,
  }];
  return {
    name: SUMMARY_SHEET,
    rows: () => summaryRows(model, legendRow),
    columnWidths: [5, 24, 60, 10, 18, ...COUNTED.map(() => 9), 7, 8, 9, 9, 9, ...model.columns.map(() => 13)],
    freezeRows: SUMMARY_HEADER_ROW,
    charts,
  };
}
