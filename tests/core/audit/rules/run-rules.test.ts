import { audit, cellsOf, put, ratioTable, valueAt } from '../build';

describe('hard-coded number among formulas', () => {
  it('fires on a typed result in the middle, at the top and at the bottom of a run', () => {
    for (const pick of ['middle', 'top', 'bottom'] as const) {
      const t = ratioTable({ rows: 10, total: true });
      const r = pick === 'top' ? t.first : pick === 'bottom' ? t.last : t.first + 4;
      put(t.grid, `${t.col.rate}${r}`, 84);
      const f = audit(t.grid);
      expect(cellsOf(f, 'hard-coded')).toEqual([`${t.col.rate}${r}`]);
      expect(f.find(x => x.rule === 'hard-coded')?.message).toContain(`=${t.col.num}${r}/${t.col.den}${r}*100`);
      expect(f.find(x => x.rule === 'hard-coded')?.formula).toBeNull();
    }
  });

  it('fires wherever the table stands (other header row, other first column)', () => {
    const t = ratioTable({ top: 9, left: 3, rows: 7 });
    put(t.grid, `${t.col.rate}${t.first + 2}`, 71.5);
    expect(cellsOf(audit(t.grid))).toEqual([`${t.col.rate}${t.first + 2}`]);
  });

  it('fires on a run going across', () => {
    // Indicators as columns: row 5 "Số đạt", row 6 "Tổng số", row 7 the rate.
    const grid = [
      [], [], [],
      ['Chỉ tiêu', 'Hồ sơ', 'Thanh toán', 'Chữ ký số', 'Định danh', 'Cáp quang'],
      ['Số đạt', 10, 20, 30, 40, 50],
      ['Tổng số', 20, 40, 60, 80, 100],
      ['Tỷ lệ (%)', { f: 'B5/B6*100', v: 50 }, { f: 'C5/C6*100', v: 50 }, 50, { f: 'E5/E6*100', v: 50 }, { f: 'F5/F6*100', v: 50 }],
    ];
    const f = audit(grid);
    expect(cellsOf(f)).toEqual(['D7']);
    expect(f[0]?.message).toContain('=D5/D6*100');
  });

  it('does not fire on a run of constants, a single formula, or two formulas', () => {
    const t = ratioTable({ rows: 8 });
    for (let r = t.first; r <= t.last; r++) put(t.grid, `${t.col.rate}${r}`, 90);
    expect(audit(t.grid)).toEqual([]);
    put(t.grid, `${t.col.rate}${t.first}`, { f: `${t.col.num}${t.first}/${t.col.den}${t.first}*100`, v: 90 });
    expect(audit(t.grid)).toEqual([]);
    put(t.grid, `${t.col.rate}${t.first + 1}`, { f: `${t.col.num}${t.first + 1}/${t.col.den}${t.first + 1}*100`, v: 90 });
    expect(audit(t.grid)).toEqual([]);
  });

  it('does not fire on a total line below the run, typed or computed differently', () => {
    const t = ratioTable({ rows: 8, total: true });
    const tr = t.totalRow ?? 0;
    put(t.grid, `${t.col.rate}${tr}`, 87.5);
    expect(audit(t.grid)).toEqual([]);
    put(t.grid, `${t.col.rate}${tr}`, { f: `AVERAGE(${t.col.rate}${t.first}:${t.col.rate}${t.last})`, v: 87.5 });
    expect(audit(t.grid)).toEqual([]);
    put(t.grid, `${t.col.rate}${tr}`, { f: `${t.col.num}${tr}/${t.col.den}${tr}*100`, v: 87.5 });
    expect(audit(t.grid)).toEqual([]);
  });

  it('does not fire on a typed result where the row has no inputs to compute from', () => {
    const t = ratioTable({ rows: 8 });
    const r = t.first + 3;
    put(t.grid, `${t.col.num}${r}`, null);
    put(t.grid, `${t.col.den}${r}`, null);
    put(t.grid, `${t.col.rate}${r}`, 100);
    expect(audit(t.grid)).toEqual([]);
  });

  it('does not fire on a numeric year header above a run', () => {
    const t = ratioTable({ rows: 6 });
    put(t.grid, `${t.col.rate}${t.first - 1}`, 2026);
    expect(audit(t.grid)).toEqual([]);
  });

  it('does not fire when typed numbers and formulas are mixed half and half', () => {
    const t = ratioTable({ rows: 8 });
    for (let r = t.first; r <= t.last; r += 2) put(t.grid, `${t.col.rate}${r}`, 75);
    expect(audit(t.grid)).toEqual([]);
  });
});

