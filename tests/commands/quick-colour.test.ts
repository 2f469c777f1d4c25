import { readFileSync } from 'fs';
import { join } from 'path';
import { checkWorkbook } from '../../src/core/check';
import { STATUS_LABELS } from '../../src/core/check/labels';
import { STATUS_COLOURS } from '../../src/core/plan/palette';
import { indicatorResultCell, taskResultCell } from '../../src/core/plan/colour';
import { OfficeWorkbookHost } from '../../src/excel';
import { readWorkbook } from '../../src/xlsx/read';
import { quickColour, resultMessage, runQuickColour, type QuickColourDeps } from '../../src/commands/quick-colour';
import { FakeExcel, officeError } from '../excel/fake-excel';
import { ALL_PROFILES, type HostProfile } from '../excel/host-profiles';
import { loadGrid } from '../excel/grid-to-fake';
import { indicatorSheet } from '../excel/sheets';

jest.setTimeout(60_000);

async function fixtureExcel(file: string, active: string, profile?: HostProfile): Promise<FakeExcel> {
  const read = await readWorkbook(new Uint8Array(readFileSync(join(__dirname, '../fixtures', file))));
  if (!read.ok) throw new Error(read.error);
  const fake = new FakeExcel(profile ? { profile } : {});
  loadGrid(fake, read.grid);
  fake.active = fake.sheets.findIndex(s => s.name === active);
  return fake;
}

function deps(fake: FakeExcel, file = 'x.xlsx'): QuickColourDeps {
  return { host: new OfficeWorkbookHost(fake.env()), check: checkWorkbook, file };
}

describe('Tô màu nhanh', () => {
  it('judges the workbook and colours the active sheet only, with each row\'s status colour', async () => {
    const file = 'phu-thinh-bao-cao-thang-4-2026.xlsx';
    const fake = await fixtureExcel(file, 'PL nhiệm vụ');
    const result = await quickColour(deps(fake, file));
    // What the engine says about the same workbook, independently of the add-in.
    const read = await readWorkbook(new Uint8Array(readFileSync(join(__dirname, '../fixtures', file))));
    if (!read.ok) throw new Error(read.error);
    const report = checkWorkbook(read.grid, { file });
    const tasks = report.tables.filter(t => t.sheet === 'PL nhiệm vụ');
    const rows = tasks.flatMap(t => (t.kind === 'tasks' ? t.rows : []));
    expect(rows.length).toBeGreaterThan(0);
    expect(result.kind).toBe('coloured');
    if (result.kind !== 'coloured') return;
    expect(result.rows).toBe(rows.length);
    expect(result.counts.reduce((n, [, k]) => n + k, 0)).toBe(rows.length);
    const sheet = fake.sheet('PL nhiệm vụ');
    for (const r of rows) {
      const c = STATUS_COLOURS[r.status];
      // The fixture's fonts are Automatic: left alone (they could not be given back as Automatic).
      expect(sheet.look(taskResultCell(r))).toBe(`#${c.fill}||#000000`);
    }
    // The other sheet's tables stay as they were.
    const other = fake.sheet('PL mục tiêu');
    for (const t of report.tables.filter(x => x.sheet === 'PL mục tiêu')) {
      for (const r of t.kind === 'indicators' ? t.rows : []) expect(other.look(indicatorResultCell(r))).toBe('none||#000000');
    }
    const message = resultMessage(result, 'vi');
    expect(message).toContain(`Đã tô màu ${rows.length} dòng trên trang "PL nhiệm vụ"`);
    for (const [status, n] of result.counts) expect(message).toContain(`${n} ${STATUS_LABELS[status].vi}`);
  });

  it('takes the same number of syncs for a 70-row and a 5,000-row sheet (read 2 + colour 3)', async () => {
    // Microsoft 365: one getCellProperties per column block; older Excel is covered in tests/excel/colours.
    const counts: number[] = [];
    for (const rows of [70, 5000]) {
      const fake = new FakeExcel();
      indicatorSheet(fake, 'PL mục tiêu', rows);
      const result = await quickColour(deps(fake));
      expect(result.kind).toBe('coloured');
      if (result.kind === 'coloured') expect(result.rows).toBe(rows);
      expect(fake.maxRequest).toBeLessThan(4_000_000);
      counts.push(fake.syncCount);
    }
    expect(counts).toEqual([5, 5]);
  });

  it('says so when the active sheet has no table or is protected, and colours nothing', async () => {
    const fake = await fixtureExcel('phu-thinh-bao-cao-thang-4-2026.xlsx', 'PL mục tiêu');
    fake.addSheet('Ghi chép').put({ A1: 'Không có bảng' });
    fake.active = 2;
    const none = await quickColour(deps(fake));
    expect(none).toEqual({ kind: 'no-tables', sheet: 'Ghi chép' });
    expect(resultMessage(none, 'en')).toContain('has no indicator or task table');
    fake.active = 0;
    fake.sheets[0]!.protected = true;
    expect(await quickColour(deps(fake))).toEqual({ kind: 'protected', sheet: 'PL mục tiêu' });
    expect([...fake.sheets[0]!.cells.values()].every(c => c.fill === undefined)).toBe(true);
  });

  it('always completes the ribbon event, also when Excel fails or the notification cannot be shown', async () => {
    const fake = new FakeExcel();
    indicatorSheet(fake, 'PL', 5);
    const failing: QuickColourDeps = {
      ...deps(fake),
      host: { readWorkbook: () => Promise.reject(officeError('GeneralException', 'Lỗi nội bộ / internal error')), colour: () => Promise.reject(new Error('x')), loadOverrides: async () => [] },
    };
    const completed = jest.fn();
    const shown: string[] = [];
    const r1 = await runQuickColour({ completed }, failing, { lang: 'vi', notify: async m => { shown.push(m); } });
    expect(r1).toMatchObject({ kind: 'failed', code: 'GeneralException' });
    // Our own Vietnamese wording per code, never Office's localized message.
    expect(shown[0]).toMatch(/^Không tô màu được\. Excel báo lỗi .*\(GeneralException\)$/);
    expect(shown[0]).not.toContain('internal');
    const r2 = await runQuickColour({ completed }, deps(fake), { lang: 'en', notify: () => Promise.reject(new Error('dialog blocked')) });
    expect(r2.kind).toBe('coloured');
    const hanging: QuickColourDeps = { ...deps(fake), host: { ...failing.host, readWorkbook: () => new Promise(() => undefined) } };
    const r3 = await runQuickColour({ completed }, hanging, { lang: 'vi', notify: async () => undefined, timeoutMs: 50 });
    expect(r3).toMatchObject({ kind: 'failed', code: 'Timeout' });
    expect(completed).toHaveBeenCalledTimes(3);
  });
});

