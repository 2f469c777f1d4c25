import { simpleTotal } from '../../../../src/core/audit/rules/totals';
import { audit, cellsOf, put, ratioTable, valueAt } from '../build';

describe('simpleTotal', () => {
  it('reads SUM, SUBTOTAL(9 or 109), sums of SUMs and "+" chains', () => {
    expect(simpleTotal('SUM(E5:E16)')?.fn).toBe('SUM');
    expect(simpleTotal('SUM(E5:E10,E12:E16)')?.refs).toHaveLength(2);
    expect(simpleTotal('SUBTOTAL(9,E5:E16)')?.fn).toBe('SUBTOTAL');
    expect(simpleTotal('SUBTOTAL(109;E5:E16)')?.fn).toBe('SUBTOTAL');
    expect(simpleTotal('SUM(E5:E9)+SUM(E11:E15)')?.refs).toHaveLength(2);
    expect(simpleTotal('C4+C5+C6')).toMatchObject({ fn: 'PLUS' });
    expect(simpleTotal('AVERAGE(G5:G16)')).toMatchObject({ fn: 'AVERAGE' });
  });

  it('leaves everything else alone', () => {
    for (const f of ['SUBTOTAL(1,E5:E16)', 'SUM(E5:E16)/2', 'AVERAGE(E5:E16)+1', 'SUM(A1)+AVERAGE(B1:B3)', 'C4', 'C4-C5', 'SUM(E5:E16', 'SUM()', '']) {
      expect(simpleTotal(f)).toBeNull();
    }
  });
});

describe('total range', () => {
  it('fires on a SUM that omits the last or the first row of its block', () => {
    const t = ratioTable({ rows: 12, total: true });
    const tr = t.totalRow ?? 0;
    put(t.grid, `${t.col.num}${tr}`, { f: `SUM(${t.col.num}${t.first}:${t.col.num}${t.last - 1})`, v: 1 });
    put(t.grid, `${t.col.den}${tr}`, { f: `SUM(${t.col.den}${t.first + 1}:${t.col.den}${t.last})`, v: 1 });
    const f = audit(t.grid);
    expect(cellsOf(f)).toEqual([`${t.col.num}${tr}`, `${t.col.den}${tr}`]);
    expect(f[0]).toMatchObject({ rule: 'total-range', severity: 'error' });
    expect(f[0]?.message).toContain(`bỏ sót ${t.col.num}${t.last}`);
    expect(f[0]?.message).toContain(`=SUM(${t.col.num}${t.first}:${t.col.num}${t.last})`);
    expect(f[1]?.message).toContain(`bỏ sót ${t.col.den}${t.first}`);
  });

  it('fires on a SUM that includes its own header', () => {
    const t = ratioTable({ top: 6, left: 2, rows: 8, total: true });
    const tr = t.totalRow ?? 0;
    put(t.grid, `${t.col.num}${tr}`, { f: `SUM(${t.col.num}${t.first - 1}:${t.col.num}${t.last})`, v: 1 });
    const f = audit(t.grid);
    expect(cellsOf(f)).toEqual([`${t.col.num}${tr}`]);
    expect(f[0]?.message).toContain(`tiêu đề ${t.col.num}${t.first - 1}`);
  });

  it('fires on a total across a row that skips a column', () => {
    const grid = [
      ['Nội dung', 'Quý I', 'Quý II', 'Quý III', 'Quý IV', 'Cả năm'],
      ['Hồ sơ trực tuyến', 10, 20, 30, 40, { f: 'SUM(B2:D2)', v: 60 }],
      ['Hồ sơ trực tiếp', 5, 5, 5, 5, { f: 'SUM(B3:E3)', v: 20 }],
    ];
    expect(cellsOf(audit(grid), 'total-range')).toEqual(['F2']);
  });

  it('fires on an AVERAGE on the total line that leaves out a row', () => {
    const t = ratioTable({ rows: 9, total: true });
    const tr = t.totalRow ?? 0;
    put(t.grid, `${t.col.rate}${tr}`, { f: `AVERAGE(${t.col.rate}${t.first}:${t.col.rate}${t.last - 1})`, v: 80 });
    const f = audit(t.grid);
    expect(f.map(x => [x.cell, x.rule])).toEqual([[`${t.col.rate}${tr}`, 'total-range']]);
    expect(f[0]?.message).toContain(`=AVERAGE(${t.col.rate}${t.first}:${t.col.rate}${t.last})`);
  });

  it('fires on a grand SUM that adds the subtotal lines again', () => {
    const grid = [
      ['TT', 'Nội dung', 'Số tiền'],
      ['1', 'Mua máy tính', 100], ['2', 'Mua máy in', 50],
      ['', 'Cộng I', { f: 'SUM(C2:C3)', v: 150 }],
      ['3', 'Đào tạo', 30], ['4', 'Tập huấn', 20],
      ['', 'Tổng cộng', { f: 'SUM(C2:C6)', v: 350 }],
    ];
    const f = audit(grid);
    expect(cellsOf(f)).toEqual(['C7']);
    expect(f[0]?.message).toContain('hai lần');
  });

  it('does not fire on complete totals, section rows inside the range, SUBTOTAL over SUBTOTALs, or totals of subtotals', () => {
    const t = ratioTable({ rows: 8, total: true });
    expect(audit(t.grid)).toEqual([]);

    const sections = [
      ['TT', 'Nội dung', 'Số tiền'],
      ['I', 'Hạ tầng'], ['1', 'Máy tính', 100], ['2', 'Máy in', 50],
      ['II', 'Nhân lực'], ['3', 'Đào tạo', 30],
      ['', 'Tổng cộng', { f: 'SUM(C2:C6)', v: 180 }],
    ];
    expect(audit(sections)).toEqual([]);

    const sub = [
      ['TT', 'Nội dung', 'Số tiền'],
      ['1', 'Máy tính', 100], ['2', 'Máy in', 50], ['', 'Cộng I', { f: 'SUBTOTAL(9,C2:C3)', v: 150 }],
      ['3', 'Đào tạo', 30], ['4', 'Tập huấn', 20], ['', 'Cộng II', { f: 'SUBTOTAL(9,C5:C6)', v: 50 }],
      ['', 'Tổng cộng', { f: 'SUBTOTAL(9,C2:C7)', v: 200 }],
    ];
    expect(audit(sub)).toEqual([]);

    const plus = [
      ['TT', 'Nội dung', 'Số tiền'],
      ['1', 'Máy tính', 100], ['2', 'Máy in', 50], ['', 'Cộng I', { f: 'SUM(C2:C3)', v: 150 }],
      ['3', 'Đào tạo', 30], ['4', 'Tập huấn', 20], ['', 'Cộng II', { f: 'SUM(C5:C6)', v: 50 }],
      ['', 'Tổng cộng', { f: 'C4+C7', v: 200 }],
    ];
    expect(audit(plus)).toEqual([]);
  });

  it('does not fire on a SUM of another area, or on a "+" formula on an item line', () => {
    const grid = [
      ['TT', 'Nội dung', 'Số', 'Ghi chú'],
      ['1', 'A', 10], ['2', 'B', 20], ['3', 'C', 30],
      ['', 'Tổng cộng', { f: 'SUM(C2:C4)', v: 60 }, { f: 'SUM(C2:C3)', v: 30 }],
      ['4', 'D', { f: 'C2+C3', v: 30 }],
    ];
    expect(audit(grid)).toEqual([]);
  });

  it('does not count a year header typed as a number as a missed cell', () => {
    const grid = [
      ['TT', 'Chỉ tiêu', 2025, 2026],
      ['1', 'Hộ có cáp quang', 100, 120], ['2', 'Hộ có 4G', 200, 220], ['3', 'Hộ có máy tính', 50, 60],
      ['', 'Tổng cộng', { f: 'SUM(C2:C4)', v: 350 }, { f: 'SUM(D2:D4)', v: 400 }],
    ];
    expect(audit(grid)).toEqual([]);
  });
});

