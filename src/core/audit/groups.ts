/**
 * Findings gathered by cause: the cells of one inconsistent block, of one linked workbook, of one mis-ranged total
 * column share a group id, so an auditor reads one entry per cause instead of one per cell. Groups come largest risk
 * first: likely mistakes (errors, then warnings) before sheet properties (info), and within a severity the causes
 * that touch more cells first.
 */
import { RULES, RULE_IDS, type AuditGroup, type Finding, type Severity } from './finding';

const WEIGHT: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** The risk of a cause: severity first, then the number of cells (capped so severity always dominates). */
export function riskOf(severity: Severity, cells: number): number {
  return WEIGHT[severity] * 100000 + Math.min(cells, 99999);
}

function listCells(cells: readonly string[]): string {
  return cells.length <= 6 ? cells.join(', ') : `${cells.slice(0, 6).join(', ')}… (+${cells.length - 6})`;
}

function groupMessage(members: readonly Finding[], cells: readonly string[]): string {
  const first = members[0];
  if (!first) return '';
  if (members.length === 1) return first.message;
  const title = RULES[first.rule].title;
  const cut = title.lastIndexOf(' / ');
  const vi = cut > 0 ? title.slice(0, cut) : title;
  const en = cut > 0 ? title.slice(cut + 3) : title;
  return `${vi}: ${cells.length} ô cùng một nguyên nhân (${listCells(cells)}). Ví dụ: ${first.message.split(' / ')[0] ?? first.message}`
    + ` / ${en}: ${cells.length} cells of one cause`;
}

/** One entry per group id, largest risk first (ties: rule order, then the first cell's place in the workbook order of `findings`). */
export function auditGroups(findings: readonly Finding[]): AuditGroup[] {
  const byId = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byId.get(f.group);
    if (list) list.push(f); else byId.set(f.group, [f]);
  }
  const ruleOrder = new Map(RULE_IDS.map((r, i) => [r, i]));
  const firstIndex = new Map<string, number>();
  findings.forEach((f, i) => { if (!firstIndex.has(f.group)) firstIndex.set(f.group, i); });
  const out: AuditGroup[] = [];
  for (const [id, members] of byId) {
    const first = members[0];
    if (!first) continue;
    const cells = [...new Set(members.map(f => `${f.sheet}!${f.cell}`))];
    // A group is as severe as its most severe member.
    const severity = members.reduce<Severity>((s, f) => (WEIGHT[f.severity] > WEIGHT[s] ? f.severity : s), 'info');
    out.push({ id, rule: first.rule, severity, cells, message: groupMessage(members, cells), risk: riskOf(severity, cells.length) });
  }
  return out.sort((a, b) => b.risk - a.risk
    || (ruleOrder.get(a.rule) ?? 0) - (ruleOrder.get(b.rule) ?? 0)
    || (firstIndex.get(a.id) ?? 0) - (firstIndex.get(b.id) ?? 0));
}

/** Cells counted apart: likely mistakes (error / warning) and sheet properties (info). */
export function severityCounts(findings: readonly Finding[]): { mistakes: number; info: number } {
  const mistakes = new Set<string>();
  const info = new Set<string>();
  for (const f of findings) (f.severity === 'info' ? info : mistakes).add(`${f.sheet}!${f.cell}`);
  for (const k of mistakes) info.delete(k);
  return { mistakes: mistakes.size, info: info.size };
}
