/**
 * Runs the real reader and check engine on one file in a child Node process, so its peak memory (maxRSS) and time are measured
 * alone rather than mixed with the test runner's. The child loads the TypeScript sources through TypeScript's own
 * transpileModule (no extra dependency, no build step).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

const CHILD = `
const fs = require('fs');
const ts = require('typescript');
require.extensions['.ts'] = (m, file) => {
  const out = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: file,
  });
  m._compile(out.outputText, file);
};
const { readWorkbook } = require(process.argv[1] + '/xlsx/read.ts');
const { checkWorkbook } = require(process.argv[1] + '/core/check/check.ts');
(async () => {
  const bytes = new Uint8Array(fs.readFileSync(process.argv[2]));
  const before = process.resourceUsage().maxRSS;
  const now = () => Number(process.hrtime.bigint()) / 1e6;
  const t0 = now();
  const r = await readWorkbook(bytes);
  const readMs = now() - t0;
  const sheets = r.ok ? r.grid.sheets.map(s => ({ name: s.name, rowCount: s.rowCount, colCount: s.colCount })) : [];
  const t1 = now();
  const report = r.ok ? checkWorkbook(r.grid, { file: process.argv[2] }) : null;
  const checkMs = now() - t1;
  process.stdout.write(JSON.stringify({
    ok: r.ok, error: r.ok ? null : r.error, truncated: r.ok ? r.truncated ?? [] : [], sheets,
    tables: report ? report.tables.map(t => ({ sheet: t.sheet, range: t.range, rows: t.rows.length, lastRow: Math.max(0, ...t.rows.map(x => x.row)) })) : [],
    notices: report ? report.notices : [],
    readMs, checkMs, baseRssMb: before / 1024, maxRssMb: process.resourceUsage().maxRSS / 1024,
  }));
})().catch(e => { process.stdout.write(JSON.stringify({ crash: String(e && e.stack || e) })); });
`;

export interface IsolatedRead {
  readonly ok: boolean;
  readonly error: string | null;
  readonly truncated: readonly { sheet: string; keptRows: number; keptCols: number; lastRow: number; lastCol: number }[];
  readonly sheets: readonly { name: string; rowCount: number; colCount: number }[];
  /** The tables checkWorkbook found (none when the file was refused). */
  readonly tables: readonly { sheet: string; range: string; rows: number; lastRow: number }[];
  readonly notices: readonly { code: string; message: string }[];
  /** Time spent in readWorkbook and in checkWorkbook. */
  readonly readMs: number;
  readonly checkMs: number;
  /** Peak resident memory of the child before reading (Node + TypeScript loaded) and at the end. */
  readonly baseRssMb: number;
  readonly maxRssMb: number;
  readonly crash?: string;
}

/** Reads and checks `file` in a fresh Node process. */
export function checkIsolated(file: string, timeoutMs = 40_000): Promise<IsolatedRead> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', CHILD, path.join(ROOT, 'src'), file],
      { cwd: ROOT, timeout: timeoutMs, maxBuffer: 1 << 20 },
      (err, stdout, stderr) => {
        if (err) { reject(new Error(`child failed: ${err.message}\n${stderr}`)); return; }
        try { resolve(JSON.parse(stdout) as IsolatedRead); } catch { reject(new Error(`bad child output: ${stdout}\n${stderr}`)); }
      });
  });
}
