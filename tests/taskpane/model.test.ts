import { checkWorkbook } from '../../src/core/check/check';
import { NEEDS_ATTENTION } from '../../src/core/check/labels';
import { planColours } from '../../src/core/plan/colour';
import { columnChoices, hasOverride, roleColumn, withOverride, withoutOverride } from '../../src/taskpane/model/columns';
import { cellCount, statusColumnPlans } from '../../src/taskpane/model/plans';
import { attentionItems, statusCounts } from '../../src/taskpane/model/summary';
import { sampleGrid } from './sample';

const report = () => checkWorkbook(sampleGrid(), { file: 'phu-thinh.xlsx' });

describe('statusCounts', () => {
  it('counts every judged row once, indicators and tasks apart', () => {
    const r = report();
    const c = statusCounts(r);
    const rows = r.tables.flatMap(t => t.rows.map(x => ({ kind: t.kind, status: x.status })));
    expect(c.indicators.reduce((n, x) => n + x.count, 0)).toBe(rows.filter(x => x.kind === 'indicators').length);
    expect(c.tasks.reduce((n, x) => n + x.count, 0)).toBe(rows.filter(x => x.kind === 'tasks').length);
    for (const { status, count } of c.indicators) {
      expect(count).toBe(rows.filter(x => x.kind === 'indicators' && x.status === status).length);
    }
    expect(c.indicators.every(x => x.count > 0)).toBe(true);
  });
});

describe('attentionItems', () => {
  it('lists the flagged rows most urgent first with the cell to select', () => {
    const items = attentionItems(report());
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) expect(NEEDS_ATTENTION.includes(i.status) || i.contradiction).toBe(true);
    const ranks = items.map(i => NEEDS_ATTENTION.indexOf(i.status));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    const notMet = items.find(i => i.status === 'not_met');
    expect(notMet).toMatchObject({ sheet: 'PL mục tiêu', cell: 'E5' });
  });

  it('leaves met and done rows out', () => {
    const statuses = attentionItems(report()).map(i => i.status);
    expect(statuses).not.toContain('met');
    expect(statuses).not.toContain('done');
  });
});

describe('column roles', () => {
  it('offers every column of the table with its header text', () => {
    const grid = sampleGrid();
    const t = checkWorkbook(grid, { file: 'x.xlsx' }).tables[0]!;
    const choices = columnChoices(t, grid);
    expect(choices.map(c => c.letter)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(choices[3]?.label).toBe('Mục tiêu năm 2026');
    expect(roleColumn(t, 'target')).toBe(4);
  });

  it('an override moves a role, and checkWorkbook honours it', () => {
    const grid = sampleGrid();
    const t = checkWorkbook(grid, { file: 'x.xlsx' }).tables[0]!;
    const list = withOverride([], t, 'actual', null);
    expect(hasOverride(list, t)).toBe(true);
    const again = checkWorkbook(grid, { file: 'x.xlsx', overrides: list }).tables[0]!;
    expect(roleColumn(again, 'actual')).toBeNull();
    const twice = withOverride(list, t, 'unit', 3);
    expect(twice).toHaveLength(1);
    expect(twice[0]?.columns).toEqual({ actual: null, unit: 3 });
    expect(withoutOverride(twice, t)).toEqual([]);
  });
});

describe('plans', () => {
  it('counts the cells a colour plan paints', () => {
    const r = report();
    const rows = r.tables.reduce((n, t) => n + t.rows.length, 0);
    expect(cellCount(planColours(r))).toBe(rows);
  });

  it('has one status column per table, in the language asked', () => {
    const { plans, existing } = statusColumnPlans(report(), 'en', sampleGrid());
    expect(plans.map(p => p.sheet)).toEqual(['PL mục tiêu', 'PL nhiệm vụ']);
    expect(plans[0]?.cells[0]?.value).toBe('Status');
    expect(existing).toEqual([]);
  });

  it('never plans a second status column beside one written before', () => {
    const grid = sampleGrid();
    const first = statusColumnPlans(checkWorkbook(grid, { file: 'x.xlsx' }), 'vi', grid).plans[0]!;
    // The workbook after the first write: the column holds the header and a status per row.
    const sheet = grid.sheets[0]!;
    const rows = sheet.rows.map(r => (r ? [...r] : []));
    for (const c of first.cells) {
      const at = /^([A-Z]+)(\d+)$/.exec(c.address)!;
      rows[Number(at[2]) - 1]![at[1]!.charCodeAt(0) - 65] = { v: { t: 's', s: c.value } };
    }
    const written = { sheets: [{ ...sheet, rows, colCount: sheet.colCount + 1 }, grid.sheets[1]!] };
    const again = statusColumnPlans(checkWorkbook(written, { file: 'x.xlsx' }), 'vi', written);
    expect(again.existing).toEqual([`PL mục tiêu!${first.column}`]);
    expect(again.plans.map(p => p.sheet)).toEqual(['PL nhiệm vụ']);
  });
});
