/**
 * "So với kỳ trước": per indicator the communes meeting it last month and now with the changes counted, then per
 * commune and indicator what changed (filterable: "Mới đạt", "Không còn đạt", "Ngừng báo cáo" …).
 */
import { rowsFromCells } from '../plan/rows';
import type { SheetPlan } from '../plan/types';
import type { ChangeKind, Comparison, StatusValue } from './compare';
import { CHANGE_KINDS } from './compare';
import { CellSink, HEADER_STYLE, TITLE_STYLE, num, statusLabel, statusStyle, text } from './plan-cells';
import type { CountStatus, RollupModel } from './types';

export const COMPARE_SHEET = 'So với kỳ trước';
export const COMPARE_HEADER_ROW = 4;

export const CHANGE_LABELS: Readonly<Record<ChangeKind, string>> = {
  newly_met: 'Mới đạt', newly_not_met: 'Không còn đạt', improved: 'Tiến bộ', worsened: 'Giảm',
  unchanged: 'Không đổi', newly_reported: 'Mới báo cáo', stopped_reporting: 'Ngừng báo cáo',
};

/** The colour a change reads in: gains like "met", losses like "not met". */
const CHANGE_LOOK: Readonly<Record<ChangeKind, CountStatus>> = {
  newly_met: 'met', newly_not_met: 'not_met', improved: 'at_risk', worsened: 'invalid',
  unchanged: 'no_data', newly_reported: 'not_applicable', stopped_reporting: 'not_reported',
};

export const COMPARE_COLUMNS = ['STT', 'Chỉ tiêu', 'Xã đạt kỳ trước', 'Xã đạt kỳ này', 'Chênh lệch',
  ...CHANGE_KINDS.map(k => CHANGE_LABELS[k]), 'Mã chỉ tiêu'] as const;
export const CHANGE_COLUMNS = ['Xã, phường', 'Chỉ tiêu', 'Thay đổi', 'Kỳ trước', 'Giá trị kỳ trước', 'Kỳ này', 'Giá trị kỳ này', 'Mã chỉ tiêu'] as const;

function status(s: CellSink, r: number, c: number, v: StatusValue | null): void {
  if (!v) { s.put(r, c, text(statusLabel('not_reported')), statusStyle('not_reported')); return; }
  s.put(r, c, text(statusLabel(v.status)), statusStyle(v.status));
  s.put(r, c + 1, num(v.value), { numFmt: '#,##0.0##' });
}

export function comparePlan(comparison: Comparison, model: RollupModel): SheetPlan {
  const s = new CellSink();
  const names = new Map(comparison.indicators.map(i => [i.indicator, i.name] as const));
  for (const ind of model.indicators) names.set(ind.key, ind.name);
  const total = (k: ChangeKind): number => comparison.changes.filter(c => c.change === k).length;
  s.put(1, 1, text('SO VỚI KỲ TRƯỚC / COMPARED WITH LAST MONTH'), TITLE_STYLE);
  s.put(2, 1, text(CHANGE_KINDS.filter(k => k !== 'unchanged').map(k => `${CHANGE_LABELS[k]}: ${total(k)}`).join(' · ')));
  COMPARE_COLUMNS.forEach((label, i) => {
    const kind = CHANGE_KINDS[i - 5];
    s.put(COMPARE_HEADER_ROW, i + 1, text(label), kind ? statusStyle(CHANGE_LOOK[kind], HEADER_STYLE) : HEADER_STYLE);
  });
  comparison.indicators.forEach((ind, i) => {
    const r = COMPARE_HEADER_ROW + 1 + i;
    s.put(r, 1, num(i + 1));
    s.put(r, 2, text(names.get(ind.indicator) ?? ind.name), { wrap: true });
    s.put(r, 3, num(ind.metBefore));
    s.put(r, 4, num(ind.metAfter));
    s.put(r, 5, num(ind.metAfter - ind.metBefore), { numFmt: '+0;-0;0' });
    CHANGE_KINDS.forEach((k, j) => s.put(r, 6 + j, num(ind.changes[k])));
    s.put(r, COMPARE_COLUMNS.length, text(ind.indicator));
  });

  const detailHeader = COMPARE_HEADER_ROW + comparison.indicators.length + 3;
  s.put(detailHeader - 1, 1, text('CHI TIẾT THEO XÃ, PHƯỜNG / PER COMMUNE'), TITLE_STYLE);
  s.header(detailHeader, CHANGE_COLUMNS);
  comparison.changes.forEach((c, i) => {
    const r = detailHeader + 1 + i;
    s.put(r, 1, text(c.commune));
    s.put(r, 2, text(names.get(c.indicator) ?? c.indicator), { wrap: true });
    s.put(r, 3, text(CHANGE_LABELS[c.change]), statusStyle(CHANGE_LOOK[c.change]));
    status(s, r, 4, c.before);
    status(s, r, 6, c.after);
    s.put(r, 8, text(c.indicator));
  });
  return {
    name: COMPARE_SHEET,
    rows: rowsFromCells(s.cells),
    columnWidths: [22, 60, 14, 14, 14, 14, 14, 10, 10, 10, 12, 14, 24],
    freezeRows: COMPARE_HEADER_ROW,
  };
}
