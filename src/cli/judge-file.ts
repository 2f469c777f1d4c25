import { checkWorkbook, unreadableFile } from '../core/check/check';
import type { FileReport } from '../core/check/report';
import { loadWorkbook } from './load';

/** What judging a file depends on besides the file: plain data, so it can be posted to a worker thread. */
export interface JudgeOptions { readonly period?: number; readonly date?: string }

/** Reads, normalises, recognises and judges one workbook: the per-file work `check` and `rollup` share. */
export async function judgeFile(file: string, opts: JudgeOptions): Promise<FileReport> {
  const loaded = await loadWorkbook(file);
  if (!loaded.ok) return unreadableFile(file, loaded.error);
  const report = checkWorkbook(loaded.grid, { file, ...(opts.period !== undefined ? { period: opts.period } : {}), ...(opts.date !== undefined ? { date: opts.date } : {}) });
  return loaded.notices.length > 0 ? { ...report, notices: [...loaded.notices, ...report.notices] } : report;
}
