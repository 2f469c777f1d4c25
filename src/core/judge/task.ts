import type { TaskStatus } from '../check/report';
import type { Deadline } from '../grammar';

export interface TaskFacts {
  /** Whether the table has a result column at all (a report rather than a plan). */
  readonly hasResultColumn: boolean;
  readonly resultText: string;
  readonly progress: 'done' | 'in_progress' | 'not_started' | null;
  readonly deadline: Deadline;
  /** ISO date of the report, when known. */
  readonly reportDate: string | null;
}

export interface TaskJudgement {
  readonly status: TaskStatus;
  readonly reason: string;
}

/** A task is overdue when its deadline passed before the report date and it is not done. */
export function judgeTask(f: TaskFacts): TaskJudgement {
  const due = f.deadline.kind === 'date' ? f.deadline.due : null;
  const late = due !== null && f.reportDate !== null && due < f.reportDate;
  if (!f.hasResultColumn || f.resultText === '') {
    return { status: 'no_data', reason: late ? `Chưa có kết quả; hạn ${due} đã qua` : 'Chưa có kết quả' };
  }
  switch (f.progress) {
    case 'done': return { status: 'done', reason: 'Đã hoàn thành' };
    case 'in_progress': return late ? { status: 'overdue', reason: `Quá hạn ${due}, đang thực hiện` } : { status: 'in_progress', reason: 'Đang thực hiện' };
    case 'not_started': return late ? { status: 'overdue', reason: `Quá hạn ${due}, chưa thực hiện` } : { status: 'not_started', reason: 'Chưa thực hiện' };
    case null: return late ? { status: 'overdue', reason: `Quá hạn ${due}` } : { status: 'no_data', reason: 'Không đọc được kết quả' };
  }
}
