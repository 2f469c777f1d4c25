import fc from 'fast-check';
import { LOWER_EXTRA_LETTERS } from '../../../src/core/text/alphabet';
import { tcvn3ToUnicode, unicodeToTcvn3 } from '../../../src/core/text';
import { PHRASES, lowerTonedCapitals } from './phrases';

/**
 * TCVN 5712:1993 VN3 as published, written as byte values so it is checked independently of how the
 * converter spells its table: each row is a vowel, then [toneless, huyền, hỏi, ngã, sắc, nặng].
 */
const VN3_SPEC: ReadonlyArray<[string, readonly number[]]> = [
  ['a à ả ã á ạ', [0x61, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9]],
  ['ă ằ ẳ ẵ ắ ặ', [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6]],
  ['â ầ ẩ ẫ ấ ậ', [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb]],
  ['e è ẻ ẽ é ẹ', [0x65, 0xcc, 0xce, 0xcf, 0xd0, 0xd1]],
  ['ê ề ể ễ ế ệ', [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6]],
  ['i ì ỉ ĩ í ị', [0x69, 0xd7, 0xd8, 0xdc, 0xdd, 0xde]],
  ['o ò ỏ õ ó ọ', [0x6f, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4]],
  ['ô ồ ổ ỗ ố ộ', [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9]],
  ['ơ ờ ở ỡ ớ ợ', [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee]],
  ['u ù ủ ũ ú ụ', [0x75, 0xef, 0xf1, 0xf2, 0xf3, 0xf4]],
  ['ư ừ ử ữ ứ ự', [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9]],
  ['y ỳ ỷ ỹ ý ỵ', [0x79, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe]],
  ['đ Ă Â Ê Ô Ơ Ư Đ', [0xae, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7]],
];

const specPairs: Array<[string, string]> = VN3_SPEC.flatMap(([letters, codes]) =>
  letters.split(' ').map((letter, i): [string, string] => [letter, String.fromCharCode(codes[i] ?? 0)]));

describe('TCVN3 table', () => {
  it.each(specPairs)('%s ⇄ its VN3 code', (letter, code) => {
    expect(unicodeToTcvn3(letter)).toBe(code);
    expect(tcvn3ToUnicode(code, { caps: 'keep' })).toBe(letter);
  });

  it('covers the whole alphabet: 67 lower-case letters, each with its own code', () => {
    expect(LOWER_EXTRA_LETTERS).toHaveLength(67);
    const codes = LOWER_EXTRA_LETTERS.map(unicodeToTcvn3);
    expect(new Set(codes).size).toBe(67);
    for (const code of codes) {
      expect(code).toHaveLength(1);
      expect(code.charCodeAt(0)).toBeGreaterThanOrEqual(0xa1);
      expect(code.charCodeAt(0)).toBeLessThanOrEqual(0xfe);
    }
  });

  it('writes a toned capital with the lower-case code (VN3 has none; the H fonts draw capitals)', () => {
    for (const letter of LOWER_EXTRA_LETTERS) {
      const upper = letter.toUpperCase();
      if ('ĂÂÊÔƠƯĐ'.includes(upper)) expect(unicodeToTcvn3(upper)).not.toBe(unicodeToTcvn3(letter));
      else expect(unicodeToTcvn3(upper)).toBe(unicodeToTcvn3(letter));
    }
  });
});

