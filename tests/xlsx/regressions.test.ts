import { checkWorkbook } from '../../src/core/check/check';
import type { Cell, WorkbookGrid } from '../../src/core/grid/types';
import { normalizeWorkbookText } from '../../src/core/text';
import { DEFAULT_LIMITS, type ReadLimits } from '../../src/xlsx/fast';
import { readNotices, readWorkbook, type ReadResult } from '../../src/xlsx/read';
import {
  bigFirstSheet, caseTwins, dates1904, fallbackOddities, frenchWorkbook, garbageRootRels, inlineEscapes, sharedHugeString,
} from './regressions/workbooks';

/** Issue 12: the reader on real workbooks. One regression workbook of our own making per defect. */

function ok(r: ReadResult): Extract<ReadResult, { ok: true }> {
  if (!r.ok) throw new Error(r.error);
  return r;
}

function cell(g: WorkbookGrid, sheet: number, ref: string): Cell | undefined {
  const m = /^([A-Z])(\d+)$/.exec(ref);
  if (!m) throw new Error(ref);
  return g.sheets[sheet]?.rows[Number(m[2]) - 1]?.[(m[1] ?? 'A').charCodeAt(0) - 65];
}

function num(c: Cell | undefined): number {
  if (c?.v.t !== 'n') throw new Error(`not a number: ${JSON.stringify(c?.v)}`);
  return c.v.n;
}

describe('(1) a 1 MB string shared by 12,000 cells', () => {
  it('is cut to Excel\'s 32,767-character cell limit, once, with a notice; checked and left unconverted', async () => {
    const r = ok(await readWorkbook(sharedHugeString()));
    const texts = r.grid.sheets[0]?.rows.map(row => row?.[0]?.v) ?? [];
    expect(texts).toHaveLength(12_000);
    const first = texts[0];
    expect(first?.t === 's' && first.s.length).toBe(32_767);
    expect(first?.t === 's' && first.s.startsWith('Données brutes · £m · ')).toBe(true);
    expect(readNotices(r)).toEqual([expect.objectContaining({ code: 'long-text', message: expect.stringMatching(/^1 văn bản dài hơn 32767 ký tự/) })]);
    const norm = normalizeWorkbookText(r.grid);
    expect(norm.grid).toBe(r.grid);
    const report = checkWorkbook(r.grid, { file: 'x.xlsx' });
    expect(report.notices.map(n => n.code)).not.toContain('legacy-encoding');
  });
});

describe('(2) parse budgets are per sheet', () => {
  // A small budget keeps the test quick; bench:corpus reads the full-size workbook with the default limits.
  const limits: ReadLimits = { ...DEFAULT_LIMITS, maxParsedBytes: 512 * 1024 };

  it('a first sheet past its budget is cut short with a notice, the next sheet is read whole', async () => {
    const r = ok(await readWorkbook(bigFirstSheet(20_000), { limits }));
    const [big, small] = r.grid.sheets;
    expect(big?.rowCount).toBeGreaterThan(1000);
    expect(big?.rowCount).toBeLessThan(20_000);
    expect(small?.rowCount).toBe(100);
    expect(num(cell(r.grid, 1, 'B100'))).toBe(200);
    expect(r.truncated?.map(t => t.sheet)).toEqual(['Lớn']);
    const notices = readNotices(r);
    expect(notices).toEqual([expect.objectContaining({ sheet: 'Lớn', code: 'truncated', message: expect.stringContaining('Trang "Lớn" quá lớn') })]);
  });

  it('past the workbook total, further sheets keep what they read and are reported, nothing is refused', async () => {
    const tight: ReadLimits = { ...limits, maxParsedTotalBytes: 600 * 1024 };
    const r = ok(await readWorkbook(bigFirstSheet(20_000), { limits: tight }));
    expect(r.grid.sheets.map(s => s.name)).toEqual(['Lớn', 'Nhỏ']);
    expect(r.truncated?.[0]?.sheet).toBe('Lớn');
    expect(r.grid.sheets[1]?.rowCount).toBe(100);
  });

  it('a refusal names the part that is too large', async () => {
    const huge = '<si><t>Chỉ tiêu</t></si>'.repeat(60_000);
    const { buildXlsx } = await import('./fast/build');
    const bytes = buildXlsx({ sheets: [{ name: 'S', xml: '<sheetData/>' }, { name: 'T', xml: '<sheetData/>' }], sharedStrings: huge });
    expect(await readWorkbook(bytes, { limits })).toEqual({ ok: false, error: expect.stringMatching(/phần xl\/sharedStrings\.xml vượt 1 MB/) });
  });
});

