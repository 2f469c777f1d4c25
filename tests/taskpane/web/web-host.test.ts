import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkWorkbook } from '../../../src/core/check/check';
import { parseArea, cellAddress } from '../../../src/core/grid/address';
import { planColours } from '../../../src/core/plan/colour';
import { WebWorkbookHost, isWebHost } from '../../../src/taskpane/web/web-host';
import { freeSheetName } from '../../../src/xlsx/plan-sheets';
import { FIXTURES, readFixture } from '../../helpers/fixtures';
import { rowsFromCells } from '../../../src/core/plan/rows';
import { statusColumnPlans } from '../../../src/taskpane/model/plans';
import { ALL_LEGEND, LEGEND_SHEET, LEGEND_TITLE } from '../../../src/core/status/legend';
import { STATUS } from '../../../src/core/status/vocabulary';
import { buildRollup } from '../../../src/core/rollup/build';
import { rollupPlans } from '../../../src/core/rollup/plan';
import { numberFormat } from '../../../src/core/rollup/plan-cells';
import { SUMMARY_COLUMNS, SUMMARY_HEADER_ROW } from '../../../src/core/rollup/plan-summary';

// Reads and writes real workbooks; a loaded two-core CI machine can take seconds.
jest.setTimeout(30000);

const NAME = 'phu-thinh-bao-cao-thang-4-2026.xlsx';

async function opened(): Promise<WebWorkbookHost> {
  const host = new WebWorkbookHost();
  const result = await host.open(NAME, new Uint8Array(await fs.readFile(path.join(FIXTURES, NAME))));
  expect(result).toEqual({ ok: true });
  return host;
}

async function reload(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill;
  return f && f.type === 'pattern' ? f.fgColor?.argb : undefined;
}

