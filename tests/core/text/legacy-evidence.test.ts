import fc from 'fast-check';
import type { Cell, SheetGrid, WorkbookGrid } from '../../../src/core/grid/types';
import { normalizeWorkbookText, unicodeToTcvn3, unicodeToVni } from '../../../src/core/text';
import { FOREIGN } from './foreign';
import { PHRASES, lowerTonedCapitals } from './phrases';

/** Phrases TCVN3 carries exactly (its toned capitals need an H font). */
const SAFE = PHRASES.filter(p => p === lowerTonedCapitals(p) || p === p.toUpperCase());

/**
 * Issue 12 (3): legacy detection needs Vietnamese evidence. Text in other languages that happens to hold TCVN3 or
 * VNI codes (é is TCVN3 "ộ", £ is "Ê", · is "ã") must never be "converted".
 */

function grid(columns: readonly (readonly string[])[], font?: string): WorkbookGrid {
  const sheets: SheetGrid[] = columns.map((texts, i) => ({
    name: `S${i}`, rowCount: texts.length, colCount: 1, merges: [],
    rows: texts.map((s): Cell[] => [{ v: { t: 's', s }, ...(font === undefined ? {} : { font }) }]),
  }));
  return { sheets };
}

function changed(before: WorkbookGrid, after: WorkbookGrid): string[] {
  const out: string[] = [];
  before.sheets.forEach((s, si) => s.rows.forEach((row, ri) => row?.forEach((c, ci) => {
    const d = after.sheets[si]?.rows[ri]?.[ci];
    if (c?.v.t === 's' && d?.v.t === 's' && d.v.s !== c.v.s.normalize('NFC')) out.push(`${c.v.s} → ${d.v.s}`);
  })));
  return out;
}

describe('text in other languages is never decoded', () => {
  it.each([undefined, 'Calibri', 'Arial'])('French, German, Spanish, symbols (font %s)', font => {
    const g = grid([FOREIGN], font);
    const r = normalizeWorkbookText(g);
    expect(changed(g, r.grid)).toEqual([]);
    expect(r.converted).toBe(0);
  });

  it('a French workbook: "Données" in 651 cells stays "Données"', () => {
    const texts = Array.from({ length: 651 }, (_, i) => (i % 3 === 0 ? 'Données' : i % 3 === 1 ? `Données ${i}` : 'Résultat attendu'));
    const g = grid([texts, ['£m', '£m', 'Revenue (£m)', '· Item', '· Item two']]);
    const r = normalizeWorkbookText(g);
    expect(r.converted).toBe(0);
    expect(r.grid).toBe(g);
  });

  it('foreign cells inside a Vietnamese workbook stay as they are', () => {
    const g = grid([[...PHRASES, ...FOREIGN]]);
    expect(changed(g, normalizeWorkbookText(g).grid)).toEqual([]);
  });

  it('foreign cells inside a TCVN3 workbook stay as they are, the TCVN3 ones are decoded', () => {
    const legacy = SAFE.map(unicodeToTcvn3);
    const g = grid([[...legacy, 'Données', 'Numéro de référence', 'Quantité livrée', 'Müller']], '.VnTime');
    const out = normalizeWorkbookText(g).grid.sheets[0]?.rows.map(r => (r?.[0]?.v.t === 's' ? r[0].v.s : '')) ?? [];
    expect(out.slice(legacy.length)).toEqual(['Données', 'Numéro de référence', 'Quantité livrée', 'Müller']);
    expect(out.slice(0, legacy.length)).toEqual(SAFE);
  });

  it('property: random Latin-1 text, alone or mixed with real foreign text, is never changed', () => {
    const latin1 = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map(c => String.fromCharCode(c)), maxLength: 24 });
    const text = fc.oneof(latin1, fc.constantFrom(...FOREIGN));
    const font = fc.constantFrom(undefined, 'Calibri', 'Times New Roman');
    fc.assert(fc.property(fc.array(fc.array(text, { maxLength: 40 }), { minLength: 1, maxLength: 3 }), font, (cols, f) => {
      const g = grid(cols, f);
      expect(changed(g, normalizeWorkbookText(g).grid)).toEqual([]);
    }), { numRuns: 300 });
  });

  it('legacy text is still decoded: TCVN3 and VNI workbooks without a font hint', () => {
    for (const [encode, phrases] of [[unicodeToTcvn3, SAFE], [unicodeToVni, PHRASES]] as const) {
      const g = grid([phrases.map(encode)]);
      const out = normalizeWorkbookText(g).grid.sheets[0]?.rows.map(r => (r?.[0]?.v.t === 's' ? r[0].v.s : ''));
      expect(out).toEqual([...phrases]);
    }
  });

  it('a few legacy words alone, with no font and no Vietnamese around, are not enough', () => {
    const g = grid([['Tû lÖ', 'x·']]);
    expect(normalizeWorkbookText(g).converted).toBe(0);
    const withFont = grid([['Tû lÖ', 'x·']], '.VnTime');
    expect(normalizeWorkbookText(withFont).converted).toBe(2);
  });
});

describe('cost is linear in distinct texts', () => {
  it('a 1 MB text shared by 12,000 cells is classified once and kept', () => {
    const big = `${'Données brutes '.repeat(70_000)}`;
    const rows = Array.from({ length: 12_000 }, (): Cell[] => [{ v: { t: 's', s: big } }]);
    const g: WorkbookGrid = { sheets: [{ name: 'S', rowCount: rows.length, colCount: 1, merges: [], rows }] };
    const r = normalizeWorkbookText(g);
    expect(r.grid).toBe(g);
    expect(r.converted).toBe(0);
  });

  it('a long legacy text shared by many cells is decoded once, whole', () => {
    // Mixed-case phrases only: inside a long cell, TCVN3 capitals cannot be told from small letters.
    const plain = `${SAFE.filter(p => p !== p.toUpperCase()).join('. ')}. `.repeat(400);
    const big = unicodeToTcvn3(plain);
    const rows = Array.from({ length: 3000 }, (): Cell[] => [{ v: { t: 's', s: big }, font: '.VnTime' }]);
    const g: WorkbookGrid = { sheets: [{ name: 'S', rowCount: rows.length, colCount: 1, merges: [], rows }] };
    const r = normalizeWorkbookText(g);
    expect(r.converted).toBe(3000);
    const first = r.grid.sheets[0]?.rows[0]?.[0];
    const last = r.grid.sheets[0]?.rows[2999]?.[0];
    // Compared as a boolean: a failure must not print megabytes.
    expect(first?.v.t === 's' && first.v.s === plain).toBe(true);
    // One decoded string object shared by every cell, as the shared-strings table shares the source.
    expect(last?.v.t === 's' && first?.v.t === 's' && last.v.s === first.v.s).toBe(true);
  });
});
