import { STATUS_LABELS } from '../../../src/core/check/labels';
import { STATUS_COLOURS } from '../../../src/core/plan/palette';
import { checkWorkbook } from '../../../src/core/check/check';
import { parseCellAddress } from '../../../src/core/grid/address';
import type { SheetGrid } from '../../../src/core/grid/types';
import { planStatusColumn, repeatedHeaderRows } from '../../../src/core/plan/status-column';
import { bookOf, sheetOf } from '../../helpers/grid';
import { indicatorRow, indicatorTable, taskRow, taskTable } from './build-report';

describe('planStatusColumn', () => {
  it('targets the first column right of the table, header first, one labelled cell per row', () => {
    const t = indicatorTable('PL', 'A5:H9', 5, [indicatorRow(8, 'not_met'), indicatorRow(6, 'met'), indicatorRow(7, 'manual')]);
    const plan = planStatusColumn(t);
    expect(plan?.sheet).toBe('PL');
    expect(plan?.column).toBe('I');
    expect(plan?.cells.map(c => c.address)).toEqual(['I5', 'I6', 'I7', 'I8']);
    expect(plan?.cells[0]).toEqual({ address: 'I5', value: 'Trạng thái' });
    expect(plan?.cells[1]).toEqual({ address: 'I6', value: STATUS_LABELS.met.vi, fill: STATUS_COLOURS.met.fill, fontColor: STATUS_COLOURS.met.font });
    expect(plan?.cells[3]?.value).toBe(STATUS_LABELS.not_met.vi);
  });

  it('speaks English on request and handles task tables past column Z', () => {
    const t = taskTable('NV', 'C3:Z5', 3, [taskRow(4, 'overdue'), taskRow(5, 'done')]);
    const plan = planStatusColumn(t, 'en');
    expect(plan?.column).toBe('AA');
    expect(plan?.cells.map(c => c.value)).toEqual(['Status', 'Overdue', 'Done']);
  });

  it('returns null for an unreadable range', () => {
    expect(planStatusColumn(indicatorTable('X', 'nonsense', 1, []))).toBeNull();
  });
});

describe('status column round trip', () => {
  // A table whose header repeats after a page break, as pasted from Word.
  const header = ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu năm 2026', 'Kết quả thực hiện năm 2026'];
  const sheet = sheetOf('PL', [
    ['BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2026'],
    header,
    ['1', 'Tỷ lệ phủ sóng 5G', '%', '≥ 90%', '72,5'],
    ['2', 'Tỷ lệ hộ gia đình có cáp quang', '%', '100%', '100'],
    header,
    ['3', 'Tỷ lệ hồ sơ trực tuyến toàn trình', '%', '≥ 80%', '85'],
    ['4', 'Số cuộc họp trực tuyến', 'Cuộc', '≥ 12', '14'],
  ]);

  function write(grid: SheetGrid, cells: readonly { address: string; value: string }[]): SheetGrid {
    const rows = grid.rows.map(r => (r ? [...r] : []));
    for (const c of cells) {
      const at = parseCellAddress(c.address)!;
      const row = rows[at.row - 1] ?? [];
      row[at.col - 1] = { v: { t: 's', s: c.value } };
      rows[at.row - 1] = row;
    }
    return { ...grid, rows, colCount: Math.max(grid.colCount, ...cells.map(c => parseCellAddress(c.address)!.col)) };
  }

  it('writes the header at the repeated header row too, so the next check still finds one table', () => {
    const before = checkWorkbook(bookOf(sheet), { file: 'x.xlsx' });
    expect(before.tables).toHaveLength(1);
    const table = before.tables[0]!;
    expect(repeatedHeaderRows(table, sheet)).toEqual([5]);
    const plan = planStatusColumn(table, 'vi', sheet)!;
    expect(plan.cells.filter(c => c.value === 'Trạng thái').map(c => c.address)).toEqual(['F2', 'F5']);

    const after = checkWorkbook(bookOf(write(sheet, plan.cells)), { file: 'x.xlsx' });
    expect(after.tables).toHaveLength(1);
    expect(after.tables[0]!.rows.map(r => [r.row, r.status])).toEqual(table.rows.map(r => [r.row, r.status]));
  });

  it('without the sheet (the old plan) the repeat lacks the new column and still continues the table', () => {
    // Two safeguards: the plan heads the repeat too (above), and recognition continues a table at a partial repeat
    // of its header (a column appended after the header was copied), so even the old plan keeps one table.
    const table = checkWorkbook(bookOf(sheet), { file: 'x.xlsx' }).tables[0]!;
    const plan = planStatusColumn(table, 'vi')!;
    expect(plan.cells.filter(c => c.value === 'Trạng thái').map(c => c.address)).toEqual(['F2']);
    const after = checkWorkbook(bookOf(write(sheet, plan.cells)), { file: 'x.xlsx' });
    expect(after.tables).toHaveLength(1);
    expect(after.tables[0]!.rows.map(r => [r.row, r.status])).toEqual(table.rows.map(r => [r.row, r.status]));
  });
});
