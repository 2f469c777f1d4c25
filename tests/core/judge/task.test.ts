import { parseDeadline, parseTaskProgress } from '../../../src/core/grammar';
import { judgeTask } from '../../../src/core/judge/task';

const task = (result: string, deadline: string, reportDate: string | null, hasResultColumn = true) =>
  judgeTask({ hasResultColumn, resultText: result, progress: parseTaskProgress(result), deadline: parseDeadline(deadline), reportDate }).status;

describe('judgeTask', () => {
  it('reads progress words', () => {
    expect(task('Đã hoàn thành', '', null)).toBe('done');
    expect(task('Đang triển khai thực hiện', '', null)).toBe('in_progress');
    expect(task('Chưa thực hiện', '', null)).toBe('not_started');
    expect(task('', '', null)).toBe('no_data');
    expect(task('', '7/2025', '2026-04-24', false)).toBe('no_data');
  });

  it('is overdue when the deadline passed before the report date and the task is not done', () => {
    expect(task('Chưa thực hiện', '7/2025', '2026-04-24')).toBe('overdue');
    expect(task('Đang thực hiện', 'Quý I/2026', '2026-04-24')).toBe('overdue');
    expect(task('Đã hoàn thành', '7/2025', '2026-04-24')).toBe('done');
    expect(task('Chưa thực hiện', 'Tháng 12/2026', '2026-04-24')).toBe('not_started');
    expect(task('Chưa thực hiện', 'Hàng năm', '2026-04-24')).toBe('not_started');
    expect(task('Chưa thực hiện', '7/2025', null)).toBe('not_started');
  });
});
