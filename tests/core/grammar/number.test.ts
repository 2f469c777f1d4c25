import fc from 'fast-check';
import { formatVnNumber, numbersIn, parseVnNumber } from '../../../src/core/grammar/number';

describe('parseVnNumber', () => {
  test.each<[string, number, boolean]>([
    ['72,5', 72.5, false],
    ['99,67', 99.67, false],
    ['72,5%', 72.5, true],
    ['1.484', 1484, false], // one dot, three digits: thousands
    ['1.484,5', 1484.5, false],
    ['1,484.5', 1484.5, false],
    ['1,484', 1.484, false], // one comma: always a decimal comma
    ['1,234,567', 1234567, false],
    ['1.234.567', 1234567, false],
    ['1 484', 1484, false],
    ['1 484,5', 1484.5, false],
    ['0.5', 0.5, false],
    ['0.125', 0.125, false], // integer part 0: a decimal point
    ['72.5', 72.5, false],
    ['1.2345', 1.2345, false],
    ['95,0%', 95, true],
    [' 100 % ', 100, true],
    ['100\u00a0%', 100, true],
    ['-3', -3, false],
    ['−3', -3, false],
    ['+3', 3, false],
    ['-0', 0, false],
    ['007', 7, false],
    ['100', 100, false],
  ])('%j → %d (percent %s)', (text, value, percent) => {
    expect(parseVnNumber(text)).toEqual({ value, percent });
  });

  test.each([
    '', '-', '%', 'abc', '72,5 ha', 'Đạt 95%', '1.2.3', '12.5.2025', '1,2,3', '1.234,5,6', '1.', '72,',
    '1 2', '- 3', '1,234 567', '95%%', '10^3', '1e5', 'Infinity', 'NaN', '0x10', '5G', '1/2',
  ])('%j is not a number', text => {
    expect(parseVnNumber(text)).toBeNull();
  });

  test('formatVnNumber writes a decimal comma and drops binary noise', () => {
    expect(formatVnNumber(72.5)).toBe('72,5');
    expect(formatVnNumber(0.1 + 0.2)).toBe('0,3');
    expect(formatVnNumber(100)).toBe('100');
  });

  test('formatVnNumber writes whole numbers as the general rule does (its shortcut changes nothing)', () => {
    const general = (value: number): string => {
      const clean = Number(value.toPrecision(12));
      const rounded = Math.sign(clean) * Math.round(Math.abs(clean) * 100) / 100;
      return String(rounded === 0 ? 0 : Number(rounded.toPrecision(15))).replace('.', ',');
    };
    fc.assert(fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.constantFrom(-0, 0, 1e12 - 1, -(1e12 - 1), 1e12, 123456789012345)), n => {
      expect(formatVnNumber(n)).toBe(general(n));
    }), { numRuns: 5000 });
  });

  test('formatVnNumber gives the general rule for any number, asked once or again (its memory changes nothing)', () => {
    const general = (value: number): string => {
      if (!Number.isFinite(value)) return String(value);
      const clean = Number(value.toPrecision(12));
      const rounded = Math.sign(clean) * Math.round(Math.abs(clean) * 100) / 100;
      return String(rounded === 0 ? 0 : Number(rounded.toPrecision(15))).replace('.', ',');
    };
    // Few distinct values, so most are asked again after being remembered; NaN and the infinities too.
    const value = fc.oneof(fc.double(), fc.constantFrom(0.1, -0.004, 72.5, 2 / 3, NaN, Infinity, -Infinity, 1e12 + 0.5));
    fc.assert(fc.property(fc.array(value, { minLength: 1, maxLength: 30 }), values => {
      for (const v of [...values, ...values]) expect(formatVnNumber(v)).toBe(general(v));
    }), { numRuns: 2000 });
  });

  test('formatVnNumber shows at most two decimals', () => {
    expect(formatVnNumber(84.0296495957)).toBe('84,03');
    expect(formatVnNumber(2 / 3)).toBe('0,67');
    expect(formatVnNumber(-0.004)).toBe('0');
    expect(formatVnNumber(-12.345)).toBe('-12,35');
    expect(formatVnNumber(1234567.891)).toBe('1234567,89');
    fc.assert(fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), v => {
      expect(formatVnNumber(v)).toMatch(/^-?\d+(,\d{1,2})?$/);
    }));
  });

  // Numbers with up to 2 decimals, as officials type them.
  const twoDecimals = fc.integer({ min: 0, max: 10_000_000 }).chain(n =>
    fc.integer({ min: 0, max: 2 }).map(d => ({ value: n / 10 ** d, decimals: d })));

  test('a decimal comma round-trips', () => {
    fc.assert(fc.property(twoDecimals, ({ value, decimals }) => {
      const text = value.toFixed(decimals).replace('.', ',');
      // "1,234" with exactly three decimals never arises here (at most two), so no ambiguity.
      expect(parseVnNumber(text)).toEqual({ value, percent: false });
      expect(parseVnNumber(`${text}%`)).toEqual({ value, percent: true });
    }));
  });

  test('dot thousands with a decimal comma round-trip', () => {
    fc.assert(fc.property(twoDecimals, ({ value, decimals }) => {
      const [int = '', frac] = value.toFixed(decimals).split('.');
      const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
      const text = frac === undefined ? grouped : `${grouped},${frac}`;
      expect(parseVnNumber(text)?.value).toBe(value);
    }));
  });

  test('formatVnNumber output parses back', () => {
    fc.assert(fc.property(twoDecimals, ({ value }) => {
      expect(parseVnNumber(formatVnNumber(value))?.value).toBe(value);
    }));
  });
});

describe('numbersIn', () => {
  test('finds standalone numbers with their percent sign and skips digits inside words', () => {
    const text = 'Phủ sóng 5G đạt 95,5 % và 1.484 hồ sơ';
    const found = numbersIn(text).map(n => ({ value: n.value, percent: n.percent, raw: text.slice(n.start, n.end) }));
    expect(found).toEqual([
      { value: 95.5, percent: true, raw: '95,5 %' },
      { value: 1484, percent: false, raw: '1.484' },
    ]);
  });

  test('a malformed number is reported with a null value', () => {
    expect(numbersIn('ngày 12.5.2025').map(n => n.value)).toEqual([null]);
  });
});
