/**
 * Runs the real reader and check engine on one file in a child Node process, so that its peak memory (maxRSS) and
 * time are measured alone rather than mixed with the test runner's. The sources are transpiled once, with
 * TypeScript's own transpileModule (no extra dependency, no build step), into a temporary folder the children load.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.resolve(__dirname, '..', '..', '..', 'src');

const CHILD = `
const fs = require('fs');
const { readWorkbook } = require(process.argv[1] + '/xlsx/read.js');
const { checkWorkbook } = require(process.argv[1] + '/core/check/check.js');
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
  /** Peak resident memory of the child once loaded, before reading, and at the end. */
  readonly baseRssMb: number;
  readonly maxRssMb: number;
  readonly crash?: string;
}

const IMPORT = /(?:from|require\()\s*'(\.{1,2}\/[^']+)'/g;

/** Transpiles `entry` and every module it reaches through relative imports into `outDir`, mirroring src/. */
async function transpileFrom(entries: readonly string[], outDir: string): Promise<void> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const target = path.join(outDir, path.relative(SRC, file));
    await fs.mkdir(path.dirname(target), { recursive: true });
    const text = await fs.readFile(file, 'utf8');
    if (file.endsWith('.json')) { await fs.writeFile(target, text); continue; }
    const out = ts.transpileModule(text, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, resolveJsonModule: true },
      fileName: file,
    });
    await fs.writeFile(target.replace(/\.ts$/, '.js'), out.outputText);
    for (const m of text.matchAll(IMPORT)) {
      const base = path.resolve(path.dirname(file), m[1] as string);
      for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
        const st = await fs.stat(candidate).catch(() => null);
        if (st?.isFile()) { queue.push(candidate); break; }
      }
    }
  }
}

/** Compiles the reader and the core once; `check` then runs one file in a fresh process; `cleanup` removes it all. */
export async function isolatedRunner(): Promise<{ check(file: string, timeoutMs?: number): Promise<IsolatedRead>; cleanup(): Promise<void> }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'phuluc-js-'));
  await transpileFrom([path.join(SRC, 'xlsx', 'read.ts'), path.join(SRC, 'core', 'check', 'check.ts')], root);
  return {
    check: (file, timeoutMs = 60_000) => new Promise((resolve, reject) => {
      // Resolving packages (fflate, exceljs) from the project.
      execFile(process.execPath, ['-e', CHILD, root, file],
        { cwd: path.dirname(SRC), timeout: timeoutMs, maxBuffer: 1 << 20, env: { ...process.env, NODE_PATH: path.join(path.dirname(SRC), 'node_modules') } },
        (err, stdout, stderr) => {
          if (err) { reject(new Error(`child failed: ${err.message}\n${stderr}`)); return; }
          try { resolve(JSON.parse(stdout) as IsolatedRead); } catch { reject(new Error(`bad child output: ${stdout}\n${stderr}`)); }
        });
    }),
    cleanup: () => fs.rm(root, { recursive: true, force: true }),
  };
}
