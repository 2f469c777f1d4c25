import type { IndicatorStatus } from '../check/report';
import { formatVnNumber, parseTaskProgress, type Result, type Target, type Verdict } from '../grammar';
import { fold } from '../text/fold';

/** What the judge needs to know about one indicator row, already parsed. */
export interface IndicatorFacts {
  readonly unit: string | null;
  /** The target for the period (or the row's horizon); null when the table has none for it. */
  readonly target: Target | null;
  readonly targetYear: number | null;
  /** Every milestone target of the row, for plans. */
  readonly allTargets: readonly Target[];
  readonly result: Result;
  readonly evaluation: Verdict | null;
  /** The evaluation cell says the indicator did not arise ("Không phát sinh"). */
  readonly evaluationNotApplicable: boolean;
  readonly period: number | null;
  /** No result and no evaluation column: a plan, judged only on whether it can be measured. */
  readonly isPlan: boolean;
}

export interface IndicatorJudgement {
  readonly status: IndicatorStatus;
  readonly contradiction: boolean;
  readonly reason: string;
}

const OP_SIGN = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' } as const;

/** "72,5 so với mục tiêu ≥ 90", written the way the people reading it write numbers. */
function comparison(value: number, t: Extract<Target, { kind: 'numeric' }>): string {
  return `${formatVnNumber(value)} so với mục tiêu ${OP_SIGN[t.op]} ${formatVnNumber(t.value)}`;
}

const judged = (status: IndicatorStatus, reason: string, contradiction = false): IndicatorJudgement => ({ status, contradiction, reason });

const round2 = (x: number) => Math.round(x * 100 + Number.EPSILON * Math.sign(x)) / 100;

function meets(value: number, t: Extract<Target, { kind: 'numeric' }>): boolean {
  const v = round2(value);
  const x = round2(t.value);
  switch (t.op) {
    case '>=': return v >= x;
    case '>': return v > x;
    case '<=': return v <= x;
    case '<': return v < x;
  }
}

function isReportUnit(unit: string | null): boolean {
  return unit !== null && fold(unit) === 'bao cao';
}

function isPercent(unit: string | null, target: Target | null, result: Result): boolean {
  if (unit !== null && unit.includes('%')) return true;
  if (target?.kind === 'numeric' && target.percent) return true;
  return result.kind === 'number' && result.percent;
}

function measurable(t: Target): boolean {
  return t.kind === 'numeric' || t.kind === 'binary';
}

function planJudgement(f: IndicatorFacts): IndicatorJudgement {
  const targets = f.allTargets.filter(t => t.kind !== 'none');
  if (isReportUnit(f.unit) || targets.some(t => t.kind === 'report')) return judged('manual', 'Chỉ tiêu là báo cáo: cần đánh giá thủ công');
  if (targets.length === 0) return judged('no_target', 'Chưa có mục tiêu');
  if (targets.some(measurable)) return judged('no_data', 'Kế hoạch: chưa có kết quả để đánh giá');
  return judged('manual', 'Mục tiêu định tính hoặc nhiều vế: cần đánh giá thủ công');
}

function verdictJudgement(v: Verdict, why: string): IndicatorJudgement {
  switch (v) {
    case 'met': return judged('met', `${why}: Đạt`);
    case 'not_met': return judged('not_met', `${why}: Chưa đạt`);
    case 'at_risk': return judged('at_risk', `${why}: Khó đạt`);
    case 'no_data': return judged('no_data', `${why}: Chưa đánh giá`);
  }
}

const NO_DATA_TEXT = /\b(chua co so lieu|dang cap nhat|chua cap nhat|chua thong ke|chua bao cao|chua co ket qua)\b/;

/**
 * A yes/no target ("Hoàn thành", "Đạt") against a result that says how far the work got: "Chưa triển khai" or
 * "Chưa thực hiện" has not met it; work under way has not met it yet (at risk when the target is due later).
 */
