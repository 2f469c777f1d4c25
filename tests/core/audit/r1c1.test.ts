import fc from 'fast-check';
import { keyedTokens, moveFormula, refA1, toR1C1 } from '../../../src/core/audit/r1c1';
import { references } from '../../../src/core/audit/tokens';

describe('toR1C1', () => {
  it('gives the same text to a formula filled down a column', () => {
    expect(toR1C1('E6/F6*100', 6, 7)).toBe('RC[-2]/RC[-1]*100');
    expect(toR1C1('=E7/F7*100', 7, 7)).toBe('RC[-2]/RC[-1]*100');
  });

  it('shows a reference shifted to the next row', () => {
    expect(toR1C1('E8/F8*100', 7, 7)).toBe('R[1]C[-2]/R[1]C[-1]*100');
  });

  it('keeps absolute parts absolute and normalises case and spaces', () => {
    expect(toR1C1('e6 / $F$3 * 100', 6, 7)).toBe('RC[-2]/R3C6*100');
    expect(toR1C1('sum(E$5:E15)', 17, 5)).toBe('SUM(R5C:R[-2]C)');
  });

  it('keeps sheet and workbook prefixes so references to other sheets differ', () => {
    expect(toR1C1("'Phụ lục'!A1", 1, 1)).toBe('PHỤ LỤC!RC');
    expect(toR1C1('[1]Sheet1!A1', 1, 1)).toBe('[1]Sheet1!RC');
    expect(toR1C1('SUM(E:E)+SUM(2:3)', 1, 5)).toBe('SUM(C:C)+SUM(R[1]:R[2])');
  });

  it('never throws on any text', () => {
    fc.assert(fc.property(fc.string(), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 500 }), (s, r, c) => {
      expect(typeof toR1C1(s, r, c)).toBe('string');
      keyedTokens(s, r, c);
      moveFormula(s, r, c, r + 1, c + 1);
    }), { numRuns: 2000 });
  });
});

describe('moveFormula', () => {
  it('fills a formula the way Excel does: relative parts move, absolute parts stay', () => {
    expect(moveFormula('E6/F6*100', 6, 7, 5, 7)).toBe('E5/F5*100');
    expect(moveFormula('$E6/F$6+SUM(A1:B2)', 6, 7, 8, 8)).toBe('$E8/G$6+SUM(B3:C4)');
    expect(moveFormula("'Phụ lục'!E6", 6, 7, 7, 7)).toBe("'Phụ lục'!E7");
  });

  it('gives null when a reference would fall off the sheet', () => {
    expect(moveFormula('A1', 2, 2, 1, 1)).toBeNull();
  });

  it('round-trips and keeps the R1C1 form', () => {
    const cell = fc.record({ col: fc.integer({ min: 1, max: 26 }), row: fc.integer({ min: 1, max: 200 }), abs: fc.boolean() });
    fc.assert(fc.property(fc.array(cell, { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 20 }), (cells, dr, dc) => {
      const f = cells.map(c => `${c.abs ? '$' : ''}${String.fromCharCode(64 + c.col)}${c.row}`).join('+');
      const moved = moveFormula(f, 300, 40, 300 + dr, 40 + dc);
      expect(moved).not.toBeNull();
      expect(toR1C1(moved ?? '', 300 + dr, 40 + dc)).toBe(toR1C1(f, 300, 40));
      expect(moveFormula(moved ?? '', 300 + dr, 40 + dc, 300, 40)).toBe(f);
    }));
  });
});

describe('refA1', () => {
  it('prints references without $ for messages', () => {
    expect(references('$E$5:F16+E:F+3:4+B2').map(refA1)).toEqual(['E5:F16', 'E:F', '3:4', 'B2']);
  });
});
