import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SheetPlan } from '../../src/core/plan/types';
import { workbookLinks } from '../helpers/xlsx-links';
import { streamPlansToFile } from '../../src/xlsx/stream-plans';
import { rowsFromCells } from '../../src/core/plan/rows';

describe('streamPlansToFile', () => {
  it('writes values, styles, links, widths and the frozen header; text stays text', async () => {
    const plans: SheetPlan[] = [
      {
        name: 'Tổng hợp',
        rows: rowsFromCells([
          { row: 1, col: 1, value: { t: 's', s: 'Chỉ tiêu' }, style: { bold: true } },
          { row: 2, col: 1, value: { t: 's', s: '=HYPERLINK("http://x","y")' } },
          { row: 2, col: 2, value: { t: 'n', n: 0.52 }, style: { numFmt: '0%', fill: 'C6EFCE', fontColor: '006100' } },
          { row: 3, col: 1, value: { t: 'link', text: 'xem', sheet: 'Dữ liệu', cell: 'A2' } },
        ]),
        columnWidths: [40, 10],
        freezeRows: 1,
      },
      { name: 'Dữ liệu', rows: rowsFromCells([{ row: 2, col: 1, value: { t: 's', s: "+cmd|' /C calc'!A0" } }]) },
    ];
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'phuluc-stream-')), 'out.xlsx');
    const r = await streamPlansToFile(plans, file);
    expect(r).toEqual({ ok: true, sheets: ['Tổng hợp', 'Dữ liệu'] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Tổng hợp')!;
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A2').value).toBe('=HYPERLINK("http://x","y")');
    expect(ws.getCell('B2').value).toBe(0.52);
    expect(ws.getCell('B2').numFmt).toBe('0%');
    expect((ws.getCell('B2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFC6EFCE');
    expect(ws.getCell('A3').text).toBe('xem');
    expect(workbookLinks(new Uint8Array(await fs.readFile(file))).get('Tổng hợp')?.get('A3')).toEqual({ file: null, location: "'Dữ liệu'!A2" });
    expect(ws.getColumn(1).width).toBe(40);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(wb.getWorksheet('Dữ liệu')!.getCell('A2').value).toBe("+cmd|' /C calc'!A0");
    expect((await fs.readdir(path.dirname(file)))).toEqual(['out.xlsx']);
  });

  it('writes frozen rows and columns, the filter, hidden columns and page setup', async () => {
    const plan: SheetPlan = {
      name: 'Dữ liệu',
      rows: rowsFromCells([{ row: 1, col: 1, value: { t: 's', s: 'Xã' } }, { row: 2, col: 1, value: { t: 's', s: 'An Bình' } }]),
      columnWidths: [18, 30],
      hiddenColumns: [3],
      freezeRows: 1,
      freezeColumns: 1,
      autoFilter: 'A1:C2',
      print: { landscape: true, fitToWidth: true, header: 'Tổng hợp' },
    };
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'phuluc-stream-')), 'out.xlsx');
    expect((await streamPlansToFile([plan], file)).ok).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Dữ liệu')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 1 });
    expect(ws.autoFilter).toBe('A1:C2');
    expect(ws.getColumn(3).hidden).toBe(true);
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.headerFooter.oddHeader).toBe('&CTổng hợp');
  });
});