describe.each(ALL_PROFILES.map(p => [p.name, p] as const))('Tô màu nhanh on %s', (_name, profile) => {
  const file = 'phu-thinh-bao-cao-thang-4-2026.xlsx';

  it('colours the active sheet, with no call beyond the host\'s requirement sets', async () => {
    const fake = await fixtureExcel(file, 'PL nhiệm vụ', profile);
    const result = await quickColour(deps(fake, file));
    expect(result.kind).toBe('coloured');
    expect(fake.violations).toEqual([]);
  });

  it('a chart sheet active: says the open sheet is no worksheet, reads nothing wrong, colours nothing', async () => {
    const fake = await fixtureExcel(file, 'PL nhiệm vụ', profile);
    fake.addChartSheet('Biểu đồ', true);
    const result = await quickColour(deps(fake, file));
    expect(result).toEqual({ kind: 'no-sheet' });
    expect(resultMessage(result, 'vi')).toContain('không phải trang tính');
    expect(fake.sheets.every(s => [...s.cells.values()].every(c => c.fill === undefined))).toBe(true);
  });

  it('a protected active sheet is reported as protected (skipped), never as coloured', async () => {
    const fake = await fixtureExcel(file, 'PL nhiệm vụ', profile);
    fake.sheet('PL nhiệm vụ').protected = true;
    const completed = jest.fn();
    const shown: string[] = [];
    const result = await runQuickColour({ completed }, deps(fake, file), { lang: 'vi', notify: async m => { shown.push(m); } });
    expect(result).toEqual({ kind: 'protected', sheet: 'PL nhiệm vụ' });
    expect(shown[0]).toContain('đang được bảo vệ');
    expect(completed).toHaveBeenCalledTimes(1);
    expect([...fake.sheet('PL nhiệm vụ').cells.values()].every(c => c.fill === undefined)).toBe(true);
  });

  it('a cell being edited: waits for the edit to end where Excel can (ExcelApi 1.11), else says so in Vietnamese', async () => {
    const fake = await fixtureExcel(file, 'PL nhiệm vụ', profile);
    fake.startCellEdit();
    const completed = jest.fn();
    const shown: string[] = [];
    const running = runQuickColour({ completed }, deps(fake, file), { lang: 'vi', notify: async m => { shown.push(m); } });
    await new Promise(resolve => setTimeout(resolve, 20));
    fake.endCellEdit();
    const result = await running;
    if (fake.supports('1.11')) {
      expect(result.kind).toBe('coloured');
    } else {
      expect(result).toMatchObject({ kind: 'failed', code: 'InvalidOperationInCellEditMode' });
      expect(shown[0]).toContain('Excel đang ở chế độ sửa ô');
    }
    expect(completed).toHaveBeenCalledTimes(1);
  });
});
