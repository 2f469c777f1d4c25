/**
 * The rollup's commune values on "Tổng hợp" are numbers under their links, written by our writer (the CLI's output)
 * and by the exceljs renderer (the web page's download, a rollup added to an existing workbook): reopened with
 * exceljs, each counted value is the commune's figure at full precision, shown through the format the core chose,
 * and its link goes to the commune file's source cell.
 */
import ExcelJS from 'exceljs';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { checkWorkbook } from '../../src/core/check/check';
import type { SheetPlan } from '../../src/core/plan/types';
import { buildRollup } from '../../src/core/rollup/build';
import { rollupPlans } from '../../src/core/rollup/plan';
import { numberFormat } from '../../src/core/rollup/plan-cells';
import { SUMMARY_COLUMNS, SUMMARY_HEADER_ROW, SUMMARY_SHEET } from '../../src/core/rollup/plan-summary';
import type { RollupModel } from '../../src/core/rollup/types';
import { addPlans } from '../../src/xlsx/plan-sheets';
import { workbookBytes } from '../../src/xlsx/write';
import { writePlans } from '../../src/xlsx/write-plan';
import { FIXTURES, readFixture } from '../helpers/fixtures';
import { workbookLinks } from '../helpers/xlsx-links';

jest.setTimeout(60_000);

let model: RollupModel;
let plans: SheetPlan[];

beforeAll(async () => {
  const dir = path.join(FIXTURES, 'province-2026-04');
  const names = readdirSync(dir).filter(f => f.endsWith('.xlsx')).sort();
  const files = await Promise.all(names.map(async f => checkWorkbook(await readFixture(path.join(dir, f)), { file: f })));
  model = buildRollup({ files });
  plans = rollupPlans(model);
});

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Checks every commune value of Tổng hợp; returns how many numeric ones it saw. */
async function checkSummary(bytes: Uint8Array, locations = true): Promise<number> {
  const ws = (await load(bytes)).getWorksheet(SUMMARY_SHEET) as ExcelJS.Worksheet;
  const links = workbookLinks(bytes).get(SUMMARY_SHEET) ?? new Map();
  const first = SUMMARY_COLUMNS.length + 1;
  let numbers = 0;
  const wrong: string[] = [];
  model.indicators.forEach((ind, i) => {
    ind.byColumn.forEach((v, k) => {
      if (!v) return;
      const cell = ws.getCell(SUMMARY_HEADER_ROW + 1 + i, first + k);
      const link = links.get(cell.address);
      if (link?.file !== v.file || (locations && link.location.replace(/\$/g, '') !== `'${v.sheet}'!${v.cell}`)) wrong.push(`${cell.address} link ${JSON.stringify(link)}`);
      const n = v.actual?.value;
      if (typeof n !== 'number' || !Number.isFinite(n)) return;
      numbers++;
      // exceljs reads a cell under a link as { text, hyperlink }: `text` is what the cell holds, here a number.
      const held = (cell.value as ExcelJS.CellHyperlinkValue | null)?.text as unknown;
      if (held !== n) wrong.push(`${cell.address} holds ${JSON.stringify(held)}, not ${n}`);
      if (cell.numFmt !== numberFormat(ind.unit, n)) wrong.push(`${cell.address} format ${cell.numFmt}`);
    });
  });
  expect(wrong.slice(0, 10)).toEqual([]);
  return numbers;
}

describe('commune values on Tổng hợp are numbers under their links', () => {
  it('our writer', async () => {
    const bytes = workbookBytes(plans).bytes;
    expect(await checkSummary(bytes)).toBeGreaterThan(400);
    // Fractions kept whole: the cell holds every digit, only the format rounds.
    const xml = new TextDecoder().decode((await import('fflate')).unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(xml).toMatch(/<c r="[A-Z]+\d+" s="\d+"><v>\d+\.\d{3,}<\/v><\/c>/);
  });

  it('the exceljs renderer, written twice from the same workbook', async () => {
    const written = await writePlans(plans);
    if (!written.ok) throw new Error(written.error);
    expect(await checkSummary(written.bytes)).toBeGreaterThan(400);
    // The web page writes its in-memory copy once per download: the second write is as good as the first.
    const wb = new ExcelJS.Workbook();
    addPlans(wb, plans);
    await wb.xlsx.writeBuffer();
    expect(await checkSummary(new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer))).toBeGreaterThan(400);
  });

  it('a loaded workbook written again by exceljs keeps its numbers under links (a rollup coloured in the web page)', async () => {
    const reopened = await load(workbookBytes(plans).bytes);
    addPlans(reopened, []);
    // exceljs's reader drops a link's `location` (see xlsx-links.ts): the file is kept, the cell inside it is not.
    expect(await checkSummary(new Uint8Array(await reopened.xlsx.writeBuffer() as ArrayBuffer), false)).toBeGreaterThan(400);
  });
});
