/**
 * Statistics on the public province, which holds invalid figures (over 100 %, error values): none of them may
 * enter a count of met, a share, a minimum, median or maximum, and each must be a review item with its source.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkWorkbook } from '../../../src/core/check/check';
import type { FileReport } from '../../../src/core/check/report';
import { buildRollup } from '../../../src/core/rollup/build';
import { rollupPlans } from '../../../src/core/rollup/plan';
import { DATA_SHEET } from '../../../src/core/rollup/plan-data';
import type { RollupModel } from '../../../src/core/rollup/types';
import { FIXTURES, readFixture } from '../../helpers/fixtures';
import { cellsOf, valueAt } from '../../helpers/plan-cells';

jest.setTimeout(60_000);

let reports: FileReport[];
let model: RollupModel;
beforeAll(async () => {
  const dir = path.join(FIXTURES, 'province-2026-04');
  const files = (await fs.readdir(dir)).filter(f => f.endsWith('.xlsx')).sort();
  reports = [];
  for (const f of files) reports.push(checkWorkbook(await readFixture(path.join(dir, f)), { file: f }));
  model = buildRollup({ files: reports });
});

describe('honest statistics', () => {
  it('the province has invalid figures to test with, some numeric over 100 %', () => {
    const invalid = model.indicators.flatMap(i => i.values.filter(v => v.status === 'invalid'));
    expect(invalid.length).toBeGreaterThanOrEqual(5);
    expect(invalid.some(v => (v.actual?.value ?? 0) > 100)).toBe(true);
  });

  it('min, median and max are taken over the valid figures of the commune columns only', () => {
    for (const ind of model.indicators) {
      const valid = ind.byColumn.filter(v => v !== null && v.status !== 'invalid')
        .map(v => v?.actual?.value).filter((n): n is number => typeof n === 'number').sort((a, b) => a - b);
      expect(ind.min).toBe(valid.length ? valid[0] : null);
      expect(ind.max).toBe(valid.length ? valid[valid.length - 1] : null);
      const invalidNumbers = ind.byColumn.filter(v => v?.status === 'invalid').map(v => v?.actual?.value).filter((n): n is number => typeof n === 'number');
      for (const n of invalidNumbers) if (!valid.includes(n)) {
        expect(ind.max === n || ind.min === n || ind.median === n).toBe(false);
      }
    }
    // The budget-share-like case of the issue: fiber_to_hamlets has 117 and 111 (invalid), its maximum is a real rate.
    const fiber = model.indicators.find(i => i.key === 'fiber_to_hamlets');
    expect(fiber?.max).not.toBeNull();
    expect(fiber?.max ?? 999).toBeLessThanOrEqual(100);
  });

  it('the share met leaves invalid figures out of its denominator', () => {
    for (const ind of model.indicators) {
      const c = ind.counts;
      const judged = c.met + c.not_met + c.at_risk + c.no_data + c.manual + c.no_target;
      expect(ind.shareMet).toBe(judged === 0 ? null : c.met / judged);
    }
  });

  it('lists every invalid figure for review with its reason and source cell', () => {
    const counted = model.indicators.flatMap(i => i.values.filter(v => v.status === 'invalid' && v.counted).map(v => ({ i, v })));
    for (const { i, v } of counted) {
      expect(model.review).toContainEqual({
        kind: 'invalid_value', commune: v.commune, file: v.file, sheet: v.sheet, cell: v.cell, key: i.key,
        indicatorName: i.name, written: v.actual?.text ?? '', reason: v.reason,
      });
      expect(v.reason.length).toBeGreaterThan(0);
    }
    expect(model.review.filter(r => r.kind === 'invalid_value')).toHaveLength(counted.length);
  });

  it('marks invalid rows "Được tính: Không" in Dữ liệu', () => {
    const data = rollupPlans(model).find(p => p.name === DATA_SHEET);
    if (!data) throw new Error('no data sheet');
    const headerCol = (label: string): number => cellsOf(data).find(c => c.row === 1 && c.value.t === 's' && c.value.s === label)?.col ?? -1;
    const statusCol = headerCol('Mã trạng thái'), countedCol = headerCol('Được tính');
    const rows = new Set(cellsOf(data).filter(c => c.row > 1).map(c => c.row));
    let invalid = 0;
    for (const r of rows) {
      if (valueAt(data, r, statusCol) === 'invalid') { invalid++; expect(valueAt(data, r, countedCol)).toBe('Không'); }
    }
    expect(invalid).toBeGreaterThanOrEqual(5);
  });
});
