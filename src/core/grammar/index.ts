/** The grammar of cell texts: targets, results, evaluations, task results, deadlines, periods. */
export { parseVnNumber, formatVnNumber, numbersIn, type VnNumber, type NumberSpan } from './number';
export { parseTarget, parseTargetCell, type Target, type TargetOp, type TargetWithText } from './target';
export { asRate, parseResultCell, parseResultText, isNotApplicableText, type Result } from './result';
export { parseVerdict, type Verdict } from './evaluation';
export { parseTaskProgress, type TaskProgress } from './task-result';
export { parseDeadline, type Deadline, type Recurrence } from './deadline';
export { yearsIn, parsePeriodHeader, parseReportDate, isPlaceDateLine, type PeriodHeader } from './period';
export { isoDate, endOfMonth, serialToIso, formatVnDate } from './date';
export { isDateFormat, isPercentFormat, fractionToPercent } from './format';
