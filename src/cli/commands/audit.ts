import type { Command } from 'commander';
import type { AuditGroup, Finding } from '../../core/audit/finding';
import type { Io } from '../io';

/** One file of `phuluc audit --json`. */
export interface AuditFileJson {
  readonly file: string;
  readonly error: string | null;
  /** One entry per (cell, rule), each with its `group`. */
  readonly findings: readonly Finding[];
  /** One entry per cause, largest risk first. */
  readonly groups: readonly AuditGroup[];
}

export interface AuditJson {
  readonly files: readonly AuditFileJson[];
}

export function registerAudit(program: Command, io: Io): void {
  program
    .command('audit')
    .description('Soát công thức và số liệu đáng ngờ trong các sổ tính / audit formulas and figures')
    .argument('<paths...>', 'tệp .xlsx hoặc thư mục / .xlsx files or folders')
    .option('--json', 'in kết quả dạng JSON / print JSON')
    .action(async (paths: string[], opts: { json?: boolean }) => {
      // Loaded here: `check` and `rollup` do not need the audit rules.
      const { auditFiles, formatAudit } = await import('./audit-run');
      const files = await auditFiles(paths);
      const report: AuditJson = { files };
      for (const f of files) if (f.error) io.err(`${f.file}: ${f.error}`);
      io.out(opts.json ? JSON.stringify(report, null, 2) : formatAudit(files));
      io.setExitCode(files.some(f => f.error) ? 2 : 0);
    });
}
