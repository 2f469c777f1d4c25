import { countByRule } from '../../core/audit/audit';
import { RULES, type Finding, type RuleId, type Severity } from '../../core/audit/finding';
import type { Lang } from '../i18n';

export interface FindingGroup {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly findings: readonly Finding[];
}

/** Findings grouped by rule, in the core's rule order (most serious first). */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  return countByRule(findings).map(({ rule }) => ({
    rule, severity: RULES[rule].severity, findings: findings.filter(f => f.rule === rule),
  }));
}

/** The core writes rule titles as "Vietnamese / English": the pane shows the half of its language. */
export function ruleTitle(rule: RuleId, lang: Lang): string {
  const title = RULES[rule].title;
  const i = title.indexOf(' / ');
  if (i < 0) return title;
  return lang === 'en' ? title.slice(i + 3) : title.slice(0, i);
}
