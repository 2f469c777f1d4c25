/**
 * "Dữ liệu": the long table for PivotTables and Power BI — one row per indicator row of every file, each
 * traceable to its file, sheet and cell. Header on row 1, no title, so the range reads as a table.
 */
import type { SheetPlan } from '../plan/types';
import { CellSink, num, statusLabel, statusStyle, text } from './plan-cells';
import type { RollupModel } from './types';

export const DATA_SHEET = 'Dữ liệu';

export const DATA_COLUMNS = [
  'Xã, phường', 'Tệp', 'Trang tính', 'Ô', 'Mã (STT)', 'Mã chỉ tiêu', 'Tên chỉ tiêu (như ghi)', 'Đơn vị',
  'Chỉ tiêu (như ghi)', 'Phép so sánh', 'Giá trị chỉ tiêu', 'Kết quả (như ghi)', 'Giá trị kết quả', 'Trạng thái',
  'Mã trạng thái', 'Độ tin cậy khớp', 'Được tính',
] as const;

export function dataPlan(model: RollupModel): SheetPlan {
  const s = new CellSink();
  s.header(1, DATA_COLUMNS);
  let r = 1;
  for (const ind of model.indicators) {
    for (const v of ind.values) {
      r++;
      s.put(r, 1, text(v.commune));
      s.put(r, 2, text(v.file));
      s.put(r, 3, text(v.sheet));
      s.put(r, 4, text(v.cell));
      s.put(r, 5, text(v.code));
      s.put(r, 6, text(ind.key));
      s.put(r, 7, text(v.name));
      s.put(r, 8, text(v.unit));
      s.put(r, 9, text(v.target?.text));
      s.put(r, 10, text(v.target?.op));
      s.put(r, 11, num(v.target?.value));
      s.put(r, 12, text(v.actual?.text));
      s.put(r, 13, num(v.actual?.value));
      s.put(r, 14, text(statusLabel(v.status)), statusStyle(v.status));
      s.put(r, 15, text(v.status));
      s.put(r, 16, num(v.match?.confidence), { numFmt: '0.00' });
      // An invalid figure is shown but never counted, so the PivotTable filter "Được tính = Có" gives honest totals.
      s.put(r, 17, text(v.counted && v.status !== 'invalid' ? 'Có' : 'Không'));
    }
  }
  return {
    name: DATA_SHEET,
    cells: s.cells,
    columnWidths: [18, 30, 14, 6, 7, 24, 50, 8, 16, 8, 10, 16, 10, 16, 12, 10, 9],
    freezeRows: 1,
  };
}
