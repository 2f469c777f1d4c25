import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AuditJson } from '../../../src/cli/commands/audit';
import { main } from '../../../src/cli/main';
import { PROBLEMS, plant } from '../../core/audit/plant';
import { FIXTURES } from '../../helpers/fixtures';
import type { Raw } from '../../helpers/grid';
import { captureIo } from '../../helpers/io';

const AUDIT = path.join(FIXTURES, 'audit', 'audit-phu-thinh.xlsx');
const TRUTH = path.join(FIXTURES, 'audit', 'audit-truth.json');
const CLEAN = path.join(FIXTURES, 'quyet-thang-ke-hoach.xlsx');

describe('phuluc audit', () => {
  it('prints exactly the JSON contract, and finds the nine planted problems', async () => {
    const io = captureIo();
    await main(['audit', AUDIT, '--json'], io);
    expect(io.code()).toBe(0);
    const report = JSON.parse(io.stdout()) as AuditJson;
    expect(Object.keys(report)).toEqual(['files']);
    const f = report.files[0];
    expect(Object.keys(f ?? {})).toEqual(['file', 'error', 'findings', 'groups']);
    expect(f?.error).toBeNull();
    for (const x of f?.findings ?? []) {
      expect(Object.keys(x)).toEqual(['sheet', 'cell', 'rule', 'severity', 'message', 'formula', 'group']);
      expect(['error', 'warning', 'info']).toContain(x.severity);
    }
    // Every finding belongs to exactly one listed group, whose cells include it; groups come largest risk first.
    const groups = f?.groups ?? [];
    for (const g of groups) expect(Object.keys(g)).toEqual(['id', 'rule', 'severity', 'cells', 'message', 'risk']);
    for (const x of f?.findings ?? []) {
      const g = groups.filter(y => y.id === x.group);
      expect(g).toHaveLength(1);
      expect(g[0]?.cells).toContain(`${x.sheet}!${x.cell}`);
      expect(g[0]?.rule).toBe(x.rule);
    }
    expect(groups.map(g => g.risk)).toEqual([...groups.map(g => g.risk)].sort((a, b) => b - a));
    expect(groups[0]?.severity).toBe('error');
    expect(groups[groups.length - 1]?.severity).toBe('info');
    // Scored like the audit scorer: distinct sheet!cell against the truth.
    const truth = JSON.parse(await fs.readFile(TRUTH, 'utf8')) as { findings: { sheet: string; cell: string }[] };
    const got = new Set((f?.findings ?? []).map(x => `${x.sheet}!${x.cell}`));
    expect([...got].sort()).toEqual(truth.findings.map(x => `${x.sheet}!${x.cell}`).sort());
  });

  it('prints a readable Vietnamese summary by cause, likely mistakes first and sheet properties counted apart', async () => {
    const io = captureIo();
    await main(['audit', AUDIT, CLEAN], io);
    const out = io.stdout();
    expect(out).toContain('9 nhóm phát hiện: 7 ô có thể sai (lỗi/cảnh báo), 2 ô cần lưu ý');
    expect(out).toContain('Lưu ý — Công thức trả về lỗi (1 ô)');
    expect(out).toMatch(/Phụ lục tính toán!G15\s+Công thức G15 \(=E15\/F15\*100\) trả về lỗi #DIV\/0!/);
    // Errors before warnings before notes.
    expect(out.indexOf('Lỗi — ')).toBeLessThan(out.indexOf('Cảnh báo — '));
    expect(out.indexOf('Cảnh báo — ')).toBeLessThan(out.indexOf('Lưu ý — '));
    expect(out).toContain('✓ Không phát hiện vấn đề nào.');
    expect(out).toContain('Đã soát 2/2 tệp; 9 phát hiện trong 9 nhóm.');
    expect(out).not.toContain(' / formula');
  });

  it('reports unreadable and missing files and still audits the others (exit 2)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phuluc-audit-'));
    const csv = path.join(dir, 'bao-cao.xlsx');
    await fs.writeFile(csv, 'TT,Chỉ tiêu,Kết quả\n1,Tỷ lệ,90\n');
    const io = captureIo();
    await main(['audit', csv, AUDIT, path.join(dir, 'khong-co.xlsx'), '--json'], io);
    expect(io.code()).toBe(2);
    const report = JSON.parse(io.stdout()) as AuditJson;
    expect(report.files.map(f => [path.basename(f.file), f.error === null, f.findings.length])).toEqual([
      ['bao-cao.xlsx', false, 0], ['audit-phu-thinh.xlsx', true, 9], ['khong-co.xlsx', false, 0],
    ]);
  });

  it('gives one group to the cells of one cause (a linked workbook)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phuluc-audit-'));
    const file = path.join(dir, 'lien-ket.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Số liệu');
    ws.addRow(['Xã', 'Dân số']);
    for (let r = 2; r <= 7; r++) ws.addRow([`Xã ${r}`, { formula: `[1]Nguon!B${r}`, result: r * 100 }]);
    await wb.xlsx.writeFile(file);
    const io = captureIo();
    await main(['audit', file, '--json'], io);
    const f = (JSON.parse(io.stdout()) as AuditJson).files[0];
    const links = f?.findings.filter(x => x.rule === 'external-link') ?? [];
    expect(links.length).toBeGreaterThan(1);
    expect(new Set(links.map(x => x.group)).size).toBe(1);
    expect(f?.groups.find(g => g.rule === 'external-link')).toMatchObject({ severity: 'info', cells: links.map(x => `${x.sheet}!${x.cell}`) });
  });

  it('reads folders recursively', async () => {
    const io = captureIo();
    await main(['audit', path.join(FIXTURES, 'province-2026-04'), '--json'], io);
    expect(io.code()).toBe(0);
    const report = JSON.parse(io.stdout()) as AuditJson;
    expect(report.files).toHaveLength(30);
    expect(report.files.filter(f => f.findings.some(x => x.rule === 'circular-reference'))).not.toHaveLength(0);
  });

  it('exits 1 on usage errors', async () => {
    const io = captureIo();
    await main(['audit'], io);
    expect(io.code()).toBe(1);
    const io2 = captureIo();
    await main(['audit', AUDIT, '--nope'], io2);
    expect(io2.code()).toBe(1);
  });
});

