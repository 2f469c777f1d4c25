/**
 * The one status vocabulary of the product: each status's name in Vietnamese and English, a one-line meaning and its
 * colours. The pane, the CLI, coloured copies, the status column, the rollup sheets and the audit all read it here.
 *
 * Colours are chosen so they stay apart on screen and on a greyscale printout (checked in
 * tests/core/status/vocabulary.test.ts): CIEDE2000 ≥ 10 between any two fills of one kind of table, lightness L* at
 * least 6 apart (what a black-and-white printer keeps), and text at least 4.5:1 against its fill (WCAG AA). Nine
 * distinct greys cannot also be 10 ΔE00 apart (neutral greys need ΔL* ≈ 16 near white), so print relies on L*.
 * Tasks reuse the verdict colours: done reads as met, overdue as not met, in progress as at risk.
 */
import type { IndicatorStatus, RowStatus, TaskStatus } from '../check/report';

export type Status = RowStatus | 'not_reported';
export type Lang = 'vi' | 'en';

export interface StatusColour {
  /** RGB hex without '#'. */
  readonly fill: string;
  readonly font: string;
}

export interface StatusTerm extends StatusColour {
  readonly vi: string;
  readonly en: string;
  /** What the status means, for legends. */
  readonly meaning: { readonly vi: string; readonly en: string };
}

const MET: StatusColour = { fill: '94C67E', font: '143614' };
const NOT_MET: StatusColour = { fill: 'B00000', font: 'FFFFFF' };
const AT_RISK: StatusColour = { fill: 'FFE48A', font: '5C3D00' };
const NO_DATA: StatusColour = { fill: 'CFCFCF', font: '262626' };
const NO_TARGET: StatusColour = { fill: '6A6A6A', font: 'FFFFFF' };

export const STATUS: Readonly<Record<Status, StatusTerm>> = {
  met: { ...MET, vi: 'Đạt', en: 'Met', meaning: { vi: 'Kết quả đạt mục tiêu', en: 'The result reaches the target' } },
  not_met: { ...NOT_MET, vi: 'Chưa đạt', en: 'Not met', meaning: { vi: 'Kết quả chưa đạt mục tiêu', en: 'The result falls short of the target' } },
  at_risk: { ...AT_RISK, vi: 'Có nguy cơ', en: 'At risk', meaning: { vi: 'Chưa đạt, mục tiêu thuộc năm sau', en: 'Short of a target due in a later year' } },
  no_data: { ...NO_DATA, vi: 'Chưa có số liệu', en: 'No data', meaning: { vi: 'Chưa ghi kết quả', en: 'No result written' } },
  not_applicable: { fill: '84A9DA', font: '0B2A4A', vi: 'Không phát sinh', en: 'Not applicable',
    meaning: { vi: 'Chỉ tiêu không phát sinh ở đơn vị', en: 'The indicator did not arise here' } },
  manual: { fill: '9270BC', font: '0D0618', vi: 'Đánh giá thủ công', en: 'Manual assessment',
    meaning: { vi: 'Mục tiêu mô tả hoặc báo cáo: người đánh giá', en: 'A descriptive or report target: a person judges' } },
  no_target: { ...NO_TARGET, vi: 'Chưa có mục tiêu', en: 'No target', meaning: { vi: 'Không có mục tiêu cho kỳ này', en: 'No target for this period' } },
  invalid: { fill: 'D7762C', font: '1F0E00', vi: 'Số liệu không hợp lệ', en: 'Invalid figure',
    meaning: { vi: 'Lỗi, âm, trên 100% hoặc không đọc được: không tính vào thống kê', en: 'Error, negative, over 100% or unreadable: left out of statistics' } },
  not_reported: { fill: 'FFFFFF', font: '6F6F6F', vi: 'Không báo cáo', en: 'Not reported', meaning: { vi: 'Xã không báo cáo chỉ tiêu này', en: 'The commune did not report it' } },
  done: { ...MET, vi: 'Hoàn thành', en: 'Done', meaning: { vi: 'Nhiệm vụ đã hoàn thành', en: 'The task is done' } },
  in_progress: { ...AT_RISK, vi: 'Đang thực hiện', en: 'In progress', meaning: { vi: 'Nhiệm vụ đang làm, chưa quá hạn', en: 'Under way, not overdue' } },
  not_started: { ...NO_TARGET, vi: 'Chưa thực hiện', en: 'Not started', meaning: { vi: 'Nhiệm vụ chưa bắt đầu', en: 'The task has not started' } },
  overdue: { ...NOT_MET, vi: 'Quá hạn', en: 'Overdue', meaning: { vi: 'Quá hạn mà chưa hoàn thành', en: 'Past its deadline and not done' } },
};

/** Statuses an indicator cell of a rollup can show, in legend order. */
export const INDICATOR_LEGEND: readonly (IndicatorStatus | 'not_reported')[] =
  ['met', 'not_met', 'at_risk', 'no_data', 'not_applicable', 'manual', 'no_target', 'invalid', 'not_reported'];
/** Statuses of task rows, in legend order. */
export const TASK_LEGEND: readonly TaskStatus[] = ['done', 'in_progress', 'not_started', 'overdue', 'no_data'];

export function statusName(status: Status, lang: Lang = 'vi'): string {
  return STATUS[status][lang];
}

/** "Đạt / Met": both languages, Vietnamese first, for sheets read by people of either. */
export function statusNameBoth(status: Status): string {
  const t = STATUS[status];
  return `${t.vi} / ${t.en}`;
}
