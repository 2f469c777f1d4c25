import type { SheetPlan } from '../../src/core/plan/types';
import { OfficeWorkbookHost } from '../../src/excel';
import { asText, sanitizeSheetName, uniqueSheetName, widthInPoints } from '../../src/excel/write';
import { loadColumnOverrides } from '../../src/excel/overrides';
import { FakeExcel } from './fake-excel';
import { ALL_PROFILES } from './host-profiles';
import fc from 'fast-check';
import { planCells, rowsFromCells } from '../../src/core/plan/rows';
import { STATUS } from '../../src/core/status/vocabulary';

describe('writing cells into empty cells only', () => {
  it('writes values and colours into empty cells, skips the others, and keeps text as text', async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet('PL');
    s.put({ F5: 'Ghi chú', F7: { formula: 'A1', value: 3 } });
    const host = new OfficeWorkbookHost(fake.env());
    const skipped = await host.writeCells('PL', [
      { address: 'F5', value: 'Trạng thái' },
      { address: 'F6', value: 'Đạt', fill: 'C6EFCE', fontColor: '006100' },
      { address: 'F7', value: 'Chưa đạt', fill: 'FFC7CE', fontColor: '9C0006' },
      { address: 'F8', value: '=1+1' },
      { address: 'F9', value: '12/2025', fontColor: '595959' },
      { address: 'not a cell', value: 'x' },
    ]);
    expect(skipped).toEqual(['not a cell', 'F5', 'F7']);
    expect(s.get(5, 6)?.value).toBe('Ghi chú');
    expect(s.get(6, 6)?.value).toBe('Đạt');
    expect(s.look('F6')).toBe('#C6EFCE||#006100');
    expect(s.get(7, 6)).toMatchObject({ formula: 'A1', value: 3 });
    expect(s.look('F7')).toBe('none||#000000');
    expect(s.get(8, 6)).toEqual({ value: '=1+1' });
    expect(s.get(9, 6)?.value).toBe('12/2025');
    expect(s.look('F9')).toBe('none||#595959');
    expect(fake.syncCount).toBe(2);
  });

  it('writes nothing into a protected sheet', async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet('PL');
    s.protected = true;
    const skipped = await new OfficeWorkbookHost(fake.env()).writeCells('PL', [{ address: 'A1', value: 'x' }]);
    expect(skipped).toEqual(['A1']);
    expect(s.get(1, 1)?.value).toBeUndefined();
  });
});

