import fc from 'fast-check';
import { clean, fold, foldWords, wordsInitial } from '../../../src/core/text/fold';

/** The folding as written before it was remembered and given an ASCII shortcut: the reference. */
const reference = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()
  .replace(/\u00ad|\u180e|\u200c|\u200d|\u2060|\ufeff/g, '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();

describe('remembered folding', () => {
  const texts = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('Tỷ lệ  PHỦ sóng', 'ABC def', ' A B ', 'Đạt', 'a\u00a0b', 'x\u200bY'));

  it('folds as the plain folding does, the first time and every time after', () => {
    fc.assert(fc.property(texts, s => {
      expect(fold(s)).toBe(reference(s));
      expect(fold(s)).toBe(reference(s));
      expect(foldWords(s)).toBe(reference(s).replace(/[^\p{L}\p{N}%]+/gu, ' ').replace(/ +/g, ' ').trim());
      expect(clean(s)).toBe(s.normalize('NFC').replace(/\u00ad|\u180e|\u200c|\u200d|\u2060|\ufeff/g, '').replace(/[\s\u00a0\u200b]+/g, ' ').trim());
    }), { numRuns: 500 });
  });

  it('tells the first character of foldWords, or leaves it to folding', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map(c => String.fromCharCode(c)) });
    // The characters that decide: ASCII letters, digits and punctuation, Latin-1 and Vietnamese letters, combining
    // marks, no-break and invisible spaces.
    const tricky = fc.string({ unit: fc.constantFrom(...'aZt1%. -(\té\u00c9Đđỷ\u00a0\u0301\u00ad\u200b\u0130') });
    const mixed = fc.tuple(fc.oneof(ascii, tricky), texts).map(([a, b]) => a + b);
    let told = 0;
    fc.assert(fc.property(fc.oneof(texts, ascii, tricky, mixed), s => {
      const initial = wordsInitial(s);
      if (initial === undefined) return;
      told++;
      expect(initial).toBe(foldWords(s).charAt(0));
    }), { numRuns: 2000 });
    expect(told).toBeGreaterThan(500);
    expect(wordsInitial(' (TT)')).toBe('t');
    expect(wordsInitial('- 1.2')).toBe('1');
    expect(wordsInitial('...')).toBe('');
    expect(wordsInitial('Đơn vị')).toBeUndefined();
    expect(wordsInitial('.\u0301T')).toBeUndefined();
  });

  it('stays right past its memory limit', () => {
    for (let i = 0; i < 120_000; i++) fold(`Chỉ tiêu ${i}`);
    expect(fold('Chỉ tiêu 7')).toBe('chi tieu 7');
    expect(fold('ABC 7')).toBe('abc 7');
  });
});
