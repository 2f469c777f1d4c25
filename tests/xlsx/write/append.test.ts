/**
 * Sheets added to an existing workbook by copying its parts (src/xlsx/write/append.ts), against the exceljs path that
 * loads and rewrites the whole file (write-plan.ts): the new sheets must read the same cell by cell, looks and layout
 * included, and the file's own sheets exactly as before. The existing files are the fixtures Excel saved, a workbook
 * exceljs wrote, one of our own rollups, and those packages rewritten into shapes no writer here produces.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkWorkbook } from '../../../src/core/check/check';
import { rowsFromCells } from '../../../src/core/plan/rows';
import type { SheetPlan } from '../../../src/core/plan/types';
import { buildRollup } from '../../../src/core/rollup/build';
import { rollupPlans } from '../../../src/core/rollup/plan';
import { readWorkbook } from '../../../src/xlsx/read';
import { workbookBytes } from '../../../src/xlsx/write';
import { appendWorkbook } from '../../../src/xlsx/write/append';
import { readExisting } from '../../../src/xlsx/write/existing';
import { writePlans } from '../../../src/xlsx/write-plan';
import { FIXTURES, readFixture } from '../../helpers/fixtures';
import { expectSameSheets, links, load } from '../../helpers/workbook-compare';
import { everything } from './plans';

jest.setTimeout(60_000);

function appended(existing: Uint8Array, plans: readonly SheetPlan[]): { bytes: Uint8Array; sheets: string[] } {
  const read = readExisting(existing);
  if (!read.ok) throw new Error(read.reason);
  const chunks: Uint8Array[] = [];
  const sheets = appendWorkbook(read.pkg, plans, c => { chunks.push(c); });
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { bytes.set(c, at); at += c.length; }
  return { bytes, sheets };
}

function linksOf(bytes: Uint8Array, sheets: readonly string[]): unknown {
  const all = links(bytes) as Record<string, unknown>;
  return Object.fromEntries(sheets.map(s => [s, all[s] ?? null]));
}

/** Appends `plans` both ways and compares; returns the cells compared. */
async function compareAppend(existing: Uint8Array, plans: readonly SheetPlan[]): Promise<number> {
  const reference = await writePlans(plans, existing);
  if (!reference.ok) throw new Error(reference.error);
  const ours = appended(existing, plans);
  expect(ours.sheets).toEqual(reference.sheets);
  const [original, a, b] = [await load(existing), await load(reference.bytes), await load(ours.bytes)];
  const before = original.worksheets.map(w => w.name);
  expect(b.worksheets.map(w => w.name)).toEqual([...before, ...ours.sheets]);
  // The new sheets as exceljs writes them; the file's own exactly as they were (ours are copied, not rewritten).
  let compared = expectSameSheets(a, b, ours.sheets);
  compared += expectSameSheets(original, b, before);
  expect(linksOf(ours.bytes, ours.sheets)).toEqual(linksOf(reference.bytes, ours.sheets));
  // Our own reader takes the result too, every sheet.
  const grid = await readWorkbook(ours.bytes);
  expect(grid.ok && grid.grid.sheets.map(s => s.name)).toEqual([...before, ...ours.sheets]);
  return compared;
}

async function fixtureBytes(name: string): Promise<Uint8Array> {
  return new Uint8Array(await fs.readFile(path.join(FIXTURES, name)));
}

async function provincePlans(): Promise<SheetPlan[]> {
  const dir = path.join(FIXTURES, 'province-2026-04');
  const names = (await fs.readdir(dir)).filter(f => f.endsWith('.xlsx')).sort().slice(0, 6);
  const files = await Promise.all(names.map(async f => checkWorkbook(await readFixture(path.join(dir, f)), { file: path.join(dir, f) })));
  return rollupPlans(buildRollup({ files }), undefined, undefined, { relativeFile: f => path.basename(f) });
}

/** One cell per address (the first), as a plan has them. */
function dedupe<T extends { row: number; col: number }>(cells: readonly T[]): T[] {
  const seen = new Set<string>();
  return cells.filter(c => { const k = `${c.row}:${c.col}`; if (seen.has(k)) return false; seen.add(k); return true; });
}

/** The package with some parts' text rewritten. */
function rewrite(bytes: Uint8Array, change: Readonly<Record<string, (xml: string) => string | null>>): Uint8Array {
  const zip = unzipSync(bytes);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(zip)) {
    const f = change[name];
    if (!f) { out[name] = data; continue; }
    const text = f(strFromU8(data));
    if (text !== null) out[name] = strToU8(text);
  }
  return zipSync(out);
}

