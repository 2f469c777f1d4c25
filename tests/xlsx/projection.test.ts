/**
 * A sheet's projection (src/xlsx/projection.ts) must hand over exactly what the sheet reader gives for the projected
 * columns — checked against the reader itself on random plans and on the province's rollup — and must be refused the
 * moment the package no longer holds the sheet or its strings as written, or holds a part that is not ours.
 */
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkWorkbook } from '../../src/core/check/check';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import type { Cell } from '../../src/core/grid/types';
import { rowsFromCells } from '../../src/core/plan/rows';
import type { PlannedCell, SheetPlan } from '../../src/core/plan/types';
import { buildRollup } from '../../src/core/rollup/build';
import { DATA_COLUMNS, PREVIOUS_COLUMNS } from '../../src/core/rollup/plan-data';
import { isDataSheetName, PreviousRows } from '../../src/core/rollup/previous';
import { rollupPlans } from '../../src/core/rollup/plan';
import { readXlsxFast } from '../../src/xlsx/fast';
import { readProjected } from '../../src/xlsx/fast/projection';
import { previousFromProjection } from '../../src/xlsx/previous';
import { parseProjection } from '../../src/xlsx/projection';
import { writeProjectionXml, type ProjectionOut } from '../../src/xlsx/write/projection';
import { workbookBytes } from '../../src/xlsx/write';
import { appendWorkbook } from '../../src/xlsx/write/append';
import { readExisting } from '../../src/xlsx/write/existing';
import { FIXTURES, readFixture } from '../helpers/fixtures';

jest.setTimeout(60_000);

type Rows = [number, (Cell | undefined)[]][];

/** The rows of the last sheet `wanted` accepts, restricted to `columns` (1-based), as the sheet reader gives them. */
function sheetRows(bytes: Uint8Array, wanted: (s: string) => boolean, columns: readonly number[]): Rows {
  const bySheet = new Map<string, Rows>();
  readXlsxFast(bytes, undefined, {
    sheets: wanted,
    onRow: (sheet, row, cells) => {
      const kept: (Cell | undefined)[] = [];
      for (const c of columns) if (cells[c - 1]) kept[c - 1] = { v: (cells[c - 1] as Cell).v };
      const list = bySheet.get(sheet) ?? [];
      list.push([row, kept]);
      bySheet.set(sheet, list);
    },
  });
  return [...bySheet.values()].pop() ?? [];
}

function projectedRows(bytes: Uint8Array, wanted: (s: string) => boolean): Rows | null {
  const rows: Rows = [];
  const r = readProjected(bytes, wanted, (_s, row, cells) => { rows.push([row, [...cells]]); });
  return r === null ? null : rows;
}

/** Rows with no cell in the kept columns say nothing: the reader visits them, a projection may too. */
const filled = (rows: Rows): Rows => rows.filter(([, cells]) => cells.some(c => c !== undefined));

function appended(existing: Uint8Array, plans: readonly SheetPlan[]): Uint8Array {
  const read = readExisting(existing);
  if (!read.ok) throw new Error(read.reason);
  const chunks: Uint8Array[] = [];
  appendWorkbook(read.pkg, plans, c => { chunks.push(c); });
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { bytes.set(c, at); at += c.length; }
  return bytes;
}

