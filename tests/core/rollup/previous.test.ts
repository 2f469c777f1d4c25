import { defaultCatalog } from '../../../src/core/catalog/catalog';
import { previousFromGrid, snapshotOfModel } from '../../../src/core/rollup/previous';
import { buildRollup } from '../../../src/core/rollup/build';
import { compareMonths } from '../../../src/core/rollup/compare';
import { communeKey } from '../../../src/core/rollup/communes';
import { rollupPlans } from '../../../src/core/rollup/plan';
import type { PlanValue } from '../../../src/core/plan/types';
import { bookOf, sheetOf, type Raw } from '../../helpers/grid';
import { file } from './build-report';

/** What a cell of a written plan reads back as. */
function raw(v: PlanValue): Raw {
  switch (v.t) {
    case 's': return v.s;
    case 'n': return v.n;
    case 'link': return v.n ?? v.text;
    case 'formula': return typeof v.cached === 'number' || typeof v.cached === 'string' ? v.cached : '';
    case 'empty': return '';
  }
}

const catalog = defaultCatalog();

describe('last month read back from a Dữ liệu sheet', () => {
  it('reads the layout written before this one (columns found by header), re-matching names the id does not give', () => {
    // The column order of the first rollups (ids in the middle, no "Chỉ tiêu" column).
    const header = ['Xã, phường', 'Tệp', 'Trang tính', 'Ô', 'Mã (STT)', 'Mã chỉ tiêu', 'Tên chỉ tiêu (như ghi)', 'Đơn vị',
      'Chỉ tiêu (như ghi)', 'Phép so sánh', 'Giá trị chỉ tiêu', 'Kết quả (như ghi)', 'Giá trị kết quả', 'Trạng thái',
      'Mã trạng thái', 'Độ tin cậy khớp', 'Được tính'];
    const grid = bookOf(sheetOf('Tổng hợp', [['x']]), sheetOf('Dữ liệu', [
      header,
      ['Xã An Bình', 'a.xlsx', 'PL', 'E6', '1', '5g_coverage', 'Tỷ lệ phủ sóng 5G', '%', '≥ 90%', '>=', 90, '95', 95, 'Đạt', 'met', 0.9, 'Có'],
      // A superseded file's row: not counted, so not last month's value.
      ['An Bình', 'a-cu.xlsx', 'PL', 'E6', '1', '5g_coverage', 'Tỷ lệ phủ sóng 5G', '%', '≥ 90%', '>=', 90, '10', 10, 'Chưa đạt', 'not_met', 0.9, 'Không'],
      // An id the catalog no longer has: the name decides.
      ['Bình Minh', 'b.xlsx', 'PL', 'E7', '2', 'old_id', 'Tỷ lệ phủ sóng 5G trên địa bàn xã', '%', '≥ 90%', '>=', 90, '120', 120, 'Số liệu không hợp lệ', 'invalid', 0.9, 'Có'],
      ['', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
      ['Cẩm Lý', 'c.xlsx', 'PL', 'E8', '3', 'x', 'y', '', '', '', '', '', '', 'Lạ', 'not_a_status', '', 'Có'],
    ]));
    const read = previousFromGrid(grid, catalog);
    if (!read.ok) throw new Error(read.error);
    expect(read.sheet).toBe('Dữ liệu');
    expect(read.snapshot.entries).toEqual([
      expect.objectContaining({ commune: 'Xã An Bình', communeKey: communeKey('An Bình'), indicator: '5g_coverage', status: 'met', value: 95, op: '>=' }),
      expect.objectContaining({ commune: 'Bình Minh', indicator: '5g_coverage', status: 'invalid', value: 120 }),
    ]);
  });

  it('resolves each row on its own wording, however often an id or a commune repeats', () => {
    const header = ['Xã, phường', 'Mã chỉ tiêu', 'Tên chỉ tiêu (như ghi)', 'Đơn vị', 'Mã trạng thái', 'Được tính'];
    const grid = bookOf(sheetOf('Dữ liệu', [
      header,
      // A catalog id reads as the catalog names it, whatever the row wrote.
      ['Xã An Bình', '5g_coverage', 'Phủ sóng 5G (cách ghi của xã)', '%', 'met', 'Có'],
      // One stale id under two wordings: each is matched on its own.
      ['Xã An Bình', 'old_id', 'Tỷ lệ phủ sóng 5G trên địa bàn xã', '%', 'met', 'Có'],
      ['Bình Minh', 'old_id', 'Số sáng kiến được công nhận hoàn toàn khác', 'sáng kiến', 'not_met', 'Có'],
      // The same commune spelled another way: one key, the first spelling kept.
      ['An Bình', '5g_coverage', 'Tỷ lệ phủ sóng 5G', '%', 'not_met', 'Có'],
      ['Bình Minh', '5g_coverage', 'Tỷ lệ phủ sóng 5G', '%', 'met', 'Có'],
    ]));
    const read = previousFromGrid(grid, catalog);
    if (!read.ok) throw new Error(read.error);
    const catalogName = catalog.indicators.find(i => i.id === '5g_coverage')?.name;
    const [first, second, third, ...rest] = read.snapshot.entries;
    expect(first).toMatchObject({ commune: 'Xã An Bình', indicator: '5g_coverage', indicatorName: catalogName, status: 'met' });
    // The second row is An Bình's 5G again (matched by its name): the first one counted stays.
    expect(second?.commune).toBe('Bình Minh');
    expect(second?.indicator).not.toBe('5g_coverage');
    expect(third).toMatchObject({ commune: 'Bình Minh', indicator: '5g_coverage', status: 'met' });
    expect(rest).toEqual([]);
    expect(read.snapshot.communes).toEqual([{ key: communeKey('an bình'), name: 'Xã An Bình' }, { key: communeKey('BÌNH MINH'), name: 'Bình Minh' }]);
  });

  it('a month read back from its own Dữ liệu is that month: compared with itself, nothing changed', () => {
    // Communes sending two files (the older one superseded) with invalid figures the kept file does not have, an
    // indicator twice in one file, an unreadable file, a commune reporting nothing: each placed value once, no other.
    const files = [
      file('an-cu.xlsx', 'Xã An Bình', [
        { row: 6, name: 'Tỷ lệ phủ sóng 5G trên địa bàn xã', status: 'invalid', actual: 120, target: { op: '>=', value: 90 } },
        { row: 7, name: 'Tỷ lệ hộ gia đình có kết nối cáp quang', status: 'met', actual: 99, target: { op: '>=', value: 90 } },
      ], { reportDate: '2026-03-01' }),
      file('an.xlsx', 'An Bình', [
        { row: 7, name: 'Tỷ lệ hộ gia đình có kết nối cáp quang', status: 'invalid', actual: 130, target: { op: '>=', value: 90 } },
      ], { reportDate: '2026-04-24' }),
      file('binh.xlsx', 'Bình Minh', [
        { row: 6, name: 'Tỷ lệ phủ sóng 5G trên địa bàn xã', status: 'invalid', actual: -5, target: { op: '>=', value: 90 } },
        { row: 9, name: 'Tỷ lệ phủ sóng 5G trên địa bàn xã', status: 'met', actual: 95, target: { op: '>=', value: 90 } },
      ]),
      file('cam.xlsx', 'Cẩm Lý', []),
    ];
    const model = buildRollup({ files });
    const data = rollupPlans(model).find(p => p.name === 'Dữ liệu');
    if (!data) throw new Error('no Dữ liệu plan');
    const rows: Raw[][] = [];
    for (const r of data.rows()) for (const c of r) (rows[c.row - 1] ??= [])[c.col - 1] = raw(c.value);
    const read = previousFromGrid(bookOf(sheetOf('Dữ liệu', rows)), catalog);
    if (!read.ok) throw new Error(read.error);
    const month = snapshotOfModel(model);
    expect(read.snapshot.entries).toHaveLength(month.entries.length);
    const comparison = compareMonths(read.snapshot, month);
    expect(comparison.changes.filter(c => c.change !== 'unchanged')).toEqual([]);
    expect(comparison.changes.map(c => c.before)).toEqual(comparison.changes.map(c => c.after));
  });

  it('says why a workbook is not a rollup', () => {
    const r = previousFromGrid(bookOf(sheetOf('PL mục tiêu', [['TT', 'Chỉ tiêu']])), catalog);
    expect(r).toEqual({ ok: false, error: expect.stringContaining('Dữ liệu') });
    const bad = previousFromGrid(bookOf(sheetOf('Dữ liệu', [['Xã, phường', 'Tệp']])), catalog);
    expect(bad).toEqual({ ok: false, error: expect.stringContaining('Mã chỉ tiêu') });
  });

  it('a month from a model keeps the value placed in each commune column', () => {
    const m = buildRollup({ files: [file('a.xlsx', 'An Bình', [{ row: 6, name: 'Tỷ lệ phủ sóng 5G trên địa bàn xã', status: 'met', actual: 95, target: { op: '>=', value: 90 } }])] });
    expect(snapshotOfModel(m).entries).toEqual([expect.objectContaining({ commune: 'An Bình', indicator: '5g_coverage', status: 'met', value: 95, op: '>=' })]);
  });
});
