import { readFileSync } from 'fs';
import { join } from 'path';
import { checkWorkbook } from '../../src/core/check';
import { STATUS_LABELS } from '../../src/core/check/labels';
import { STATUS_COLOURS } from '../../src/core/plan/palette';
import { indicatorResultCell, taskResultCell } from '../../src/core/plan/colour';
import { OfficeWorkbookHost } from '../../src/excel';
import { readWorkbook } from '../../src/xlsx/read';
import { quickColour, resultMessage, runQuickColour, type QuickColourDeps } from '../../src/commands/quick-colour';
import { FakeExcel } from '../excel/fake-excel';
import { loadGrid } from '../excel/grid-to-fake';
import { indicatorSheet } from '../excel/sheets';

async function fixtureExcel(file: string, active: string): Promise<FakeExcel> {
  const read = await readWorkbook(new Uint8Array(readFileSync(join(__dirname, '../fixtures', file))));
  if (!read.ok) throw new Error(read.error);
  const fake = new FakeExcel();
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
      expect(sheet.look(taskResultCell(r))).toBe(`#${c.fill}||#${c.font}`);
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
      host: { readWorkbook: () => Promise.reject(new Error('GeneralException')), colour: () => Promise.reject(new Error('x')), loadOverrides: async () => [] },
    };
    const completed = jest.fn();
    const shown: string[] = [];
    const r1 = await runQuickColour({ completed }, failing, { lang: 'vi', notify: async m => { shown.push(m); } });
    expect(r1).toEqual({ kind: 'failed', detail: 'GeneralException' });
    expect(shown).toEqual(['Không tô màu được: GeneralException']);
    const r2 = await runQuickColour({ completed }, deps(fake), { lang: 'en', notify: () => Promise.reject(new Error('dialog blocked')) });
    expect(r2.kind).toBe('coloured');
    const hanging: QuickColourDeps = { ...deps(fake), host: { ...failing.host, readWorkbook: () => new Promise(() => undefined) } };
    const r3 = await runQuickColour({ completed }, hanging, { lang: 'vi', notify: async () => undefined, timeoutMs: 50 });
    expect(r3.kind).toBe('failed');
    expect(completed).toHaveBeenCalledTimes(3);
  });
});
