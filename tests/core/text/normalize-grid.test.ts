import fc from 'fast-check';
import type { Cell, SheetGrid, WorkbookGrid } from '../../../src/core/grid/types';
import { normalizeWorkbookText, unicodeToTcvn3, unicodeToVni } from '../../../src/core/text';
import { PHRASES, lowerTonedCapitals, stripDiacritics } from './phrases';

/** A sheet of text cells in column A (with an optional font), a number in B and a formula in C. */
function sheet(name: string, texts: readonly string[], font?: string): SheetGrid {
  const rows = texts.map((s, i): Array<Cell | undefined> => [
    { v: { t: 's', s }, ...(font === undefined ? {} : { font }) },
    { v: { t: 'n', n: i + 0.5 }, fmt: '0.0' },
    i % 2 === 0 ? { v: { t: 'e', e: '#DIV/0!' }, f: 'B1/0' } : undefined,
  ]);
  return { name, rowCount: rows.length + 1, colCount: 3, rows: [undefined, ...rows], merges: [] };
}

function textsOf(grid: WorkbookGrid, sheetIndex = 0): string[] {
  const out: string[] = [];
  for (const row of grid.sheets[sheetIndex]?.rows ?? []) {
    const cell = row?.[0];
    if (cell?.v.t === 's') out.push(cell.v.s);
  }
  return out;
}

/** Phrases whose capitals TCVN3 can carry without an H font (all toned capitals inside capital words). */
const TCVN3_SAFE = PHRASES.filter(p => p === lowerTonedCapitals(p) || p === p.toUpperCase());

