/**
 * "Dữ liệu": the long table for PivotTables and Power BI — one row per indicator row of every file, each linked to
 * its source cell (column "Ô"). Header on row 1, no title, so the range reads as a table; commune and indicator stay
 * in view (frozen columns A–B); internal codes (catalog id, status code) sit at the far end.
 * Rows are generated as the writer asks for them: a national rollup has a million cells here.
 */
import type { CellStyle, PlannedRow, PlanValue, SheetPlan } from '../plan/types';
import { columnLetter } from '../grid/address';
import { CONFIDENCE_FORMAT, RowSink, fitWidths, formatStyle, headerRow, num, numberFormat, sourceLink, statusLabel, statusStyle, text } from './plan-cells';
import { printSetup, type PlanContext } from './plan-context';
import type { RollupModel } from './types';

export const DATA_SHEET = 'Dữ liệu';

/** Read back by `--previous` by these names (see previous.ts): rename with care. */
export const DATA_COLUMNS = [
  'Xã, phường', 'Chỉ tiêu', 'Tên chỉ tiêu (như ghi)', 'Đơn vị', 'Mục tiêu (như ghi)', 'Phép so sánh', 'Giá trị mục tiêu',
  'Kết quả (như ghi)', 'Giá trị kết quả', 'Trạng thái', 'Được tính', 'Dùng cho xã', 'Độ tin cậy khớp', 'Tệp', 'Trang tính', 'Ô',
  'Mã (STT)', 'Mã chỉ tiêu', 'Mã trạng thái',
] as const;

/** Header labels of the columns that `--previous` reads back (see previous.ts). */
export const PREVIOUS_HEADERS = {
  commune: 'Xã, phường', key: 'Mã chỉ tiêu', name: 'Tên chỉ tiêu (như ghi)', unit: 'Đơn vị', op: 'Phép so sánh',
  value: 'Giá trị kết quả', status: 'Mã trạng thái', counted: 'Được tính', placed: 'Dùng cho xã',
} as const satisfies Record<string, (typeof DATA_COLUMNS)[number]>;

/** Those columns (1-based), kept beside the sheet by the file writer so next month's run need not parse it. */
export const PREVIOUS_COLUMNS: readonly number[] = Object.values(PREVIOUS_HEADERS)
  .map(label => DATA_COLUMNS.indexOf(label) + 1).sort((a, b) => a - b);

const CONFIDENCE = { numFmt: CONFIDENCE_FORMAT } as const;

function* dataRows(model: RollupModel, ctx: PlanContext): Generator<PlannedRow> {
  const s = new RowSink();
  headerRow(s.start(1), DATA_COLUMNS);
  yield s.take();
  let r = 1;
  // Values are immutable, so what repeats down the table is made once: a national sheet has 60,000 rows.
  const YES = text('Có'), NO = text('Không');
  const statusCells = new Map<string, { readonly label: PlanValue; readonly style: CellStyle; readonly code: PlanValue }>();
  for (const ind of model.indicators) {
    const name = text(ind.name), key = text(ind.key);
    for (const v of ind.values) {
      s.start(++r);
      s.put(1, text(v.commune));
      s.put(2, name);
      s.put(3, text(v.name));
      s.put(4, text(v.unit));
      s.put(5, text(v.target?.text));
      s.put(6, text(v.target?.op));
      const t = v.target?.value;
      if (typeof t === 'number') s.put(7, num(t), formatStyle(numberFormat(v.unit, t)));
      s.put(8, text(v.actual?.text));
      const a = v.actual?.value;
      if (typeof a === 'number') s.put(9, num(a), formatStyle(numberFormat(v.unit, a)));
      let status = statusCells.get(v.status);
      if (status === undefined) {
        status = { label: text(statusLabel(v.status)), style: statusStyle(v.status), code: text(v.status) };
        statusCells.set(v.status, status);
      }
      s.put(10, status.label, status.style);
      // An invalid figure is shown but never counted, so the PivotTable filter "Được tính = Có" gives honest totals.
      s.put(11, v.counted && v.status !== 'invalid' ? YES : NO);
      // The value the commune's column shows (Tổng hợp), invalid or not: one row per commune and indicator, and what
      // next month's --previous takes as this month (an invalid figure of a superseded file is not).
      s.put(12, v.counted ? YES : NO);
      s.put(13, num(v.match?.confidence), CONFIDENCE);
      const file = ctx.rel(v.file);
      s.put(14, text(file));
      s.put(15, text(v.sheet));
      s.put(16, sourceLink(v.cell, file, v.sheet, v.cell));
      s.put(17, text(v.code));
      s.put(18, key);
      s.put(19, status.code);
      yield s.take();
    }
  }
}

export function dataPlan(model: RollupModel, ctx: PlanContext): SheetPlan {
  const rows = 1 + model.indicators.reduce((n, i) => n + i.values.length, 0);
  return {
    name: DATA_SHEET,
    rows: () => dataRows(model, ctx),
    columnWidths: fitWidths(DATA_COLUMNS, [18, 50, 50, 8, 16, 8, 10, 16, 10, 18, 9, 9, 10, 40, 14, 6, 7, 24, 12]),
    freezeRows: 1,
    freezeColumns: 2,
    autoFilter: `A1:${columnLetter(DATA_COLUMNS.length)}${rows}`,
    print: printSetup(ctx, DATA_SHEET, [1, 1], [1, 2]),
    projection: PREVIOUS_COLUMNS,
  };
}
