import { STATUS_LABELS } from '../../../src/core/check/labels';
import { STATUS_COLOURS } from '../../../src/core/plan/palette';
import { planStatusColumn } from '../../../src/core/plan/status-column';
import { indicatorRow, indicatorTable, taskRow, taskTable } from './build-report';

describe('planStatusColumn', () => {
  it('targets the first column right of the table, header first, one labelled cell per row', () => {
    const t = indicatorTable('PL', 'A5:H9', 5, [indicatorRow(8, 'not_met'), indicatorRow(6, 'met'), indicatorRow(7, 'manual')]);
    const plan = planStatusColumn(t);
    expect(plan?.sheet).toBe('PL');
    expect(plan?.column).toBe('I');
    expect(plan?.cells.map(c => c.address)).toEqual(['I5', 'I6', 'I7', 'I8']);
    expect(plan?.cells[0]).toEqual({ address: 'I5', value: 'Trạng thái' });
    expect(plan?.cells[1]).toEqual({ address: 'I6', value: STATUS_LABELS.met.vi, fill: STATUS_COLOURS.met.fill, fontColor: STATUS_COLOURS.met.font });
    expect(plan?.cells[3]?.value).toBe(STATUS_LABELS.not_met.vi);
  });

  it('speaks English on request and handles task tables past column Z', () => {
    const t = taskTable('NV', 'C3:Z5', 3, [taskRow(4, 'overdue'), taskRow(5, 'done')]);
    const plan = planStatusColumn(t, 'en');
    expect(plan?.column).toBe('AA');
    expect(plan?.cells.map(c => c.value)).toEqual(['Status', 'Overdue', 'Done']);
  });

  it('returns null for an unreadable range', () => {
    expect(planStatusColumn(indicatorTable('X', 'nonsense', 1, []))).toBeNull();
  });
});
