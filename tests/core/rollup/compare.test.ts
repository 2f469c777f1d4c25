import { classify, compareMonths } from '../../../src/core/rollup/compare';
import type { MonthEntry, MonthSnapshot } from '../../../src/core/rollup/previous';

const e = (commune: string, indicator: string, status: MonthEntry['status'], value: number | null, op: string | null = '>='): MonthEntry =>
  ({ commune, communeKey: commune.toLowerCase(), indicator, indicatorName: indicator, status, value, op });
const month = (entries: MonthEntry[]): MonthSnapshot => ({ entries, communes: [...new Set(entries.map(x => x.commune))].map(n => ({ name: n, key: n.toLowerCase() })) });

describe('classify', () => {
  it('gaining and losing "met" come first', () => {
    expect(classify(e('A', 'x', 'not_met', 70), e('A', 'x', 'met', 95))).toBe('newly_met');
    expect(classify(e('A', 'x', 'met', 95), e('A', 'x', 'not_met', 70))).toBe('newly_not_met');
    expect(classify(e('A', 'x', 'met', 95), e('A', 'x', 'invalid', 130))).toBe('newly_not_met');
  });

  it('between two months without "met", the number moves toward the target or away', () => {
    expect(classify(e('A', 'x', 'not_met', 60), e('A', 'x', 'not_met', 70))).toBe('improved');
    expect(classify(e('A', 'x', 'not_met', 70), e('A', 'x', 'not_met', 60))).toBe('worsened');
    // "≤ 5 ngày": lower is better.
    expect(classify(e('A', 'x', 'not_met', 9, '<='), e('A', 'x', 'not_met', 7, '<='))).toBe('improved');
    expect(classify(e('A', 'x', 'met', 95), e('A', 'x', 'met', 98))).toBe('improved');
    expect(classify(e('A', 'x', 'not_met', 70), e('A', 'x', 'not_met', 70))).toBe('unchanged');
  });

  it('a change of verdict without numbers is ranked, an invalid figure has no size', () => {
    expect(classify(e('A', 'x', 'not_met', null), e('A', 'x', 'at_risk', null))).toBe('improved');
    expect(classify(e('A', 'x', 'at_risk', null), e('A', 'x', 'not_met', null))).toBe('worsened');
    expect(classify(e('A', 'x', 'invalid', 130), e('A', 'x', 'invalid', 140))).toBe('unchanged');
    expect(classify(e('A', 'x', 'manual', null), e('A', 'x', 'manual', null))).toBe('unchanged');
  });

  it('reporting starts or stops', () => {
    expect(classify(null, e('A', 'x', 'met', 1))).toBe('newly_reported');
    expect(classify(e('A', 'x', 'met', 1), null)).toBe('stopped_reporting');
  });
});

describe('compareMonths', () => {
  it('pairs communes and indicators, and counts met then and now per indicator', () => {
    const before = month([e('An', 'x', 'met', 95), e('Bình', 'x', 'not_met', 50), e('Cẩm', 'x', 'met', 99), e('An', 'y', 'no_data', null)]);
    const after = month([e('An', 'x', 'met', 95), e('Bình', 'x', 'met', 92), e('Dương', 'x', 'not_met', 10)]);
    const c = compareMonths(before, after, ['x', 'y']);
    expect(c.changes.map(x => [x.indicator, x.commune, x.change])).toEqual([
      ['x', 'An', 'unchanged'], ['x', 'Bình', 'newly_met'], ['x', 'Cẩm', 'stopped_reporting'], ['x', 'Dương', 'newly_reported'],
      ['y', 'An', 'stopped_reporting'],
    ]);
    expect(c.changes[1]).toEqual({ indicator: 'x', commune: 'Bình', before: { status: 'not_met', value: 50 }, after: { status: 'met', value: 92 }, change: 'newly_met' });
    expect(c.indicators[0]).toMatchObject({ indicator: 'x', metBefore: 2, metAfter: 2, reportedBefore: 3, reportedAfter: 3 });
    expect(c.indicators[0]?.changes).toMatchObject({ newly_met: 1, stopped_reporting: 1, newly_reported: 1, unchanged: 1 });
  });
});
