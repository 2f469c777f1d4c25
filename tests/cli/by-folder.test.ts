/**
 * `rollup --by-folder`: a national tree of province folders, where communes of one name live in two provinces (473 of
 * the 3,321 units since 2025-07-01 do). The same commune workbook is copied into two province folders, and once more
 * as a second file of one of them.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { provinceByFolder } from '../../src/cli/files';
import type { RollupJson } from '../../src/core/rollup/json';
import { FIXTURES } from '../helpers/fixtures';
import { captureIo } from '../helpers/io';

jest.setTimeout(60_000);

const SOURCE = path.join(FIXTURES, 'province-2026-04', 'bao-cao-t4-2026-phu_thinh.xlsx');

async function nation(): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'phuluc-nation-'));
  for (const f of ['ha-noi/phu-thinh.xlsx', 'thanh-hoa/phu-thinh.xlsx', 'thanh-hoa/bo-sung/phu-thinh-2.xlsx']) {
    await fs.mkdir(path.dirname(path.join(root, f)), { recursive: true });
    await fs.copyFile(SOURCE, path.join(root, f));
  }
  return root;
}

async function rollup(args: string[]): Promise<RollupJson> {
  const io = captureIo();
  await main(['rollup', ...args, '--json'], io);
  expect(io.code()).toBe(0);
  return JSON.parse(io.stdout()) as RollupJson;
}

describe('phuluc rollup --by-folder', () => {
  it('takes one name in two province folders for two communes, and a second file within one for a resend', async () => {
    const root = await nation();
    const plain = await rollup([root]);
    const byFolder = await rollup([root, '--by-folder']);
    const met = (j: RollupJson) => j.indicators.find(i => i.key === '5g_coverage')?.counts;
    const reported = (j: RollupJson) => { const c = met(j); return c ? Object.entries(c).filter(([k]) => k !== 'not_reported').reduce((n, [, v]) => n + v, 0) : 0; };
    // Without it the three files are one commune; with it two, the folder of the resend not a province of its own.
    expect(reported(plain)).toBe(1);
    expect(reported(byFolder)).toBe(2);
    expect(new Set(byFolder.communes.map(c => c.name))).toEqual(new Set(['Phú Thịnh (ha-noi)', 'Phú Thịnh (thanh-hoa)']));
  });

  it('compares the month with last month by the same names', async () => {
    const root = await nation();
    const out = path.join(root, 'thang-4.xlsx');
    await rollup([root, '--by-folder', '-o', out]);
    const next = await rollup([root, '--by-folder', '--previous', out]);
    expect(new Set((next.changes ?? []).map(c => c.change))).toEqual(new Set(['unchanged']));
    expect(new Set((next.changes ?? []).map(c => c.commune))).toEqual(new Set(['Phú Thịnh (ha-noi)', 'Phú Thịnh (thanh-hoa)']));
  });

  it('takes last month from a folder of communes by the same names', async () => {
    const root = await nation();
    const april = await nation();
    const next = await rollup([root, '--by-folder', '--previous', april]);
    expect(new Set((next.changes ?? []).map(c => c.change))).toEqual(new Set(['unchanged']));
    expect((next.changes ?? []).length).toBeGreaterThan(0);
  });

  it("names a file's province by the first folder below the one given, or by the folder given", () => {
    const of = provinceByFolder(['/data/ca-nuoc', '/data/le/ha-giang']);
    expect(of('/data/ca-nuoc/ha-noi/dot-2/x.xlsx')).toBe('ha-noi');
    expect(of('/data/le/ha-giang/x.xlsx')).toBe('ha-giang');
    expect(of('/elsewhere/tay-ninh/x.xlsx')).toBe('tay-ninh');
  });
});
