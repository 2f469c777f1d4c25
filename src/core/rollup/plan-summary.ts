/**
 * "Tổng hợp": one row per indicator, one column per commune with its result coloured by status, the shared
 * target, counts per status, the share met and min / median / max.
 */
import { columnLetter } from '../grid/address';
import type { ChartPlan, PlannedCell, SheetPlan } from '../plan/types';
import { CENTER, CellSink, HEADER_STYLE, PERCENT_FORMAT, TITLE_STYLE, num, statusLabel, statusStyle, text } from './plan-cells';
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

export function summaryPlan(model: RollupModel): SheetPlan {
  const s = new CellSink();
  const communes = model.columns.length;
  const unreadable = model.communes.filter(c => c.error !== null).length;
  s.put(1, 1, text('TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU (NGHỊ QUYẾT 57-NQ/TW)'), TITLE_STYLE);
  s.put(2, 1, text(`${communes} xã, phường; ${model.communes.length} tệp${unreadable > 0 ? `, ${unreadable} tệp không đọc được (xem "Cần xem lại")` : ''}`));
  const first = SUMMARY_COLUMNS.length + 1;
  SUMMARY_COLUMNS.forEach((label, i) => {
    const status = COUNTED.find(([, l]) => l === label)?.[0];
    s.put(SUMMARY_HEADER_ROW, i + 1, text(label), status ? statusStyle(status, HEADER_STYLE) : HEADER_STYLE);
  });
  model.columns.forEach((c, i) => s.put(SUMMARY_HEADER_ROW, first + i, text(c.commune), HEADER_STYLE));

  model.indicators.forEach((ind, i) => {
    const r = SUMMARY_HEADER_ROW + 1 + i;
    s.put(r, 1, num(i + 1));
    s.put(r, 2, text(ind.key));
    s.put(r, 3, text(ind.name), { wrap: true });
    s.put(r, 4, text(ind.unit));
    s.put(r, 5, text(targetText(ind)));
    COUNTED.forEach(([status], k) => s.put(r, 6 + k, num(ind.counts[status])));
    s.put(r, 6 + COUNTED.length, num(OTHER.reduce((sum, st) => sum + ind.counts[st], 0)));
    s.put(r, 7 + COUNTED.length, num(ind.shareMet), { numFmt: PERCENT_FORMAT });
    s.put(r, 8 + COUNTED.length, num(ind.min));
    s.put(r, 9 + COUNTED.length, num(ind.median));
    s.put(r, 10 + COUNTED.length, num(ind.max));
    ind.byColumn.forEach((v, col) => {
      const { value, status } = cellOf(v);
      s.put(r, first + col, value, statusStyle(status, CENTER));
    });
  });

  const legendRow = SUMMARY_HEADER_ROW + model.indicators.length + 3;
  s.put(legendRow, 2, text('Chú thích:'), TITLE_STYLE);
  LEGEND.forEach((status, i) => s.put(legendRow, 3 + i, text(statusLabel(status)), statusStyle(status, CENTER)));

  const cells: PlannedCell[] = s.cells;
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
    cells,
    columnWidths: [5, 24, 60, 10, 18, ...COUNTED.map(() => 9), 7, 8, 9, 9, 9, ...model.columns.map(() => 13)],
    freezeRows: SUMMARY_HEADER_ROW,
    charts,
  };
}
