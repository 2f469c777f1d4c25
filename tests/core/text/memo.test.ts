import { memoText } from '../../../src/core/text/memo';

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
