import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import type { CheckReport } from '../../src/core/check/report';
import { FIXTURES } from '../helpers/fixtures';
import { captureIo } from '../helpers/io';

const PHU_THINH = path.join(FIXTURES, 'phu-thinh-bao-cao-thang-4-2026.xlsx');

describe('phuluc check', () => {
  it('prints the JSON contract', async () => {
    const io = captureIo();
    await main(['check', PHU_THINH, '--json'], io);
    expect(io.code()).toBe(0);
    const report = JSON.parse(io.stdout()) as CheckReport;
    const f = report.files[0];
    expect(f).toMatchObject({ commune: 'Phú Thịnh', encoding: 'unicode', error: null, reportDate: '2026-04-24' });
    const t = f?.tables[0];
    expect(t).toMatchObject({ sheet: 'PL mục tiêu', kind: 'indicators', headerRow: 4, period: 2026, range: 'A4:E22' });
    expect(t?.columns).toEqual({ code: 'A', name: 'B', unit: 'C', target: 'D', actual: 'E' });
    expect(t?.rows[0]).toMatchObject({
      row: 6, code: '1', section: 'I. Phát triển hạ tầng', unit: '%',
      target: { text: '90', op: '>=', value: 90, year: 2026 }, actual: { text: '72,5', value: 72.5 },
      evaluation: null, status: 'not_met', contradiction: false,
    });
    const tasks = f?.tables[1];
    expect(tasks?.kind).toBe('tasks');
    expect(tasks?.rows.map(r => r.status)).toContain('in_progress');
  });

  it('prints a readable Vietnamese summary without --json', async () => {
    const io = captureIo();
    await main(['check', PHU_THINH], io);
    expect(io.stdout()).toContain('Chỉ tiêu — trang "PL mục tiêu" A4:E22, 15 dòng, năm 2026');
    expect(io.stdout()).toContain('Cần xem lại:');
    expect(io.stdout()).toMatch(/E6\s+Chưa đạt/);
  });

  it('reports unreadable files and still processes the others (exit 2)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phuluc-'));
    const csv = path.join(dir, 'bao-cao.xlsx');
    await fs.writeFile(csv, 'TT,Chỉ tiêu,Kết quả\n1,Tỷ lệ,90\n');
    const io = captureIo();
    await main(['check', csv, PHU_THINH, '--json'], io);
    expect(io.code()).toBe(2);
    const report = JSON.parse(io.stdout()) as CheckReport;
    expect(report.files[0]?.error).toMatch(/CSV/);
    expect(report.files[1]?.error).toBeNull();
    expect(report.files[1]?.tables.length).toBe(2);
  });

  it('reads folders recursively', async () => {
    const io = captureIo();
    await main(['check', path.join(FIXTURES, 'province-2026-04'), '--json'], io);
    expect((JSON.parse(io.stdout()) as CheckReport).files).toHaveLength(30);
  });

  it('exits 1 on usage errors', async () => {
    const io = captureIo();
    await main(['check'], io);
    expect(io.code()).toBe(1);
    const io2 = captureIo();
    await main(['check', PHU_THINH, '--period', 'abc'], io2);
    expect(io2.code()).toBe(1);
  });
});

describe('phuluc check on a sheet larger than the reader keeps', () => {
  it('says which sheet was cut short instead of judging it silently in part', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Rộng');
    ws.getCell(1, 1).value = 'TT';
    ws.getCell(1, 2).value = 'Chỉ tiêu';
    ws.getCell(1, 3).value = 'Mục tiêu';
    ws.getCell(2, 1).value = '1';
    ws.getCell(2, 2).value = 'Tỷ lệ A';
    ws.getCell(2, 3).value = '90';
    ws.getCell(2, 500).value = 'xa tít bên phải';
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phuluc-wide-'));
    const file = path.join(dir, 'rong.xlsx');
    await wb.xlsx.writeFile(file);
    const io = captureIo();
    await main(['check', file, '--json'], io);
    const f = (JSON.parse(io.stdout()) as CheckReport).files[0];
    expect(f?.notices.find(n => n.code === 'truncated')).toMatchObject({ sheet: 'Rộng' });
    expect(f?.tables[0]?.rows).toHaveLength(1);
  });
});
