import { auditWorkbook } from '../../../../src/core/audit/audit';
import { bookOf, sheetOf } from '../../../helpers/grid';
import { audit } from '../build';

describe('links to other workbooks', () => {
  it('fires on a reference by link index and on a quoted path', () => {
    const grid = [
      ['Chỉ tiêu', 'Kết quả'],
      ['Dân số', { f: '[1]DanSo!B4', v: 9350 }],
      ['Số hộ', { f: "'C:\\Bao cao\\[tong hop.xlsx]Xa'!C9*1", v: 2790 }],
    ];
    const f = audit(grid);
    expect(f.map(x => [x.cell, x.rule, x.severity])).toEqual([['B2', 'external-link', 'info'], ['B3', 'external-link', 'info']]);
    expect(f.map(x => x.group)).toEqual(['external-link:[1]', 'external-link:[c:\\bao cao\\tong hop.xlsx]']);
    expect(f[1]?.message).toContain('tong hop.xlsx');
    expect(f[0]?.formula).toBe('=[1]DanSo!B4');
  });

  it('does not fire on references to other sheets of the same workbook', () => {
    const main = sheetOf('Báo cáo', [['Chỉ tiêu', 'Kết quả'], ['Dân số', { f: "'Số liệu'!B2", v: 9350 }]]);
    const data = sheetOf('Số liệu', [['Chỉ tiêu', 'Số'], ['Dân số', 9350]]);
    expect(auditWorkbook(bookOf(main, data), { report: null })).toEqual([]);
  });

  it('fires on a DDE link that starts another program, not on text or ordinary formulas with a bar-free quote', () => {
    const grid = [
      ['Chỉ tiêu', 'Kết quả', 'Ghi chú'],
      ['Dân số', { f: "cmd|' /C calc'!A0", v: 0 }, "cmd|' /C calc'!A0"],
      ['Số hộ', { f: "SUM('Số liệu'!B2:B3)", v: 2 }, 'a|b'],
    ];
    const f = audit(grid);
    expect(f.filter(x => x.rule === 'external-link').map(x => x.cell)).toEqual(['B2']);
    expect(f[0]?.message).toMatch(/DDE/);
  });
});
