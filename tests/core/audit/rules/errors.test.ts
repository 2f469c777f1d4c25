import { auditWorkbook } from '../../../../src/core/audit/audit';
import { bookOf, sheetOf } from '../../../helpers/grid';
import { audit, cellsOf, put, ratioTable } from '../build';

const DIV0 = { e: '#DIV/0!' };

describe('error values', () => {
  it('fires on #DIV/0! and names a zero or an empty denominator', () => {
    const t = ratioTable({ rows: 8 });
    const a = t.first + 1;
    const b = t.first + 5;
    put(t.grid, `${t.col.num}${a}`, 0);
    put(t.grid, `${t.col.den}${a}`, 0);
    put(t.grid, `${t.col.rate}${a}`, { f: `${t.col.num}${a}/${t.col.den}${a}*100`, v: DIV0 });
    put(t.grid, `${t.col.den}${b}`, null);
    put(t.grid, `${t.col.rate}${b}`, { f: `${t.col.num}${b}/${t.col.den}${b}*100`, v: DIV0 });
    const f = audit(t.grid);
    expect(f.map(x => [x.cell, x.rule])).toEqual([[`${t.col.rate}${a}`, 'error-value'], [`${t.col.rate}${b}`, 'error-value']]);
    expect(f[0]?.message).toContain(`mẫu số ${t.col.den}${a} bằng 0`);
    expect(f[1]?.message).toContain(`mẫu số ${t.col.den}${b} đang trống`);
    // An error value with its cause is a property of the sheet, counted apart from likely mistakes.
    expect(f[0]?.severity).toBe('info');
  });

  it('fires on #VALUE! and names the text operand', () => {
    const t = ratioTable({ rows: 8 });
    const r = t.first + 3;
    put(t.grid, `${t.col.num}${r}`, 'chưa có');
    put(t.grid, `${t.col.rate}${r}`, { f: `${t.col.num}${r}/${t.col.den}${r}*100`, v: { e: '#VALUE!' } });
    const f = audit(t.grid);
    expect(cellsOf(f)).toEqual([`${t.col.rate}${r}`]);
    expect(f[0]?.message).toContain(`${t.col.num}${r} chứa "chưa có"`);
  });

  it('fires on #REF! from a deleted reference, and on an error value pasted as a constant', () => {
    const grid = [['Số', 'Kết quả'], [5, { f: '#REF!*2', v: { e: '#REF!' } }], [6, { f: 'A3*2', v: 12 }]];
    const f = audit(grid);
    expect(f).toMatchObject([{ cell: 'B2', rule: 'error-value', formula: '=#REF!*2' }]);
    expect(f[0]?.message).toContain('đã bị xoá');
    const pasted = sheetOf('S', [['Kết quả'], [null]]);
    const withError = { ...pasted, rows: [pasted.rows[0], [{ v: { t: 'e' as const, e: '#N/A' } }]], rowCount: 2, colCount: 1 };
    const g = auditWorkbook(bookOf(withError), { report: null });
    expect(g).toMatchObject([{ cell: 'A2', rule: 'error-value', formula: null }]);
  });

  it('reports an error once, where it starts, and names the cells it spreads to', () => {
    const t = ratioTable({ rows: 6, total: true });
    const r = t.first + 2;
    const tr = t.totalRow ?? 0;
    put(t.grid, `${t.col.den}${r}`, 0);
    put(t.grid, `${t.col.rate}${r}`, { f: `${t.col.num}${r}/${t.col.den}${r}*100`, v: DIV0 });
    put(t.grid, `${t.col.rate}${tr}`, { f: `AVERAGE(${t.col.rate}${t.first}:${t.col.rate}${t.last})`, v: DIV0 });
    const f = audit(t.grid);
    expect(cellsOf(f)).toEqual([`${t.col.rate}${r}`]);
    expect(f[0]?.message).toContain(`lan sang ${t.col.rate}${tr}`);
  });

  it('does not fire on formulas whose cached results are numbers', () => {
    expect(audit(ratioTable({ rows: 6 }).grid)).toEqual([]);
  });
});
