import fc from 'fast-check';
import { editDistance } from '../../../src/core/text/edit-distance';

describe('editDistance', () => {
  it('counts edits between words and between token lists alike', () => {
    expect(editDistance('thôn', 'thon', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance(['SUM', '(', 'A1', ')'], ['SUM', '(', 'A2', ')'], 1)).toBe(1);
  });

  it('answers max + 1 once the distance is over the cap', () => {
    expect(editDistance('a', 'bcd', 1)).toBe(2);
    expect(editDistance('abcd', 'wxyz', 2)).toBe(3);
  });

  it('is symmetric, zero only for equal inputs, and never above max + 1', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.nat(6), (a, b, max) => {
      const d = editDistance(a, b, max);
      expect(editDistance(b, a, max)).toBe(d);
      expect(d === 0).toBe(a === b);
      expect(d).toBeLessThanOrEqual(max + 1);
    }));
  });
});
