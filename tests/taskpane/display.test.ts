import { displayedValue } from '../../src/taskpane/model/display';

const n = (v: number, fmt?: string) => displayedValue({ v: { t: 'n', n: v }, ...(fmt ? { fmt } : {}) });

describe('displayedValue', () => {
  it('shows a percent-formatted fraction as its percentage with the format\'s decimals', () => {
    expect(n(0.725, '0.0%')).toBe('72,5%');
    expect(n(0.725, '0%')).toBe('73%');
    expect(n(0.84029649, '0.00%')).toBe('84,03%');
  });
  it('follows decimals and grouping, with Vietnamese separators', () => {
    expect(n(1234.5, '#,##0.00')).toBe('1.234,50');
    expect(n(1234.5, '0')).toBe('1235');
    expect(n(72.5)).toBe('72,5');
    expect(n(1 / 3)).toBe('0,3333333333');
  });
  it('shows a date serial as the date and text as it is', () => {
    expect(n(46136, 'dd/mm/yyyy')).toBe('24/04/2026');
    expect(displayedValue({ v: { t: 's', s: ' ≥ 90% ' } })).toBe('≥ 90%');
    expect(displayedValue(undefined)).toBe('');
  });
});
