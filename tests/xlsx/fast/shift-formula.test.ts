import fc from 'fast-check';
import { shiftFormula } from '../../../src/xlsx/fast/shift-formula';

describe('shiftFormula', () => {
  test.each([
    ['A1+B2', 1, 0, 'A2+B3'],
    ['A1+B2', 0, 2, 'C1+D2'],
    ['$A$1+$A1+A$1', 3, 3, '$A$1+$A4+D$1'],
    ['SUM(A1:B2)/COUNT($C$1:C1)', 2, 1, 'SUM(B3:C4)/COUNT($C$1:D3)'],
    ['SUM(A:A)+SUM($B:C)+SUM(1:1)+SUM($2:3)', 1, 1, 'SUM(B:B)+SUM($B:D)+SUM(2:2)+SUM($2:4)'],
    ['"A1"&A1&"say ""B2"""', 1, 0, '"A1"&A2&"say ""B2"""'],
    ["'Kết quả 2026'!B4+Sheet2!C5+'it''s'!A1", 1, 0, "'Kết quả 2026'!B5+Sheet2!C6+'it''s'!A2"],
    ['LOG10(A1)+ABS(B1)+_xlfn.STDEV.S(C1:C3)', 1, 0, 'LOG10(A2)+ABS(B2)+_xlfn.STDEV.S(C2:C4)'],
    ['Table1[Cột A]+Table1[[#This Row],[B]]+[1]Sheet1!A1', 1, 0, 'Table1[Cột A]+Table1[[#This Row],[B]]+[1]Sheet1!A2'],
    ['IF(ISERROR(A1),#N/A,#DIV/0!)+TRUE+MyName+XFE1+A1048577', 1, 0, 'IF(ISERROR(A2),#N/A,#DIV/0!)+TRUE+MyName+XFE1+A1048577'],
    ['1.5E+3*A1+2e-1', 1, 0, '1.5E+3*A2+2e-1'],
    ['A1-B1', -1, 0, '#REF!-#REF!'],
    ['SUM(A1:A5)', 0, -1, 'SUM(#REF!)'],
    ['XFD1+A1048576', 1, 1, '#REF!+#REF!'],
    ['{1,2;3,4}*A1', 0, 1, '{1,2;3,4}*B1'],
    ['ĐIỂM1+A1', 1, 0, 'ĐIỂM1+A2'],
  ])('%s moved by (%i, %i) → %s', (f, dr, dc, expected) => {
    expect(shiftFormula(f, dr, dc)).toBe(expected);
  });

  const formulaText = fc.string({ unit: fc.constantFrom(...'AB$1:2!\'"()[]#,+-*/ ÂĐ_.xE9'.split('')), maxLength: 40 });

  test('never throws, and moving by nothing changes nothing', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }), (f, dr, dc) => {
      expect(typeof shiftFormula(f, dr, dc)).toBe('string');
      expect(shiftFormula(f, 0, 0)).toBe(f);
    }));
    fc.assert(fc.property(formulaText, fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 }), (f, dr, dc) => {
      expect(typeof shiftFormula(f, dr, dc)).toBe('string');
    }));
  });

  test('moving there and back is the identity when nothing falls off the sheet', () => {
    const ref = fc.tuple(fc.boolean(), fc.integer({ min: 10, max: 500 }), fc.boolean(), fc.integer({ min: 10, max: 5000 }))
      .map(([ca, c, ra, r]) => `${ca ? '$' : ''}${colLetters(c)}${ra ? '$' : ''}${r}`);
    const piece = fc.oneof(ref, fc.tuple(ref, ref).map(([a, b]) => `${a}:${b}`), fc.constantFrom('+', '*', 'SUM(', ')', '"A1"', "'S 1'!", ','));
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 }), (pieces, dr, dc) => {
      const f = pieces.join('');
      expect(shiftFormula(shiftFormula(f, dr, dc), -dr, -dc)).toBe(f);
    }));
  });

  test('terminates fast on long text', () => {
    const f = 'SUM(A1:B2)+"x"&'.repeat(5000);
    const t = Date.now();
    expect(shiftFormula(f, 1, 1).length).toBeGreaterThan(f.length - 1);
    expect(Date.now() - t).toBeLessThan(1000);
  });
});

function colLetters(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