describe('formula inconsistent with its neighbours', () => {
  it('fires on a reference shifted to the next or previous row', () => {
    for (const shift of [1, -1]) {
      const t = ratioTable({ rows: 10 });
      const r = t.first + 4;
      const s = r + shift;
      put(t.grid, `${t.col.rate}${r}`, { f: `${t.col.num}${s}/${t.col.den}${s}*100`, v: 50 });
      const f = audit(t.grid);
      expect(cellsOf(f)).toEqual([`${t.col.rate}${r}`]);
      expect(f[0]).toMatchObject({ rule: 'inconsistent-formula', severity: 'error', formula: `=${t.col.num}${s}/${t.col.den}${s}*100` });
      expect(f[0]?.message).toContain(`=${t.col.num}${r}/${t.col.den}${r}*100`);
    }
  });

  it('fires on one reference of two pointing at another column', () => {
    const t = ratioTable({ rows: 8 });
    const r = t.first + 2;
    put(t.grid, `${t.col.rate}${r}`, { f: `${t.col.num}${r}/${t.col.target}${r}*100`, v: 50 });
    expect(cellsOf(audit(t.grid), 'inconsistent-formula')).toEqual([`${t.col.rate}${r}`]);
  });

  it('does not fire on a formula of another shape (an IF guard) or a running total that starts differently', () => {
    const t = ratioTable({ rows: 8 });
    const r = t.first + 2;
    put(t.grid, `${t.col.rate}${r}`, { f: `IF(${t.col.den}${r}=0,0,${t.col.num}${r}/${t.col.den}${r}*100)`, v: 50 });
    expect(audit(t.grid)).toEqual([]);

    const grid = [['Tháng', 'Số hồ sơ', 'Lũy kế'], ['1', 10, { f: 'B2', v: 10 }]];
    for (let r2 = 3; r2 <= 8; r2++) grid.push([String(r2 - 1), 10, { f: `C${r2 - 1}+B${r2}`, v: 10 * (r2 - 1) }]);
    expect(audit(grid)).toEqual([]);
  });
});

describe('constant inside a formula', () => {
  it('fires where the neighbours read the cell the literal replaces', () => {
    const t = ratioTable({ rows: 10 });
    const r = t.last;
    const den = valueAt(t.grid, `${t.col.den}${r}`);
    put(t.grid, `${t.col.rate}${r}`, { f: `${t.col.num}${r}/${den}*100`, v: 50 });
    const f = audit(t.grid);
    expect(cellsOf(f)).toEqual([`${t.col.rate}${r}`]);
    expect(f[0]).toMatchObject({ rule: 'constant-in-formula', severity: 'warning' });
    expect(f[0]?.message).toContain(`${den}`);
    expect(f[0]?.message).toContain(`${t.col.den}${r}`);
  });

  it('does not fire when the denominator is a typed cell, or when every formula uses the same literal', () => {
    const t = ratioTable({ rows: 8 });
    expect(audit(t.grid)).toEqual([]);
    for (let r = t.first; r <= t.last; r++) put(t.grid, `${t.col.rate}${r}`, { f: `${t.col.num}${r}/1484*100`, v: 50 });
    expect(audit(t.grid)).toEqual([]);
  });
});
