import fc from 'fast-check';
import { parseMergedAddress, toSheetGrid, type LoadedSheet } from '../../src/excel/convert';

const base: LoadedSheet = {
  name: 'S', hidden: false, protected: false, rowIndex: 0, columnIndex: 0,
  values: [], formulas: [], numberFormat: [], valueTypes: [], mergedAddress: null, font: null,
};

describe('toSheetGrid', () => {
  it('places a used range that starts at C4 at its absolute rows and columns', () => {
    const g = toSheetGrid({
      ...base, rowIndex: 3, columnIndex: 2,
      values: [['TT', 'Chỉ tiêu'], [1, '#N/A']],
      formulas: [['TT', 'Chỉ tiêu'], [1, '=VLOOKUP(A1,B:B,2,0)']],
      numberFormat: [['General', '@'], ['0', 'General']],
      valueTypes: [['String', 'String'], ['Double', 'Error']],
      font: '.VnTime',
    });
    expect(g.rowCount).toBe(5);
    expect(g.colCount).toBe(4);
    expect(g.rows[3]?.[2]).toEqual({ v: { t: 's', s: 'TT' }, font: '.VnTime' });
    expect(g.rows[3]?.[3]).toEqual({ v: { t: 's', s: 'Chỉ tiêu' }, fmt: '@', font: '.VnTime' });
    expect(g.rows[4]?.[2]).toEqual({ v: { t: 'n', n: 1 }, fmt: '0' });
    expect(g.rows[4]?.[3]).toEqual({ v: { t: 'e', e: '#N/A' }, f: 'VLOOKUP(A1,B:B,2,0)' });
  });

  it('keeps a formula that returns an empty text, and text that merely looks like an error when typed as text', () => {
    const g = toSheetGrid({
      ...base,
      values: [['', '#DIV/0!', true]],
      formulas: [['=IF(1,"")', '#DIV/0!', true]],
      valueTypes: [['String', 'String', 'Boolean']],
    });
    expect(g.rows[0]?.[0]).toEqual({ v: { t: 's', s: '' }, f: 'IF(1,"")' });
    expect(g.rows[0]?.[1]?.v).toEqual({ t: 's', s: '#DIV/0!' });
    expect(g.rows[0]?.[2]?.v).toEqual({ t: 'b', b: true });
  });

  it('reads an error code as an error when value types were not loaded', () => {
    const g = toSheetGrid({ ...base, values: [['#DIV/0!', 'x']], valueTypes: 'Error, property was not loaded' });
    expect(g.rows[0]?.[0]?.v).toEqual({ t: 'e', e: '#DIV/0!' });
    expect(g.rows[0]?.[1]?.v).toEqual({ t: 's', s: 'x' });
  });

  it('keeps only the top-left value of a merged area', () => {
    const g = toSheetGrid({ ...base, values: [['A', 'stale'], ['', '']], mergedAddress: "'S'!A1:B2" });
    expect(g.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 2 }]);
    expect(g.rows[0]?.[1]).toBeUndefined();
  });

  it('never throws on whatever Office.js hands back (property)', () => {
    const junk = fc.oneof(fc.constant('Error, property was not loaded'), fc.anything(), fc.array(fc.array(fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)), { maxLength: 4 }), { maxLength: 4 }));
    fc.assert(fc.property(junk, junk, junk, junk, fc.option(fc.string()), fc.integer({ min: -3, max: 50 }), (values, formulas, numberFormat, valueTypes, mergedAddress, idx) => {
      const g = toSheetGrid({ ...base, values, formulas, numberFormat, valueTypes, mergedAddress, rowIndex: idx, columnIndex: idx });
      expect(g.rowCount).toBeGreaterThanOrEqual(0);
      for (const row of g.rows) for (const c of row ?? []) if (c) expect(['n', 's', 'b', 'e']).toContain(c.v.t);
    }));
  });
});

describe('parseMergedAddress', () => {
  it('splits areas, minding quoted sheet names with commas and apostrophes', () => {
    expect(parseMergedAddress("'Báo cáo, 2026'!A1:E1, 'Báo cáo, 2026'!B3:C4")).toEqual([
      { top: 1, left: 1, bottom: 1, right: 5 }, { top: 3, left: 2, bottom: 4, right: 3 },
    ]);
    expect(parseMergedAddress("'It''s'!A1:A2,Sheet1!$B$2:$C$2")).toEqual([
      { top: 1, left: 1, bottom: 2, right: 1 }, { top: 2, left: 2, bottom: 2, right: 3 },
    ]);
    expect(parseMergedAddress(null)).toEqual([]);
  });

  it('never throws and returns only real areas (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), s => {
      for (const a of parseMergedAddress(s)) {
        expect(a.bottom >= a.top && a.right >= a.left).toBe(true);
        expect(a.bottom > a.top || a.right > a.left).toBe(true);
      }
    }));
  });
});
