/**
 * Our writer against the exceljs renderer (plan-sheets.ts, the reference the product used before): the same plans
 * written by both, both read back with exceljs, compared cell by cell — values and their types, formulas, the styles
 * plans set (bold, font colour, fill, number format, alignment, wrap) — and sheet by sheet: frozen panes, filter,
 * column widths and hidden columns, merges, print setup; links are compared from the XML (see xlsx-links.ts).
 */
import { strFromU8, unzipSync } from 'fflate';
import path from 'node:path';
import { checkWorkbook } from '../../../src/core/check/check';
import { rowsFromCells } from '../../../src/core/plan/rows';
import type { SheetPlan } from '../../../src/core/plan/types';
import { buildRollup } from '../../../src/core/rollup/build';
import { rollupPlans } from '../../../src/core/rollup/plan';
import { workbookBytes } from '../../../src/xlsx/write';
import { MAX_LINKS } from '../../../src/xlsx/write/sheet';
import { nodeDeflate } from '../../../src/xlsx/node-deflate';
import { writePlans } from '../../../src/xlsx/write-plan';
import { FIXTURES, readFixture } from '../../helpers/fixtures';
import { expectSameSheets, links, load } from '../../helpers/workbook-compare';
import { workbookLinks } from '../../helpers/xlsx-links';
import { everything } from './plans';

jest.setTimeout(60_000);

async function compare(plans: readonly SheetPlan[]): Promise<number> {
  const reference = await writePlans(plans);
  if (!reference.ok) throw new Error(reference.error);
  const ours = workbookBytes(plans);
  expect(ours.sheets).toEqual(reference.sheets);
  const [a, b] = [await load(reference.bytes), await load(ours.bytes)];
  expect(b.worksheets.map(w => w.name)).toEqual(a.worksheets.map(w => w.name));
  const compared = expectSameSheets(a, b, a.worksheets.map(w => w.name));
  expect(links(ours.bytes)).toEqual(links(reference.bytes));
  return compared;
}

describe('our xlsx writer against the exceljs renderer', () => {
  it('writes every plan feature the same way', async () => {
    expect(await compare(everything())).toBeGreaterThan(20);
  });

  it('keeps text that looks like an OOXML escape as typed (exceljs turns "_x0041_" into "A")', async () => {
    const typed = 'mã _x0041_ và _x00e1_';
    const wb = await load(workbookBytes([{ name: 'T', rows: rowsFromCells([{ row: 1, col: 1, value: { t: 's', s: typed } }]) }]).bytes);
    expect(wb.worksheets[0]?.getCell('A1').value).toBe(typed);
  });

  it('writes the rollup of a real province the same way, cell by cell', async () => {
    const dir = path.join(FIXTURES, 'province-2026-04');
    const names = (await import('node:fs')).readdirSync(dir).filter(f => f.endsWith('.xlsx')).sort();
    const files = await Promise.all(names.map(async f => checkWorkbook(await readFixture(path.join(dir, f)), { file: f })));
    const plans = rollupPlans(buildRollup({ files }));
    expect(await compare(plans)).toBeGreaterThan(1000);
    // Node's zlib, one deflate segment per chunk, gives the same parts as fflate's single stream.
    const now = new Date('2026-05-01T00:00:00Z');
    const viaFflate = unzipSync(workbookBytes(plans, { now }).bytes);
    const viaZlib = unzipSync(workbookBytes(plans, { now, deflate: nodeDeflate! }).bytes);
    expect(Object.keys(viaZlib)).toEqual(Object.keys(viaFflate));
    for (const [name, data] of Object.entries(viaFflate)) expect(Buffer.from(viaZlib[name] as Uint8Array).equals(Buffer.from(data))).toBe(true);
    expect(Math.max(...Object.values(viaFflate).map(d => d.length))).toBeGreaterThan(1 << 18);
  });
});

describe('our xlsx writer: limits', () => {
  it('writes at most the 66,530 hyperlinks Excel keeps in a sheet, the other cells as their text', () => {
    const n = 66_600;
    const plan: SheetPlan = {
      name: 'Dữ liệu',
      rows: function* () {
        for (let r = 1; r <= n; r++) yield [{ row: r, col: 1, value: { t: 'link', text: `x${r}`, sheet: 'Dữ liệu', cell: 'B1' } }];
      },
      columnWidths: [10, 10, 10, 12],
    };
    const { bytes } = workbookBytes([plan]);
    const links = workbookLinks(bytes).get('Dữ liệu');
    expect(links?.size).toBe(MAX_LINKS);
    expect(links?.has(`A${MAX_LINKS}`)).toBe(true);
    expect(links?.has(`A${MAX_LINKS + 1}`)).toBe(false);
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'] as Uint8Array);
    // Alike neighbouring columns share one <col>.
    expect(xml).toContain('<cols><col min="1" max="3" width="10" customWidth="1"/><col min="4" max="4" width="12" customWidth="1"/></cols>');
    const shared = strFromU8(unzipSync(bytes)['xl/sharedStrings.xml'] as Uint8Array);
    expect(shared).toContain(`<t>x${n}</t>`);
  });
});