describe('normalizeWorkbookText', () => {
  it('returns a Unicode workbook as the very same grid', () => {
    const grid: WorkbookGrid = { sheets: [sheet('PL', PHRASES), sheet('Kinh phí', ['Nội dung', '25°C ± 2', '“a” – b'])] };
    const result = normalizeWorkbookText(grid);
    expect(result.grid).toBe(grid);
    expect(result).toMatchObject({ encoding: 'unicode', converted: 0 });
  });

  it('brings NFD text to NFC in a new grid, copying only what changed, without touching the input', () => {
    const grid: WorkbookGrid = { sheets: [sheet('A', PHRASES.map(p => p.normalize('NFD'))), sheet('B', PHRASES)] };
    const before = JSON.stringify(grid);
    const result = normalizeWorkbookText(grid);
    expect(JSON.stringify(grid)).toBe(before);
    expect(result.grid).not.toBe(grid);
    expect(textsOf(result.grid)).toEqual([...PHRASES]);
    expect(result.grid.sheets[1]).toBe(grid.sheets[1]);
    expect(result).toMatchObject({ encoding: 'unicode', converted: 0 });
  });

  it('decodes a TCVN3 workbook with or without its fonts', () => {
    for (const font of ['.VnTime', undefined]) {
      const grid: WorkbookGrid = { sheets: [sheet('PL', TCVN3_SAFE.map(unicodeToTcvn3), font)] };
      const result = normalizeWorkbookText(grid);
      expect(textsOf(result.grid)).toEqual(TCVN3_SAFE);
      expect(result.encoding).toBe('tcvn3');
      expect(result.converted).toBe(TCVN3_SAFE.filter(p => unicodeToTcvn3(p) !== p).length);
    }
  });

  it('decodes a VNI workbook with or without its fonts', () => {
    for (const font of ['VNI-Times', undefined]) {
      const grid: WorkbookGrid = { sheets: [sheet('PL', PHRASES.map(unicodeToVni), font)] };
      const result = normalizeWorkbookText(grid);
      expect(textsOf(result.grid)).toEqual([...PHRASES]);
      expect(result.encoding).toBe('vni');
    }
  });

  it('touches only the text cells, and drops the legacy font of a decoded cell', () => {
    const grid: WorkbookGrid = { sheets: [sheet('PL', ['Tû lÖ phñ sãng', 'Kh«ng ph¸t sinh'], '.VnTime')] };
    const result = normalizeWorkbookText(grid);
    const before = grid.sheets[0]?.rows ?? [];
    const after = result.grid.sheets[0]?.rows ?? [];
    expect(after[1]?.[0]).toEqual({ v: { t: 's', s: 'Tỷ lệ phủ sóng' } });
    for (let r = 1; r < before.length; r++) {
      expect(after[r]?.[1]).toBe(before[r]?.[1]);
      expect(after[r]?.[2]).toBe(before[r]?.[2]);
    }
    expect(result.converted).toBe(2);
  });

  it('keeps Unicode text that merely carries a .VnTime font', () => {
    const grid: WorkbookGrid = { sheets: [sheet('PL', [...PHRASES, 'Có', 'Duy trì'], '.VnTime')] };
    const result = normalizeWorkbookText(grid);
    expect(result.grid).toBe(grid);
    expect(result.encoding).toBe('unicode');
  });

  it('decodes each part of a mixed workbook by its own evidence', () => {
    const legacy = TCVN3_SAFE.slice(0, 5);
    const grid: WorkbookGrid = {
      sheets: [sheet('Unicode', PHRASES, 'Times New Roman'), sheet('Cũ', legacy.map(unicodeToTcvn3), '.VnTime')],
    };
    const result = normalizeWorkbookText(grid);
    expect(textsOf(result.grid, 0)).toEqual([...PHRASES]);
    expect(textsOf(result.grid, 1)).toEqual(legacy);
    expect(result.grid.sheets[0]).toBe(grid.sheets[0]);
    expect(result.encoding).toBe('unicode'); // most of the Vietnamese text
    expect(result.converted).toBe(5);
  });

  it('decodes a stray TCVN3 cell in a Unicode workbook but not symbols', () => {
    const grid: WorkbookGrid = { sheets: [sheet('PL', [...PHRASES, 'Tû lÖ phñ sãng', '25°C × 2 · ©', 'Müller'])] };
    const texts = textsOf(normalizeWorkbookText(grid).grid);
    expect(texts.slice(-3)).toEqual(['Tỷ lệ phủ sóng', '25°C × 2 · ©', 'Müller']);
  });

  it('writes capitals for text in an H font', () => {
    const grid: WorkbookGrid = { sheets: [sheet('PL', ['ñy ban nh©n d©n x· phó thÞnh'], '.VnTimeH')] };
    expect(textsOf(normalizeWorkbookText(grid).grid)).toEqual(['ỦY BAN NHÂN DÂN XÃ PHÚ THỊNH']);
  });

  it('calls a workbook without diacritics ascii and leaves it alone', () => {
    const grid: WorkbookGrid = { sheets: [sheet('PL', [...PHRASES.map(stripDiacritics), '25°C “a”'], '.VnTime')] };
    const result = normalizeWorkbookText(grid);
    expect(result.grid).toBe(grid);
    expect(result.encoding).toBe('ascii');
  });

  it('is idempotent', () => {
    const grid: WorkbookGrid = {
      sheets: [sheet('A', PHRASES.map(unicodeToTcvn3), '.VnTime'), sheet('B', PHRASES.map(unicodeToVni)), sheet('C', PHRASES)],
    };
    const once = normalizeWorkbookText(grid);
    const twice = normalizeWorkbookText(once.grid);
    expect(twice.grid).toBe(once.grid);
    expect(twice.converted).toBe(0);
  });

  it('stays cheap on a large Unicode workbook', () => {
    const texts = Array.from({ length: 2000 }, (_, i) => `${PHRASES[i % PHRASES.length] ?? ''} ${i}`);
    const grid: WorkbookGrid = { sheets: Array.from({ length: 5 }, (_, i) => sheet(`S${i}`, texts)) };
    const start = Date.now();
    const result = normalizeWorkbookText(grid);
    expect(result.grid).toBe(grid);
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it('never throws, keeps the shape and every non-text cell', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom(...PHRASES, ...PHRASES.map(unicodeToTcvn3), ...PHRASES.map(unicodeToVni)),
    );
    const font = fc.constantFrom(undefined, '.VnTime', '.VnTimeH', 'VNI-Times', 'Arial');
    fc.assert(fc.property(fc.array(fc.tuple(fc.array(text, { maxLength: 8 }), font), { maxLength: 4 }), specs => {
      const grid: WorkbookGrid = { sheets: specs.map(([texts, f], i) => sheet(`S${i}`, texts, f)) };
      const result = normalizeWorkbookText(grid);
      expect(result.grid.sheets).toHaveLength(grid.sheets.length);
      result.grid.sheets.forEach((s, si) => {
        const original = grid.sheets[si];
        expect(s.rows).toHaveLength(original?.rows.length ?? -1);
        s.rows.forEach((row, ri) => {
          expect(row?.[1]).toBe(original?.rows[ri]?.[1]);
          expect(row?.[2]).toBe(original?.rows[ri]?.[2]);
          const cell = row?.[0];
          if (cell?.v.t === 's') expect(cell.v.s).toBe(cell.v.s.normalize('NFC'));
        });
      });
      expect(result.converted).toBeGreaterThanOrEqual(0);
    }));
  });
});
