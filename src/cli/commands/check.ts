import path from 'node:path';
import type { Command } from 'commander';
import { checkWorkbook, unreadableFile } from '../../core/check/check';
import type { CheckReport, FileReport } from '../../core/check/report';
import { expandPaths } from '../files';
import { formatCheck } from '../format-check';
import { loadWorkbook } from '../load';
import { parseDateOption, parsePeriodOption, type Io } from '../io';

export interface CheckCliOptions { json?: boolean; period?: number; date?: string }

/**
 * Reads and judges each file in turn (one workbook in memory at a time).
 * `exclude` holds resolved paths never to read (the rollup's own output file inside a scanned folder).
 */
export async function checkFiles(paths: readonly string[], opts: CheckCliOptions, exclude: ReadonlySet<string> = new Set()): Promise<FileReport[]> {
  const { files, missing } = await expandPaths(paths);
  const reports: FileReport[] = [];
  for (const file of files) {
    if (exclude.has(path.resolve(file))) continue;
    const loaded = await loadWorkbook(file);
    if (!loaded.ok) { reports.push(unreadableFile(file, loaded.error)); continue; }
    const report = checkWorkbook(loaded.grid, { file, ...(opts.period !== undefined ? { period: opts.period } : {}), ...(opts.date !== undefined ? { date: opts.date } : {}) });
    reports.push(loaded.notices.length > 0 ? { ...report, notices: [...loaded.notices, ...report.notices] } : report);
  }
  for (const m of missing) reports.push(unreadableFile(m, 'Không tìm thấy tệp hoặc thư mục / no such file or folder'));
  return reports;
}

export function registerCheck(program: Command, io: Io): void {
  program
    .command('check')
    .description('Kiểm tra chỉ tiêu và nhiệm vụ trong các sổ tính / judge every indicator and task')
    .argument('<paths...>', 'tệp .xlsx hoặc thư mục / .xlsx files or folders')
    .option('--json', 'in kết quả dạng JSON / print JSON')
    .option('--period <year>', 'năm đánh giá khi tiêu đề không ghi / year judged', parsePeriodOption)
    .option('--date <yyyy-mm-dd>', 'ngày báo cáo khi không ghi / report date', parseDateOption)
    .action(async (paths: string[], opts: CheckCliOptions) => {
      const files = await checkFiles(paths, opts);
      const report: CheckReport = { files };
      io.out(opts.json ? JSON.stringify(report, null, 2) : formatCheck(files));
      io.setExitCode(files.some(f => f.error) ? 2 : 0);
    });
}