describe('writing new sheets', () => {
  const plan = (name: string): SheetPlan => ({
    name,
    rows: rowsFromCells([
      { row: 1, col: 1, value: { t: 's', s: 'Xã' } },
      { row: 1, col: 2, value: { t: 's', s: 'Tỷ lệ' } },
      { row: 2, col: 1, value: { t: 'link', text: 'Phú Thịnh', sheet: 'PL mục tiêu', cell: 'E7' } },
      { row: 2, col: 2, value: { t: 'n', n: 72.5 } },
      { row: 3, col: 1, value: { t: 's', s: '=HYPERLINK("http://x")' } },
      { row: 3, col: 2, value: { t: 'formula', f: 'AVERAGE(B2:B2)', cached: 72.5 } },
      { row: 4, col: 3, value: { t: 'empty' } },
    ]),
    columnWidths: [30, 12],
    freezeRows: 1,
    merges: ['A5:C5'],
  });

  it('adds sheets with a suffix for taken names, values as values, links, widths, frozen header, merges', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Tổng hợp');
    const host = new OfficeWorkbookHost(fake.env());
    const names = await host.writeSheets([plan('Tổng hợp'), plan('tổng hợp'), plan('Bad/Name:*?')]);
    expect(names).toEqual(['Tổng hợp (2)', 'tổng hợp (3)', 'Bad Name']);
    expect(fake.syncCount).toBe(3);
    const s = fake.sheet('Tổng hợp (2)');
    expect(s.get(1, 1)?.value).toBe('Xã');
    expect(s.get(2, 1)).toMatchObject({ value: 'Phú Thịnh', hyperlink: { documentReference: "'PL mục tiêu'!E7", textToDisplay: 'Phú Thịnh' } });
    expect(s.get(2, 2)?.value).toBe(72.5);
    expect(s.get(3, 1)?.value).toBe('=HYPERLINK("http://x")');
    expect(s.get(3, 1)?.formula).toBeUndefined();
    expect(s.get(3, 2)?.formula).toBe('AVERAGE(B2:B2)');
    expect(s.frozenRows).toBe(1);
    expect(s.merges).toEqual([{ top: 5, left: 1, bottom: 5, right: 3 }]);
    expect(s.columnWidths.get(1)).toBe(widthInPoints(30));
    expect(fake.sheets[fake.active]?.name).toBe('Tổng hợp (2)');
  });

  it('points links at a sheet of the same batch under the name it finally got', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Chi tiết');
    const target: SheetPlan = { name: 'Chi tiết', rows: rowsFromCells([{ row: 1, col: 1, value: { t: 's', s: 'x' } }]) };
    const index: SheetPlan = { name: 'Mục lục', rows: rowsFromCells([{ row: 1, col: 1, value: { t: 'link', text: 'Xem', sheet: 'Chi tiết', cell: 'A1' } }]) };
    await new OfficeWorkbookHost(fake.env()).writeSheets([target, index]);
    expect(fake.sheet('Mục lục').get(1, 1)?.hyperlink).toEqual({ documentReference: "'Chi tiết (2)'!A1", textToDisplay: 'Xem' });
  });

  it('on ExcelApi 1.1 writes values only, without links or widths', async () => {
    const fake = new FakeExcel({ version: '1.1' });
    await new OfficeWorkbookHost(fake.env()).writeSheets([plan('Tổng hợp')]);
    expect(fake.violations).toEqual([]);
    expect(fake.sheet('Tổng hợp').get(2, 1)).toEqual({ value: 'Phú Thịnh' });
  });

  describe.each(ALL_PROFILES.map(p => [p.name, p] as const))('a link carrying a number on %s', (_name, profile) => {
    it('keeps the number and its format under the link; a link to another workbook keeps its number without a link', async () => {
      const fake = new FakeExcel({ profile });
      const linked: SheetPlan = {
        name: 'Tổng hợp',
        rows: rowsFromCells([
          { row: 1, col: 1, value: { t: 'link', text: '94,7', n: 94.7042253521, sheet: 'Dữ liệu', cell: 'B2' }, style: { numFmt: '0.0' } },
          { row: 1, col: 2, value: { t: 'link', text: '12', n: 12, sheet: 'PL', cell: 'E6', file: 'xa/An.xlsx' }, style: { numFmt: '#,##0' } },
          { row: 1, col: 3, value: { t: 'link', text: 'Không áp dụng', sheet: 'Dữ liệu', cell: 'B3' } },
        ]),
      };
      const data: SheetPlan = { name: 'Dữ liệu', rows: rowsFromCells([{ row: 2, col: 2, value: { t: 'n', n: 1 } }]) };
      await new OfficeWorkbookHost(fake.env()).writeSheets([linked, data]);
      expect(fake.violations).toEqual([]);
      const s = fake.sheet('Tổng hợp');
      expect(s.get(1, 1)).toMatchObject({ value: 94.7042253521, numberFormat: '0.0' });
      expect(s.get(1, 2)).toMatchObject({ value: 12, numberFormat: '#,##0' });
      expect(s.get(1, 2)?.hyperlink).toBeUndefined();
      expect(s.get(1, 3)?.value).toBe('Không áp dụng');
      const hasLinks = profile.excelApi !== '1.1';
      expect(s.get(1, 1)?.hyperlink).toEqual(hasLinks ? { documentReference: "'Dữ liệu'!B2" } : undefined);
      expect(s.get(1, 3)?.hyperlink).toEqual(hasLinks ? { documentReference: "'Dữ liệu'!B3", textToDisplay: 'Không áp dụng' } : undefined);
    });
  });

  it('names: always valid and unique (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), fc.array(fc.string({ maxLength: 40 }), { maxLength: 5 }), (wanted, takenList) => {
      const taken = new Set(takenList.map(t => t.toLocaleLowerCase()));
      const name = uniqueSheetName(wanted, taken);
      expect(name.length).toBeGreaterThan(0);
      expect(name.length).toBeLessThanOrEqual(31);
      expect(/[[\]:*?/\\]/.test(name)).toBe(false);
      expect(name.startsWith("'") || name.endsWith("'")).toBe(false);
      expect(taken.has(name.toLocaleLowerCase())).toBe(false);
    }));
    expect(sanitizeSheetName('  ')).toBe('Sheet');
    expect(asText('')).toBe('');
    expect(asText("'quoted")).toBe("''quoted");
  });
});

