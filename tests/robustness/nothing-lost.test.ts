/**
 * Nothing lost: checking, auditing and rolling up never change a source file (hashes before and after), never leave files
 * beside them, and the rollup workbook only ever adds sheets, under names that collide with none.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { main } from '../../src/cli/main';
import { uniqueSheetName } from '../../src/excel/write';
import { COMMUNES_SHEET } from '../../src/core/rollup/plan-communes';
import { DATA_SHEET } from '../../src/core/rollup/plan-data';
import { REVIEW_SHEET } from '../../src/core/rollup/plan-review';
import { SUMMARY_SHEET } from '../../src/core/rollup/plan-summary';
import { freeSheetName } from '../../src/xlsx/write-plan';
import { FIXTURES } from '../helpers/fixtures';
import { captureIo } from '../helpers/io';
import { badCorpus } from './corpus/bad-files';
import { tempDir } from './corpus/tmp';
import { INJECTIONS, PLAIN_ROWS, reportWorkbook } from './corpus/workbooks';

const PROVINCE = path.join(FIXTURES, 'province-2026-04');
const SOURCES = ['bao-cao-t4-2026-binh_thanh.xlsx', 'bao-cao-t4-2026-dai_tu.xlsx', 'bao-cao-t4-2026-la_hien.xlsx', 'bao-cao-t4-2026-vo_nhai.xlsx'];

async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  async function walk(d: string): Promise<void> {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.set(path.relative(dir, p), createHash('sha256').update(await fs.readFile(p)).digest('hex'));
    }
  }
  await walk(dir);
  return out;
}

let dir: Awaited<ReturnType<typeof tempDir>>;
let sources: string;
beforeAll(async () => {
  dir = await tempDir();
  sources = path.join(dir.dir, 'nguon');
  for (const f of SOURCES) await dir.write(path.join('nguon', f), await fs.readFile(path.join(PROVINCE, f)));
  // A commune file with hostile text, and the bad files: they must come out untouched too.
  await dir.write('nguon/xa-doc-hai.xlsx', await reportWorkbook({ rows: [...PLAIN_ROWS, ['4', INJECTIONS[0] as string, '%', '≥ 80%', '85%']] }));
  for (const c of badCorpus().slice(0, 6)) await dir.write(path.join('nguon', 'hong', c.file), c.bytes);
});
afterAll(() => dir.cleanup());

describe('source files are never changed', () => {
  it.each([
    ['check', () => ['check', sources]],
    ['check --json', () => ['check', sources, '--json']],
    ['rollup --json', () => ['rollup', sources, '--json']],
    ['audit', () => ['audit', sources]],
    ['audit --json', () => ['audit', sources, '--json']],
    ['rollup -o', () => ['rollup', sources, '-o', path.join(dir.dir, 'ket-qua', 'tong-hop.xlsx')]],
  ])('by phuluc %s', async (_label, args) => {
    await fs.mkdir(path.join(dir.dir, 'ket-qua'), { recursive: true });
    const before = await snapshot(sources);
    const io = captureIo();
    await main(args(), io);
    expect(io.code()).toBe(2);
    // Same files, same bytes: nothing modified, nothing added beside the sources.
    expect(await snapshot(sources)).toEqual(before);
  }, 30_000);
});

/** Every cell of every sheet as "sheet!A1 = value/formula/numFmt", to compare a workbook before and after. */
async function cellsOf(file: string): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await fs.readFile(file) as unknown as ArrayBuffer);
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    out.set(`${ws.name}!merges`, JSON.stringify(Object.keys((ws as unknown as { _merges: object })._merges).sort()));
    ws.eachRow({ includeEmpty: false }, row => row.eachCell({ includeEmpty: false }, cell => {
      out.set(`${ws.name}!${cell.address}`, JSON.stringify({ v: cell.value, f: cell.numFmt ?? null, fill: cell.fill ?? null, font: cell.font ?? null }));
    }));
  }
  return out;
}

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await fs.readFile(file) as unknown as ArrayBuffer);
  return wb.worksheets.map(w => w.name);
}

