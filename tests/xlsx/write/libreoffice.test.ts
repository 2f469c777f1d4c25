/**
 * Our writer's workbook opened by LibreOffice (a second reader of SpreadsheetML): it is converted back to xlsx by
 * LibreOffice and what LibreOffice understood — values, styles, filter, hidden columns, links, print setup —
 * is read from its file.
 */
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { workbookBytes } from '../../../src/xlsx/write';
import { readProjected } from '../../../src/xlsx/fast/projection';
import { appendWorkbook } from '../../../src/xlsx/write/append';
import { readExisting } from '../../../src/xlsx/write/existing';
import { FIXTURES } from '../../helpers/fixtures';
import { workbookLinks } from '../../helpers/xlsx-links';
import { everything } from './plans';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(p => existsSync(p));
const run = promisify(execFile);
jest.setTimeout(180_000);

(SOFFICE || process.env.CI ? describe : describe.skip)('our workbook in LibreOffice', () => {
  it('opens with its values, styles, filter, hidden columns, links and page setup', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phuluc-lo-writer-'));
    const ours = path.join(dir, 'ours.xlsx');
    const written = workbookBytes(everything()).bytes;
    await fs.writeFile(ours, written);
    const back = path.join(dir, 'back');
    await run(SOFFICE ?? 'soffice', ['--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', back, ours],
      { env: { ...process.env, HOME: dir }, timeout: 150_000 });
    const bytes = new Uint8Array(await fs.readFile(path.join(back, 'ours.xlsx')));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map(w => w.name)).toEqual(['Tổng hợp', 'Dữ liệu', 'Dữ liệu (2)']);
    // Its projection (a custom XML part) did not stop LibreOffice; once LibreOffice has saved the file, it is not used.
    const first = (s: string) => s === 'Dữ liệu';
    expect(readProjected(written, first, () => undefined)).not.toBeNull();
    expect(readProjected(bytes, first, () => undefined)).toBeNull();
    const ws = wb.getWorksheet('Tổng hợp') as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe('TIÊU ĐỀ');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe('  spaces kept  ');
    expect(ws.getCell('A3').value).toBe('a & b < c > d "q" \'s\'');
    expect(ws.getCell('A4').value).toBe('=HYPERLINK("http://x","y")');
    expect(ws.getCell('B5').value).toBe(123456789.125);
    expect(ws.getCell('B6').numFmt).toBe('0%');
    expect((ws.getCell('C7').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    // Frozen panes are view settings, which a headless conversion does not keep (nor for exceljs's files): not checked.
    expect(ws.autoFilter).toBe('A1:D9');
    expect(ws.getColumn(4).hidden).toBe(true);
    expect(ws.getColumn(1).hidden).toBe(false);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
    expect(ws.headerFooter?.oddHeader).toContain('Tỉnh A');
    const links = workbookLinks(bytes).get('Tổng hợp');
    expect(links?.get('C2')?.location.replace(/'/g, '')).toBe('Dữ liệu!B3');
    // Relative to the workbook's folder: LibreOffice resolved it there and re-relativised it for the copy in back/.
    expect(links?.get('C3')?.file).toBe('../xa/Bình Minh & Co.xlsx');
    expect(decodeURIComponent(links?.get('C3')?.location ?? '').replace(/[$']/g, '')).toBe('PL 1!C7');
  });

  it('opens a workbook Excel saved with our sheets added to it, its own sheets as they were', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phuluc-lo-append-'));
    const file = path.join(dir, 'them.xlsx');
    const original = new Uint8Array(await fs.readFile(path.join(FIXTURES, 'phu-thinh-bao-cao-thang-4-2026.xlsx')));
    const read = readExisting(original);
    if (!read.ok) throw new Error(read.reason);
    const chunks: Uint8Array[] = [];
    appendWorkbook(read.pkg, everything(), c => { chunks.push(c); });
    await fs.writeFile(file, Buffer.concat(chunks));
    const back = path.join(dir, 'back');
    await run(SOFFICE ?? 'soffice', ['--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', back, file],
      { env: { ...process.env, HOME: dir }, timeout: 150_000 });
    const [before, after] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await before.xlsx.load(original as unknown as ArrayBuffer);
    await after.xlsx.load(await fs.readFile(path.join(back, 'them.xlsx')) as unknown as ArrayBuffer);
    const own = before.worksheets.map(w => w.name);
    expect(after.worksheets.map(w => w.name)).toEqual([...own, 'Tổng hợp', 'Dữ liệu', 'Dữ liệu (2)']);
    // Every value of the file's own sheets survives LibreOffice's reading of the package we rewrote around them.
    for (const name of own) {
      const [a, b] = [before.getWorksheet(name) as ExcelJS.Worksheet, after.getWorksheet(name) as ExcelJS.Worksheet];
      a.eachRow(row => row.eachCell(c => {
        const v = c.value;
        if (typeof v === 'string' || typeof v === 'number') expect([c.address, b.getCell(c.address).value]).toEqual([c.address, v]);
      }));
    }
    const ws = after.getWorksheet('Tổng hợp') as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe('TIÊU ĐỀ');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('B6').numFmt).toBe('0%');
    expect((ws.getCell('C7').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(ws.autoFilter).toBe('A1:D9');
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
    const links = workbookLinks(new Uint8Array(await fs.readFile(path.join(back, 'them.xlsx')))).get('Tổng hợp');
    expect(links?.get('C2')?.location.replace(/'/g, '')).toBe('Dữ liệu!B3');
  });
});
