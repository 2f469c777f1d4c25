import { endOfMonth, formatVnDate, isoDate, serialToIso } from '../../../src/core/grammar/date';
import { fractionToPercent, isDateFormat, isPercentFormat } from '../../../src/core/grammar/format';

describe('calendar helpers', () => {
  test('isoDate validates days', () => {
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2025, 2, 29)).toBeNull();
    expect(isoDate(2025, 13, 1)).toBeNull();
    expect(isoDate(2025, 4, 31)).toBeNull();
  });

  test('endOfMonth and formatVnDate', () => {
    expect(endOfMonth(2026, 6)).toBe('2026-06-30');
    expect(endOfMonth(2026, 0)).toBeNull();
    expect(formatVnDate('2026-04-24')).toBe('24/04/2026');
  });

  test('Excel serials in the 1900 system', () => {
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(60)).toBeNull(); // the 29 Feb 1900 Excel believes in
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(45658)).toBe('2025-01-01');
    expect(serialToIso(46022.99)).toBe('2025-12-31');
    expect(serialToIso(0)).toBeNull();
    expect(serialToIso(Number.NaN)).toBeNull();
  });
});

describe('number formats', () => {
  test.each([
    ['dd/mm/yyyy', true], ['m/d/yy', true], ['[$-409]mmm-yy', true], ['d-mmm', true], ['mmmm', true],
    ['m/d/yy h:mm', true], ['h:mm', false], ['mm:ss', false], ['[h]:mm', false], ['0.00%', false],
    ['General', false], ['#,##0', false], ['0.00 "ngày"', false], ['', false],
  ])('isDateFormat(%j) → %s', (fmt, expected) => {
    expect(isDateFormat(fmt)).toBe(expected);
  });

  test.each([
    ['0%', true], ['0.00%', true], ['0.0"%"', false], ['0.00', false], ['General', false],
  ])('isPercentFormat(%j) → %s', (fmt, expected) => {
    expect(isPercentFormat(fmt)).toBe(expected);
  });

  test('fractionToPercent rounds binary noise away', () => {
    expect(fractionToPercent(0.5660000000000001)).toBe(56.6);
    expect(fractionToPercent(0.7559999999999999)).toBe(75.6);
    expect(fractionToPercent(1)).toBe(100);
  });
});
