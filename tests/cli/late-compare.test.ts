/**
 * "So với kỳ trước" when the comparison thread fails: last month is read again here and the sheet written from the
 * same plan the in-thread path makes (the thread itself is tested as whole processes, tests/cli/pool.test.ts).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildRollup } from '../../src/core/rollup/build';
import { changeTotals, compareMonths } from '../../src/core/rollup/compare';
import { rollupPlans } from '../../src/core/rollup/plan';
import { COMPARE_SHEET } from '../../src/core/rollup/plan-compare';
import { snapshotOfModel } from '../../src/core/rollup/previous';
import { planCells } from '../../src/core/plan/rows';
import { streamPlansToFile } from '../../src/xlsx/stream-plans';
import type { CompareThread } from '../../src/cli/compare-thread';
import { lateComparison } from '../../src/cli/late-compare';
import { readPreviousFile } from '../../src/cli/previous-file';
import { file } from '../core/rollup/build-report';

const NAME = 'Tỷ lệ phủ sóng 5G trên địa bàn xã';
const month = (an: number, binh: number) => buildRollup({ files: [
  file('an.xlsx', 'An Bình', [{ row: 6, name: NAME, status: an >= 90 ? 'met' : 'not_met', actual: an, target: { op: '>=', value: 90 } }]),
  file('binh.xlsx', 'Bình Minh', [{ row: 6, name: NAME, status: binh >= 90 ? 'met' : 'not_met', actual: binh, target: { op: '>=', value: 90 } }]),
] });

let tmp: string;
beforeAll(async () => { tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'phuluc-late-')); });
afterAll(async () => { await fs.rm(tmp, { recursive: true, force: true }); });

describe('lateComparison', () => {
  it('makes the sheet here, from last month read again, when the thread fails', async () => {
    const april = path.join(tmp, 'april.xlsx');
    expect((await streamPlansToFile(rollupPlans(month(80, 95)), april)).ok).toBe(true);
    const may = month(92, 85);
    let closed = false;
    const failing: CompareThread = {
      read: Promise.resolve({ ok: true, lines: [] }),
      compare: () => Promise.resolve({ error: 'thread gone' }),
      close: () => { closed = true; },
    };
    const late = lateComparison(failing, may, april, {});
    const made = await late.sheet.sheet;
    expect(closed).toBe(true);
    expect(made.kind).toBe('plan');
    const read = await readPreviousFile(april);
    if (!read.ok) throw new Error(read.messages.join());
    const comparison = compareMonths(read.snapshot, snapshotOfModel(may), may.indicators.map(i => i.key));
    const expected = rollupPlans(may, undefined, comparison).find(p => p.name === COMPARE_SHEET);
    expect(expected).toBeDefined();
    expect([...planCells(made.plan)]).toEqual([...planCells(expected!)]);
    expect(made.plan.autoFilter).toBe(expected!.autoFilter);
    expect(await late.totals).toEqual(changeTotals(comparison.changes));
    expect((await late.totals).newly_met + (await late.totals).newly_not_met).toBe(2);
  });
});
