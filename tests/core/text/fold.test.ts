import fc from 'fast-check';
import { LOWER_EXTRA_LETTERS } from '../../../src/core/text/alphabet';
import { clean, fold, foldWords } from '../../../src/core/text';
import { PHRASES, stripDiacritics } from './phrases';

describe('fold', () => {
  it('folds case, diacritics, đ and spacing to one key', () => {
    expect(fold('Tỷ lệ  PHỦ sóng')).toBe('ty le phu song');
    expect(fold(' ĐẠT\u00a0đạt ')).toBe('dat dat');
  });

  it('folds every phrase like its diacritic-free spelling', () => {
    for (const p of PHRASES) expect(fold(p)).toBe(fold(stripDiacritics(p)));
  });

  it('drops invisible characters inside words and treats zero-width spaces as spaces', () => {
    expect(fold('Tỷ\u00adlệ')).toBe('tyle');
    expect(fold('ch\u200dỉ ti\ufeffêu')).toBe('chi tieu');
    expect(fold('chỉ\u200btiêu')).toBe('chi tieu');
    expect(clean('\ufeffChỉ  ti\u200cêu\u2060')).toBe('Chỉ tiêu');
  });

  const vietnamese = fc
    .array(fc.constantFrom(...LOWER_EXTRA_LETTERS, ...LOWER_EXTRA_LETTERS.map(l => l.toUpperCase()), ...'abcxyzABC ,.-%0123'), { maxLength: 40 })
    .map(a => a.join(''));

  it('folds NFD like NFC', () => {
    fc.assert(fc.property(vietnamese, s => fold(s.normalize('NFD')) === fold(s) && clean(s.normalize('NFD')) === clean(s)));
  });

  it('leaves no diacritic, no capital and no double space', () => {
    fc.assert(fc.property(vietnamese, s => {
      const f = fold(s);
      return !/[\u0080-\uffff]|[A-Z]| {2}/.test(f);
    }));
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), s => {
      fold(s);
      clean(s);
      return typeof foldWords(s) === 'string';
    }));
  });
});

describe('foldWords', () => {
  it('turns punctuation into single spaces but keeps %', () => {
    expect(foldWords('Tỷ lệ (%), “phi tiếp xúc” – 5G/4G')).toBe('ty le % phi tiep xuc 5g 4g');
  });
});
