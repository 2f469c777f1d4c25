/**
 * A sheet written apart (write/lone-sheet.ts, on the comparison thread in the CLI) and copied into a workbook as
 * stored gives the workbook `writeWorkbook` writes, cell by cell as exceljs reads both: strings in the seed point into
 * the shared table, others are written inline; a style outside the seed fails the sheet rather than miscolour it.
 */
import { strFromU8, unzipSync } from 'fflate';
import { rowsFromCells } from '../../../src/core/plan/rows';
import type { CellStyle, PlannedCell, SheetPlan } from '../../../src/core/plan/types';
import { nodeDeflate } from '../../../src/xlsx/node-deflate';
import { writeWorkbook, writeWorkbookWithLate, type LateResult } from '../../../src/xlsx/write';
import { writeLoneSheet, type SheetSeed } from '../../../src/xlsx/write/lone-sheet';
import { expectSameSheets, load } from '../../helpers/workbook-compare';

const BOLD: CellStyle = { bold: true };
const GREEN: CellStyle = { fill: 'C6EFCE', fontColor: '006100' };
const PCT: CellStyle = { numFmt: '0.0' };

function plan(name: string, cells: PlannedCell[], extra: Partial<SheetPlan> = {}): SheetPlan {
  return { name, rows: rowsFromCells(cells), ...extra };
}

const first = plan('Một', [
  { row: 1, col: 1, value: { t: 's', s: 'Xã A' }, style: BOLD },
  { row: 1, col: 2, value: { t: 's', s: 'chỉ ở trang một' } },
  { row: 2, col: 1, value: { t: 'n', n: 3 }, style: PCT },
]);
const lone = plan('Hai', [
  { row: 1, col: 1, value: { t: 's', s: 'Xã A' }, style: GREEN },
  { row: 1, col: 2, value: { t: 's', s: ' ngoài hạt giống & <b> ' } },
  { row: 2, col: 1, value: { t: 'n', n: 83.5 }, style: PCT },
  { row: 2, col: 2, value: { t: 's', s: 'Xã A' } },
  { row: 3, col: 3, value: { t: 'empty' }, style: BOLD },
], { autoFilter: 'A1:C3', freezeRows: 1, columnWidths: [20, 30, 10], print: { landscape: true, fitToWidth: true, titleRows: [1, 1] } });
const last = plan('Ba', [{ row: 1, col: 1, value: { t: 's', s: 'ngoài hạt giống' } }]);
const seed: SheetSeed = { strings: ['Xã A', 'Xã B'], styles: [BOLD, GREEN, PCT] };

function bytesOf(write: (sink: (c: Uint8Array) => void) => unknown): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  return Promise.resolve(write(c => { chunks.push(c); })).then(() => {
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) { out.set(c, at); at += c.length; }
    return out;
  });
}

const codec = nodeDeflate;
const maybe = codec ? it : it.skip;

describe('a sheet written apart and copied in as stored', () => {
  maybe('gives the same workbook as writing it in place', async () => {
    const written = writeLoneSheet(lone, seed, codec!);
    expect(written.ok).toBe(true);
    if (!written.ok) return;
    const { rows: _rows, ...shape } = lone;
    const late: LateResult = { kind: 'stored', plan: { ...shape, rows: () => [][Symbol.iterator]() }, stored: written.stored, references: written.references };
    const ours = await bytesOf(sink => writeWorkbookWithLate([first, { late: true, name: 'Hai', seed, sheet: Promise.resolve(late) }, last], sink));
    const plain = await bytesOf(sink => writeWorkbook([first, lone, last], sink));
    const [a, b] = [await load(plain), await load(ours)];
    expect(expectSameSheets(a, b, ['Một', 'Hai', 'Ba'])).toBeGreaterThanOrEqual(8);
    const parts = unzipSync(ours);
    const sheet2 = strFromU8(parts['xl/worksheets/sheet2.xml'] as Uint8Array);
    // Seeded strings by index, the others in their cells, white space and escapes kept.
    expect(sheet2).toContain('t="inlineStr"><is><t xml:space="preserve"> ngoài hạt giống &amp; &lt;b&gt; </t></is>');
    expect(sheet2).toMatch(/<c r="A1" s="\d+" t="s"><v>0<\/v><\/c>/);
    const sst = strFromU8(parts['xl/sharedStrings.xml'] as Uint8Array);
    // Its cells' uses are counted in the table's total: "Xã A" twice there; "Một" shows two strings, "Ba" one.
    expect(sst).toMatch(/count="5" uniqueCount="4"/);
    expect(b.getWorksheet('Hai')?.getCell('B1').value).toBe(' ngoài hạt giống & <b> ');
  });

  maybe('fails rather than give a cell a style its workbook numbers otherwise', () => {
    const r = writeLoneSheet(lone, { strings: seed.strings, styles: [BOLD] }, codec!);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/outside its seed/) as unknown as string });
  });

  it('writes a late sheet that arrives as a plan in place, after the others', async () => {
    const late: LateResult = { kind: 'plan', plan: lone };
    const ours = await bytesOf(sink => writeWorkbookWithLate([first, { late: true, name: 'Hai', seed, sheet: Promise.resolve(late) }, last], sink));
    const plain = await bytesOf(sink => writeWorkbook([first, lone, last], sink));
    expect(expectSameSheets(await load(plain), await load(ours), ['Một', 'Hai', 'Ba'])).toBeGreaterThanOrEqual(8);
  });
});