function progressJudgement(r: Result, f: IndicatorFacts): IndicatorJudgement {
  const p = r.kind === 'unreadable' ? parseTaskProgress(r.text) : null;
  const later = f.targetYear !== null && f.period !== null && f.targetYear > f.period;
  switch (p) {
    case 'done': return judged('met', 'Kết quả ghi: đã hoàn thành');
    case 'not_started': return judged('not_met', 'Kết quả ghi: chưa triển khai, chưa đạt');
    case 'in_progress': return later ? judged('at_risk', `Đang thực hiện (mục tiêu năm ${f.targetYear})`) : judged('not_met', 'Đang thực hiện, chưa đạt');
    case null: return judged('no_data', 'Chưa có kết quả');
  }
}

/** Decides an indicator's status in the order the product promises (see the README's rules). */
export function judgeIndicator(f: IndicatorFacts): IndicatorJudgement {
  const r = f.result;
  // (1) the result says the indicator did not arise in the period
  if (r.kind === 'not_applicable' || (r.kind === 'empty' && f.evaluationNotApplicable)) {
    return judged('not_applicable', 'Không phát sinh trong kỳ');
  }
  if (f.isPlan) return planJudgement(f);
  const t = f.target;
  // (2) a report to deliver
  if (isReportUnit(f.unit) || t?.kind === 'report') return judged('manual', 'Chỉ tiêu là báo cáo: cần đánh giá thủ công');
  // (3) nothing to judge against
  if (t === null || t.kind === 'none') return judged('no_target', f.period !== null ? `Chưa có mục tiêu cho năm ${f.period}` : 'Chưa có mục tiêu');
  // (4) a target only a person can judge
  if (t.kind === 'compound' || t.kind === 'descriptive') return judged('manual', 'Mục tiêu định tính hoặc nhiều vế: cần đánh giá thủ công');
  const stated = r.kind === 'verdict' ? r.verdict : f.evaluation;
  // (5) a yes/no target
  if (t.kind === 'binary') {
    if (stated === null) return progressJudgement(r, f);
    return verdictJudgement(stated, r.kind === 'verdict' ? 'Kết quả ghi' : 'Tự đánh giá');
  }
  // (6) nothing reported
  const emptyResult = r.kind === 'empty' || (r.kind === 'unreadable' && NO_DATA_TEXT.test(fold(r.text)));
  if (emptyResult && f.evaluation === null) return judged('no_data', 'Chưa có kết quả');
  // (7) a result that cannot be right
  if (r.kind === 'error') return judged('invalid', `Kết quả là lỗi ${r.code}`);
  if (r.kind === 'unreadable' && !emptyResult) return judged('invalid', `Không đọc được kết quả "${r.text.slice(0, 60)}"`);
  if (r.kind === 'number') {
    if (r.value < 0) return judged('invalid', `Kết quả âm (${formatVnNumber(r.value)})`);
    if (isPercent(f.unit, t, r) && round2(r.value) > 100) return judged('invalid', `Tỷ lệ vượt 100% (${formatVnNumber(r.value)})`);
    // (8) compare; a target due after the period is at risk, not missed
    const ok = meets(r.value, t);
    const later = f.targetYear !== null && f.period !== null && f.targetYear > f.period;
    const status: IndicatorStatus = ok ? 'met' : later ? 'at_risk' : 'not_met';
    const contradiction = f.evaluation !== null && f.evaluation !== 'no_data' && (f.evaluation === 'met') !== ok;
    const reason = ok
      ? `Đạt: ${comparison(r.value, t)}`
      : `${later ? `Có nguy cơ không đạt (mục tiêu năm ${f.targetYear})` : 'Chưa đạt'}: ${comparison(r.value, t)}`;
    return judged(status, contradiction ? `${reason}; tự đánh giá mâu thuẫn với số liệu` : reason, contradiction);
  }
  // (9) no number: the stated evaluation decides
  if (stated !== null) return verdictJudgement(stated, 'Tự đánh giá');
  return judged('no_data', 'Chưa có kết quả');
}
