/**
 * The formula audit: every rule over every sheet, one finding per (cell, rule). Where a specific rule explains a
 * cell, the generic ones it implies are dropped (a circular total is not also "a total missing cells"; an error
 * whose cause is an empty denominator is not also "reads an empty cell"), so each finding is worth a look.
 */
import { checkWorkbook } from '../check/check';
import type { FileReport } from '../check/report';
import { normalizeWorkbookText } from '../text/normalize-grid';
import { parseCellAddress } from '../grid/address';
import type { WorkbookGrid } from '../grid/types';
import type { AuditContext } from './context';
import { RULE_IDS, type Finding, type RuleId } from './finding';
import { emptyRefRules } from './rules/empty-refs';
import { errorValues } from './rules/errors';
import { evaluationRules } from './rules/evaluation';
import { linkRules } from './rules/links';
import { percentRules } from './rules/percent';
import { runRules } from './rules/run-rules';
import { textNumberRules } from './rules/text-numbers';
import { totalRules } from './rules/totals';
import { makeView } from './view';
import { formulaCells } from './workbook';

export interface AuditOptions {
  /**
   * The check report of the same workbook: its judged rows let the audit compare stated evaluations.
   * Omitted: the audit runs the check itself; null: no evaluation rule.
   */
  readonly report?: FileReport | null;
  /** File name, passed to the check when the audit runs it. */
  readonly file?: string;
}

/** The check engine's judgement of the rows, or null if it cannot give one (never fails the audit). */
function reportOf(book: WorkbookGrid, options: AuditOptions): FileReport | null {
  if (options.report !== undefined) return options.report;
  try {
    return checkWorkbook(book, { file: options.file ?? '' });
  } catch {
    return null;
  }
}

/** On one cell, the rule on the left makes the rules on the right redundant. */
const SUPERSEDES: Readonly<Partial<Record<RuleId, readonly RuleId[]>>> = {
  'circular-reference': ['total-range', 'empty-reference', 'inconsistent-formula', 'hard-coded'],
  'error-value': ['empty-reference', 'text-number-used'],
  'total-range': ['inconsistent-formula'],
  'constant-in-formula': ['inconsistent-formula'],
};

function dedupe(findings: readonly Finding[]): Finding[] {
  const byCell = new Map<string, Map<RuleId, Finding>>();
  for (const f of findings) {
    const key = `${f.sheet}\u0000${f.cell}`;
    const rules = byCell.get(key) ?? new Map<RuleId, Finding>();
    if (!rules.has(f.rule)) rules.set(f.rule, f);
    byCell.set(key, rules);
  }
  const out: Finding[] = [];
  for (const rules of byCell.values()) {
    const dropped = new Set<RuleId>();
    for (const rule of rules.keys()) for (const d of SUPERSEDES[rule] ?? []) dropped.add(d);
    for (const [rule, f] of rules) if (!dropped.has(rule)) out.push(f);
  }
  return out;
}

function sortFindings(findings: Finding[], book: WorkbookGrid): Finding[] {
  const sheetOrder = new Map(book.sheets.map((s, i) => [s.name, i]));
  const ruleOrder = new Map(RULE_IDS.map((r, i) => [r, i]));
  const pos = (f: Finding): [number, number] => {
    const p = parseCellAddress(f.cell);
    return p ? [p.row, p.col] : [0, 0];
  };
  return findings.sort((a, b) => {
    const [ar, ac] = pos(a);
    const [br, bc] = pos(b);
    return (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || ar - br || ac - bc
      || (ruleOrder.get(a.rule) ?? 0) - (ruleOrder.get(b.rule) ?? 0);
  });
}

/** Every finding of a workbook, in sheet, row, column, rule order. Never throws on user data. */
export function auditWorkbook(source: WorkbookGrid, options: AuditOptions = {}): Finding[] {
  // Labels in legacy encodings (TCVN3, VNI) are read as Unicode, like the check does; addresses do not change.
  const book = normalizeWorkbookText(source).grid;
  const report = reportOf(source, options);
  const formulas = formulaCells(book);
  const all: Finding[] = [];
  for (const sheet of book.sheets) {
    const ctx: AuditContext = { book, view: makeView(sheet, book), formulas, report };
    all.push(
      ...errorValues(ctx), ...totalRules(ctx), ...runRules(ctx), ...textNumberRules(ctx), ...emptyRefRules(ctx),
      ...linkRules(ctx), ...percentRules(ctx), ...evaluationRules(ctx),
    );
  }
  return sortFindings(dedupe(all), book);
}

/** Findings per rule, in rule order, only the rules that fired. */
export function countByRule(findings: readonly Finding[]): { rule: RuleId; count: number }[] {
  return RULE_IDS.map(rule => ({ rule, count: findings.filter(f => f.rule === rule).length })).filter(x => x.count > 0);
}