/** Writes a raw test grid as a real .xlsx (formulas with cached results, errors, number formats). */
async function writeXlsx(file: string, sheetName: string, grid: Raw[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  grid.forEach((row, r) => row.forEach((x, c) => {
    if (x === null || x === undefined || x === '') return;
    const cell = ws.getCell(r + 1, c + 1);
    if (typeof x === 'number' || typeof x === 'string') { cell.value = x; return; }
    if ('f' in x) {
      const result = typeof x.v === 'object' ? { error: x.v.e } : x.v;
      cell.value = { formula: x.f, result } as ExcelJS.CellFormulaValue;
      if (x.fmt) cell.numFmt = x.fmt;
      return;
    }
    cell.value = x.n;
    cell.numFmt = x.fmt;
  }));
  await wb.xlsx.writeFile(file);
}

describe('phuluc audit on planted workbooks written to .xlsx', () => {
  it('finds every planted cell and nothing else, in every layout', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phuluc-planted-'));
    const layouts = fc.sample(fc.record({
      seed: fc.integer({ min: 1, max: 1_000_000 }), top: fc.integer({ min: 3, max: 8 }), left: fc.integer({ min: 1, max: 4 }),
      rows: fc.integer({ min: 12, max: 18 }), total: fc.boolean(), evaluation: fc.boolean(), across: fc.boolean(),
      problems: fc.shuffledSubarray([...PROBLEMS], { minLength: 1, maxLength: 6 }),
    }), { numRuns: 24, seed: 57 });
    const expected = new Map<string, string[]>();
    for (const [i, l] of layouts.entries()) {
      const p = plant(l);
      const file = path.join(dir, `xa-${String(i).padStart(2, '0')}.xlsx`);
      await writeXlsx(file, 'Phụ lục tính toán', p.grid);
      expected.set(path.basename(file), p.expected.map(c => `Phụ lục tính toán!${c}`).sort());
    }
    const io = captureIo();
    await main(['audit', dir, '--json'], io);
    expect(io.code()).toBe(0);
    const report = JSON.parse(io.stdout()) as AuditJson;
    expect(report.files).toHaveLength(layouts.length);
    for (const f of report.files) {
      const got = [...new Set(f.findings.map(x => `${x.sheet}!${x.cell}`))].sort();
      expect({ file: path.basename(f.file), got }).toEqual({ file: path.basename(f.file), got: expected.get(path.basename(f.file)) });
    }
  });
});
