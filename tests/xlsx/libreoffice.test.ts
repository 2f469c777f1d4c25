import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { main } from '../../src/cli/main';
import type { RollupJson } from '../../src/core/rollup/json';
import { FIXTURES } from '../helpers/fixtures';
import { captureIo } from '../helpers/io';

/**
 * The rollup workbook opened by a second spreadsheet engine: LibreOffice (Debian's libreoffice-calc-nogui, installed
 * by .ci/run) converts each sheet to CSV, and what it shows must be what the rollup computed.
 */
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(p => existsSync(p));
const run = promisify(execFile);
jest.setTimeout(180_000);

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

(SOFFICE || process.env.CI ? describe : describe.skip)('the rollup workbook in LibreOffice', () => {
  it('opens, and every sheet shows the values the rollup computed', async () => {
    expect(SOFFICE).toBeDefined();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'phuluc-lo-'));
    const out = path.join(dir, 'tong-hop.xlsx');
    const io = captureIo();
    await main(['rollup', path.join(FIXTURES, 'province-2026-04'), '-o', out, '--json'], io);
    const json = JSON.parse(io.stdout()) as RollupJson;

    // Each sheet to CSV (UTF-8, comma-separated), as LibreOffice displays it.
    await run(SOFFICE ?? 'soffice', ['--headless', '--norestore', '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, out],
    { env: { ...process.env, HOME: dir }, timeout: 150_000 });
    const sheets = (await fs.readdir(dir)).filter(f => f.endsWith('.csv'));
    expect(sheets.map(f => f.replace(/^tong-hop-|\.csv$/g, '')).sort()).toEqual(['Cần xem lại', 'Dữ liệu', 'Theo xã', 'Tổng hợp'].sort());

    const summary = parseCsv(await fs.readFile(path.join(dir, 'tong-hop-Tổng hợp.csv'), 'utf8'));
    const header = summary.find(r => r.includes('Đạt') && r.includes('Chưa đạt'));
    expect(header).toBeDefined();
    const keyCol = header!.indexOf('Mã chỉ tiêu');
    const metCol = header!.indexOf('Đạt');
    const notMetCol = header!.indexOf('Chưa đạt');
    let checked = 0;
    for (const ind of json.indicators) {
      const row = summary.find(r => r[keyCol] === ind.key);
      expect(row).toBeDefined();
      expect(Number(row![metCol])).toBe(ind.counts.met);
      expect(Number(row![notMetCol])).toBe(ind.counts.not_met);
      checked++;
    }
    expect(checked).toBe(json.indicators.length);

    // The long table has one line per value, each with its source cell.
    const data = parseCsv(await fs.readFile(path.join(dir, 'tong-hop-Dữ liệu.csv'), 'utf8'));
    const values = json.indicators.reduce((n, i) => n + i.values.length, 0);
    expect(data.length - 1).toBeGreaterThanOrEqual(values);
    expect(data[1]?.[3]).toMatch(/^[A-Z]+\d+$/);
  });
});