describe('WebWorkbookHost', () => {
  it('reads through the project reader', async () => {
    const host = await opened();
    expect(isWebHost(host)).toBe(true);
    expect(host.fileName).toBe(NAME);
    expect(await host.readGrid()).toEqual(await readFixture(path.join(FIXTURES, NAME)));
  });

  it('an unreadable file is a reason, and closes the workbook opened before (its results must not stay on screen)', async () => {
    const host = await opened();
    const r = await host.open('bad.xlsx', new TextEncoder().encode('<html><body>not a workbook</body></html>'));
    expect(r.ok).toBe(false);
    expect(host.fileName).toBeNull();
    await expect(host.readGrid()).rejects.toThrow();
  });

  it('colours every cell of the plan in the downloadable copy, and clearing restores the originals', async () => {
    const host = await opened();
    const report = checkWorkbook(await host.readGrid(), { file: NAME });
    const plan = planColours(report);
    const original = await reload(new Uint8Array(await fs.readFile(path.join(FIXTURES, NAME))));
    await host.applyColours(plan);
    // Colouring twice must not take our colours for originals.
    await host.applyColours(plan);
    expect(host.hasChanges).toBe(true);
    const coloured = await reload(await host.bytesOut());
    let cells = 0;
    for (const ch of plan) {
      const a = parseArea(ch.address)!;
      for (let r = a.top; r <= a.bottom; r++) {
        const cell = coloured.getWorksheet(ch.sheet)!.getCell(cellAddress(r, a.left));
        expect(fillOf(cell)).toBe(`FF${ch.fill}`);
        expect(cell.font?.color?.argb).toBe(`FF${ch.fontColor}`);
        cells++;
      }
    }
    expect(cells).toBe(report.tables.reduce((n, t) => n + t.rows.length, 0));

    await host.clearColours();
    const cleared = await reload(await host.bytesOut());
    for (const ch of plan) {
      const a = parseArea(ch.address)!;
      for (let r = a.top; r <= a.bottom; r++) {
        const addr = cellAddress(r, a.left);
        expect(fillOf(cleared.getWorksheet(ch.sheet)!.getCell(addr))).toBe(fillOf(original.getWorksheet(ch.sheet)!.getCell(addr)));
        expect(cleared.getWorksheet(ch.sheet)!.getCell(addr).font?.color).toEqual(original.getWorksheet(ch.sheet)!.getCell(addr).font?.color);
      }
    }
  });

  it('writes only into empty cells and says which were skipped; the next read sees the new values', async () => {
    const host = await opened();
    const skipped = await host.writeCells('PL mục tiêu', [
      { address: 'B6', value: 'x' },
      { address: 'Z6', value: 'Đạt', fill: 'C6EFCE', fontColor: '006100' },
    ]);
    expect(skipped).toEqual(['B6']);
    const grid = await host.readGrid();
    const sheet = grid.sheets.find(s => s.name === 'PL mục tiêu')!;
    expect(sheet.rows[5]?.[25]?.v).toEqual({ t: 's', s: 'Đạt' });
    expect(sheet.rows[5]?.[1]?.v).not.toEqual({ t: 's', s: 'x' });
  });

  it('adds sheets without overwriting, texts stay values, links point inside the workbook', async () => {
    const host = await opened();
    const names = await host.writeSheets([
      { name: 'PL mục tiêu', rows: rowsFromCells([{ row: 1, col: 1, value: { t: 's', s: '=HYPERLINK("http://x","y")' } }]) },
      { name: 'Báo cáo', rows: rowsFromCells([{ row: 1, col: 1, value: { t: 'link', text: 'E6', sheet: 'PL nhiệm vụ', cell: 'E6' } }]), freezeRows: 1, columnWidths: [30] },
    ]);
    expect(names).toEqual(['PL mục tiêu (2)', 'Báo cáo']);
    const wb = await reload(await host.bytesOut());
    const injected = wb.getWorksheet('PL mục tiêu (2)')!.getCell('A1');
    expect(injected.type).toBe(ExcelJS.ValueType.String);
    expect(injected.value).toBe('=HYPERLINK("http://x","y")');
    const link = wb.getWorksheet('Báo cáo')!.getCell('A1').value as { text: string; hyperlink: string };
    expect(link).toMatchObject({ text: 'E6', hyperlink: "#'PL nhiệm vụ'!E6" });
  });

  it('keeps column-role corrections per file name on this computer', async () => {
    const store = new Map<string, string>();
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => { store.set(k, v); },
    };
    try {
      const host = await opened();
      expect(await host.loadOverrides()).toEqual([]);
      await host.saveOverrides([{ sheet: 'PL mục tiêu', headerRow: 4, columns: { actual: 5 } }]);
      const again = await opened();
      expect(await again.loadOverrides()).toEqual([{ sheet: 'PL mục tiêu', headerRow: 4, columns: { actual: 5 } }]);
    } finally {
      delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });

  it('selectCell is shown in the pane: listeners hear it', async () => {
    const host = await opened();
    const heard: unknown[] = [];
    const off = host.subscribe(() => heard.push(host.selection));
    await host.selectCell('PL mục tiêu', 'E6');
    off();
    await host.selectCell('PL mục tiêu', 'E7');
    expect(heard).toEqual([{ sheet: 'PL mục tiêu', address: 'E6' }]);
  });

  it('a blank host builds a new workbook (rollup output)', async () => {
    const host = WebWorkbookHost.blank('tong-hop.xlsx');
    expect(await host.readGrid()).toEqual({ sheets: [] });
    await host.writeSheets([{ name: 'Tổng hợp', rows: rowsFromCells([{ row: 2, col: 3, value: { t: 'n', n: 0.5 }, style: { numFmt: '0%', bold: true } }]) }]);
    const wb = await reload(await host.bytesOut());
    // A sheet without a legend of its own: the legend comes as a sheet of its own.
    expect(wb.worksheets.map(w => w.name)).toEqual(['Tổng hợp', LEGEND_SHEET]);
    expect(wb.getWorksheet('Tổng hợp')!.getCell('C2').value).toBe(0.5);
    expect(wb.getWorksheet('Tổng hợp')!.getCell('C2').numFmt).toBe('0%');
  });

  it('the coloured copy carries the colour legend; the copy in memory does not keep it', async () => {
    const host = await opened();
    const names = (await reload(await host.bytesOut())).worksheets.map(w => w.name);
    // Nothing done yet: the person's workbook as it was.
    expect(names).not.toContain(LEGEND_SHEET);
    await host.applyColours(planColours(checkWorkbook(await host.readGrid(), { file: NAME })));
    for (let download = 0; download < 2; download++) {
      const wb = await reload(await host.bytesOut());
      expect(wb.worksheets.map(w => w.name)).toEqual([...names, LEGEND_SHEET]);
      const legend = wb.getWorksheet(LEGEND_SHEET)!;
      expect(legend.getCell('A1').value).toBe(LEGEND_TITLE);
      ALL_LEGEND.forEach((status, i) => {
        const swatch = legend.getCell(2 + i, 1);
        expect({ status, name: swatch.value, fill: fillOf(swatch), font: swatch.font?.color?.argb })
          .toEqual({ status, name: STATUS[status].vi, fill: `FF${STATUS[status].fill}`, font: `FF${STATUS[status].font}` });
        expect(String(legend.getCell(2 + i, 2).value)).toContain(STATUS[status].en);
      });
    }
    expect((await host.readGrid()).sheets.map(s => s.name)).not.toContain(LEGEND_SHEET);
    // Colours cleared: no legend for colours that are gone.
    await host.clearColours();
    expect((await reload(await host.bytesOut())).worksheets.map(w => w.name)).toEqual(names);
  });

  it('the pane\'s rollup download: one legend (on Tổng hợp), commune values numbers under their links', async () => {
    const dir = path.join(FIXTURES, 'province-2026-04');
    const files = await Promise.all((await fs.readdir(dir)).filter(f => f.endsWith('.xlsx')).sort()
      .map(async f => checkWorkbook(await readFixture(path.join(dir, f)), { file: f })));
    const model = buildRollup({ files });
    const host = WebWorkbookHost.blank('tong-hop.xlsx');
    const plans = rollupPlans(model);
    await host.writeSheets(plans);
    const wb = await reload(await host.bytesOut());
    expect(wb.worksheets.map(w => w.name)).toEqual(plans.map(p => p.name));
    const ind = model.indicators.find(i => i.byColumn.some(v => typeof v?.actual?.value === 'number' && !Number.isInteger(v.actual.value)))!;
    const k = ind.byColumn.findIndex(v => typeof v?.actual?.value === 'number' && !Number.isInteger(v.actual.value));
    const cell = wb.getWorksheet('Tổng hợp')!.getCell(SUMMARY_HEADER_ROW + 1 + model.indicators.indexOf(ind), SUMMARY_COLUMNS.length + 1 + k);
    expect((cell.value as ExcelJS.CellHyperlinkValue).text as unknown).toBe(ind.byColumn[k]?.actual?.value);
    expect(cell.numFmt).toBe(numberFormat(ind.unit, ind.byColumn[k]?.actual?.value as number));
  });
});

