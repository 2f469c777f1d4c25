import fc from 'fast-check';
import { clean, fold, foldWords } from '../../../src/core/text/fold';

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

  it('stays right past its memory limit', () => {
    for (let i = 0; i < 120_000; i++) fold(`Chỉ tiêu ${i}`);
    expect(fold('Chỉ tiêu 7')).toBe('chi tieu 7');
    expect(fold('ABC 7')).toBe('abc 7');
  });
});
