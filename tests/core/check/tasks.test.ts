import { checkWorkbook } from '../../../src/core/check/check';
import { bookOf, sheetOf } from '../../helpers/grid';

describe('task tables', () => {
  it('judges progress from the result column, else the evaluation column, and overdue against the report date', () => {
    const report = checkWorkbook(bookOf(sheetOf('NV', [
      ['(Kèm theo Báo cáo số 12/BC-UBND ngày 24/4/2026 của UBND xã Phú Thịnh)'],
      ['STT', 'Tên nhiệm vụ', 'Thời hạn hoàn thành', 'Kết quả thực hiện', 'Đánh giá'],
      ['1', 'Số hóa di tích', '7/2025', 'Chưa thực hiện', ''],
      ['2', 'Bản đồ số', 'Quý IV/2026', 'Đang triển khai', ''],
      ['3', 'Chợ 4.0', '2025', '', 'Hoàn thành'],
      ['4', 'Tập huấn', 'Hàng năm', '', ''],
    ])), { file: 'x.xlsx' });
    const t = report.tables[0];
    expect(t?.kind).toBe('tasks');
    expect(t?.rows.map(r => [r.row, r.status])).toEqual([[3, 'overdue'], [4, 'in_progress'], [5, 'done'], [6, 'no_data']]);
    expect(report.reportDate).toBe('2026-04-24');
  });
});
