/**
 * "Dữ liệu": the long table for PivotTables and Power BI — one row per indicator row of every file, each
 * traceable to its file, sheet and cell. Header on row 1, no title, so the range reads as a table.
 * Rows are generated as the writer asks for them: a national rollup has a million cells here.
 */
import type { PlannedRow, SheetPlan } from '../plan/types';
import { RowSink, headerRow, num, statusLabel, statusStyle, text } from './plan-cells';
import type { RollupModel } from './types';

export const DATA_SHEET = 'Dữ liệu';

export const DATA_COLUMNS = [
  'Xã, phường', 'Tệp', 'Trang tính', 'Ô', 'Mã (STT)', 'Mã chỉ tiêu', 'Tên chỉ tiêu (như ghi)', 'Đơn vị',
  'Chỉ tiêu (như ghi)', 'Phép so sánh', 'Giá trị chỉ tiêu', 'Kết quả (như ghi)', 'Giá trị kết quả', 'Trạng thái',
  'Mã trạng thái', 'Độ tin cậy khớp', 'Được tính',
] as const;

const CONFIDENCE_STYLE = { numFmt: '0.00' } as const;

function* dataRows(model: RollupModel): Generator<PlannedRow> {
  const s = new RowSink();
  headerRow(s.start(1), DATA_COLUMNS);
  yield s.take();
  let r = 1;
  for (const ind of model.indicators) {
    for (const v of ind.values) {
      s.start(++r);
      s.put(1, text(v.commune));
      s.put(2, text(v.file));
      s.put(3, text(v.sheet));
      s.put(4, text(v.cell));
      s.put(5, text(v.code));
      s.put(6, text(ind.key));
      s.put(7, text(v.name));
      s.put(8, text(v.unit));
      s.put(9, text(v.target?.text));
      s.put(10, text(v.target?.op));
      s.put(11, num(v.target?.value));
      s.put(12, text(v.actual?.text));
      s.put(13, num(v.actual?.value));
      s.put(14, text(statusLabel(v.status)), statusStyle(v.status));
      s.put(15, text(v.status));
      s.put(16, num(v.match?.confidence), CONFIDENCE_STYLE);
      // An invalid figure is shown but never counted, so the PivotTable filter "Được tính = Có" gives honest totals.
      s.put(17, text(v.counted && v.status !== 'invalid' ? 'Có' : 'Không'));
      yield s.take();
    }
  }
}

export function dataPlan(model: RollupModel): SheetPlan {
  return {
    name: DATA_SHEET,
    rows: () => dataRows(model),
    columnWidths: [18, 30, 14, 6, 7, 24, 50, 8, 16, 8, 10, 16, 10, 16, 12, 10, 9],
    freezeRows: 1,
  };
}
