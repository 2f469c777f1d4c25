import { auditWorkbook } from '../../../../src/core/audit/audit';
import { ratioOf } from '../../../../src/core/audit/rules/percent';
import { bookOf } from '../../../helpers/grid';
import { audit, put, ratioTable, sheet } from '../build';

describe('ratioOf', () => {
  it('reads the usual ways of writing a share', () => {
    for (const f of ['E5/F5', 'E5/F5*100', '(E5/F5)*100', 'E5*100/F5', '100*E5/F5', 'ROUND(E5/F5*100,2)', '= E5 / F5 * 100']) {
      expect(ratioOf(f)).toMatchObject({ num: { from: { col: 5 } }, den: { from: { col: 6 } } });
    }
    expect(ratioOf('E5/F5')?.scale).toBe(1);
    expect(ratioOf('E5/F5*100')?.scale).toBe(100);
  });

  it('leaves other formulas alone', () => {
    for (const f of ['E5+F5', 'E5/F5*10', 'SUM(E5:E9)/F5', 'E5/F5/G5', 'ROUND(E5/F5*100)', 'E5/2*100', '']) expect(ratioOf(f)).toBeNull();
  });
});

describe('rates out of range', () => {
  it('fires on a share above 100% and names numerator and denominator', () => {
    const t = ratioTable({ rows: 8 });
    const r = t.first + 2;
    put(t.grid, `${t.col.num}${r}`, 72);
    put(t.grid, `${t.col.den}${r}`, 35);
    put(t.grid, `${t.col.rate}${r}`, { f: `${t.col.num}${r}/${t.col.den}${r}*100`, v: 205.71 });
    put(t.grid, `${t.col.eval}${r}`, 'Đạt');
    // In an indicator table the check recognises, a rate over 100% is a likely mistake (warning)…
    const f = audit(t.grid, {});
    expect(f.filter(x => x.rule === 'percent-out-of-range').map(x => [x.cell, x.rule, x.severity]))
      .toEqual([[`${t.col.rate}${r}`, 'percent-out-of-range', 'warning']]);
    // …without that evidence it is a property of the sheet (info).
    expect(audit(t.grid).map(x => [x.cell, x.severity])).toEqual([[`${t.col.rate}${r}`, 'info']]);
    expect(f[0]?.message).toContain(`tử số ${t.col.num}${r} (72) lớn hơn mẫu số ${t.col.den}${r} (35)`);
  });

  it('fires on a fraction shown as a percentage, on a negative share, and on a typed percentage above 100%', () => {
    const grid = [
      ['Chỉ tiêu', 'ĐVT', 'Đạt', 'Tổng', 'Tỷ lệ'],
      ['Tỷ lệ hộ có cáp quang', '%', 120, 100, { f: 'C2/D2', v: 1.2, fmt: '0.0%' }],
      ['Tỷ lệ hộ nghèo dùng 4G', '%', -5, 100, { f: 'C3/D3*100', v: -5 }],
      ['Tỷ lệ phủ sóng', '%', null, null, { n: 1.25, fmt: '0%' }],
    ];
    expect(audit(grid).map(x => x.cell)).toEqual(['E2', 'E3', 'E4']);
  });

  it('does not fire on shares within range, on growth or comparison rows, or on a ratio that is not a percentage', () => {
    expect(audit(ratioTable({ rows: 8 }).grid)).toEqual([]);
    const grid = [
      ['Chỉ tiêu', 'ĐVT', 'Năm nay', 'Năm trước', 'Kết quả'],
      ['Tốc độ tăng trưởng kinh tế số', '%', 110, 100, { f: 'C2/D2*100', v: 110 }],
      ['Doanh thu so với cùng kỳ', '%', 130, 100, { f: 'C3/D3*100', v: 130 }],
      ['Số máy tính trên một cán bộ', 'máy', 30, 25, { f: 'C4/D4', v: 1.2 }],
      ['Tỷ lệ phủ sóng', '%', null, null, { n: 0.95, fmt: '0%' }],
    ];
    expect(audit(grid)).toEqual([]);
  });

  it('reads "hạ tầng" (infrastructure) as a share, not as growth ("tăng")', () => {
    const grid = [
      ['Chỉ tiêu', 'ĐVT', 'Đạt', 'Tổng', 'Tỷ lệ'],
      ['Tỷ lệ xóm có hạ tầng cáp quang', '%', 30, 20, { f: 'C2/D2*100', v: 150 }],
    ];
    expect(audit(grid).map(x => x.rule)).toEqual(['percent-out-of-range']);
  });
});

describe('typed results of "%" rows', () => {
  const table = (result: number | string, name = 'Tỷ lệ hộ gia đình có cáp quang', target = '≥ 80'): ReturnType<typeof bookOf> => bookOf(sheet([
    ['Phụ lục. TÌNH HÌNH THỰC HIỆN CÁC MỤC TIÊU'], [],
    ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu', 'Kết quả tháng 4/2026'],
    ['1', name, '%', target, result],
    ['2', 'Tỷ lệ người dân có chữ ký số', '%', '≥ 10', 12],
    ['3', 'Tỷ lệ hồ sơ trực tuyến', '%', '100', 98],
  ]));

  it('fires on a typed result above 100 in a row stated in "%"', () => {
    const f = auditWorkbook(table(117));
    expect(f.map(x => [x.cell, x.rule])).toEqual([['E4', 'percent-out-of-range']]);
    expect(f[0]?.message).toContain('117%');
  });

  it('does not fire on results within range, growth rows, or targets above 100', () => {
    expect(auditWorkbook(table(95))).toEqual([]);
    expect(auditWorkbook(table(117, 'Tốc độ tăng trưởng giao dịch không dùng tiền mặt'))).toEqual([]);
    expect(auditWorkbook(table(117, 'Tỷ lệ hoàn thành kế hoạch thu ngân sách', '≥ 110'))).toEqual([]);
  });
});

describe('ratios inside larger formulas', () => {
  it('fires when the shown value is a visible ratio above 100%', () => {
    const grid = [
      ['Chỉ tiêu', 'ĐVT', 'Đạt', 'Tổng', 'Tỷ lệ'],
      ['Tỷ lệ hộ có cáp quang', '%', 30, 20, { f: 'IF(D2=0,"",C2/D2*100)', v: 150 }],
      ['Tỷ lệ hộ có 4G', '%', 10, 20, { f: 'IFERROR(C3/D3*100,0)', v: 50 }],
      ['Tỷ lệ hộ có máy tính', '%', 30, 20, { f: 'IF(D4=0,0,100)', v: 100 }],
    ];
    expect(audit(grid).map(x => x.cell)).toEqual(['E2']);
  });
});
