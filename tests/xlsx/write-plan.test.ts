import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { SheetPlan } from '../../src/core/plan/types';
import { freeSheetName, writePlans } from '../../src/xlsx/write-plan';
import { rowsFromCells } from '../../src/core/plan/rows';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const plan: SheetPlan = {
  name: 'Tổng hợp',
  rows: rowsFromCells([
    { row: 1, col: 1, value: { t: 's', s: '=HYPERLINK("http://x.example","bấm")' } },
    { row: 1, col: 2, value: { t: 's', s: "+cmd|' /C calc'!A0" } },
    { row: 2, col: 1, value: { t: 'n', n: 72.5 }, style: { fill: 'C6EFCE', fontColor: '006100', bold: true, numFmt: '0.0', align: 'center', wrap: true } },
    { row: 2, col: 2, value: { t: 'link', text: 'Xem', sheet: 'Dữ liệu', cell: 'A1' } },
    { row: 3, col: 1, value: { t: 'formula', f: 'A2*2', cached: 145 } },
  ]),
  columnWidths: [20, 30],
  freezeRows: 1,
};

describe('writePlans', () => {
  it('writes commune text as text, the core\'s own formulas as formulas, styles and layout', async () => {
    const r = await writePlans([plan, { name: 'Dữ liệu', rows: rowsFromCells([]) }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const ws = (await load(r.bytes)).getWorksheet('Tổng hợp');
    expect(ws?.getCell('A1').value).toBe('=HYPERLINK("http://x.example","bấm")');
    expect(ws?.getCell('A1').formula).toBeFalsy();
    expect(ws?.getCell('B1').value).toBe("+cmd|' /C calc'!A0");
    expect(ws?.getCell('A2').value).toBe(72.5);
    expect(ws?.getCell('A2').fill).toMatchObject({ fgColor: { argb: 'FFC6EFCE' } });
    expect(ws?.getCell('A2').font).toMatchObject({ bold: true, color: { argb: 'FF006100' } });
    expect(ws?.getCell('A2').numFmt).toBe('0.0');
    expect(ws?.getCell('B2').value).toMatchObject({ text: 'Xem', hyperlink: "#'Dữ liệu'!A1" });
    expect(ws?.getCell('A3').formula).toBe('A2*2');
    expect(ws?.getColumn(2).width).toBe(30);
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('adds to an existing workbook without replacing its sheets', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Tổng hợp').getCell('A1').value = 'giữ nguyên';
    const existing = new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
    const r = await writePlans([plan], existing);
    expect(r.ok && r.sheets).toEqual(['Tổng hợp (2)']);
    if (!r.ok) return;
    const out = await load(r.bytes);
    expect(out.worksheets.map(w => w.name)).toEqual(['Tổng hợp', 'Tổng hợp (2)']);
    expect(out.getWorksheet('Tổng hợp')?.getCell('A1').value).toBe('giữ nguyên');
  });

  it('refuses to overwrite something that is not a workbook', async () => {
    const r = await writePlans([plan], new TextEncoder().encode('TT,Chỉ tiêu\n1,x\n'));
    expect(r.ok).toBe(false);
  });
});

describe('freeSheetName', () => {
  it('suffixes taken names (case-insensitively) and cleans characters Excel refuses', () => {
    expect(freeSheetName('Tổng hợp', new Set(['tổng hợp', 'Tổng hợp (2)']))).toBe('Tổng hợp (3)');
    expect(freeSheetName('a/b:c', new Set())).toBe('a b c');
    expect(freeSheetName('', new Set())).toBe('Sheet');
  });

  it('always gives a new, valid name', () => {
    fc.assert(fc.property(fc.string(), fc.array(fc.string({ maxLength: 31 })), (wanted, taken) => {
      const name = freeSheetName(wanted, new Set(taken));
      expect(name.length).toBeGreaterThan(0);
      expect(name.length).toBeLessThanOrEqual(31);
      expect(/[\\/?*[\]:]/.test(name)).toBe(false);
      expect(taken.map(t => t.toLowerCase())).not.toContain(name.toLowerCase());
    }));
  });
});

describe('writePlans: layout and print setup', () => {
  const laidOut: SheetPlan = {
    name: 'Tổng hợp',
    rows: rowsFromCells([
      { row: 1, col: 1, value: { t: 's', s: 'STT' } },
      { row: 1, col: 3, value: { t: 'link', text: 'Tệp xã', sheet: 'PL 1', cell: 'B7', file: 'xa/Bình Minh.xlsx' } },
      { row: 2, col: 1, value: { t: 'n', n: 1 } },
    ]),
    columnWidths: [5, 20, 30],
    hiddenColumns: [2],
    freezeRows: 1,
    freezeColumns: 2,
    autoFilter: 'A1:C2',
    print: { landscape: true, fitToWidth: true, titleRows: [1, 1], titleColumns: [1, 2], header: 'Tỉnh A & kỳ 2026' },
  };

  it('freezes rows and columns, filters, hides columns, sets up printing and links to another workbook', async () => {
    const r = await writePlans([laidOut]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const ws = (await load(r.bytes)).getWorksheet('Tổng hợp');
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 2 });
    expect(ws?.autoFilter).toBe('A1:C2');
    expect(ws?.getColumn(2).hidden).toBe(true);
    expect(ws?.getColumn(3).hidden).toBe(false);
    expect(ws?.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1', printTitlesColumn: 'A:B' });
    expect(ws?.headerFooter.oddHeader).toBe('&CTỉnh A && kỳ 2026');
    expect(ws?.getCell('C1').value).toMatchObject({ text: 'Tệp xã', hyperlink: "xa/B%C3%ACnh%20Minh.xlsx#'PL 1'!$B$7" });
  });
});
