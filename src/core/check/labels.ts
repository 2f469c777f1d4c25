import type { RowStatus } from './report';

/** Status names shown to people, Vietnamese first. One place for the CLI, the sheets and the pane. */
export const STATUS_LABELS: Readonly<Record<RowStatus | 'not_reported', { readonly vi: string; readonly en: string }>> = {
  met: { vi: 'Đạt', en: 'Met' },
  not_met: { vi: 'Chưa đạt', en: 'Not met' },
  at_risk: { vi: 'Có nguy cơ', en: 'At risk' },
  no_data: { vi: 'Chưa có số liệu', en: 'No data' },
  not_applicable: { vi: 'Không phát sinh', en: 'Not applicable' },
  manual: { vi: 'Đánh giá thủ công', en: 'Manual' },
  no_target: { vi: 'Chưa có mục tiêu', en: 'No target' },
  invalid: { vi: 'Số liệu sai', en: 'Invalid' },
  done: { vi: 'Hoàn thành', en: 'Done' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  not_started: { vi: 'Chưa thực hiện', en: 'Not started' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  not_reported: { vi: 'Không báo cáo', en: 'Not reported' },
};

/** Statuses a person should look at, most urgent first. */
export const NEEDS_ATTENTION: readonly RowStatus[] = ['invalid', 'not_met', 'overdue', 'at_risk', 'manual', 'not_started'];
