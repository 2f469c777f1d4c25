/**
 * formatViNumber against what it stands in for, Intl.NumberFormat('vi-VN') with the same fraction digits, on any
 * double and on the values where rounding is delicate (halves, nines carried over, negatives rounding to zero).
 */
import fc from 'fast-check';
import { formatViNumber } from '../../../src/core/rollup/vi-number';

const DIGITS: readonly (readonly [number, number])[] = [[0, 2], [1, 1], [0, 0], [2, 2], [0, 3]];
const intl = (n: number, min: number, max: number): string =>
  new Intl.NumberFormat('vi-VN', { minimumFractionDigits: min, maximumFractionDigits: max }).format(n);

describe('formatViNumber is Intl.NumberFormat("vi-VN")', () => {
  it.each(DIGITS)('on hand-picked values (fraction digits %i to %i)', (min, max) => {
    const values = [0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, 1.005, 0.125, 2.675, 0.045, 1.45, 999.995, 9.995, 99.95, -0.001, -0.004,
      1234567.891, 1e21, 1e-7, 1e-6, 123456789012345680000, 72.5, 84.0296495957, Number.MAX_SAFE_INTEGER, 0.1 + 0.2,
      NaN, Infinity, -Infinity, 5e-324, 1000, 100000, 999999.999];
    for (const v of values) expect([v, formatViNumber(v, min, max)]).toEqual([v, intl(v, min, max)]);
  });

  it('on any double', () => {
    fc.assert(fc.property(fc.double(), fc.constantFrom(...DIGITS), (v, [min, max]) => formatViNumber(v, min, max) === intl(v, min, max)),
      { numRuns: 20_000 });
  });

  it('on short decimals such as a commune writes (halves and carries included)', () => {
    const decimal = fc.tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 5 }))
      .map(([m, k]) => m / 10 ** k);
    fc.assert(fc.property(decimal, fc.constantFrom(...DIGITS), (v, [min, max]) => formatViNumber(v, min, max) === intl(v, min, max)),
      { numRuns: 20_000 });
  });
});