describe('circular reference', () => {
  it('fires on a total that adds itself, and suggests the block it meant', () => {
    const grid = [
      ['KINH PHÍ THỰC HIỆN'], [],
      ['TT', 'Nội dung', 'Số tiền (triệu đồng)', 'Ghi chú'],
      ['1', 'Kinh phí KHCN', 56], ['2', 'Kinh phí chuyển đổi số', 500],
      [null, 'Tổng cộng', { f: 'C6+C7', v: 556 }],
    ];
    const f = audit(grid);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'C6', rule: 'circular-reference', severity: 'error', formula: '=C6+C7' });
    expect(f[0]?.message).toContain('=SUM(C4:C5)');
    expect(f[0]?.message).toContain('C7');
  });

  it('fires on a SUM whose range reaches its own cell', () => {
    const t = ratioTable({ rows: 5, total: true });
    const tr = t.totalRow ?? 0;
    put(t.grid, `${t.col.num}${tr}`, { f: `SUM(${t.col.num}${t.first}:${t.col.num}${tr})`, v: 0 });
    expect(audit(t.grid).map(f => [f.cell, f.rule])).toEqual([[`${t.col.num}${tr}`, 'circular-reference']]);
  });

  it('does not fire on a reference to the same address on another sheet', () => {
    const grid = [['Số'], [{ f: "'Nguồn'!A2", v: 5 }]];
    expect(cellsOf(audit(grid), 'circular-reference')).toEqual([]);
  });
});

describe('total typed by hand', () => {
  it('fires on a typed total equal to its column sum beside SUM totals', () => {
    const t = ratioTable({ rows: 6, total: true });
    const tr = t.totalRow ?? 0;
    let sum = 0;
    for (let r = t.first; r <= t.last; r++) sum += valueAt(t.grid, `${t.col.num}${r}`);
    put(t.grid, `${t.col.num}${tr}`, sum);
    const f = audit(t.grid);
    expect(f.map(x => [x.cell, x.rule])).toEqual([[`${t.col.num}${tr}`, 'hard-coded']]);
    expect(f[0]?.message).toContain(`=SUM(${t.col.num}${t.first}:${t.col.num}${t.last})`);
  });

  it('fires on a typed total that is not the sum of its column', () => {
    const t = ratioTable({ rows: 6, total: true });
    const tr = t.totalRow ?? 0;
    put(t.grid, `${t.col.den}${tr}`, 999999);
    const f = audit(t.grid);
    expect(f.map(x => [x.cell, x.rule])).toEqual([[`${t.col.den}${tr}`, 'hard-coded']]);
    expect(f[0]?.message).toContain('khác tổng thật');
  });

  it('does not fire on a typed target or average on the total line, or without a SUM beside it', () => {
    const t = ratioTable({ rows: 6, total: true });
    const tr = t.totalRow ?? 0;
    put(t.grid, `${t.col.target}${tr}`, 85);
    expect(audit(t.grid)).toEqual([]);
    put(t.grid, `${t.col.target}${tr}`, 1000);
    expect(audit(t.grid)).toEqual([]);
    put(t.grid, `${t.col.target}${tr}`, null);
    put(t.grid, `${t.col.den}${tr}`, 50);
    expect(audit(t.grid)).toEqual([]);
    const grid = [['Nội dung', 'Số'], ['A', 1], ['B', 2], ['Tổng cộng', 3]];
    expect(audit(grid)).toEqual([]);
  });
});
