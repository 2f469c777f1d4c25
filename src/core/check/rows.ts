import { blockCell as cellAt, blockText as textAt } from '../recognize/block';
import { cellAddress } from '../grid/address';
import type { Cell, SheetGrid } from '../grid/types';
import {
  asRate, isNotApplicableText, parseDeadline, parseResultCell, parseTargetCell, parseTaskProgress, parseVerdict,
  type Result, type Target,
} from '../grammar';
import { judgeIndicator } from '../judge/indicator';
import { judgeTask } from '../judge/task';
import type { RecognizedRow, RecognizedTable } from '../recognize/table';
import { isPlanTable, milestoneFor } from './period';
import type { ActualJson, DeadlineJson, IndicatorRowJson, TargetJson, TaskRowJson } from './report';

function targetJson(t: Target & { text: string }, year: number | null): TargetJson {
  switch (t.kind) {
    case 'numeric': return { text: t.text, op: t.op, value: t.value, year, kind: 'numeric' };
    case 'binary': case 'compound': case 'descriptive': case 'report': case 'none':
      return { text: t.text, op: null, value: null, year, kind: t.kind };
  }
}

function actualJson(r: Result): ActualJson | null {
  switch (r.kind) {
    case 'empty': return null;
    case 'number': return { text: r.text, value: r.value };
    case 'not_applicable': case 'verdict': case 'error': case 'unreadable': return { text: r.text, value: null };
  }
}

const addr = (row: number, col: number | undefined) => (col === undefined ? null : cellAddress(row, col));
const textOrNull = (s: string) => (s === '' ? null : s);

interface TargetChoice { readonly col: number | undefined; readonly year: number | null }

/** Where the row's target for the judged year stands. */
function chooseTarget(t: RecognizedTable, r: RecognizedRow, period: number | null): TargetChoice {
  const c = t.columns;
  if (c.target !== undefined) return { col: c.target, year: c.targetYear ?? r.horizon ?? period };
  if (c.milestones.length > 0 && period !== null) {
    const m = milestoneFor(c.milestones, period);
    return { col: m?.col, year: m?.year ?? null };
  }
  return { col: undefined, year: r.horizon ?? period };
}

/** "19/20 thôn" is a rate (95%) where the indicator is a percentage, the count 19 otherwise. */
function rateWhereDue(r: Result, unit: string | null, target: Target | null): Result {
  if (r.kind !== 'number' || r.of === undefined) return r;
  const percent = (unit !== null && unit.includes('%')) || (target?.kind === 'numeric' && target.percent);
  return percent ? asRate(r) : { kind: 'number', value: r.value, percent: false, text: r.text };
}

export function indicatorRow(sheet: SheetGrid, t: RecognizedTable, r: RecognizedRow, period: number | null): IndicatorRowJson {
  const c = t.columns;
  const plan = isPlanTable(t);
  const judgedPeriod = plan ? null : period;
  const choice = chooseTarget(t, r, judgedPeriod);
  const cellOf = (col: number | undefined): Cell | undefined => (col === undefined ? undefined : cellAt(sheet, r.row, col));
  const target = choice.col !== undefined ? parseTargetCell(cellOf(choice.col)) : null;
  const milestones = c.milestones.map(m => ({ year: m.year, col: m.col, target: parseTargetCell(cellOf(m.col)) }));
  const allTargets = c.target !== undefined || milestones.length === 0 ? (target ? [target] : []) : milestones.map(m => m.target);
  // What the row shows as its target: the judged one, or for a plan with milestones its final one (the "Đích").
  const shown = target && choice.col !== undefined
    ? { target, year: choice.year, col: choice.col }
    : [...milestones].sort((a, b) => b.year - a.year).find(m => m.target.kind !== 'none') ?? null;

  const evalText = c.evaluation !== undefined ? textAt(sheet, r.row, c.evaluation) : '';
  const unit = c.unit !== undefined ? textOrNull(textAt(sheet, r.row, c.unit)) : null;
  const result = rateWhereDue(parseResultCell(cellOf(c.actual)), unit, target);
  const j = judgeIndicator({
    unit,
    target,
    targetYear: choice.year,
    allTargets,
    result,
    evaluation: parseVerdict(evalText),
    evaluationNotApplicable: isNotApplicableText(evalText),
    period: judgedPeriod,
    isPlan: plan,
  });
  return {
    row: r.row,
    code: r.code.replace(/[.)]$/, ''),
    section: r.section,
    name: r.name,
    unit,
    target: shown ? targetJson(shown.target, shown.year) : null,
    actual: actualJson(result),
    evaluation: textOrNull(evalText),
    status: j.status,
    contradiction: j.contradiction,
    cells: {
      name: cellAddress(r.row, c.name),
      target: addr(r.row, shown?.col),
      actual: addr(r.row, c.actual),
      evaluation: addr(r.row, c.evaluation),
    },
    reason: j.reason,
  };
}

export function taskRow(sheet: SheetGrid, t: RecognizedTable, r: RecognizedRow, reportDate: string | null): TaskRowJson {
  const c = t.columns;
  // The result column says how far the task got; an evaluation column ("Hoàn thành") speaks when it is empty.
  const actualText = c.actual !== undefined ? textAt(sheet, r.row, c.actual) : '';
  const evalText = c.evaluation !== undefined ? textAt(sheet, r.row, c.evaluation) : '';
  const resultCol = actualText === '' && evalText !== '' ? c.evaluation : c.actual ?? c.evaluation;
  const resultText = actualText !== '' ? actualText : evalText;
  const deadlineText = c.deadline !== undefined ? textAt(sheet, r.row, c.deadline) : '';
  const deadline = parseDeadline(deadlineText, c.deadline !== undefined ? cellAt(sheet, r.row, c.deadline) : undefined);
  const j = judgeTask({
    hasResultColumn: resultCol !== undefined,
    resultText,
    progress: parseTaskProgress(resultText),
    deadline,
    reportDate,
  });
  const deadlineJson: DeadlineJson | null = deadlineText === '' ? null : {
    text: deadlineText,
    due: deadline.kind === 'date' ? deadline.due : null,
    recurring: deadline.kind === 'recurring',
  };
  return {
    row: r.row,
    code: r.code.replace(/[.)]$/, ''),
    section: r.section,
    name: r.name,
    deadline: deadlineJson,
    result: textOrNull(resultText),
    status: j.status,
    cells: { name: cellAddress(r.row, c.name), result: addr(r.row, resultCol), deadline: addr(r.row, c.deadline) },
    reason: j.reason,
  };
}

