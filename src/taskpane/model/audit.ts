import { RULES, type Finding, type RuleId, type Severity } from '../../core/audit/finding';
import { auditGroups } from '../../core/audit/groups';
import type { Lang } from '../i18n';

export interface FindingGroup {
  /** The core's group id: one cause (an inconsistent block, a linked workbook, a mis-ranged total column). */
  readonly id: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly findings: readonly Finding[];
}

/** Findings grouped by cause, largest risk first (the core's order: errors, warnings, then notes; bigger causes first). */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const byGroup = new Map<string, Finding[]>();
  for (const f of findings) { const list = byGroup.get(f.group); if (list) list.push(f); else byGroup.set(f.group, [f]); }
  return auditGroups(findings).map(g => ({ id: g.id, rule: g.rule, severity: g.severity, findings: byGroup.get(g.id) ?? [] }));
}

/** The core writes rule titles as "Vietnamese / English": the pane shows the half of its language. */
export function ruleTitle(rule: RuleId, lang: Lang): string {
  const title = RULES[rule].title;
  const i = title.indexOf(' / ');
  if (i < 0) return title;
  return lang === 'en' ? title.slice(i + 3) : title.slice(0, i);
}
