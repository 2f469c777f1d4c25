import fc from 'fast-check';
import type { TargetJson } from '../../../src/core/check/report';
import { countStatuses, maxOf, median, minOf, sharedTarget, shareMet } from '../../../src/core/rollup/stats';

const target = (op: TargetJson['op'], value: number | null, text = `${op} ${value}`): TargetJson => ({ text, op, value, year: 2026, kind: 'numeric' });

describe('rollup statistics', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(median([Number.NaN, 5])).toBe(5);
    expect(median([Number.MAX_VALUE, Number.MAX_VALUE])).toBe(Number.MAX_VALUE);
  });

  it('keeps the median between min and max', () => {
    fc.assert(fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1 }), xs => {
      const m = median(xs) as number;
      expect(m).toBeGreaterThanOrEqual(minOf(xs) as number);
      expect(m).toBeLessThanOrEqual(maxOf(xs) as number);
    }));
  });

  it('shares met among communes with a verdict-bearing row', () => {
    expect(shareMet(countStatuses(['met', 'not_met', 'not_reported', 'not_applicable']))).toBe(0.5);
    expect(shareMet(countStatuses(['not_reported', 'not_applicable']))).toBeNull();
  });

  it('shows a target only when every commune has the same one', () => {
    expect(sharedTarget([target('>=', 90), target('>=', 90, '≥ 90%')])?.text).toBe('>= 90');
    expect(sharedTarget([target('>=', 90), target('>', 90)])).toBeNull();
    expect(sharedTarget([target('>=', 90), null])).toBeNull();
    expect(sharedTarget([target(null, null, 'Đạt'), target(null, null, ' Đạt ')])?.text).toBe('Đạt');
    expect(sharedTarget([])).toBeNull();
  });
});