describe('selection and overrides', () => {
  it('activates the sheet and selects the cell (visibility first: two syncs)', async () => {
    const fake = new FakeExcel();
    fake.addSheet('A');
    fake.addSheet('PL mục tiêu');
    await new OfficeWorkbookHost(fake.env()).selectCell('PL mục tiêu', 'E6');
    expect(fake.selection).toEqual({ sheet: 'PL mục tiêu', address: 'E6' });
    expect(fake.sheets[fake.active]?.name).toBe('PL mục tiêu');
    expect(fake.syncCount).toBe(2);
  });

  it('never trusts stored overrides: any settings value yields only well-formed corrections (property)', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json(), fc.anything()), raw => {
      const settings = { get: () => raw, set: () => undefined, remove: () => undefined, saveAsync: () => undefined };
      for (const o of loadColumnOverrides(settings)) {
        expect(typeof o.sheet).toBe('string');
        expect(Number.isInteger(o.headerRow) && o.headerRow >= 1).toBe(true);
        for (const v of Object.values(o.columns)) expect(v === null || (Number.isInteger(v) && (v as number) >= 1)).toBe(true);
      }
    }));
  });

  it('keeps column-role corrections in the workbook settings across reopening, dropping malformed ones', async () => {
    const fake = new FakeExcel();
    fake.addSheet('PL');
    await new OfficeWorkbookHost(fake.env()).saveOverrides([{ sheet: 'PL', headerRow: 5, columns: { actual: 6, target: null } }]);
    fake.reopen();
    const host = new OfficeWorkbookHost(fake.env());
    expect(await host.loadOverrides()).toEqual([{ sheet: 'PL', headerRow: 5, columns: { actual: 6, target: null } }]);
    fake.settings.set('phuluc57.columnOverrides', '[{"sheet":1},{"sheet":"X","headerRow":2,"columns":{"name":"B"}},{"sheet":"Y","headerRow":3,"columns":{"name":2}}]');
    expect(await host.loadOverrides()).toEqual([{ sheet: 'Y', headerRow: 3, columns: { name: 2 } }]);
    await host.saveOverrides([]);
    expect(await host.loadOverrides()).toEqual([]);
  });
});

describe('writing the rollup sheets into the open workbook', () => {
  it('colours results by status and draws the share met as a native bar chart, in a constant number of syncs', async () => {
    const { buildRollup } = await import('../../src/core/rollup/build');
    const { rollupPlans } = await import('../../src/core/rollup/plan');
    const { checkWorkbook } = await import('../../src/core/check/check');
    const { readFixture, FIXTURES } = await import('../helpers/fixtures');
    const path = await import('node:path');
    const files = await Promise.all(['bao-cao-t4-2026-phu_thinh.xlsx', 'bao-cao-t4-2026-la_hien.xlsx', 'bao-cao-t4-2026-dai_tu.xlsx']
      .map(async f => checkWorkbook(await readFixture(path.join(FIXTURES, 'province-2026-04', f)), { file: f })));
    const plans = rollupPlans(buildRollup({ files }));
    const summary = plans.find(p => p.name === 'Tổng hợp');
    const chart = summary?.charts?.[0];
    expect(chart).toBeDefined();

    for (const version of ['1.13', '1.1']) {
      const fake = new FakeExcel({ version });
      fake.addSheet('PL mục tiêu');
      const names = await new OfficeWorkbookHost(fake.env()).writeSheets(plans);
      expect(names).toEqual(['Tổng hợp', 'Theo xã', 'Dữ liệu', 'Cần xem lại']);
      expect(fake.syncCount).toBe(3);
      expect(fake.violations).toEqual([]);
      const s = fake.sheet('Tổng hợp');
      expect(s.charts).toHaveLength(1);
      expect(s.charts[0]).toMatchObject({ type: 'BarClustered', title: chart?.title, position: chart?.anchor, seriesName: 'Tỷ lệ đạt' });
      expect(s.charts[0]?.source).toContain(chart?.values ?? '?');
      if (version === '1.13') expect(s.charts[0]?.xValues).toContain(chart?.categories ?? '?');
      // A status-coloured result cell carries its planned fill.
      const styled = (summary ? [...planCells(summary)] : []).find(c => c.style?.fill === STATUS.met.fill && c.row > 4);
      expect(styled).toBeDefined();
      const addr = `${String.fromCharCode(64 + (styled?.col ?? 1))}${styled?.row}`;
      expect(s.look(addr).startsWith(`#${STATUS.met.fill}`)).toBe(true);
      // Commune figures are numbers in their planned format (their links go to other workbooks: left out here).
      const figures = (summary ? [...planCells(summary)] : []).filter(c => c.value.t === 'link' && c.value.n !== undefined);
      expect(figures.length).toBeGreaterThan(20);
      for (const c of figures) {
        expect(s.get(c.row, c.col)).toMatchObject({ value: c.value.t === 'link' ? c.value.n : NaN, numberFormat: c.style?.numFmt });
      }
    }
  });
});

