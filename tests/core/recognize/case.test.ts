/**
 * The recognisers change case with toLowerCase / toUpperCase instead of toLocaleLowerCase('vi') (see
 * src/core/recognize/context.ts): Unicode's language-sensitive case mappings cover Lithuanian, Turkish and Azeri
 * only, so for Vietnamese the two must agree on every text. Checked here against this runtime's ICU.
 */
import fc from 'fast-check';
import { titleCase } from '../../../src/core/recognize/context';

const VIETNAMESE = 'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ';

describe('case mapping for Vietnamese', () => {
  it('lower and upper case agree with the vi locale on Vietnamese letters, both ways', () => {
    const letters = VIETNAMESE + VIETNAMESE.toUpperCase();
    for (const ch of letters) {
      expect(ch.toLowerCase()).toBe(ch.toLocaleLowerCase('vi'));
      expect(ch.toUpperCase()).toBe(ch.toLocaleUpperCase('vi'));
    }
    // Decomposed marks too (a legacy-encoded file converted without composition).
    const nfd = letters.normalize('NFD');
    expect(nfd.toLowerCase()).toBe(nfd.toLocaleLowerCase('vi'));
    expect(nfd.toUpperCase()).toBe(nfd.toLocaleUpperCase('vi'));
  });

  it('the letters where locales differ elsewhere (İ, I, final sigma, ß, Lithuanian dot) map as the root locale', () => {
    for (const s of ['İstanbul', 'DIŞ', 'ΟΔΟΣ', 'straße', 'i̇̀', 'Ĩ', 'ǅ']) {
      expect(s.toLowerCase()).toBe(s.toLocaleLowerCase('vi'));
      expect(s.toUpperCase()).toBe(s.toLocaleUpperCase('vi'));
    }
  });

  it('agrees on any text (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), s => {
      expect(s.toLowerCase()).toBe(s.toLocaleLowerCase('vi'));
      expect(s.toUpperCase()).toBe(s.toLocaleUpperCase('vi'));
    }), { numRuns: 2000 });
  });

  it('title-cases a commune name', () => {
    expect(titleCase('PHÚ  THỊNH')).toBe('Phú Thịnh');
    expect(titleCase('đồng tâm')).toBe('Đồng Tâm');
  });
});
