/**
 * A stated evaluation ("Đạt" / "Chưa đạt") that contradicts what the row's figures give against its target. The
 * judging is the check engine's (its rows carry `contradiction`); the audit only reports the rows where the computed
 * status is a clear met / not met and the stated verdict says the opposite.
 */
import { parseVerdict, type Verdict } from '../../grammar/evaluation';
import type { IndicatorRowJson } from '../../check/report';
import type { AuditContext } from '../context';
import { formatNumber } from '../view';
import { finding, type Finding } from '../finding';

const SAYS: Readonly<Record<'met' | 'not_met', string>> = { met: 'Đạt', not_met: 'Chưa đạt' };

function opposite(status: IndicatorRowJson['status'], stated: Verdict | null): status is 'met' | 'not_met' {
  return (status === 'met' && (stated === 'not_met' || stated === 'at_risk')) || (status === 'not_met' && stated === 'met');
}

function message(row: IndicatorRowJson, status: 'met' | 'not_met', cell: string): string {
  const shownActual = row.actual ? (row.actual.value !== null && /^-?\d+(\.\d+)?$/.test(row.actual.text) ? formatNumber(row.actual.value) : row.actual.text) : '';
  const actual = row.actual ? `kết quả ${shownActual}${row.cells.actual ? ` (${row.cells.actual})` : ''}` : 'kết quả';
  const target = row.target ? `mục tiêu ${row.target.text}${row.cells.target ? ` (${row.cells.target})` : ''}` : 'mục tiêu';
  const verdict = status === 'met' ? 'đạt' : 'chưa đạt';
  return `Ô ${cell} tự đánh giá "${row.evaluation ?? ''}" nhưng ${actual} so với ${target} là ${verdict}. `
    + `Hãy sửa thành "${SAYS[status]}" hoặc kiểm tra lại số liệu / the stated evaluation contradicts the result against the target`;
}

export function evaluationRules(ctx: AuditContext): Finding[] {
  const report = ctx.report;
  if (!report) return [];
  const out: Finding[] = [];
  for (const table of report.tables) {
    if (table.kind !== 'indicators' || table.sheet !== ctx.view.sheet.name) continue;
    const hits: { row: IndicatorRowJson; status: 'met' | 'not_met'; cell: string }[] = [];
    let stated = 0;
    for (const row of table.rows) {
      const verdict = row.evaluation === null ? null : parseVerdict(row.evaluation);
      if (verdict === 'met' || verdict === 'not_met') stated++;
      const cell = row.cells.evaluation;
      if (!row.contradiction || cell === null) continue;
      const status = row.status;
      if (!opposite(status, verdict)) continue;
      // A share above 100% (or a count read as the result) gives no trustworthy verdict to contradict.
      if (/^%/.test(row.unit?.trim() ?? '') && (row.actual?.value ?? 0) > 100) continue;
      hits.push({ row, status, cell });
    }
    // When most stated verdicts disagree, the columns were more likely misread than the report wrong.
    if (hits.length >= 3 && hits.length * 2 > stated) continue;
    for (const h of hits) out.push(finding(table.sheet, h.cell, 'evaluation-contradiction', message(h.row, h.status, h.cell), null));
  }
  return out;
}