describe.each(ALL_PROFILES.map(p => [p.name, p] as const))('writing on %s', (_name, profile) => {
  it('writes nothing into a protected sheet and reports every cell skipped (Excel 2016 learns it from the refusal)', async () => {
    const fake = new FakeExcel({ profile });
    const s = fake.addSheet('PL');
    s.protected = true;
    const skipped = await new OfficeWorkbookHost(fake.env()).writeCells('PL', [{ address: 'A1', value: 'x' }, { address: 'A2', value: 'y', fill: 'C6EFCE', fontColor: '006100' }]);
    expect(skipped.sort()).toEqual(['A1', 'A2']);
    expect(s.get(1, 1)?.value).toBeUndefined();
    expect(s.get(2, 1)?.fill).toBeUndefined();
  });

  it('bold + wrap + number format + alignment on one header cell: every flag is written', async () => {
    const fake = new FakeExcel({ profile });
    const plan: SheetPlan = {
      name: 'Tổng hợp',
      rows: rowsFromCells([
        { row: 1, col: 1, value: { t: 's', s: 'Tỷ lệ đạt' }, style: { fill: 'DDEBF7', bold: true, wrap: true, numFmt: '0.0%', align: 'center' } },
        { row: 1, col: 2, value: { t: 's', s: 'Ghi chú' }, style: { bold: true, align: 'left' } },
        { row: 2, col: 1, value: { t: 'n', n: 0.5 }, style: { numFmt: '0.0%', align: 'right' } },
      ]),
    };
    await new OfficeWorkbookHost(fake.env()).writeSheets([plan]);
    expect(fake.violations).toEqual([]);
    const s = fake.sheet('Tổng hợp');
    expect(s.get(1, 1)).toMatchObject({ fill: '#DDEBF7', bold: true, wrap: true, numberFormat: '0.0%', align: 'Center' });
    expect(s.get(1, 2)).toMatchObject({ bold: true, align: 'Left' });
    expect(s.get(1, 2)?.wrap).toBeUndefined();
    expect(s.get(2, 1)).toMatchObject({ numberFormat: '0.0%', align: 'Right' });
    expect(s.get(2, 1)?.bold).toBeUndefined();
  });

  it('activates the first new sheet in a batch of its own (Excel on the web ignores it in the adding batch)', async () => {
    const fake = new FakeExcel({ profile });
    fake.addSheet('PL');
    await new OfficeWorkbookHost(fake.env()).writeSheets([{ name: 'Tổng hợp', rows: rowsFromCells([{ row: 1, col: 1, value: { t: 's', s: 'x' } }]) }]);
    expect(fake.sheets[fake.active]?.name).toBe('Tổng hợp');
  });

  it('selecting a cell on a hidden sheet says the sheet is hidden instead of failing in Excel', async () => {
    const fake = new FakeExcel({ profile });
    fake.addSheet('PL');
    fake.addSheet('Ẩn').visibility = 'Hidden';
    await expect(new OfficeWorkbookHost(fake.env()).selectCell('Ẩn', 'B2')).rejects.toMatchObject({ code: 'SheetHidden', message: expect.stringContaining('đang ẩn') });
    expect(fake.selection).toBeNull();
    await new OfficeWorkbookHost(fake.env()).selectCell('PL', 'B2');
    expect(fake.selection).toEqual({ sheet: 'PL', address: 'B2' });
  });
});