describe('freeSheetName', () => {
  it('suffixes a taken name, case-insensitively, within 31 characters and without forbidden characters', () => {
    expect(freeSheetName('Tổng hợp', new Set(['tổng hợp']))).toBe('Tổng hợp (2)');
    expect(freeSheetName('Tổng hợp', new Set(['Tổng hợp', 'Tổng hợp (2)']))).toBe('Tổng hợp (3)');
    expect(freeSheetName('a/b:c', new Set())).toBe('a b c');
    const long = 'x'.repeat(40);
    const name = freeSheetName(long, new Set(['x'.repeat(31)]));
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name.endsWith(' (2)')).toBe(true);
  });
});

describe('status column round trip through the web host', () => {
  it('after "Thêm cột trạng thái" the next check still finds one table, across a repeated header', async () => {
    // A report whose header repeats after a page break (pasted from Word), saved as a real .xlsx.
    const header = ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu năm 2026', 'Kết quả thực hiện năm 2026'];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('PL');
    for (const row of [
      ['BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2026'], header,
      ['1', 'Tỷ lệ phủ sóng 5G', '%', '≥ 90%', '72,5'], ['2', 'Tỷ lệ hộ gia đình có cáp quang', '%', '100%', '100'],
      header,
      ['3', 'Tỷ lệ hồ sơ trực tuyến toàn trình', '%', '≥ 80%', '85'], ['4', 'Số cuộc họp trực tuyến', 'Cuộc', '≥ 12', '14'],
    ]) ws.addRow(row);
    const host = new WebWorkbookHost();
    expect(await host.open('pl.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()))).toEqual({ ok: true });
    const grid = await host.readGrid();
    const before = checkWorkbook(grid, { file: 'pl.xlsx' });
    expect(before.tables).toHaveLength(1);
    const { plans } = statusColumnPlans(before, 'vi', grid);
    for (const p of plans) expect(await host.writeCells(p.sheet, p.cells)).toEqual([]);
    const after = checkWorkbook(await host.readGrid(), { file: 'pl.xlsx' });
    expect(after.tables).toHaveLength(1);
    expect(after.tables[0]!.rows.map(r => r.status)).toEqual(before.tables[0]!.rows.map(r => r.status));
    // And a second "Thêm cột trạng thái" sees the column instead of adding another.
    expect(statusColumnPlans(after, 'vi', await host.readGrid()).existing).toEqual(['PL!F']);
  });
});
