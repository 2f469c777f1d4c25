/**
 * `--previous` with a last month longer than the reader's window for commune files (20,000 rows): a national rollup's
 * "Dữ liệu" sheet has ~60,000. Before, the rows past 20,000 were dropped without a word, and every value of this
 * month found there was called "newly reported".
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import type { Cell } from '../../src/core/grid/types';
import type { PlannedRow, PlanValue } from '../../src/core/plan/types';
import { communeKey } from '../../src/core/rollup/communes';
import type { RollupJson } from '../../src/core/rollup/json';
import { DATA_SHEET } from '../../src/core/rollup/plan-data';
import { readWorkbook } from '../../src/xlsx/read';
import { workbookBytes } from '../../src/xlsx/write';
import { captureIo } from '../helpers/io';
import { APRIL } from '../helpers/next-month';

jest.setTimeout(180_000);

async function rollup(args: string[]): Promise<{ json: RollupJson; code: number; stderr: string }> {
  const io = captureIo();
  await main(['rollup', ...args, '--json'], io);
  return { json: JSON.parse(io.stdout()) as RollupJson, code: io.code(), stderr: io.stderr() };
}

function value(c: Cell | undefined): PlanValue {
  if (!c) return { t: 'empty' };
  switch (c.v.t) {
    case 's': return { t: 's', s: c.v.s };
    case 'n': return { t: 'n', n: c.v.n };
    default: return { t: 'empty' };
  }
}

const FILLER = 25_000;

it('reads all of a last month longer than 20,000 rows, and compares this month with it', async () => {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'phuluc-previous-long-'));
  try {
    const aprilOut = path.join(tmp, 'thang-4.xlsx');
    const april = await rollup([APRIL, '-o', aprilOut]);
    expect(april.code).toBe(0);
    const read = await readWorkbook(new Uint8Array(await fs.readFile(aprilOut)));
    if (!read.ok) throw new Error(read.error);
    const data = read.grid.sheets.find(s => s.name === DATA_SHEET);
    const [header, ...rows] = data?.rows ?? [];
    if (!header) throw new Error('no Dữ liệu header');
    const status = header.findIndex(c => c?.v.t === 's' && c.v.s === 'Mã trạng thái');
    // April's own rows come last, after 25,000 rows of communes that do not report this month.
    const planned = function* (): Generator<PlannedRow> {
      yield header.map((c, i) => ({ row: 1, col: i + 1, value: value(c) }));
      for (let r = 0; r < FILLER; r++) {
        const filler = header.map((_, i) => ({ row: r + 2, col: i + 1, value: value(rows[0]?.[i]) }));
        (filler[0] as { value: PlanValue }).value = { t: 's', s: `Xã Đệm ${r}` };
        yield filler;
      }
      let at = FILLER + 2;
      for (const row of rows) {
        const n = at++;
        yield header.map((_, i) => ({ row: n, col: i + 1, value: value(row?.[i]) }));
      }
    };
    const previous = path.join(tmp, 'thang-4-dai.xlsx');
    await fs.writeFile(previous, workbookBytes([{ name: DATA_SHEET, rows: planned }]).bytes);

    const r = await rollup([APRIL, '--previous', previous, '-o', path.join(tmp, 'thang-4-lai.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/--previous/);
    const aprilCommunes = new Set(april.json.communes.map(c => communeKey(c.name)));
    const ours = (r.json.changes ?? []).filter(c => aprilCommunes.has(communeKey(c.commune)));
    expect(status).toBeGreaterThan(0);
    expect(ours.length).toBeGreaterThan(400);
    // The same month against itself: nothing new, nothing changed.
    expect(ours.filter(c => c.change !== 'unchanged')).toEqual([]);
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
});
