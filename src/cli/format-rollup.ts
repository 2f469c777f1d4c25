import { REVIEW_LABELS } from '../core/rollup/plan-review';
import { CHANGE_KINDS, type Comparison } from '../core/rollup/compare';
import { CHANGE_LABELS } from '../core/rollup/plan-compare';
import type { ReviewKind, RollupModel } from '../core/rollup/types';

/** The readable summary of `phuluc rollup`, in Vietnamese. */
export function formatRollup(model: RollupModel, written: { file: string; sheets: readonly string[] } | null, comparison?: Comparison): string {
  const unreadable = model.communes.filter(c => c.error !== null);
  const catalog = model.indicators.filter(i => i.kind === 'catalog').length;
  const groups = model.indicators.length - catalog;
  const out = [
    `Tổng hợp: ${model.columns.length} xã, phường từ ${model.communes.length} tệp${unreadable.length > 0 ? ` (${unreadable.length} tệp không đọc được)` : ''}`,
    `Chỉ tiêu: ${catalog} theo danh mục${groups > 0 ? `, ${groups} nhóm chưa có trong danh mục` : ''}`,
  ];
  const byKind = new Map<ReviewKind, number>();
  for (const r of model.review) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
  if (byKind.size === 0) out.push('Cần xem lại: không có');
  else {
    out.push(`Cần xem lại: ${model.review.length} mục`);
    for (const [kind, n] of byKind) out.push(`  ${REVIEW_LABELS[kind]}: ${n}`);
  }
  if (comparison) {
    const n = (k: (typeof CHANGE_KINDS)[number]) => comparison.changes.filter(c => c.change === k).length;
    out.push(`So với kỳ trước: ${CHANGE_KINDS.map(k => `${CHANGE_LABELS[k]} ${n(k)}`).join(' · ')}`);
  }
  if (written) out.push(`Đã ghi ${written.file} (${written.sheets.join(', ')})`);
  return out.join('\n');
}
