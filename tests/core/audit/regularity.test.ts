import fc from 'fast-check';
import { fixGain, irregularity, periodic, runIndex, runsOf, tokenDistance } from '../../../src/core/audit/regularity';
import { auditMeter } from '../../../src/core/audit/view';
import { auditWorkbook } from '../../../src/core/audit/audit';
import { bookOf } from '../../helpers/grid';
import { audit, cellsOf, type Grid } from './build';
import { sheet } from './build';

const gain = (seq: string[], fixed: string, into: string): number => { const r = runsOf(seq); return fixGain(r, runIndex(r), fixed, into); };

describe('regularity', () => {
  it('one region is perfectly regular; fixing a stray cell inside a run gains more than a block at one end', () => {
    expect(irregularity(runsOf(['a', 'a', 'a']))).toBe(0);
    const inside = gain([...'aaaaaaaaaabaaaaaaaaaaa'], 'b', 'a');
    const end = gain([...'aaaaabbb'], 'b', 'a') / 3;
    expect(inside).toBeGreaterThan(0.35);
    expect(end).toBeLessThan(0.35);
    // 5 against 3 scattered: each fixed cell gains a lot.
    expect(gain([...'aabababa'], 'b', 'a') / 3).toBeGreaterThan(0.35);
  });

  it('the gain equals the entropy drop of the whole line', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 40 }), seq => {
      const after = seq.map(s => (s === 'b' ? 'a' : s));
      expect(gain(seq, 'b', 'a')).toBeCloseTo(irregularity(runsOf(seq)) - irregularity(runsOf(after)), 9);
    }));
  });

  it('knows evenly spaced rows and bounded token distances', () => {
    expect(periodic([3, 6, 9, 12])).toBe(true);
    expect(periodic([3, 6, 10])).toBe(false);
    expect(tokenDistance(['IF', '(', 'a', '>', 'b'], ['IF', '(', 'a', '<', 'b'], 1)).toBe(1);
    expect(tokenDistance(['a'], ['b', 'c', 'd'], 1)).toBeNull();
  });
});

/** A block of figures B..E with row totals in F, and a total row below. */
function totalsBlock(rows: number, spoil?: (g: Grid) => void): Grid {
  const g: Grid = [['Mục', 'Q1', 'Q2', 'Q3', 'Q4', 'Cộng']];
  for (let r = 2; r <= rows + 1; r++) g.push([`Xã ${r}`, r, r + 1, r + 2, r + 3, { f: `SUM(B${r}:E${r})`, v: 4 * r + 6 }]);
  spoil?.(g);
  return g;
}

