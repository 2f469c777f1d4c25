/**
 * Status colours shared by every view (sheet plans, the task pane, the CLI workbook).
 * met / not_met / at_risk are Excel's own Good / Bad / Neutral styles so officials recognise them;
 * the other statuses get muted, mutually distinct colours so they never read as a verdict.
 */
import type { IndicatorStatus, TaskStatus } from '../check/report';

export interface StatusColour {
  /** RGB hex without '#'. */
  readonly fill: string;
  readonly font: string;
}

export type PaletteStatus = IndicatorStatus | TaskStatus | 'not_reported';

export const STATUS_COLOURS: Readonly<Record<PaletteStatus, StatusColour>> = {
  met: { fill: 'C6EFCE', font: '006100' },
  not_met: { fill: 'FFC7CE', font: '9C0006' },
  at_risk: { fill: 'FFEB9C', font: '9C5700' },
  no_data: { fill: 'F2F2F2', font: '595959' },
  not_applicable: { fill: 'DDEBF7', font: '1F4E78' },
  manual: { fill: 'E4DFEC', font: '5B4A7A' },
  no_target: { fill: 'EDEDED', font: '7F7F7F' },
  invalid: { fill: 'F8CBAD', font: '833C0B' },
  not_reported: { fill: 'FFFFFF', font: 'A6A6A6' },
  // Tasks reuse the verdict colours: done reads as met, overdue as not met, in progress as at risk.
  done: { fill: 'C6EFCE', font: '006100' },
  overdue: { fill: 'FFC7CE', font: '9C0006' },
  in_progress: { fill: 'FFEB9C', font: '9C5700' },
  not_started: { fill: 'F2F2F2', font: '595959' },
};

/** Vietnamese labels of the statuses, for legends and the rollup sheets. */
export const STATUS_LABELS: Readonly<Record<PaletteStatus, string>> = {
  met: 'Đạt',
  not_met: 'Chưa đạt',
  at_risk: 'Có nguy cơ',
  no_data: 'Chưa có số liệu',
  not_applicable: 'Không áp dụng',
  manual: 'Cần đánh giá thủ công',
  no_target: 'Không có chỉ tiêu',
  invalid: 'Số liệu không hợp lệ',
  not_reported: 'Không báo cáo',
  done: 'Hoàn thành',
  in_progress: 'Đang thực hiện',
  not_started: 'Chưa thực hiện',
  overdue: 'Quá hạn',
};