describe('tcvn3ToUnicode on text typed in .VnTime', () => {
  it.each([
    ['Tû lÖ phñ sãng', 'Tỷ lệ phủ sóng'],
    ['UBND x· Phó ThÞnh', 'UBND xã Phú Thịnh'],
    ['Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'Cộng hoà xã hội chủ nghĩa Việt Nam'],
    ['§éc lËp - Tù do - H¹nh phóc', 'Độc lập - Tự do - Hạnh phúc'],
    ['ng\u00adêi d©n', 'người dân'],
    ['Tr\u00adêng häc', 'Trường học'],
    ['Kh«ng ph¸t sinh', 'Không phát sinh'],
    ['B¶o ®¶m h¹ tÇng', 'Bảo đảm hạ tầng'],
    ['Tû lÖ ≥ 90% – “phi tiÕp xóc”', 'Tỷ lệ ≥ 90% – “phi tiếp xúc”'],
  ])('%s → %s', (legacy, unicode) => {
    expect(tcvn3ToUnicode(legacy)).toBe(unicode);
  });

  it('guesses capitals from the surrounding letters', () => {
    expect(tcvn3ToUnicode('UBND X· PHó THÞNH')).toBe('UBND XÃ PHÚ THỊNH');
    expect(tcvn3ToUnicode('§¹I HéI')).toBe('ĐẠI HỘI');
    expect(tcvn3ToUnicode('Phô lôc: DANH MôC')).toBe('Phụ lục: DANH MỤC');
    expect(tcvn3ToUnicode('Hå')).toBe('Hồ'); // one capital: title case, the likelier reading
  });

  it('writes everything in capitals for an H font, and as coded with keep', () => {
    expect(tcvn3ToUnicode('ñy ban nh©n d©n x· phó thÞnh', { caps: 'upper' })).toBe('ỦY BAN NHÂN DÂN XÃ PHÚ THỊNH');
    expect(tcvn3ToUnicode('X· PHó', { caps: 'keep' })).toBe('Xã PHú');
  });

  it('leaves what is no TCVN3 letter alone', () => {
    expect(tcvn3ToUnicode('25°C, ±5, ²')).toBe('25°C, ±5, ²');
    expect(tcvn3ToUnicode('Tỷ lệ')).toBe('Tỷ lệ');
  });
});

describe('round trips through TCVN3', () => {
  it.each(PHRASES.map(p => [p]))('%s', phrase => {
    const legacy = unicodeToTcvn3(phrase);
    expect(tcvn3ToUnicode(legacy, { caps: 'keep' })).toBe(lowerTonedCapitals(phrase));
    expect(tcvn3ToUnicode(legacy).toLowerCase()).toBe(phrase.toLowerCase());
    if (phrase === phrase.toUpperCase() || phrase === lowerTonedCapitals(phrase)) {
      expect(tcvn3ToUnicode(legacy)).toBe(phrase);
    }
  });

  const alphabet = [...LOWER_EXTRA_LETTERS, ...'abcdeghiklmnopqrstuvxy', ' ', ...'0123456789'];
  const upperAlphabet = alphabet.map(ch => ch.toUpperCase());
  const vietnamese = (letters: readonly string[]): fc.Arbitrary<string> =>
    fc.array(fc.constantFrom(...letters), { maxLength: 60 }).map(a => a.join(''));

  it('lower-case Vietnamese comes back exactly', () => {
    fc.assert(fc.property(vietnamese(alphabet), s => tcvn3ToUnicode(unicodeToTcvn3(s)) === s));
  });

  it('any Vietnamese comes back with toned capitals lowered when read as coded', () => {
    const mixed = [...alphabet, ...upperAlphabet];
    fc.assert(fc.property(vietnamese(mixed), s =>
      tcvn3ToUnicode(unicodeToTcvn3(s), { caps: 'keep' }) === lowerTonedCapitals(s)));
  });

  it('capitals come back exactly through an H font', () => {
    fc.assert(fc.property(vietnamese(upperAlphabet), s =>
      tcvn3ToUnicode(unicodeToTcvn3(s), { caps: 'upper' }) === s));
  });

  it('never throws and leaves text without Latin-1 characters as it is (NFC)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), s => {
      unicodeToTcvn3(s);
      const out = tcvn3ToUnicode(s);
      return /[\u00a1-\u00ff]/.test(s.normalize('NFC')) || out === s.normalize('NFC');
    }));
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 200 }), s => {
      for (const caps of ['auto', 'upper', 'keep'] as const) tcvn3ToUnicode(s, { caps });
      return true;
    }));
  });
});
