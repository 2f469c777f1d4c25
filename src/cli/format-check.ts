import { NEEDS_ATTENTION, STATUS_LABELS } from '../core/check/labels';
import type { FileReport, IndicatorRowJson, RowStatus, TableJson, TaskRowJson } from '../core/check/report';
import { indicatorResultCell, taskResultCell } from '../core/plan/colour';

function counts(t: TableJson): Map<RowStatus, number> {
  const m = new Map<RowStatus, number>();
  for (const r of t.rows) m.set(r.status, (m.get(r.status) ?? 0) + 1);
  return m;
}

function attentionLines(t: TableJson): string[] {
  const lines: string[] = [];
  for (const r of t.rows) {
    const flagged = NEEDS_ATTENTION.includes(r.status) || ('contradiction' in r && r.contradiction);
    if (!flagged) continue;
    const cell = t.kind === 'indicators' ? indicatorResultCell(r as IndicatorRowJson) : taskResultCell(r as TaskRowJson);
    const name = r.name.length > 70 ? `${r.name.slice(0, 67)}…` : r.name;
    lines.push(`    ${cell.padEnd(6)} ${STATUS_LABELS[r.status].vi.padEnd(18)} ${name} — ${r.reason}`);
  }
  return lines;
}

/** One file's part of the readable summary. */
export function formatFileReport(f: FileReport): string {
  const out: string[] = [`■ ${f.file}`];
  if (f.error) return [...out, `  ✗ ${f.error}`, ''].join('\n');
  const meta = [f.commune ? `Đơn vị: ${f.commune}` : null, f.period ? `Kỳ: ${f.period}` : null,
    f.reportDate ? `Ngày báo cáo: ${f.reportDate}` : null, f.encoding !== 'unicode' ? `Bảng mã: ${f.encoding}` : null].filter(Boolean);
  if (meta.length) out.push(`  ${meta.join(' · ')}`);
  for (const n of f.notices) out.push(`  ! ${n.sheet ? `${n.sheet}${n.cell ? `!${n.cell}` : ''}: ` : ''}${n.message}`);
  for (const t of f.tables) {
    const kind = t.kind === 'indicators' ? 'Chỉ tiêu' : 'Nhiệm vụ';
    out.push(`  ${kind} — trang "${t.sheet}" ${t.range}, ${t.rows.length} dòng${t.period ? `, năm ${t.period}` : ' (kế hoạch)'}`);
    out.push(`    ${[...counts(t)].map(([st, n]) => `${STATUS_LABELS[st].vi}: ${n}`).join(' · ')}`);
    const lines = attentionLines(t);
    if (lines.length) out.push('    Cần xem lại:', ...lines);
  }
  out.push('');
  return out.join('\n');
}

export function readCountLine(read: number, total: number): string {
  return `Đã đọc ${read}/${total} tệp.`;
}
