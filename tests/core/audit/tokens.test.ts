import fc from 'fast-check';
import { externalWorkbooks, functionsOf, references, splitPrefix, tokenize, type Token } from '../../../src/core/audit/tokens';

const kinds = (f: string): string[] => tokenize(f).filter(t => t.k !== 'space').map(t => `${t.k}:${t.text}`);

describe('tokenize', () => {
  it('splits a ratio formula into references, operators and a number', () => {
    expect(kinds('E6/F6*100')).toEqual(['ref:E6', 'op:/', 'ref:F6', 'op:*', 'num:100']);
  });

  it('reads the leading "=" as an operator and keeps spaces', () => {
    const t = tokenize('= SUM( E5:E16 )');
    expect(t.map(x => x.k)).toEqual(['op', 'space', 'func', 'open', 'space', 'ref', 'space', 'close']);
  });

  it('reads ranges, absolute parts, whole columns and whole rows', () => {
    const [area, abs, cols, rows] = references('SUM(E5:E16)+$F$3+SUM(E:E)+SUM(3:5)');
    expect(area).toMatchObject({ kind: 'area', from: { row: 5, col: 5 }, to: { row: 16, col: 5 } });
    expect(abs).toMatchObject({ kind: 'cell', from: { row: 3, col: 6, rowAbs: true, colAbs: true } });
    expect(cols).toMatchObject({ kind: 'cols', from: { col: 5, row: 1 }, to: { col: 5 } });
    expect(rows).toMatchObject({ kind: 'rows', from: { row: 3 }, to: { row: 5 } });
  });

  it('orders the corners of a range written backwards', () => {
    expect(references('SUM(F9:E5)')[0]).toMatchObject({ from: { row: 5, col: 5 }, to: { row: 9, col: 6 } });
  });

  it('reads sheet-qualified references, quoted or not, with quotes doubled inside', () => {
    const refs = references("'Phụ lục 1'!A1+Sheet2!B2:C3+'Bà''s'!D4");
    expect(refs.map(r => [r.sheet, r.workbook, r.kind])).toEqual([
      ['Phụ lục 1', null, 'cell'], ['Sheet2', null, 'area'], ["Bà's", null, 'cell'],
    ]);
  });

  it('reads links to other workbooks, by index or by path', () => {
    expect(externalWorkbooks('[1]Sheet1!A1*2')).toEqual(['1']);
    expect(externalWorkbooks("'C:\\Bao cao\\[x.xlsx]Tong hop'!A1")).toEqual(['C:\\Bao cao\\x.xlsx']);
    expect(references("'C:\\Bao cao\\[x.xlsx]Tong hop'!A1")[0]).toMatchObject({ sheet: 'Tong hop', workbook: 'C:\\Bao cao\\x.xlsx' });
    expect(externalWorkbooks('[2]!DanSo')).toEqual(['2']);
    expect(externalWorkbooks("'Phụ lục'!A1+B2")).toEqual([]);
  });

  it('splits a prefix into workbook and sheet', () => {
    expect(splitPrefix('[Book1.xlsx]Sheet 1')).toEqual({ workbook: 'Book1.xlsx', sheet: 'Sheet 1' });
    expect(splitPrefix('Sheet1')).toEqual({ workbook: null, sheet: 'Sheet1' });
    expect(splitPrefix('C:\\a\\b.xlsx')).toEqual({ workbook: 'C:\\a\\b.xlsx', sheet: null });
  });

  it('tells functions from references that look alike (LOG10, ATAN2) and from names', () => {
    expect(kinds('LOG10(A1)+ATAN2(1,2)+DanSo+A1B')).toEqual([
      'func:LOG10', 'open:(', 'ref:A1', 'close:)', 'op:+', 'func:ATAN2', 'open:(', 'num:1', 'sep:,', 'num:2', 'close:)',
      'op:+', 'name:DanSo', 'op:+', 'name:A1B',
    ]);
    expect(functionsOf('_xlfn.STDEV.S(A1:A3)+ROUND(B1;2)')).toEqual(['STDEV.S', 'ROUND']);
  });

  it('reads strings with doubled quotes, booleans, error literals and comparison operators', () => {
    const t = tokenize('IF(A1<>"Đạt ""tốt""",TRUE,#REF!)>=1.5E+2');
    const str = t.find((x): x is Extract<Token, { k: 'str' }> => x.k === 'str');
    expect(str?.value).toBe('Đạt "tốt"');
    expect(t.filter(x => x.k === 'bool')).toHaveLength(1);
    expect(t.find(x => x.k === 'err')?.text).toBe('#REF!');
    expect(t.filter(x => x.k === 'op').map(x => x.text)).toEqual(['<>', '>=']);
    expect(t.find(x => x.k === 'num' && x.text === '1.5E+2')).toMatchObject({ value: 150 });
  });

  it('turns what it does not understand into unknown tokens', () => {
    expect(kinds('A1 ~ §')).toEqual(['ref:A1', 'unknown:~', 'unknown:§']);
    expect(kinds("'unterminated")[0]).toBe("unknown:'");
  });

  it('does not take a column beyond XFD or a row beyond 1048576 for a reference', () => {
    expect(references('ZZZ1+A2000000')).toEqual([]);
  });
});

const piece = fc.constantFrom(
  'A1', '$B$2', 'E5:E16', "'Phụ lục'!", 'Sheet1!', '[1]', ']', '[', "'", '"', '!', ':', '$', '(', ')', ',', ';', '+', '-', '*',
  '/', '^', '&', '%', '<>', '>=', '=', ' ', 'SUM', 'ROUND', '100', '1.5', 'E', '#DIV/0!', '#', 'TRUE', '{', '}', '\\', 'C:',
  '.xlsx', 'Đạt', '\u00a0', '\u200b',
);
const formulaish = fc.array(piece, { maxLength: 40 }).map(a => a.join(''));
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), formulaish);

describe('tokenize properties', () => {
  it('never throws, and the token texts put back together give the input', () => {
    fc.assert(fc.property(anyText, s => {
      expect(tokenize(s).map(t => t.text).join('')).toBe(s);
      references(s);
      externalWorkbooks(s);
    }), { numRuns: 3000 });
  });

  it('answers fast on long input', () => {
    const long = "'a'!".repeat(5000) + 'SUM('.repeat(5000) + '"'.repeat(3001) + '['.repeat(5000);
    const t0 = Date.now();
    tokenize(long);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('finds every cell reference of a formula built from references and operators', () => {
    const cell = fc.record({ col: fc.integer({ min: 1, max: 702 }), row: fc.integer({ min: 1, max: 99999 }), abs: fc.boolean() });
    fc.assert(fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), fc.constantFrom('+', '-', '*', '/', ','), (cells, op) => {
      const letters = (n: number): string => (n > 26 ? String.fromCharCode(64 + Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
      const text = cells.map(c => `${c.abs ? '$' : ''}${letters(c.col)}${c.abs ? '$' : ''}${c.row}`).join(op);
      const refs = references(text);
      expect(refs.map(r => [r.from.row, r.from.col, r.from.rowAbs])).toEqual(cells.map(c => [c.row, c.col, c.abs]));
    }));
  });
});
