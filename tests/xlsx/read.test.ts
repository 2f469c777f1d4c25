import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readXlsxFast } from '../../src/xlsx/fast';
import { readWorkbook } from '../../src/xlsx/read';

const fixture = new Uint8Array(readFileSync(path.join(__dirname, '../fixtures/gia-phuc-bao-cao.xlsx')));

/** Renames a zip entry in place, in its local header and in the central directory (same length). */
function renameEntry(zip: Uint8Array, from: string, to: string): Uint8Array {
  const out = zip.slice();
  const buf = Buffer.from(out.buffer, out.byteOffset, out.length);
  for (let at = buf.indexOf(from); at >= 0; at = buf.indexOf(from, at + 1)) out.set(Buffer.from(to), at);
  return out;
}

describe('readWorkbook', () => {
  test('reads with the streaming reader, without truncation notes on an ordinary file', async () => {
    const r = await readWorkbook(fixture);
    expect(r).toEqual({ ok: true, grid: readXlsxFast(fixture).grid });
  });

  test('falls back to exceljs when the streaming reader gives up on an odd structure', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Một').getCell('A1').value = 'giữ lại';
    wb.addWorksheet('Hai').getCell('A1').value = 2;
    const bytes = renameEntry(new Uint8Array(await wb.xlsx.writeBuffer()), 'xl/worksheets/sheet2.xml', 'xl/worksheets/zzzzz2.xml');
    // The workbook names a part that is not in the archive: the streaming reader refuses …
    expect(() => readXlsxFast(bytes)).toThrow(/missing part/);
    // … exceljs skips it, and the rest of the workbook is still read.
    const r = await readWorkbook(bytes);
    expect(r.ok && r.grid.sheets.map(s => [s.name, s.rows[0]?.[0]?.v])).toEqual([['Một', { t: 's', s: 'giữ lại' }]]);
  });

  test('the exceljs path on request, for comparisons', async () => {
    const r = await readWorkbook(fixture, { reader: 'exceljs' });
    expect(r.ok && r.grid.sheets.length).toBe(readXlsxFast(fixture).grid.sheets.length);
  });

  test('files that are not workbooks say what they are', async () => {
    expect(await readWorkbook(new TextEncoder().encode('TT;Chỉ tiêu;Mục tiêu\n1;5G;90\n'))).toEqual({ ok: false, error: expect.stringMatching(/CSV/) });
    expect(await readWorkbook(new Uint8Array(0))).toEqual({ ok: false, error: expect.stringMatching(/rỗng/) });
  });
});
