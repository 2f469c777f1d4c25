import fc from 'fast-check';
import { isUnmarked, toneKey, unmarked } from '../../../src/core/text/tone-key';
import { fold } from '../../../src/core/text';
import { PHRASES, stripDiacritics } from './phrases';

/** Vowels with each of the six tones (none, grave, acute, hook, tilde, dot), NFC. */
const TONED: Readonly<Record<string, readonly string[]>> = {
  a: ['a', 'à', 'á', 'ả', 'ã', 'ạ'], e: ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'], y: ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
  o: ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'], u: ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
};
const at = (v: string, tone: number): string => (TONED[v] as readonly string[])[tone] as string;

/** An open syllable on oa, oe or uy (hoà/hòa, khoẻ/khỏe, thuỷ/thủy), its tone on either vowel. */
const twoWays = fc.record({
  onset: fc.constantFrom('h', 'kh', 'th', 'x', 'ng', 't', 'l', ''),
  run: fc.constantFrom(['o', 'a'], ['o', 'e'], ['u', 'y']),
  tone: fc.integer({ min: 1, max: 5 }),
}).map(({ onset, run, tone }) => {
  const [v1, v2] = run as [string, string];
  return { old: onset + at(v1, 0) + at(v2, tone), modern: onset + at(v1, tone) + at(v2, 0) };
});

describe('toneKey', () => {
  it('is the same wherever a syllable\'s tone mark was written', () => {
    expect(toneKey('Hoà An')).toBe(toneKey('Hòa An'));
    expect(toneKey('Thuỷ Nguyên')).toBe(toneKey('Thủy Nguyên'));
    fc.assert(fc.property(fc.array(twoWays, { minLength: 1, maxLength: 4 }), words =>
      toneKey(words.map(w => w.old).join(' ')) === toneKey(words.map(w => w.modern).join(' '))));
  });

  it('keeps what tells names apart: every mark, and đ', () => {
    expect(toneKey('Thành Xuyên')).not.toBe(toneKey('Thanh Xuyên'));
    expect(toneKey('Đồng Hà')).not.toBe(toneKey('Đông Hà'));
    expect(toneKey('Đông Hà')).not.toBe(toneKey('Dông Hà'));
    expect(toneKey('Văn Hiến')).not.toBe(toneKey('Vạn Hiến'));
    // Any one tone changed in any syllable of a phrase changes the key.
    fc.assert(fc.property(fc.constantFrom('a', 'e', 'o', 'u', 'y'), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), (v, t1, t2) =>
      (t1 === t2) === (toneKey(`X${at(v, t1)}n An`) === toneKey(`X${at(v, t2)}n An`))));
  });

  it('drops case, spacing, punctuation, invisible characters and the normal form', () => {
    expect(toneKey('  PHÚ-THỊNH ')).toBe(toneKey('phú thịnh'));
    expect(toneKey('Phú\u00a0\u00adThịnh')).toBe(toneKey('Phú Thịnh'));
    for (const p of PHRASES) {
      expect(toneKey(p.normalize('NFD'))).toBe(toneKey(p));
      expect(toneKey(p.toUpperCase())).toBe(toneKey(p));
    }
  });

  it('is the fold of the name once its marks are taken away', () => {
    for (const p of PHRASES) {
      const words = fold(p).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      expect(unmarked(toneKey(p))).toBe(words);
      expect(isUnmarked(toneKey(stripDiacritics(p)))).toBe(true);
    }
    expect(isUnmarked(toneKey('An Giang'))).toBe(true);
    expect(isUnmarked(toneKey('Ân Giang'))).toBe(false);
  });
});
