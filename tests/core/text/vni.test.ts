import fc from 'fast-check';
import { LOWER_EXTRA_LETTERS } from '../../../src/core/text/alphabet';
import { unicodeToVni, vniToUnicode } from '../../../src/core/text';
import { PHRASES } from './phrases';

/**
 * VNI Windows as published, as byte values: base letter (or single byte) then mark byte.
 * Rows: [toneless, huyền, hỏi, ngã, sắc, nặng].
 */
const VNI_SPEC: ReadonlyArray<[string, ReadonlyArray<readonly number[]>]> = [
  ['a à ả ã á ạ', [[0x61], [0x61, 0xf8], [0x61, 0xfb], [0x61, 0xf5], [0x61, 0xf9], [0x61, 0xef]]],
  ['ă ằ ẳ ẵ ắ ặ', [[0x61, 0xea], [0x61, 0xe8], [0x61, 0xfa], [0x61, 0xfc], [0x61, 0xe9], [0x61, 0xeb]]],
  ['â ầ ẩ ẫ ấ ậ', [[0x61, 0xe2], [0x61, 0xe0], [0x61, 0xe5], [0x61, 0xe3], [0x61, 0xe1], [0x61, 0xe4]]],
  ['e è ẻ ẽ é ẹ', [[0x65], [0x65, 0xf8], [0x65, 0xfb], [0x65, 0xf5], [0x65, 0xf9], [0x65, 0xef]]],
  ['ê ề ể ễ ế ệ', [[0x65, 0xe2], [0x65, 0xe0], [0x65, 0xe5], [0x65, 0xe3], [0x65, 0xe1], [0x65, 0xe4]]],
  ['i ì ỉ ĩ í ị', [[0x69], [0xec], [0xe6], [0xf3], [0xed], [0xf2]]],
  ['o ò ỏ õ ó ọ', [[0x6f], [0x6f, 0xf8], [0x6f, 0xfb], [0x6f, 0xf5], [0x6f, 0xf9], [0x6f, 0xef]]],
  ['ô ồ ổ ỗ ố ộ', [[0x6f, 0xe2], [0x6f, 0xe0], [0x6f, 0xe5], [0x6f, 0xe3], [0x6f, 0xe1], [0x6f, 0xe4]]],
  ['ơ ờ ở ỡ ớ ợ', [[0xf4], [0xf4, 0xf8], [0xf4, 0xfb], [0xf4, 0xf5], [0xf4, 0xf9], [0xf4, 0xef]]],
  ['u ù ủ ũ ú ụ', [[0x75], [0x75, 0xf8], [0x75, 0xfb], [0x75, 0xf5], [0x75, 0xf9], [0x75, 0xef]]],
  ['ư ừ ử ữ ứ ự', [[0xf6], [0xf6, 0xf8], [0xf6, 0xfb], [0xf6, 0xf5], [0xf6, 0xf9], [0xf6, 0xef]]],
  ['y ỳ ỷ ỹ ý ỵ', [[0x79], [0x79, 0xf8], [0x79, 0xfb], [0x79, 0xf5], [0x79, 0xf9], [0xee]]],
  ['đ', [[0xf1]]],
];

const specPairs: Array<[string, string]> = VNI_SPEC.flatMap(([letters, codes]) =>
  letters.split(' ').map((letter, i): [string, string] => [letter, String.fromCharCode(...(codes[i] ?? []))]));

describe('VNI table', () => {
  it.each(specPairs)('%s ⇄ its VNI spelling', (letter, code) => {
    expect(unicodeToVni(letter)).toBe(code);
    expect(vniToUnicode(code)).toBe(letter);
    // Capitals: capital base and capital mark, each byte 0x20 below.
    expect(unicodeToVni(letter.toUpperCase())).toBe(code.toUpperCase());
    expect(vniToUnicode(code.toUpperCase())).toBe(letter.toUpperCase());
  });

  it('spells all 134 letters beyond ASCII, each differently', () => {
    const letters = [...LOWER_EXTRA_LETTERS, ...LOWER_EXTRA_LETTERS.map(l => l.toUpperCase())];
    expect(letters).toHaveLength(134);
    expect(new Set(letters.map(unicodeToVni)).size).toBe(134);
    for (const letter of letters) expect(vniToUnicode(unicodeToVni(letter))).toBe(letter);
  });
});

describe('vniToUnicode on text typed in VNI-Times', () => {
  it.each([
    ['Tyû leä phuû soùng', 'Tỷ lệ phủ sóng'],
    ['Tæ leä', 'Tỉ lệ'],
    ['Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
    ['Ñoäc laäp - Töï do - Haïnh phuùc', 'Độc lập - Tự do - Hạnh phúc'],
    ['ngöôøi daân', 'người dân'],
    ['UÛY BAN NHAÂN DAÂN XAÕ PHUÙ THÒNH', 'ỦY BAN NHÂN DÂN XÃ PHÚ THỊNH'],
    ['ñòa baøn xaõ', 'địa bàn xã'],
    ['Giao dòch “phi tieáp xuùc” ≥ 80%', 'Giao dịch “phi tiếp xúc” ≥ 80%'],
  ])('%s → %s', (legacy, unicode) => {
    expect(vniToUnicode(legacy)).toBe(unicode);
  });

  it('accepts a mark in the other case than its letter', () => {
    expect(vniToUnicode('Aù')).toBe('Á');
    expect(vniToUnicode('aÙ')).toBe('á');
  });

  it('leaves a mark with no letter before it alone', () => {
    expect(vniToUnicode('ù 25°C')).toBe('ù 25°C');
  });
});

describe('round trips through VNI', () => {
  it.each(PHRASES.map(p => [p]))('%s', phrase => {
    expect(vniToUnicode(unicodeToVni(phrase))).toBe(phrase);
  });

  const alphabet = [...LOWER_EXTRA_LETTERS, ...'abcdeghiklmnopqrstuvxy', ' ', ...'0123456789'];
  const both = [...alphabet, ...alphabet.map(ch => ch.toUpperCase())];

  it('any Vietnamese text comes back exactly', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...both), { maxLength: 60 }), letters => {
      const s = letters.join('');
      return vniToUnicode(unicodeToVni(s)) === s;
    }));
  });

  it('NFD input encodes like NFC input', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...both), { maxLength: 30 }), letters => {
      const s = letters.join('');
      return unicodeToVni(s.normalize('NFD')) === unicodeToVni(s);
    }));
  });

  it('never throws and leaves text without Latin-1 characters as it is (NFC)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), s => {
      unicodeToVni(s);
      const out = vniToUnicode(s);
      return /[\u00a1-\u00ff]/.test(s.normalize('NFC')) || out === s.normalize('NFC');
    }));
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 200 }), s => typeof vniToUnicode(s) === 'string'));
  });
});
