/**
 * The work of `phuluc audit`, loaded only when that command runs (the audit rules are not needed by check or rollup).
 */
import { auditWorkbook } from '../../core/audit/audit';
import { RULES } from '../../core/audit/finding';
import { auditGroups, severityCounts } from '../../core/audit/groups';
import { SEVERITY_LABELS } from '../../core/audit/plan';
import { expandPaths } from '../files';
import { loadWorkbook } from '../load';
import type { AuditFileJson } from './audit';

/** Reads and audits each file in turn (one workbook in memory at a time). */
export async function auditFiles(paths: readonly string[]): Promise<AuditFileJson[]> {
  const { files, missing } = await expandPaths(paths);
  const out: AuditFileJson[] = [];
  for (const file of files) {
    const loaded = await loadWorkbook(file);
    if (loaded.ok) {
      const findings = auditWorkbook(loaded.grid, { file });
      out.push({ file, error: null, findings, groups: auditGroups(findings) });
    } else out.push({ file, error: loaded.error, findings: [], groups: [] });
  }
  for (const m of missing) out.push({ file: m, error: 'Không tìm thấy tệp hoặc thư mục / no such file or folder', findings: [], groups: [] });
  return out;
}

function vietnamese(message: string): string {
  // The English gloss follows the last " / "; the summary is in Vietnamese.
  const cut = message.lastIndexOf(' / ');
  return cut > 0 ? message.slice(0, cut) : message;
}

/**
 * The readable summary of `phuluc audit`, in Vietnamese: per file, the causes largest risk first (likely mistakes,
 * then sheet properties counted apart), each with its cells.
 */
export function formatAudit(files: readonly AuditFileJson[]): string {
  const out: string[] = [];
  for (const f of files) {
    out.push(`■ ${f.file}`);
    if (f.error) { out.push('  ✗ xem lỗi ở stderr / see stderr', ''); continue; }
    if (f.findings.length === 0) { out.push('  ✓ Không phát hiện vấn đề nào.', ''); continue; }
    const counts = severityCounts(f.findings);
    out.push(`  ${f.groups.length} nhóm phát hiện: ${counts.mistakes} ô có thể sai (lỗi/cảnh báo), ${counts.info} ô cần lưu ý`);
    for (const g of f.groups) {
      const title = RULES[g.rule].title.split(' / ')[0] ?? RULES[g.rule].title;
      out.push(`  ${SEVERITY_LABELS[g.severity]} — ${title} (${g.cells.length} ô)`);
      for (const x of f.findings.filter(y => y.group === g.id)) out.push(`    ${`${x.sheet}!${x.cell}`.padEnd(14)} ${vietnamese(x.message)}`);
    }
    out.push('');
  }
  const read = files.filter(f => !f.error);
  const total = read.reduce((n, f) => n + f.findings.length, 0);
  const groups = read.reduce((n, f) => n + f.groups.length, 0);
  out.push(`Đã soát ${read.length}/${files.length} tệp; ${total} phát hiện trong ${groups} nhóm.`);
  return out.join('\n');
}
