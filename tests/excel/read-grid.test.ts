import { cellAt } from '../../src/core/grid/access';
import { OfficeWorkbookHost } from '../../src/excel';
import { FakeExcel } from './fake-excel';
import { ALL_PROFILES, EXCEL_WEB } from './host-profiles';
import { indicatorSheet } from './sheets';

async function readSheets(rows: number, version = '1.13', limits: { response?: number; budget?: number } = {}) {
  const fake = new FakeExcel({ version, ...(limits.response ? { responseLimit: limits.response } : {}) });
  indicatorSheet(fake, 'PL mục tiêu', rows);
  const other = fake.addSheet('Kinh phí');
  other.put({ B2: 'Nguồn vốn', C2: 1250000 });
  other.visibility = 'Hidden';
  other.protected = true;
  fake.active = 0;
  const host = new OfficeWorkbookHost(fake.env(limits.budget ? { maxRequestBytes: limits.budget } : {}));
  const read = await host.readWorkbook();
  return { fake, read };
}

describe('reading the open workbook', () => {
  it('converts values, formulas, number formats, errors, merges, visibility and protection', async () => {
    const { read, fake } = await readSheets(10);
    expect(fake.violations).toEqual([]);
    expect(read.activeSheet).toBe('PL mục tiêu');
    const [pl, budget] = read.grid.sheets;
    expect(pl?.name).toBe('PL mục tiêu');
    expect(pl?.rowCount).toBe(15);
    expect(pl?.colCount).toBe(5);
    expect(cellAt(pl!, 5, 2)?.v).toEqual({ t: 's', s: 'Chỉ tiêu' });
    expect(cellAt(pl!, 6, 1)?.v).toEqual({ t: 'n', n: 1 });
    expect(cellAt(pl!, 6, 5)).toEqual({ v: { t: 'n', n: 0.925 }, fmt: '0.0%' });
    expect(cellAt(pl!, 7, 5)?.v).toEqual({ t: 's', s: '72,5' });
    expect(cellAt(pl!, 8, 5)).toEqual({ v: { t: 'e', e: '#DIV/0!' }, f: 'F8/G8' });
    expect(cellAt(pl!, 9, 5)).toBeUndefined();
    expect(cellAt(pl!, 10, 5)).toEqual({ v: { t: 'n', n: 95 }, f: 'SUM(F10:G10)' });
    expect(pl?.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 5 }, { top: 3, left: 1, bottom: 3, right: 5 }]);
    expect(pl?.hidden).toBeUndefined();
    expect(budget?.hidden).toBe(true);
    expect(budget?.protected).toBe(true);
    expect(cellAt(budget!, 2, 3)?.v).toEqual({ t: 'n', n: 1250000 });
  });

  it('uses the same number of syncs for 70 and 5,000 rows (two: list sheets, load everything)', async () => {
    const small = await readSheets(70);
    const large = await readSheets(5000);
    expect(small.fake.syncCount).toBe(2);
    expect(large.fake.syncCount).toBe(small.fake.syncCount);
    expect(large.read.grid.sheets[0]?.rowCount).toBe(5005);
    expect(large.fake.maxRequest).toBeLessThan(4_000_000);
    expect(large.fake.maxResponse).toBeLessThan(5_000_000);
  });

  it('works on ExcelApi 1.1 (no merges, no protection, no valuesOnly) with the same two syncs', async () => {
    const { read, fake } = await readSheets(70, '1.1');
    expect(fake.violations).toEqual([]);
    expect(fake.syncCount).toBe(2);
    expect(read.grid.sheets[0]?.merges).toEqual([]);
    expect(read.grid.sheets[1]?.protected).toBeUndefined();
    expect(cellAt(read.grid.sheets[0]!, 8, 5)?.v).toEqual({ t: 'e', e: '#DIV/0!' });
  });

  it('falls back to row blocks when Excel refuses the whole response, with the same grid', async () => {
    const plain = await readSheets(3000);
    const { fake, read } = await readSheets(3000, '1.13', { response: 400_000, budget: 300_000 });
    expect(read).toEqual(plain.read);
    // Sync 2 (everything at once) was refused; the shapes and the row blocks that followed stayed under the limit.
    expect(fake.syncLog[1]?.response).toBeGreaterThan(400_000);
    expect(fake.syncLog.slice(2).every(s => s.response <= 400_000)).toBe(true);
    expect(fake.syncCount).toBeGreaterThan(3);
  });

  it('reads an empty workbook sheet as an empty grid', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Trống');
    const read = await new OfficeWorkbookHost(fake.env()).readWorkbook();
    expect(read.grid.sheets).toEqual([{ name: 'Trống', rowCount: 0, colCount: 0, rows: [], merges: [] }]);
  });
});

describe.each(ALL_PROFILES.map(p => [p.name, p] as const))('reading on %s', (_name, profile) => {
  it('reads every sheet with no call beyond the host\'s requirement sets, in two syncs', async () => {
    const fake = new FakeExcel({ profile });
    indicatorSheet(fake, 'PL mục tiêu', 70);
    const read = await new OfficeWorkbookHost(fake.env()).readWorkbook();
    expect(fake.violations).toEqual([]);
    expect(fake.syncCount).toBe(2);
    expect(read.grid.sheets[0]?.rowCount).toBe(75);
  });

  it('a chart sheet active: the grid is read, the active sheet is unknown (null), nothing throws', async () => {
    const fake = new FakeExcel({ profile });
    indicatorSheet(fake, 'PL mục tiêu', 10);
    fake.addChartSheet('Biểu đồ', true);
    const read = await new OfficeWorkbookHost(fake.env()).readWorkbook();
    expect(read.activeSheet).toBeNull();
    expect(read.grid.sheets.map(s => s.name)).toEqual(['PL mục tiêu']);
  });

  it('falls back to row blocks whichever way this host refuses a too large read (web: payload code; desktop: cell limit)', async () => {
    const plain = new FakeExcel({ profile });
    indicatorSheet(plain, 'PL mục tiêu', 3000);
    const expected = await new OfficeWorkbookHost(plain.env()).readWorkbook();
    const limits = profile === EXCEL_WEB ? { responseLimit: 400_000 } : { cellLimit: 12_000 };
    const fake = new FakeExcel({ profile, ...limits });
    indicatorSheet(fake, 'PL mục tiêu', 3000);
    const read = await new OfficeWorkbookHost(fake.env({ maxRequestBytes: 300_000 })).readWorkbook();
    expect(read).toEqual(expected);
    expect(fake.syncCount).toBeGreaterThan(3);
  });

  it('a cell being edited: the read waits where Excel can (ExcelApi 1.11), else fails with the cell-edit code', async () => {
    const fake = new FakeExcel({ profile });
    indicatorSheet(fake, 'PL', 5);
    fake.startCellEdit();
    const reading = new OfficeWorkbookHost(fake.env()).readWorkbook();
    if (fake.supports('1.11')) {
      setTimeout(() => fake.endCellEdit(), 10);
      expect((await reading).grid.sheets).toHaveLength(1);
    } else {
      await expect(reading).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    }
  });
});