/** The package with one part's text changed (every other part as it was). */
function withPart(bytes: Uint8Array, part: string, change: (text: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const old = files[part];
  if (!old) throw new Error(`no ${part}`);
  const next: Zippable = { ...files, [part]: strToU8(change(strFromU8(old))) };
  return zipSync(next);
}

/**
 * What makes a package invalid in OPC terms (ECMA-376 Part 2, §§9.1, 10.1): an entry with no content type (neither an
 * Override nor a Default for its extension), or a relationship whose internal target is not in the package.
 */
function packageProblems(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes);
  const names = new Set(Object.keys(files).map(n => n.toLowerCase()));
  const types = strFromU8(files['[Content_Types].xml'] as Uint8Array);
  const overrides = new Set([...types.matchAll(/<Override\b[^>]*PartName="\/([^"]+)"/g)].map(m => (m[1] as string).toLowerCase()));
  const defaults = new Set([...types.matchAll(/<Default\b[^>]*Extension="([^"]+)"/g)].map(m => (m[1] as string).toLowerCase()));
  const problems: string[] = [];
  for (const name of Object.keys(files)) {
    if (name === '[Content_Types].xml' || name.endsWith('/')) continue;
    if (!overrides.has(name.toLowerCase()) && !defaults.has(name.slice(name.lastIndexOf('.') + 1).toLowerCase())) problems.push(`no content type: ${name}`);
    if (!name.endsWith('.rels')) continue;
    const folder = name.replace(/_rels\/[^/]+$/, '');
    for (const m of strFromU8(files[name] as Uint8Array).matchAll(/<Relationship\b([^>]*)\/>/g)) {
      const attrs = m[1] as string;
      if (/TargetMode="External"/.test(attrs)) continue;
      const target = /Target="([^"]+)"/.exec(attrs)?.[1] ?? '';
      const parts = target.startsWith('/') ? [] : folder.split('/').filter(Boolean);
      for (const seg of target.split('/')) { if (seg === '..') parts.pop(); else if (seg !== '' && seg !== '.') parts.push(seg); }
      if (!names.has(parts.join('/').toLowerCase())) problems.push(`${name}: no ${target}`);
    }
  }
  return problems;
}

const cellValue = fc.oneof(
  fc.string({ maxLength: 12 }).map(s => ({ t: 's' as const, s })),
  fc.constantFrom(' lề ', 'Đạt', '_x0041_', 'a&b<c>', 'xuống\r\ndòng', '\u0001ctl', '').map(s => ({ t: 's' as const, s })),
  fc.double({ noNaN: true }).map(n => ({ t: 'n' as const, n })),
  fc.integer({ min: -1e6, max: 1e6 }).map(n => ({ t: 'n' as const, n: n / 8 })),
  fc.constant({ t: 'empty' as const }),
);

/** The custom XML part's text as written through a part (strings and bytes in order). */
function projectionText(out: ProjectionOut): string {
  let text = '';
  const utf8 = new TextDecoder();
  writeProjectionXml({ emit: x => { text += x; }, emitBytes: b => { text += utf8.decode(b); }, end: () => ({ crc: 0, size: 0 }) }, out);
  return text;
}

describe('a projection', () => {
  it('hands over what the sheet reader reads in the projected columns (random plans)', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ row: fc.integer({ min: 1, max: 40 }), col: fc.integer({ min: 1, max: 6 }), value: cellValue }), { maxLength: 80 }),
      fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 }),
      (cells, columns) => {
        const plan: SheetPlan = { name: 'Dữ liệu', rows: rowsFromCells(cells as PlannedCell[]), projection: columns };
        // Another sheet before it shares the string table, so indices do not start at 0.
        const other: SheetPlan = { name: 'Tổng hợp', rows: rowsFromCells([{ row: 1, col: 1, value: { t: 's', s: 'đầu' } }]) };
        const bytes = workbookBytes([other, plan]).bytes;
        const projected = projectedRows(bytes, isDataSheetName);
        expect(projected).not.toBeNull();
        expect(filled(projected ?? [])).toEqual(filled(sheetRows(bytes, isDataSheetName, columns)));
      },
    ), { numRuns: 150 });
  });

  it('keeps a sheet name with markup and letters past ASCII, and says "none" for a spoiled one', () => {
    const name = 'A&B <Dữ> "x"';
    const plan: SheetPlan = { name, projection: [1], rows: rowsFromCells([{ row: 2, col: 1, value: { t: 'n', n: 1.5 } }]) };
    const bytes = workbookBytes([plan]).bytes;
    expect(projectedRows(bytes, n => n === name)).toEqual([[2, [{ v: { t: 'n', n: 1.5 } }]]]);
    const doc = { v: 1 as const, sheet: name, stamp: { part: 'a', crc: 1, size: 2 }, strings: { part: 'b', crc: 3, size: 4 }, columns: [1], rows: null };
    const { rows: _none, ...head } = doc;
    const text = projectionText({ head, rows: null });
    const json = text.slice(text.indexOf('>', text.indexOf('<projection')) + 1, text.lastIndexOf('</projection>'));
    expect(json).not.toMatch(/[<>]/);
    expect([...json].every(c => c.charCodeAt(0) < 0x80)).toBe(true);
    expect(parseProjection(json.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))).toEqual(doc);
  });

  it('keeps rows past its first chunks (36,864 entries each: 12,288 rows of 2 columns) in order', () => {
    const cells: PlannedCell[] = [];
    for (let r = 1; r <= 16_000; r++) {
      cells.push({ row: r, col: 1, value: { t: 's', s: `xã ${r % 97}` } }, { row: r, col: 3, value: { t: 'n', n: r / 4 } });
    }
    const bytes = workbookBytes([{ name: 'Dữ liệu', rows: rowsFromCells(cells), projection: [1, 3] }]).bytes;
    const projected = projectedRows(bytes, isDataSheetName);
    expect(projected).toHaveLength(16_000);
    expect(projected).toEqual(sheetRows(bytes, isDataSheetName, [1, 3]));
  });

  it('is no projection when a projected column holds a link or a formula', () => {
    const plan: SheetPlan = {
      name: 'Dữ liệu', projection: [1, 2],
      rows: rowsFromCells([{ row: 1, col: 1, value: { t: 's', s: 'a' } }, { row: 1, col: 2, value: { t: 'link', text: 'B2', sheet: 'X', cell: 'B2' } }]),
    };
    expect(projectedRows(workbookBytes([plan]).bytes, isDataSheetName)).toBeNull();
  });
});