describe('runs compared along rows and columns alike', () => {
  it('fires on an off-by-one row total in a column of row totals (total lines are cells like any other)', () => {
    const g = totalsBlock(12, x => { const row = x[6]; if (row) row[5] = { f: 'SUM(B7:D7)', v: 1 }; });
    // Reported once, as the total that leaves out E7 (which also explains the inconsistency).
    expect(audit(g).map(f => [f.cell, f.rule])).toEqual([['F7', 'total-range']]);
  });

  it('fires on a SUM range that runs onto a blank column although the total comes out the same', () => {
    // Totals in G with a blank column F between: G5 reads the blank F5 too.
    const g = totalsBlock(10, x => x.forEach((row, i) => { if (row) row.splice(5, 0, null); if (i === 4 && row) row[6] = { f: 'SUM(B5:F5)', v: 26 }; }));
    g.forEach((row, i) => { const c = row?.[6]; if (i > 0 && i !== 4 && row && c && typeof c === 'object' && 'f' in c) row[6] = { f: `SUM(B${i + 1}:E${i + 1})`, v: 1 }; });
    expect(audit(g).map(f => [f.cell, f.rule])).toEqual([['G5', 'inconsistent-formula']]);
  });

  it('fires on 3 scattered cells among 5 (no 2:1 majority needed), not on a separate block at one end', () => {
    const scattered = totalsBlock(8, x => { for (const r of [3, 6, 8]) { const row = x[r - 1]; if (row) row[5] = { f: `SUM(B${r}:D${r})`, v: 1 }; } });
    expect(cellsOf(audit(scattered))).toEqual(['F3', 'F6', 'F8']);
    const block = totalsBlock(8, x => { for (const r of [7, 8, 9]) { const row = x[r - 1]; if (row) row[5] = { f: `SUM(B${r}:D${r})`, v: 1 }; } });
    expect(cellsOf(audit(block), 'inconsistent-formula')).toEqual([]);
    // A block at one end that leaves out the last column alike is deliberate, not a mis-ranged total either.
    expect(cellsOf(audit(block), 'total-range')).toEqual([]);
  });

  it('still counts a run whose inputs mix typed numbers, formulas and blanks', () => {
    const g = totalsBlock(12, x => {
      x.forEach((row, i) => { if (i > 0 && i % 3 === 0 && row) row[2] = { f: `B${i + 1}+1`, v: i + 2 }; if (i > 0 && i % 4 === 0 && row) row[3] = null; });
      const row = x[8]; if (row) row[5] = { f: 'SUM(B10:E10)', v: 1 };
    });
    expect(cellsOf(audit(g), 'inconsistent-formula')).toEqual(['F9']);
  });

  it('does not fire on a regular alternation of two formulas', () => {
    const g = totalsBlock(12, x => { x.forEach((row, i) => { if (i > 0 && i % 2 === 0 && row) row[5] = { f: `SUM(B${i + 1}:D${i + 1})`, v: 1 }; }); });
    expect(cellsOf(audit(g), 'inconsistent-formula')).toEqual([]);
  });
});

describe('totals that leave out a neighbour of another kind', () => {
  it('do not fire when every row total leaves out the same code column', () => {
    const g: Grid = [['Mã HS', 'Điểm 1', 'Điểm 2', 'Điểm 3', 'Tổng']];
    for (let r = 2; r <= 10; r++) g.push([1000 + r, r, r + 1, r + 2, { f: `SUM(B${r}:D${r})`, v: 3 * r + 3 }]);
    expect(cellsOf(audit(g), 'total-range')).toEqual([]);
  });

  it('do not fire on a year row or a mean row above the block, and fire on a total before its block one cell short', () => {
    const g: Grid = [['Chỉ tiêu', 'Năm'], ['Năm', 2025], ['Trung bình', 7], ['A', 5], ['B', 6], ['C', 9], ['Tổng', { f: 'SUM(B4:B6)', v: 20 }]];
    expect(cellsOf(audit(g), 'total-range')).toEqual([]);
    const before: Grid = [['Tổng', { f: 'SUM(C1:E1)', v: 3 }, { f: 'IF(C2>C3,1,0)', v: 1 }, { f: 'IF(D2>D3,1,0)', v: 1 }, { f: 'IF(E2>E3,1,0)', v: 1 }, { f: 'IF(F2>F3,1,0)', v: 0 }],
      [null, null, 5, 5, 5, 5], [null, null, 1, 1, 1, 1]];
    before[0]?.splice(1, 1, { f: 'SUM(C1:E1)', v: 3 });
    expect(cellsOf(audit(before), 'total-range')).toEqual(['B1']);
  });
});

describe('near-linear in formula cells', () => {
  const book = (rows: number) => bookOf(sheet(totalsBlock(rows, x => { const row = x[5]; if (row) row[5] = { f: 'SUM(B6:D6)', v: 1 }; }), 'S'));
  it('counts cell lookups that grow at most a little faster than the sheet', () => {
    fc.assert(fc.property(fc.integer({ min: 50, max: 200 }), n => {
      auditMeter.lookups = 0;
      auditWorkbook(book(n), { report: null });
      const small = auditMeter.lookups;
      auditMeter.lookups = 0;
      auditWorkbook(book(4 * n), { report: null });
      // Four times the formulas: at most ~4.5 times the work (linear, with slack for the fixed header), never 16.
      expect(auditMeter.lookups / small).toBeLessThan(4.5);
    }), { numRuns: 4 });
  });
});
