import fc from 'fast-check';
import { numberText } from '../../../src/core/rollup/plan-cells';

/** The remembered number texts (plan-cells.ts) against Intl's formatting of each call. */
describe('numberText', () => {
  const points = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const plain = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

  it('gives what Intl gives, the first time and every time after, for any number and unit', () => {
    const n = fc.oneof(fc.double(), fc.integer({ min: -5, max: 5 }), fc.constantFrom(0, -0, 94.7042253521, 1e21, NaN));
    fc.assert(fc.property(n, fc.constantFrom(null, '%', 'Tỷ lệ %', 'xã', ''), (x, unit) => {
      const want = unit !== null && unit.includes('%') ? points.format(x) : plain.format(x);
      expect(numberText(unit, x)).toBe(want);
      expect(numberText(unit, x)).toBe(want);
    }), { numRuns: 2000 });
    expect(numberText('%', -0)).toBe(points.format(-0));
    expect(numberText(null, 0)).toBe('0');
  });

  it('stays right past its memory limit', () => {
    for (let i = 0; i < 25_000; i++) numberText(null, i + 0.5);
    expect(numberText(null, 1234.5)).toBe(plain.format(1234.5));
    expect(numberText('%', 94.75)).toBe(points.format(94.75));
  });
});
