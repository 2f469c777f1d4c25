import { InvalidArgumentError } from 'commander';

/** Where the CLI writes; injected so tests can capture output and exit codes. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  setExitCode(code: number): void;
}

export const processIo: Io = {
  out: text => { process.stdout.write(text.endsWith('\n') ? text : `${text}\n`); },
  err: text => { process.stderr.write(text.endsWith('\n') ? text : `${text}\n`); },
  setExitCode: code => { process.exitCode = Math.max(Number(process.exitCode ?? 0), code); },
};

/** Years a Resolution 57 report can be about (the resolution is of 2024, its horizon 2045). */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export function parsePeriodOption(v: string): number {
  const n = Number(v);
  if (!/^\d{4}$/.test(v)) throw new InvalidArgumentError('năm phải có dạng YYYY / year must be YYYY');
  if (n < MIN_YEAR || n > MAX_YEAR) throw new InvalidArgumentError(`năm ${n} ngoài khoảng ${MIN_YEAR}–${MAX_YEAR} / year out of range ${MIN_YEAR}–${MAX_YEAR}`);
  return n;
}

export function parseDateOption(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new InvalidArgumentError('ngày phải có dạng YYYY-MM-DD / date must be YYYY-MM-DD');
  return v;
}

/** Most threads --jobs may ask for: the pool's gain stops at the cores, each thread costs its own heap. */
export const MAX_JOBS = 16;

export const JOBS_HELP = 'số luồng đọc và kiểm tra song song (mặc định: 2 khi có từ 1.000 tệp và máy còn lõi rảnh, nếu không 1) / threads reading and judging files (default: 2 from 1,000 files when a core is idle, else 1)';
export const CHECK_JOBS_HELP = 'số luồng đọc và kiểm tra song song (mặc định 1) / threads reading and judging files (default 1)';

export function parseJobsOption(v: string): number {
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > MAX_JOBS) throw new InvalidArgumentError(`phải là số nguyên từ 1 đến ${MAX_JOBS} / must be a whole number from 1 to ${MAX_JOBS}`);
  return Number(v);
}
