import { textNumber } from '../../../../src/core/audit/view';
import { audit, cellsOf, put, ratioTable } from '../build';

describe('textNumber', () => {
  it('reads numbers typed as text the Vietnamese way', () => {
    expect(textNumber('42')).toBe(42);
    expect(textNumber('1.247')).toBe(1247);
    expect(textNumber('72,5')).toBe(72.5);
    expect(textNumber(' 85% ')).toBeCloseTo(0.85);
    expect(textNumber('-3')).toBe(-3);
  });

  it('does not read codes, phone numbers or words as numbers', () => {
    for (const s of ['0912345678', '007', 'I', '1.1.', 'a1', '≥ 80', 'Đạt', '', '1.2.3a']) expect(textNumber(s)).toBeNull();
  });
});

describe('numbers stored as text', () => {
  it('fires on a number typed as text in a column of numbers, with dot thousands explained', () => {
    const t = ratioTable({ rows: 10 });
    put(t.grid, `${t.col.den}${t.first + 3}`, '1.247');
    const f = audit(t.grid);
    const hit = f.find(x => x.rule === 'text-number');
    expect(hit).toMatchObject({ cell: `${t.col.den}${t.first + 3}`, severity: 'warning', formula: null });
    expect(hit?.message).toContain('hàng nghìn');
    expect(hit?.message).toContain('1247');
  });

  it('fires on the formula that reads it when that formula shows no error', () => {
    const t = ratioTable({ rows: 10 });
    const r = t.first + 3;
    put(t.grid, `${t.col.num}${r}`, '42');
    const f = audit(t.grid);
    expect(f.map(x => [x.cell, x.rule])).toEqual([[`${t.col.num}${r}`, 'text-number'], [`${t.col.rate}${r}`, 'text-number-used']]);
  });

  it('reports an erroring reader once, as an error value', () => {
    const t = ratioTable({ rows: 10 });
    const r = t.first + 3;
    put(t.grid, `${t.col.num}${r}`, '42');
    put(t.grid, `${t.col.rate}${r}`, { f: `${t.col.num}${r}/${t.col.den}${r}*100`, v: { e: '#VALUE!' } });
    expect(audit(t.grid).map(x => [x.cell, x.rule])).toEqual([[`${t.col.num}${r}`, 'text-number'], [`${t.col.rate}${r}`, 'error-value']]);
  });

  it('fires at the top of a column under its text header', () => {
    const grid = [['Chỉ tiêu', 'Kết quả'], ['A', '72,5'], ['B', 100], ['C', 90], ['D', 95]];
    expect(cellsOf(audit(grid))).toEqual(['B2']);
  });

  it('does not fire on code columns, years, phone numbers, text columns or headers', () => {
    const codes = [['TT', 'Chỉ tiêu', 'Số'], [1, 'A', 5], ['1.1', 'A1', 6], ['1.2', 'A2', 7], [2, 'B', 8], [3, 'C', 9]];
    expect(audit(codes)).toEqual([]);
    const serial = [['', 'Chỉ tiêu'], [1, 'A'], [2, 'B'], ['2.1', 'B1'], [3, 'C'], [4, 'D']];
    expect(audit(serial)).toEqual([]);
    const years = [['Năm', 'Số hộ'], [2023, 10], [2024, 12], ['2025', 14], [2026, 16]];
    expect(audit(years)).toEqual([]);
    const phones = [['Cán bộ', 'Điện thoại'], ['A', 912345678], ['B', 987654321], ['C', '0912345678'], ['D', 977111222]];
    expect(audit(phones)).toEqual([]);
    const targets = [['Chỉ tiêu', 'Mục tiêu'], ['A', '≥ 80'], ['B', '100%'], ['C', 'Đạt 90%'], ['D', '90']];
    expect(audit(targets)).toEqual([]);
    const yearHeader = [['Chỉ tiêu', 'Giai đoạn'], ['', '2025'], ['A', 10], ['B', 12], ['C', 14]];
    expect(audit(yearHeader)).toEqual([]);
  });
});