describe("the rollup's Dữ liệu", () => {
  let plans: SheetPlan[];
  let fresh: Uint8Array;
  const catalog = defaultCatalog();

  /** Last month as --previous reads it, from the projection or (null) from the sheet. */
  function snapshot(bytes: Uint8Array, viaProjection: boolean): unknown {
    if (viaProjection) return previousFromProjection(bytes, catalog);
    let last = '';
    const bySheet = new Map<string, PreviousRows>();
    readXlsxFast(bytes, undefined, {
      sheets: isDataSheetName,
      onRow: (sheet, row, cells) => {
        last = sheet;
        const p = bySheet.get(sheet) ?? new PreviousRows(catalog);
        bySheet.set(sheet, p);
        p.row(row, cells);
      },
    });
    return (bySheet.get(last) as PreviousRows).result(last);
  }

  beforeAll(async () => {
    const dir = path.join(FIXTURES, 'province-2026-04');
    const names = (await fs.readdir(dir)).filter(f => f.endsWith('.xlsx')).sort();
    const files = await Promise.all(names.map(async f => checkWorkbook(await readFixture(path.join(dir, f)), { file: path.join(dir, f) })));
    plans = rollupPlans(buildRollup({ files }), undefined, undefined, { relativeFile: f => path.basename(f) });
    fresh = workbookBytes(plans).bytes;
  });

  it('projects the columns --previous reads, each label once in the sheet', () => {
    expect(new Set(DATA_COLUMNS).size).toBe(DATA_COLUMNS.length);
    expect(plans.find(p => p.name === 'Dữ liệu')?.projection).toEqual(PREVIOUS_COLUMNS);
    expect(PREVIOUS_COLUMNS).toHaveLength(9);
  });

  it('gives last month exactly as the sheet gives it, in a new workbook and added to others', async () => {
    const direct = snapshot(fresh, false);
    expect((direct as { ok: boolean }).ok).toBe(true);
    expect(snapshot(fresh, true)).toEqual(direct);
    // Added to an Excel-saved report and, a month later, to its own output: the newest Dữ liệu is the one read.
    const excel = new Uint8Array(await fs.readFile(path.join(FIXTURES, 'gia-phuc-bao-cao.xlsx')));
    const once = appended(excel, plans);
    expect(snapshot(once, true)).toEqual(snapshot(once, false));
    const twice = appended(once, plans.slice(1));
    expect(snapshot(twice, true)).toEqual(snapshot(twice, false));
    expect((snapshot(twice, true) as { sheet: string }).sheet).toBe('Dữ liệu (2)');
    // A package whose string table is stored as "xl/SharedStrings.xml" while its relationship says "sharedStrings.xml"
    // (part names compare case-insensitively; three files of the public corpora are so, excelize's CalcChain.xlsx one).
    const files = unzipSync(excel);
    const sst = files['xl/sharedStrings.xml'] as Uint8Array;
    delete files['xl/sharedStrings.xml'];
    const cased = appended(zipSync({ ...files, 'xl/SharedStrings.xml': sst }), plans);
    expect(Object.keys(unzipSync(cased))).toContain('xl/SharedStrings.xml');
    expect(snapshot(cased, true)).not.toBeNull();
    expect(snapshot(cased, true)).toEqual(snapshot(cased, false));
    // Each projection with its properties part, every part typed and every relationship landing.
    for (const bytes of [fresh, once, twice]) expect(packageProblems(bytes)).toEqual([]);
    expect(Object.keys(unzipSync(twice)).filter(n => n.startsWith('customXml/')).sort()).toEqual([
      'customXml/_rels/item1.xml.rels', 'customXml/_rels/item2.xml.rels', 'customXml/item1.xml', 'customXml/item2.xml',
      'customXml/itemProps1.xml', 'customXml/itemProps2.xml',
    ]);
    // And the checker does see a part without a type, and a relationship to nowhere.
    expect(packageProblems(withPart(fresh, '[Content_Types].xml', t => t.replace(/<Default Extension="xml"[^>]*\/>/, '')))).toEqual(['no content type: customXml/item1.xml']);
    expect(packageProblems(withPart(fresh, 'customXml/_rels/item1.xml.rels', t => t.replace('itemProps1', 'itemProps9')))).toEqual(['customXml/_rels/item1.xml.rels: no itemProps9.xml']);
  });

  it('is refused once the sheet or its strings are not as written, or the part is not ours', () => {
    const sheetPart = 'xl/worksheets/sheet3.xml';
    expect(strFromU8(unzipSync(fresh)[sheetPart] as Uint8Array)).toContain('— Dữ liệu —');
    // One status changed by hand and saved by another program; a string of the table changed; both the same length.
    expect(snapshot(withPart(fresh, sheetPart, t => t.replace('<v>1</v>', '<v>2</v>')), true)).toBeNull();
    expect(snapshot(withPart(fresh, 'xl/sharedStrings.xml', t => t.replace('Có', 'Cò')), true)).toBeNull();
    expect(snapshot(withPart(fresh, 'customXml/item1.xml', () => '<data xmlns="urn:other"><projection/></data>'), true)).toBeNull();
    expect(snapshot(withPart(fresh, 'customXml/item1.xml', t => t.replace('"rows":[', '"rows":{')), true)).toBeNull();
    expect(snapshot(withPart(fresh, 'customXml/item1.xml', t => t.replace('"rows":[1,', '"rows":[1,999999')), true)).toBeNull();
    expect(snapshot(withPart(fresh, 'customXml/item1.xml', () => 'not xml <'), true)).toBeNull();
    // Other programs' custom XML parts related before ours (one UTF-16, as Office writes some, one damaged) are skipped.
    const files = unzipSync(fresh);
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'<?xml version="1.0" encoding="UTF-16"?><b:Sources xmlns:b="urn:x"/>'].flatMap(c => [c.charCodeAt(0), 0])]);
    files['customXml/item8.xml'] = utf16;
    files['customXml/item9.xml'] = strToU8('not xml <');
    const rels = 'xl/_rels/workbook.xml.rels';
    files[rels] = strToU8(strFromU8(files[rels] as Uint8Array).replace(/(<Relationships[^>]*>)/,
      '$1<Relationship Id="rIdA" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item8.xml"/>'
      + '<Relationship Id="rIdB" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item9.xml"/>'));
    const crowded = zipSync(files);
    expect(snapshot(crowded, true)).toEqual(snapshot(fresh, true));
    // Unchanged, the same package read again still takes the projection.
    expect(snapshot(withPart(fresh, sheetPart, t => t), true)).not.toBeNull();
  });
});