describe('(3) text in another language is never "converted"', () => {
  it('a French workbook keeps "Données", "£m" and its "·" bullets', async () => {
    const r = ok(await readWorkbook(frenchWorkbook()));
    const report = checkWorkbook(r.grid, { file: 'fr.xlsx' });
    expect(report.notices.map(n => n.code)).not.toContain('legacy-encoding');
    const norm = normalizeWorkbookText(r.grid);
    expect(norm.converted).toBe(0);
    expect(cell(norm.grid, 0, 'A1')?.v).toEqual({ t: 's', s: 'Données' });
    const column = norm.grid.sheets[0]?.rows.map(row => (row?.[1]?.v.t === 's' ? row[1].v.s : '')) ?? [];
    expect(new Set(column)).toEqual(new Set(['Résultat attendu', 'Revenue (£m)', '£m', '· Première étape', '· Deuxième étape', 'Quantité livrée', 'Année précédente']));
  });
});

describe('(4) dates', () => {
  it('date1904 in the main workbookPr holds whatever <x15:workbookPr> says; durations and times are not moved', async () => {
    const g = ok(await readWorkbook(dates1904())).grid;
    // 1904-01-01 is serial 1462 in the 1900 system the core counts in.
    expect(num(cell(g, 0, 'A1'))).toBeCloseTo(1462, 6);
    expect(num(cell(g, 0, 'B1'))).toBeCloseTo(44462, 6);
    expect(num(cell(g, 0, 'A2'))).toBeCloseTo(1.5, 9);
    expect(num(cell(g, 0, 'B2'))).toBeCloseTo(0.25, 9);
  });

  it('t="d" cells: an ISO time is a fraction of a day, ISO dates are calendar days', async () => {
    const g = ok(await readWorkbook(dates1904())).grid;
    expect(num(cell(g, 0, 'A3'))).toBeCloseTo((10 * 3600 + 10 * 60 + 10) / 86400, 9);
    expect(num(cell(g, 0, 'B3'))).toBeCloseTo(45352, 9);
    expect(num(cell(g, 0, 'C3'))).toBeCloseTo(45352.25, 9);
  });
});

describe('(5) inline strings are unescaped once', () => {
  it('"_x005F_x0000_" reads "_x0000_", in inline and shared strings alike', async () => {
    const g = ok(await readWorkbook(inlineEscapes())).grid;
    expect(cell(g, 0, 'A1')?.v).toEqual({ t: 's', s: '_x0000_' });
    expect(cell(g, 0, 'B1')?.v).toEqual({ t: 's', s: 'a\rb' });
    expect(cell(g, 0, 'C1')?.v).toEqual({ t: 's', s: '_x0041_' });
    expect(cell(g, 0, 'D1')?.v).toEqual({ t: 's', s: '_x0000_' });
  });
});

describe('(6) invalid packages', () => {
  it('two entries differing only in case: refused as a corrupt file', async () => {
    const r = await readWorkbook(caseTwins());
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^Tệp \.xlsx bị hỏng.*differing only in case/) });
  });

  it('garbage _rels/.rels with an intact xl/workbook.xml: read, with a notice', async () => {
    const r = ok(await readWorkbook(garbageRootRels()));
    expect(num(cell(r.grid, 0, 'A1'))).toBe(42);
    expect(readNotices(r)).toEqual([expect.objectContaining({ sheet: null, code: 'broken-package', message: expect.stringContaining('_rels/.rels') })]);
  });
});

describe('(7) the exceljs fallback', () => {
  it('never makes "[object Object]" and keeps a formula under a hyperlink', async () => {
    const g = ok(await readWorkbook(fallbackOddities(), { reader: 'exceljs' })).grid;
    const texts = g.sheets.flatMap(s => s.rows.flatMap(row => (row ?? []).map(c => (c?.v.t === 's' ? c.v.s : ''))));
    expect(texts.filter(t => t.includes('[object'))).toEqual([]);
    expect(cell(g, 0, 'B1')).toBeUndefined();
    expect(cell(g, 0, 'B2')?.v).toEqual({ t: 'n', n: 5 });
    expect(cell(g, 0, 'A2')).toMatchObject({ v: { t: 'n', n: 6 }, f: 'A1*2' });
    expect(cell(g, 0, 'C2')?.v).toEqual({ t: 'e', e: '#VALUE!' });
    expect(cell(g, 0, 'D2')?.v).toEqual({ t: 'n', n: 2 });
  });

  it('gives the same values as the streaming reader on that workbook', async () => {
    const bytes = fallbackOddities();
    const fast = ok(await readWorkbook(bytes)).grid;
    const slow = ok(await readWorkbook(bytes, { reader: 'exceljs' })).grid;
    for (const ref of ['A1', 'C1', 'A2', 'B2', 'C2', 'D2', 'B3']) expect([ref, cell(slow, 0, ref)?.v]).toEqual([ref, cell(fast, 0, ref)?.v]);
    expect(cell(slow, 0, 'A2')?.f).toBe(cell(fast, 0, 'A2')?.f);
  });
});
