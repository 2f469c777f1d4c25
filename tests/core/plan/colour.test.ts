import fc from 'fast-check';
import { INDICATOR_STATUSES, TASK_STATUSES } from '../../../src/core/check/report';
import { parseArea } from '../../../src/core/grid/address';
import { indicatorResultCell, planColours, taskResultCell } from '../../../src/core/plan/colour';
import { STATUS_COLOURS } from '../../../src/core/plan/palette';
import type { FormatChange } from '../../../src/core/plan/types';
import { indicatorRow, indicatorTable, report, taskRow, taskTable } from './build-report';

/** Every cell a plan colours, as "sheet!A1" → colour. */
function expand(changes: readonly FormatChange[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of changes) {
    const a = parseArea(c.address);
    if (!a) throw new Error(`bad address ${c.address}`);
    for (let r = a.top; r <= a.bottom; r++) {
      for (let col = a.left; col <= a.right; col++) {
        const key = `${c.sheet}!${col}:${r}`;
        if (out.has(key)) throw new Error(`cell coloured twice: ${key}`);
        out.set(key, `${c.fill}/${c.fontColor}`);
      }
    }
  }
  return out;
}

describe('result cell', () => {
  it('prefers the actual, then the evaluation, the target, the name', () => {
    expect(indicatorResultCell(indicatorRow(7, 'met', { actual: 'F7', evaluation: 'G7', target: 'E7' }))).toBe('F7');
    expect(indicatorResultCell(indicatorRow(7, 'met', { evaluation: 'G7', target: 'E7' }))).toBe('G7');
    expect(indicatorResultCell(indicatorRow(7, 'manual', { target: 'E7' }))).toBe('E7');
    expect(indicatorResultCell(indicatorRow(7, 'no_target'))).toBe('B7');
    expect(taskResultCell(taskRow(9, 'done', { result: 'F9' }))).toBe('F9');
    expect(taskResultCell(taskRow(9, 'overdue'))).toBe('B9');
  });
});

describe('planColours', () => {
  it('colours each row with its status colour and merges adjacent same-colour cells', () => {
    const t = indicatorTable('PL mục tiêu', 'A5:F11', 5, [
      indicatorRow(6, 'met', { actual: 'F6' }),
      indicatorRow(7, 'met', { actual: 'F7' }),
      indicatorRow(8, 'not_met', { actual: 'F8' }),
      indicatorRow(9, 'met', { actual: 'F9' }),
      indicatorRow(11, 'met', { actual: 'F11' }),
    ]);
    const changes = planColours(report([t]));
    const met = STATUS_COLOURS.met;
    const notMet = STATUS_COLOURS.not_met;
    expect(changes).toEqual([
      { sheet: 'PL mục tiêu', address: 'F6:F7', fill: met.fill, fontColor: met.font },
      { sheet: 'PL mục tiêu', address: 'F8', fill: notMet.fill, fontColor: notMet.font },
      { sheet: 'PL mục tiêu', address: 'F9', fill: met.fill, fontColor: met.font },
      // Row 10 is not judged (a section row): no merge across it.
      { sheet: 'PL mục tiêu', address: 'F11', fill: met.fill, fontColor: met.font },
    ]);
  });

  it('colours task tables by their result cell and can keep to some sheets', () => {
    const tasks = taskTable('Nhiệm vụ', 'A3:G6', 3, [taskRow(4, 'done', { result: 'G4' }), taskRow(5, 'overdue')]);
    const inds = indicatorTable('Chỉ tiêu', 'A3:F5', 3, [indicatorRow(4, 'invalid', { actual: 'F4' })]);
    const all = planColours(report([inds, tasks]));
    expect(all.map(c => `${c.sheet}!${c.address}`)).toEqual(['Chỉ tiêu!F4', 'Nhiệm vụ!B5', 'Nhiệm vụ!G4']);
    const only = planColours(report([inds, tasks]), { sheets: ['Nhiệm vụ'] });
    expect(only.every(c => c.sheet === 'Nhiệm vụ')).toBe(true);
    expect(only.find(c => c.address === 'B5')?.fill).toBe(STATUS_COLOURS.overdue.fill);
  });

  it('covers every judged row exactly once with its status colour (property)', () => {
    const status = fc.constantFrom(...INDICATOR_STATUSES);
    const rowsArb = fc.uniqueArray(fc.record({ row: fc.integer({ min: 2, max: 400 }), status, col: fc.constantFrom('D', 'E', 'F') }), { selector: r => r.row, maxLength: 60 });
    const taskArb = fc.uniqueArray(fc.record({ row: fc.integer({ min: 2, max: 400 }), status: fc.constantFrom(...TASK_STATUSES) }), { selector: r => r.row, maxLength: 30 });
    fc.assert(fc.property(rowsArb, taskArb, (rows, tasks) => {
      const inds = indicatorTable('A', 'A1:F400', 1, rows.map(r => indicatorRow(r.row, r.status, { actual: `${r.col}${r.row}` })));
      const tt = taskTable('B', 'A1:G400', 1, tasks.map(r => taskRow(r.row, r.status, { result: `G${r.row}` })));
      const cells = expand(planColours(report([inds, tt])));
      expect(cells.size).toBe(rows.length + tasks.length);
      for (const r of rows) {
        const c = STATUS_COLOURS[r.status];
        expect(cells.get(`A!${r.col.charCodeAt(0) - 64}:${r.row}`)).toBe(`${c.fill}/${c.font}`);
      }
      for (const r of tasks) {
        const c = STATUS_COLOURS[r.status];
        expect(cells.get(`B!7:${r.row}`)).toBe(`${c.fill}/${c.font}`);
      }
    }));
  });

  it('skips unreadable addresses and colours a cell claimed twice only once', () => {
    const t = indicatorTable('S', 'A1:F9', 1, [indicatorRow(3, 'met', { actual: '??' }), indicatorRow(4, 'met', { actual: 'F4' }), indicatorRow(5, 'not_met', { actual: 'F4' })]);
    const changes = planColours(report([t]));
    expect(changes).toEqual([{ sheet: 'S', address: 'F4', fill: STATUS_COLOURS.met.fill, fontColor: STATUS_COLOURS.met.font }]);
  });
});