describe('adding sheets to an existing workbook without loading it', () => {
  it.each(['phu-thinh-bao-cao-thang-4-2026.xlsx', 'vo-nhai-ke-hoach.xlsx', 'thanh-dong-ket-qua-2026.xlsx', 'quyet-thang-ke-hoach.xlsx',
    'gia-phuc-bao-cao.xlsx', 'thanh-dong-ke-hoach.xlsx'])('reads like the exceljs path on %s (saved by Excel)', async file => {
    expect(await compareAppend(await fixtureBytes(file), everything())).toBeGreaterThan(50);
  });

  it('adds a province rollup to a workbook exceljs wrote and to a rollup of its own, twice', async () => {
    const plans = await provincePlans();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Tổng hợp').getCell('A1').value = 'giữ nguyên';
    const byExceljs = new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
    expect(await compareAppend(byExceljs, plans)).toBeGreaterThan(100);
    const ours = workbookBytes(plans).bytes;
    expect(await compareAppend(ours, plans)).toBeGreaterThan(100);
    const twice = appended(appended(ours, plans).bytes, plans);
    expect(twice.sheets).toEqual(['Tổng hợp (3)', 'Theo xã (3)', 'Dữ liệu (3)', 'Cần xem lại (3)']);
  });

  it('handles shapes no writer here produces: single quotes, no number formats, defined names, no string table', async () => {
    const base = await fixtureBytes('phu-thinh-bao-cao-thang-4-2026.xlsx');
    const quoted = rewrite(base, {
      'xl/styles.xml': x => x.replace(/<numFmts\b[\s\S]*?<\/numFmts>/, '').replace(/(\s[a-zA-Z:]+)="([^"]*)"/g, "$1='$2'"),
      'xl/workbook.xml': x => (x.includes('<definedNames>') ? x : x.replace('</sheets>', '</sheets><definedNames><definedName name="ghi_chu">1</definedName></definedNames>')),
    });
    expect(await compareAppend(quoted, everything())).toBeGreaterThan(50);
    // A workbook of numbers only has no shared strings: the table, its relationship and content type are added.
    const numbers = new ExcelJS.Workbook();
    numbers.addWorksheet('Số').getCell('B2').value = 42;
    const noStrings = rewrite(new Uint8Array(await numbers.xlsx.writeBuffer() as ArrayBuffer), {
      'xl/sharedStrings.xml': () => null,
      'xl/_rels/workbook.xml.rels': x => x.replace(/<Relationship\b[^>]*sharedStrings[^>]*\/>/, ''),
      '[Content_Types].xml': x => x.replace(/<Override\b[^>]*sharedStrings[^>]*\/>/, ''),
    });
    expect(readExisting(noStrings).ok && (readExisting(noStrings) as { pkg: { sharedStrings: unknown } }).pkg.sharedStrings).toBeNull();
    expect(await compareAppend(noStrings, everything())).toBeGreaterThan(20);
  });

  it('adds to parts whose every element is prefixed (as the OpenXML SDK writes them) with the same prefix', async () => {
    const base = await fixtureBytes('vo-nhai-ke-hoach.xlsx');
    const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const prefix = (root: string) => (x: string) => x.replace(/<(\/?)([a-zA-Z]+)(?=[\s/>])/g, '<$1x:$2').replace(`<x:${root} xmlns="${NS}"`, `<x:${root} xmlns:x="${NS}"`);
    const prefixed = rewrite(base, { 'xl/styles.xml': prefix('styleSheet'), 'xl/workbook.xml': prefix('workbook'), 'xl/sharedStrings.xml': prefix('sst') });
    const read = readExisting(prefixed);
    expect(read.ok && [read.pkg.styles.prefix, read.pkg.workbook.prefix, read.pkg.sharedStrings?.prefix]).toEqual(['x:', 'x:', 'x:']);
    const ours = appended(prefixed, everything());
    const parts = unzipSync(ours.bytes);
    for (const part of ['xl/styles.xml', 'xl/workbook.xml', 'xl/sharedStrings.xml']) {
      const names = [...strFromU8(parts[part] as Uint8Array).matchAll(/<\/?([A-Za-z0-9:]+)/g)].map(m => m[1] as string);
      expect(names.length).toBeGreaterThan(10);
      expect(names.filter(n => !n.includes(':'))).toEqual([]);
    }
    // Read back (our reader takes prefixed parts): the file's sheets as before, ours as in a new workbook.
    const [before, after, fresh] = await Promise.all([readWorkbook(base), readWorkbook(ours.bytes), readWorkbook(workbookBytes(everything()).bytes)]);
    if (!before.ok || !after.ok || !fresh.ok) throw new Error('unreadable');
    const own = before.grid.sheets.length;
    expect(after.grid.sheets.slice(0, own)).toEqual(before.grid.sheets);
    const noFont = (rows: unknown) => JSON.parse(JSON.stringify(rows, (k, v: unknown) => (k === 'font' ? undefined : v))) as unknown;
    expect(after.grid.sheets.slice(own).map(s => noFont(s.rows))).toEqual(fresh.grid.sheets.map(s => noFont(s.rows)));
  });

  it('keeps every sheet of the file and adds sheets as a new workbook holds them, whatever their names and cells (property)', async () => {
    const bases = await Promise.all(['phu-thinh-bao-cao-thang-4-2026.xlsx', 'thanh-dong-ket-qua-2026.xlsx'].map(fixtureBytes));
    const originals = await Promise.all(bases.map(b => readWorkbook(b)));
    const noFont = (rows: unknown) => JSON.stringify(rows, (k, v: unknown) => (k === 'font' ? undefined : v));
    const scalar = fc.oneof(
      fc.string({ maxLength: 12 }).map(s => ({ t: 's' as const, s })),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map(n => ({ t: 'n' as const, n })),
    );
    const style = fc.option(fc.record({ bold: fc.boolean(), numFmt: fc.constantFrom('0.0', '0%', '#,##0', 'dd/mm/yyyy'), fill: fc.constantFrom('C6EFCE', 'FFC7CE') }), { nil: undefined });
    const plan = fc.record({
      // Names that clash with the file's own sheets (any case), each other, or carry characters Excel refuses.
      name: fc.oneof(fc.constantFrom('PL 1', 'pl 1', 'Sheet1', 'Tổng hợp', 'a/b:c', "'x'"), fc.string({ minLength: 1, maxLength: 40 })),
      cells: fc.array(fc.record({ row: fc.integer({ min: 1, max: 30 }), col: fc.integer({ min: 1, max: 8 }), value: scalar, style }), { maxLength: 40 }),
    });
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: bases.length - 1 }), fc.array(plan, { minLength: 1, maxLength: 4 }), async (which, specs) => {
      const plans: SheetPlan[] = specs.map(p => ({
        name: p.name,
        rows: rowsFromCells(dedupe(p.cells.map(c => (c.style ? { row: c.row, col: c.col, value: c.value, style: c.style } : { row: c.row, col: c.col, value: c.value })))),
      }));
      const base = bases[which] as Uint8Array;
      const before = originals[which];
      const ours = appended(base, plans);
      const [after, fresh] = [await readWorkbook(ours.bytes), await readWorkbook(workbookBytes(plans).bytes)];
      if (!before?.ok || !after.ok || !fresh.ok) return false;
      const own = before.grid.sheets;
      const names = after.grid.sheets.map(x => x.name.toLocaleLowerCase());
      return new Set(names).size === names.length
        && noFont(after.grid.sheets.slice(0, own.length)) === noFont(own)
        && noFont(after.grid.sheets.slice(own.length).map(x => x.rows)) === noFont(fresh.grid.sheets.map(x => x.rows));
    }), { numRuns: 40 });
  });

  it('never reuses the name of a stale part: a leftover _rels entry or content-type override', async () => {
    const zip = unzipSync(await fixtureBytes('thanh-dong-ket-qua-2026.xlsx'));
    const taken = Object.keys(zip).filter(n => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).length;
    // Part numbers just past the file's sheets: one with only its relationships left, one only named in the content types.
    zip[`xl/worksheets/_rels/sheet${taken + 1}.xml.rels`] = strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>');
    zip['[Content_Types].xml'] = strToU8(strFromU8(zip['[Content_Types].xml'] as Uint8Array).replace('</Types>',
      `<Override PartName="/xl/worksheets/sheet${taken + 2}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`));
    const stale = zipSync(zip);
    const ours = appended(stale, everything());
    const names = Object.keys(unzipSync(ours.bytes));
    const sheets = names.filter(n => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map(n => Number(/(\d+)\.xml$/.exec(n)?.[1]));
    expect(sheets).not.toContain(taken + 1);
    expect(sheets).not.toContain(taken + 2);
    const types = strFromU8(unzipSync(ours.bytes)['[Content_Types].xml'] as Uint8Array);
    const parts = [...types.matchAll(/PartName="([^"]+)"/g)].map(m => (m[1] as string).toLowerCase());
    expect(new Set(parts).size).toBe(parts.length);
    expect(await compareAppend(stale, everything())).toBeGreaterThan(50);
  });

  it('leaves files of other shapes to the general path, with the reason', async () => {
    const base = await fixtureBytes('vo-nhai-ke-hoach.xlsx');
    // Excel 2007's beta files: the same names in another namespace, and <sstItem> for <si>.
    const beta = rewrite(base, { 'xl/styles.xml': x => x.replace('spreadsheetml/2006/main', 'excel/2006/2') });
    const r1 = readExisting(beta);
    expect(r1.ok === false && r1.reason).toMatch(/namespace/);
    const emptyFonts = rewrite(base, { 'xl/styles.xml': x => x.replace(/<fonts\b[\s\S]*?<\/fonts>/, '<fonts count="0"/>') });
    expect(readExisting(emptyFonts).ok).toBe(false);
    const notZip = readExisting(new TextEncoder().encode('TT,Chỉ tiêu\n1,x\n'));
    expect(notZip.ok).toBe(false);
  });
});
