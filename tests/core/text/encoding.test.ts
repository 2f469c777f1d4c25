import fc from 'fast-check';
import {
  decodeText, detectEncoding, fontEncoding, isCapsFont, isVietnameseSyllable, unicodeToTcvn3, unicodeToVni,
} from '../../../src/core/text';
import { PHRASES, stripDiacritics } from './phrases';

describe('detectEncoding', () => {
  it('finds Unicode in the real phrases, together and one by one', () => {
    expect(detectEncoding(PHRASES, [])).toBe('unicode');
    for (const p of PHRASES) expect([p, detectEncoding([p], [])]).toEqual([p, 'unicode']);
  });

  it('is not fooled by punctuation and symbols in Unicode text', () => {
    const texts = [
      'Giao dịch hành chính thuộc diện “phi tiếp xúc” – đạt ≥ 90%…',
      'Nhiệt độ phòng máy 25°C ± 2°C; diện tích 3 × 4 m²; «Chuyển đổi số» · © ®',
      '‘Tỷ lệ’ — ≤ 5‰ • ½ năm',
    ];
    for (const t of texts) expect(detectEncoding([t], [])).toBe('unicode');
    expect(detectEncoding(texts, ['.VnTime'])).toBe('unicode');
  });

  it('calls Vietnamese without diacritics ascii, punctuation or not, font or not', () => {
    const bare = PHRASES.map(stripDiacritics);
    expect(detectEncoding(bare, [])).toBe('ascii');
    expect(detectEncoding([...bare, '≥ 90% “phi tiep xuc” – 25°C …'], ['.VnTime', 'VNI-Times'])).toBe('ascii');
  });

  it('finds TCVN3, typed by hand or encoded', () => {
    expect(detectEncoding(['Tû lÖ phñ sãng 5G trªn ®Þa bµn x·'], [])).toBe('tcvn3');
    expect(detectEncoding(['UBND x· Phó ThÞnh'], [])).toBe('tcvn3');
    expect(detectEncoding(PHRASES.map(unicodeToTcvn3), [])).toBe('tcvn3');
    for (const p of PHRASES) expect([p, detectEncoding([unicodeToTcvn3(p)], [])]).toEqual([p, 'tcvn3']);
  });

  it('finds VNI, typed by hand or encoded', () => {
    expect(detectEncoding(['Tyû leä phuû soùng 5G treân ñòa baøn xaõ'], [])).toBe('vni');
    expect(detectEncoding(['Tæ leä'], [])).toBe('vni');
    expect(detectEncoding(PHRASES.map(unicodeToVni), [])).toBe('vni');
    for (const p of PHRASES) expect([p, detectEncoding([unicodeToVni(p)], [])]).toEqual([p, 'vni']);
  });

  it('lets the font settle text that reads well in more than one encoding', () => {
    // "Duy trì" is Unicode "Duy trì", VNI "Duy trì" and TCVN3 "Duy trỡ".
    expect(detectEncoding(['Duy trì'], [])).toBe('unicode');
    expect(detectEncoding(['Duy trì'], ['.VnTime'])).toBe('tcvn3');
    expect(detectEncoding(['Duy trì'], ['VNI-Times'])).toBe('vni');
    // The font does not outvote the words.
    expect(detectEncoding(['Tỷ lệ phủ sóng'], ['.VnTime'])).toBe('unicode');
    expect(detectEncoding(['Tû lÖ phñ sãng'], ['VNI-Times', 'Arial'])).toBe('tcvn3');
  });

  it('answers something for nothing', () => {
    expect(detectEncoding([], [])).toBe('unicode');
    expect(detectEncoding(['123', '45,6', '—'], [])).toBe('unicode');
  });

  it('any mix of real phrases keeps its encoding', () => {
    const mixes = fc.uniqueArray(fc.constantFrom(...PHRASES), { minLength: 1, maxLength: 6 });
    fc.assert(fc.property(mixes, texts => {
      expect(detectEncoding(texts, [])).toBe('unicode');
      expect(detectEncoding(texts.map(unicodeToTcvn3), [])).toBe('tcvn3');
      expect(detectEncoding(texts.map(unicodeToVni), [])).toBe('vni');
    }));
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'binary' })), fc.array(fc.string()), (texts, fonts) => {
      expect(['unicode', 'tcvn3', 'vni', 'ascii']).toContain(detectEncoding(texts, fonts));
    }));
  });

  it('keeps plain ASCII with punctuation out of the legacy encodings', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCD 0123456789.,;:%()-/“”–≥…°') });
    fc.assert(fc.property(fc.array(ascii), texts => {
      expect(['unicode', 'ascii']).toContain(detectEncoding(texts, ['.VnTime']));
    }));
  });
});

describe('decodeText', () => {
  it('is NFC for Unicode and ascii', () => {
    const nfd = 'Tỷ lệ phủ sóng'.normalize('NFD');
    expect(decodeText(nfd, 'unicode')).toBe('Tỷ lệ phủ sóng');
    expect(decodeText('Ty le', 'ascii')).toBe('Ty le');
  });

  it('decodes the legacy encodings', () => {
    expect(decodeText('Tû lÖ phñ sãng', 'tcvn3')).toBe('Tỷ lệ phủ sóng');
    expect(decodeText('Tyû leä phuû soùng', 'vni')).toBe('Tỷ lệ phủ sóng');
    expect(decodeText('ñy ban', 'tcvn3', { caps: 'upper' })).toBe('ỦY BAN');
  });
});

describe('fonts', () => {
  it.each([
    ['.VnTime', 'tcvn3', false], ['.VnTimeH', 'tcvn3', true], ['.VnArial', 'tcvn3', false],
    ['.VnArial NarrowH', 'tcvn3', true], ['VnTime', 'tcvn3', false], ['VNI-Times', 'vni', false],
    ['VNI-Helve-Condense', 'vni', false], ['Times New Roman', null, false], ['Arial', null, false],
  ] as const)('%s → %s', (font, enc, caps) => {
    expect(fontEncoding(font)).toBe(enc);
    expect(isCapsFont(font)).toBe(caps);
  });
});

describe('isVietnameseSyllable', () => {
  it.each([
    'người', 'được', 'trường', 'nghiệp', 'quyết', 'chuyển', 'khuya', 'huyện', 'thuế', 'hoá', 'hóa', 'của', 'giữa',
    'gì', 'yêu', 'uỷ', 'ủy', 'Ủy', 'ỦY', 'thuở', 'giấy', 'khuỷu', 'tuổi', 'hoặc', 'nguyễn', 'địa', 'kỹ', 'Tỉ', 'xoong',
  ])('%s is one', w => {
    expect(isVietnameseSyllable(w)).toBe(true);
  });

  // Wrong readings of legacy bytes: impossible vowel runs, a tone on the wrong vowel, stray capitals, non-letters.
  it.each(['Vieọt', 'leọ', 'tyỷ', 'soựng', 'phÊn', 'lƯ', 'Tû', 'x·', 'ĐVT', 'cđa', 'hoaà'])('%s is none', w => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), s => typeof isVietnameseSyllable(s) === 'boolean'));
  });
});
