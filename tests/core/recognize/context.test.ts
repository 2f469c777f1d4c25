import fc from 'fast-check';
import { foldAligned } from '../../../src/core/recognize/context';
import { fold } from '../../../src/core/text/fold';

/** The definition foldAligned keeps: each code point folded on its own, as many code units out as in. */
function reference(s: string): string {
  let out = '';
  for (const ch of s) {
    const f = fold(ch);
    out += f.length === ch.length ? f : ch.length === 1 ? ch.toLowerCase() : ' '.repeat(ch.length);
  }
  return out;
}

const VIETNAMESE = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ';
const letters = [...VIETNAMESE, ...VIETNAMESE.toUpperCase(), ' ', '\u00a0', '\t', '\n', '.', '(', ')', '/', '1', '2', 'İ', 'ß', 'ﬁ', '😀', '\u0301', '\ud800'];

describe('foldAligned', () => {
  it('is the per-character fold, index for index, on Vietnamese, ASCII and odd characters', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...letters), { maxLength: 60 }).map(a => a.join('')), s => {
      const folded = foldAligned(s);
      expect(folded).toBe(reference(s));
      expect(folded.length).toBe(s.length);
    }), { numRuns: 2000 });
  });

  it('is the per-character fold on any string, and as long', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), s => {
      expect(foldAligned(s)).toBe(reference(s));
      expect(foldAligned(s).length).toBe(s.length);
    }), { numRuns: 2000 });
  });

  it('folds a caption to the text its commune is found in', () => {
    expect(foldAligned('UBND XÃ PHÚ THỊNH')).toBe('ubnd xa phu thinh');
  });
});
