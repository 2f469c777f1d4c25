import { classify, compareMonths, respelt, type Comparison } from '../../../src/core/rollup/compare';
import { communeKey } from '../../../src/core/rollup/communes';
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

describe('communes whose names differ only by their marks', () => {
  const k = (commune: string, indicator: string, status: MonthEntry['status'], value: number | null): MonthEntry =>
    ({ ...e(commune, indicator, status, value), communeKey: communeKey(commune) });
  const changeOf = (c: Comparison, commune: string) => c.changes.filter(x => x.commune === commune).map(x => x.change);

  it('are distinct communes in both months', () => {
    const before = month([k('Thành Xuyên', 'x', 'met', 95), k('Thanh Xuyên', 'x', 'not_met', 50), k('Đồng Hà', 'x', 'met', 90)]);
    const after = month([k('Thành Xuyên', 'x', 'met', 95), k('Thanh Xuyên', 'x', 'met', 92), k('Đông Hà', 'x', 'met', 90)]);
    const c = compareMonths(before, after);
    expect(changeOf(c, 'Thành Xuyên')).toEqual(['unchanged']);
    expect(changeOf(c, 'Thanh Xuyên')).toEqual(['newly_met']);
    // Both names have marks: one commune stopped, another started, however alike they look.
    expect(changeOf(c, 'Đồng Hà')).toEqual(['stopped_reporting']);
    expect(changeOf(c, 'Đông Hà')).toEqual(['newly_reported']);
  });

  it('a name typed without marks one month is the same commune, when nothing else is spelt so', () => {
    const c = compareMonths(month([k('Xã Thanh Xuyen', 'x', 'not_met', 50)]), month([k('Thanh Xuyên', 'x', 'met', 92)]));
    expect(c.changes).toEqual([expect.objectContaining({ commune: 'Thanh Xuyên', change: 'newly_met' })]);
    const back = compareMonths(month([k('Hoà Bình', 'x', 'met', 92)]), month([k('HOA BINH', 'x', 'met', 92)]));
    expect(back.changes.map(x => x.change)).toEqual(['unchanged']);
  });

  it('but not when either month has another commune of that spelling', () => {
    // "Thanh Xuyen" could be either of this month's two.
    const two = compareMonths(month([k('Thanh Xuyen', 'x', 'met', 90)]), month([k('Thành Xuyên', 'x', 'met', 90), k('Thanh Xuyên', 'x', 'met', 90)]));
    expect(two.changes.map(x => x.change).sort()).toEqual(['newly_reported', 'newly_reported', 'stopped_reporting']);
    // "An Giang" has no marks to type: both months have it, so last month's "Ân Giang" is another commune.
    const same = compareMonths(month([k('An Giang', 'x', 'met', 90), k('Ân Giang', 'x', 'met', 90)]), month([k('An Giang', 'x', 'met', 90)]));
    expect(changeOf(same, 'An Giang')).toEqual(['unchanged']);
    expect(changeOf(same, 'Ân Giang')).toEqual(['stopped_reporting']);
  });

  it('respelt joins only one spelling of each side, one of them unmarked', () => {
    const keys = (...names: string[]) => new Set(names.map(communeKey));
    expect([...respelt(keys('Phu Thinh'), keys('Phú Thịnh'))]).toEqual([[communeKey('Phu Thinh'), communeKey('Phú Thịnh')]]);
    expect(respelt(keys('Phú Thinh'), keys('Phú Thịnh')).size).toBe(0);
    expect(respelt(keys('Phu Thinh', 'Phú Thịnh'), keys('Phú Thịnh')).size).toBe(0);
  });
});
