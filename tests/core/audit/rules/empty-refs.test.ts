import { auditWorkbook } from '../../../../src/core/audit/audit';
import { bookOf, sheetOf } from '../../../helpers/grid';
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

  it('does not fire on an input left empty in a data row (pending data), or on ranges with some data', () => {
    const t = ratioTable({ rows: 8 });
    const r = t.first + 2;
    put(t.grid, `${t.col.num}${r}`, null);
    put(t.grid, `${t.col.rate}${r}`, { f: `${t.col.num}${r}/${t.col.den}${r}*100`, v: 0 });
    expect(audit(t.grid)).toEqual([]);
    const grid = [['Số'], [1], [null], [3], [{ f: 'SUM(A2:A4)', v: 4 }]];
    expect(cellsOf(audit(grid), 'empty-reference')).toEqual([]);
  });

  it('names an empty denominator outside the table in the error it causes, once', () => {
    const grid = [['TT', 'Chỉ tiêu', 'Kết quả'], ['1', 'Tỷ lệ', { f: 'G1/G2', v: { e: '#DIV/0!' } }]];
    const f = audit(grid);
    expect(f.map(x => [x.cell, x.rule])).toEqual([['C2', 'error-value']]);
    expect(f[0]?.message).toContain('ngoài vùng có dữ liệu');
  });
});
