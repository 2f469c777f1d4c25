import fc from 'fast-check';
import { memoNumber, memoText } from '../../../src/core/text/memo';

describe('memoText', () => {
  it('computes each distinct text once while it is remembered', () => {
    let calls = 0;
    const f = memoText(t => { calls++; return t.length; });
    for (let i = 0; i < 5; i++) expect(f('Tỷ lệ')).toBe(5);
    expect(f('')).toBe(0);
    expect(f('')).toBe(0);
    expect(calls).toBe(2);
  });

  it('starts over past its count or its characters, so long texts cannot pile up', () => {
    let calls = 0;
    const byCount = memoText(t => { calls++; return t; }, 2);
    ['a', 'b', 'c', 'a'].forEach(t => byCount(t));
    expect(calls).toBe(4); // 'c' started a new memory, so 'a' is computed again
    calls = 0;
    const byChars = memoText(t => { calls++; return t.length; }, 1000, 10);
    const long = 'x'.repeat(8);
    byChars(long); byChars(long);
    byChars('y'.repeat(8)); // 16 characters > 10: the memory starts over with this one
    byChars(long);
    expect(calls).toBe(3);
  });
});

describe('memoNumber', () => {
  it('answers as the function does for any numbers, -0 and NaN included, past its limit too', () => {
    // Object.is tells -0 from 0: a remembered 0 must never answer for -0.
    const f = (n: number): string => (Object.is(n, -0) ? '-0' : String(n));
    const remembered = memoNumber(f, 8);
    const value = fc.oneof(fc.double(), fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1.5));
    fc.assert(fc.property(fc.array(value, { maxLength: 40 }), values => {
      for (const n of [...values, ...values]) expect(remembered(n)).toBe(f(n));
    }), { numRuns: 1000 });
  });

  it('computes each distinct number once while within its limit', () => {
    let calls = 0;
    const remembered = memoNumber(n => { calls++; return n * 2; });
    for (const n of [1.5, 2.5, 1.5, 2.5, 1.5]) remembered(n);
    expect(calls).toBe(2);
  });
});
