/**
 * The work of `phuluc audit`, loaded only when that command runs (the audit rules are not needed by check or rollup).
 */
import { auditWorkbook, countByRule } from '../../core/audit/audit';
import { RULES, type Finding } from '../../core/audit/finding';
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
    out.push(loaded.ok
      ? { file, error: null, findings: auditWorkbook(loaded.grid, { file }) }
      : { file, error: loaded.error, findings: [] });
  }
  for (const m of missing) out.push({ file: m, error: 'Không tìm thấy tệp hoặc thư mục / no such file or folder', findings: [] });
  return out;
}

function where(f: Finding): string {
  return `${f.sheet}!${f.cell}`;
}

/** The readable summary of `phuluc audit`, in Vietnamese: per file, findings grouped by rule with counts. */
export function formatAudit(files: readonly AuditFileJson[]): string {
  const out: string[] = [];
  for (const f of files) {
    out.push(`■ ${f.file}`);
    if (f.error) { out.push(`  ✗ ${f.error}`, ''); continue; }
    if (f.findings.length === 0) { out.push('  ✓ Không phát hiện vấn đề nào.', ''); continue; }
    const cells = new Set(f.findings.map(where)).size;
    out.push(`  ${f.findings.length} phát hiện trên ${cells} ô`);
    for (const { rule, count } of countByRule(f.findings)) {
      const info = RULES[rule];
      out.push(`  ${SEVERITY_LABELS[info.severity]} — ${info.title.split(' / ')[0] ?? info.title}: ${count}`);
      for (const x of f.findings.filter(y => y.rule === rule)) {
        // The English gloss follows the last " / "; the summary is in Vietnamese.
        const cut = x.message.lastIndexOf(' / ');
        const message = cut > 0 ? x.message.slice(0, cut) : x.message;
        out.push(`    ${where(x).padEnd(14)} ${message}`);
      }
    }
    out.push('');
  }
  const read = files.filter(f => !f.error);
  const total = read.reduce((n, f) => n + f.findings.length, 0);
  out.push(`Đã soát ${read.length}/${files.length} tệp; ${total} phát hiện.`);
  return out.join('\n');
}
