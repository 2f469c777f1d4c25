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

export function parsePeriodOption(v: string): number {
  const n = Number(v);
  if (!/^\d{4}$/.test(v) || n < 2000 || n > 2100) throw new InvalidArgumentError('năm phải có dạng YYYY / year must be YYYY');
  return n;
}

export function parseDateOption(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new InvalidArgumentError('ngày phải có dạng YYYY-MM-DD / date must be YYYY-MM-DD');
  return v;
}
