/**
 * Our writer against the exceljs renderer (plan-sheets.ts, the reference the product used before): the same plans
 * written by both, both read back with exceljs, compared cell by cell — values and their types, formulas, the styles
 * plans set (bold, font colour, fill, number format, alignment, wrap) — and sheet by sheet: frozen panes, filter,
 * column widths and hidden columns, merges, print setup; links are compared from the XML (see xlsx-links.ts).
 */
import ExcelJS from 'exceljs';
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
import { workbookLinks } from '../../helpers/xlsx-links';
import { everything } from './plans';

jest.setTimeout(60_000);

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** What a cell holds, as exceljs reads it; a link cell as its text (links are compared separately). */
function content(c: ExcelJS.Cell): unknown {
  const v = c.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && 'hyperlink' in v) return v.text;
  if (typeof v === 'object' && 'formula' in v) return { formula: v.formula, result: v.result ?? null };
  return v;
}

function looks(c: ExcelJS.Cell): unknown {
  const fill = c.fill as ExcelJS.FillPattern | undefined;
  return {
    bold: c.font?.bold === true,
    font: c.font?.color?.argb ?? null,
    fill: fill?.pattern === 'solid' ? fill.fgColor?.argb ?? null : null,
    numFmt: c.numFmt && c.numFmt !== 'General' ? c.numFmt : null,
    horizontal: c.alignment?.horizontal ?? null,
    wrap: c.alignment?.wrapText === true,
    vertical: c.alignment?.vertical ?? null,
  };
}

function cells(ws: ExcelJS.Worksheet): Map<string, ExcelJS.Cell> {
  const out = new Map<string, ExcelJS.Cell>();
  // The cells a merge covers show its first cell: exceljs copies that cell's style onto them, ours leaves them out.
  ws.eachRow({ includeEmpty: false }, row => row.eachCell({ includeEmpty: false }, c => {
    if (!c.isMerged || c.master === c) out.set(c.address, c);
  }));
  return out;
}

function layout(ws: ExcelJS.Worksheet): unknown {
  const cols = Array.from({ length: Math.max(ws.columnCount, 1) }, (_, i) => ws.getColumn(i + 1))
        // exceljs leaves out a width of 9 (its default width), which it then reads back as none.
    .map(c => ({ width: c.width ?? 9, hidden: c.hidden === true }));
  const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  const p = ws.pageSetup;
  return {
    frozen: view?.state === 'frozen' ? { x: view.xSplit ?? 0, y: view.ySplit ?? 0 } : null,
    autoFilter: ws.autoFilter ?? null,
    cols,
    merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
    print: {
      orientation: p.orientation ?? 'portrait', fitToPage: p.fitToPage === true,
      fitToWidth: p.fitToPage ? p.fitToWidth : null, fitToHeight: p.fitToPage ? p.fitToHeight : null,
      titlesRow: p.printTitlesRow ?? null, titlesColumn: p.printTitlesColumn ?? null,
    },
    header: ws.headerFooter?.oddHeader ?? null,
  };
}

/** Links as both writers mean them: a place in this workbook, or a file and a place in it. */
function links(bytes: Uint8Array): unknown {
  return Object.fromEntries([...workbookLinks(bytes)].map(([sheet, m]) => [sheet, Object.fromEntries([...m].sort())]));
}

async function compare(plans: readonly SheetPlan[]): Promise<number> {
  const reference = await writePlans(plans);
  if (!reference.ok) throw new Error(reference.error);
  const ours = workbookBytes(plans);
  expect(ours.sheets).toEqual(reference.sheets);
  const [a, b] = [await load(reference.bytes), await load(ours.bytes)];
  expect(b.worksheets.map(w => w.name)).toEqual(a.worksheets.map(w => w.name));
  let compared = 0;
  for (const wa of a.worksheets) {
    const wb = b.getWorksheet(wa.name) as ExcelJS.Worksheet;
    const [ca, cb] = [cells(wa), cells(wb)];
    expect([...cb.keys()].sort()).toEqual([...ca.keys()].sort());
    const diffs: string[] = [];
    for (const [address, x] of ca) {
      const y = cb.get(address) as ExcelJS.Cell;
      if (x.type !== y.type && !(x.type === ExcelJS.ValueType.Hyperlink)) diffs.push(`${wa.name}!${address} type ${x.type} / ${y.type}`);
      if (JSON.stringify(content(x)) !== JSON.stringify(content(y))) diffs.push(`${wa.name}!${address} ${JSON.stringify(content(x))} / ${JSON.stringify(content(y))}`);
      if (JSON.stringify(looks(x)) !== JSON.stringify(looks(y))) diffs.push(`${wa.name}!${address} ${JSON.stringify(looks(x))} / ${JSON.stringify(looks(y))}`);
      compared++;
    }
    expect(diffs.slice(0, 10)).toEqual([]);
    expect(layout(wb)).toEqual(layout(wa));
  }
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
