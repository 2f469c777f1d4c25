import { auditWorkbook } from '../../../../src/core/audit/audit';
import { bookOf, sheetOf, type Raw } from '../../../helpers/grid';
import { audit, cellsOf, put, ratioTable } from '../build';

describe('formula referring to empty cells', () => {
  it('fires on references outside the used area, into an empty column, or inside a merged area', () => {
    const grid = [
      ['Chỉ tiêu', 'Số đạt', 'Tổng số', 'Tỷ lệ'],
      ['A', 10, 20, { f: 'G1+G2', v: 0 }],
      ['B', 10, 20, { f: 'B2+E3', v: 10 }],
      ['C', 10, 20, { f: 'B30*2', v: 0 }],
      ['D', 10, 20, { f: 'B6', v: 0 }],
      ['Tiêu đề gộp'],
    ];
    put(grid, 'F1', 'Ghi chú');
    const f = auditWorkbook(bookOf(sheetOf('S', grid, ['A6:C6'])), { report: null });
    expect(f.filter(x => x.rule === 'empty-reference').map(x => x.cell)).toEqual(['D2', 'D3', 'D4', 'D5']);
    expect(f[0]?.message).toContain('G1');
    expect(f.find(x => x.cell === 'D5')?.message).toContain('ô gộp');
  });

  it('fires on a formula of a run that reads an empty figure where its neighbours read typed ones', () => {
    const t = ratioTable({ rows: 8 });
    const r = t.first + 2;
    put(t.grid, `${t.col.num}${r}`, null);
    put(t.grid, `${t.col.rate}${r}`, { f: `${t.col.num}${r}/${t.col.den}${r}*100`, v: 0 });
    const f = audit(t.grid);
    expect(f.map(x => [x.cell, x.rule])).toEqual([[`${t.col.rate}${r}`, 'empty-reference']]);
    expect(f[0]?.message).toContain(`${t.col.num}${r} đang trống`);
  });

  it('does not fire on a row not filled in yet, on a lone formula, or on ranges with some data', () => {
    const grid: Raw[][] = [['Nội dung', 'Quý I', 'Quý II', 'Cả năm']];
    for (let r = 2; r <= 7; r++) grid.push([`Mục ${r}`, 10, 20, { f: `B${r}+C${r}`, v: 30 }]);
    grid.push(['Mục 8', null, null, { f: 'B8+C8', v: 0 }]);
    expect(audit(grid)).toEqual([]);
    expect(audit([['Số', 'Kết quả'], [null, { f: 'A2*2', v: 0 }], [5]])).toEqual([]);
    expect(cellsOf(audit([['Số'], [1], [null], [3], [{ f: 'SUM(A2:A4)', v: 4 }]]), 'empty-reference')).toEqual([]);
  });

  it('names an empty denominator outside the table in the error it causes, once', () => {
    const grid = [['TT', 'Chỉ tiêu', 'Kết quả'], ['1', 'Tỷ lệ', { f: 'G1/G2', v: { e: '#DIV/0!' } }]];
    const f = audit(grid);
    expect(f.map(x => [x.cell, x.rule])).toEqual([['C2', 'error-value']]);
    expect(f[0]?.message).toContain('ngoài vùng có dữ liệu');
  });
});