describe('the rollup workbook only adds sheets', () => {
  it('keeps the sheets of an existing output workbook cell for cell and suffixes its own names', async () => {
    const out = await dir.write('ket-qua/co-san.xlsx', new Uint8Array(0));
    const wb = new ExcelJS.Workbook();
    const mine = wb.addWorksheet('Tổng hợp');
    mine.getCell('A1').value = 'Bảng tổng hợp tự làm của tỉnh';
    mine.getCell('B2').value = { formula: 'SUM(B3:B4)', result: 7 };
    mine.getCell('B3').value = 3;
    mine.getCell('B4').value = 4;
    mine.getCell('B3').numFmt = '0.00%';
    mine.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
    mine.mergeCells('A6:C7');
    wb.addWorksheet('theo xã').getCell('A1').value = 'ghi chú riêng';
    await fs.writeFile(out, new Uint8Array(await wb.xlsx.writeBuffer()));
    const before = await cellsOf(out);

    for (let run = 1; run <= 2; run++) {
      const io = captureIo();
      await main(['rollup', sources, '-o', out], io);
      expect(io.code()).toBe(2);
    }
    const after = await cellsOf(out);
    for (const [key, value] of before) expect([key, after.get(key)]).toEqual([key, value]);

    const names = await sheetNames(out);
    expect(names.slice(0, 2)).toEqual(['Tổng hợp', 'theo xã']);
    expect(names).toEqual(expect.arrayContaining(['Tổng hợp (2)', 'Tổng hợp (3)', 'Theo xã (2)', 'Theo xã (3)']));
    expect(new Set(names.map(n => n.toLowerCase())).size).toBe(names.length);
  }, 60_000);

  it('refuses to write into an existing file that is not a workbook, leaving it as it was', async () => {
    const notes = await dir.write('ket-qua/ghi-chu.xlsx', 'Ghi chú của cán bộ, không phải sổ tính\n');
    const before = await fs.readFile(notes);
    const io = captureIo();
    await main(['rollup', sources, '-o', notes], io);
    expect(io.code()).toBeGreaterThanOrEqual(1);
    expect(io.stderr()).toMatch(/không ghi đè/);
    expect(await fs.readFile(notes)).toEqual(before);
  }, 30_000);
});

describe('new sheet names never collide', () => {
  const taken = fc.uniqueArray(fc.oneof(
    fc.constantFrom('Tổng hợp', 'tổng hợp', 'Tổng hợp (2)', 'TỔNG HỢP (3)', 'Theo xã', 'THEO XÃ (2)', 'Dữ liệu', 'Cần xem lại', 'Cần xem lại (2)', 'Sheet1'),
    fc.string({ maxLength: 31 }),
  ), { maxLength: 12, selector: s => s.toLowerCase() });
  // The names the plans ask for (the core's own constants), and any name at all.
  const wanted = fc.oneof(fc.constantFrom(SUMMARY_SHEET, COMMUNES_SHEET, DATA_SHEET, REVIEW_SHEET, " ' ", `${'x'.repeat(30)}'abc`), fc.string({ maxLength: 40 }));

  it.each([
    ['the file writer of the CLI and the web mode (src/xlsx/plan-sheets)', freeSheetName],
    ['the Office writer (src/excel/write)', (w: string, t: ReadonlySet<string>) => uniqueSheetName(w, new Set([...t].map(n => n.toLocaleLowerCase())))],
  ])('%s: a name Excel accepts that no sheet has', (_label, free) => {
    fc.assert(fc.property(wanted, taken, (w, t) => {
      const name = free(w, new Set(t));
      expect(t.map(n => n.toLowerCase())).not.toContain(name.toLowerCase());
      expect(name.length).toBeGreaterThan(0);
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]|^'|'$/);
    }), { numRuns: 300 });
  });
});
