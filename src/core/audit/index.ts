/** The formula audit: rules over a workbook grid, one finding per (cell, rule), and the audit report sheet plan. */
export { auditWorkbook, countByRule, type AuditOptions } from './audit';
export { RULES, RULE_IDS, type Finding, type RuleId, type RuleInfo, type Severity } from './finding';
export { AUDIT_COLUMNS, AUDIT_SHEET, SEVERITY_LABELS, auditPlan, type AuditPlanOptions } from './plan';
export { externalWorkbooks, functionsOf, references, tokenize, type Ref, type RefPoint, type Token } from './tokens';
export { moveFormula, refR1C1, toR1C1 } from './r1c1';
