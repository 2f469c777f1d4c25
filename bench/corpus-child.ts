/**
 * One workbook of a corpus, in its own process: `node corpus-child.js <file>`. Prints two JSON lines:
 * 1. the product's work on it (read, then check and audit as the CLI runs them): ok or refused with the reason,
 *    `ms` and the peak memory `rssMB` at that point;
 * 2. a cell-by-cell comparison of the streaming reader's grid with a plain exceljs read of the same file.
 * The first line is written before exceljs starts, so a hang or crash inside exceljs does not hide it.
 */
import { readFileSync } from 'node:fs';
import { auditWorkbook } from '../src/core/audit';
import { checkWorkbook } from '../src/core/check/check';
import type { Cell, Scalar, WorkbookGrid } from '../src/core/grid/types';
import { normalizeWorkbookText } from '../src/core/text';
import { nodeInflate } from '../src/cli/load';
import { readWorkbook } from '../src/xlsx/read';

export interface ProductLine {
  readonly kind: 'product';
  readonly status: 'ok' | 'refused';
  readonly reason?: string;
  readonly ms: number;
  /** CPU time of the work (user + system), steadier than wall time on a busy machine. */
  readonly cpuMs: number;
  readonly rssMB: number;
  readonly cells: number;
  /** Cells the text normalisation decoded from TCVN3/VNI, and the workbook's verdict. */
  readonly converted: number;
  readonly encoding: string;
  readonly notices: readonly string[];
  readonly sample?: readonly string[];
}

export interface CompareLine {
  readonly kind: 'compare';
  readonly status: 'ok' | 'exceljs-failed' | 'skipped';
  readonly reason?: string;
  readonly same: number;
  readonly differ: number;
  readonly onlyReader: number;
  readonly onlyExceljs: number;
  /** exceljs cells whose text is "[object Object]" (values it did not understand). */
  readonly objectObject: number;
  readonly examples: readonly string[];
}

function emit(line: ProductLine | CompareLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function countCells(g: WorkbookGrid): number {
  let n = 0;
  for (const s of g.sheets) for (const r of s.rows) if (r) for (const c of r) if (c) n++;
  return n;
}

function sameScalar(a: Scalar, b: Scalar): boolean {
  if (a.t === 'n' && b.t === 'n') return a.n === b.n || Math.abs(a.n - b.n) <= 1e-9 * Math.max(1, Math.abs(a.n));
  if (a.t === 's' && b.t === 's') return a.s === b.s;
  if (a.t === 'b' && b.t === 'b') return a.b === b.b;
  if (a.t === 'e' && b.t === 'e') return a.e === b.e;
  return false;
}

function show(c: Cell | undefined): string {
  if (!c) return '∅';
  const v = c.v;
  const s = v.t === 'n' ? String(v.n) : v.t === 's' ? JSON.stringify(v.s.slice(0, 40)) : v.t === 'b' ? String(v.b) : v.e;
  return c.f !== undefined ? `=${c.f.slice(0, 40)} → ${s}` : s;
}

function compare(fast: WorkbookGrid, other: WorkbookGrid): CompareLine {
  let same = 0, differ = 0, onlyReader = 0, onlyExceljs = 0, objectObject = 0;
  const examples: string[] = [];
  const byName = new Map(other.sheets.map(s => [s.name, s]));
  const note = (s: string) => { if (examples.length < 5) examples.push(s); };
  for (const a of fast.sheets) {
    const b = byName.get(a.name);
    const rows = Math.max(a.rows.length, b?.rows.length ?? 0);
    for (let r = 0; r < rows; r++) {
      const ra = a.rows[r];
      const rb = b?.rows[r];
      const cols = Math.max(ra?.length ?? 0, rb?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        const x = ra?.[c];
        const y = rb?.[c];
        if (y?.v.t === 's' && y.v.s.includes('[object Object]')) objectObject++;
        if (!x && !y) continue;
        const at = `${a.name}!R${r + 1}C${c + 1}`;
        if (!y) { onlyReader++; note(`${at} reader ${show(x)} exceljs ∅`); continue; }
        if (!x) { onlyExceljs++; note(`${at} reader ∅ exceljs ${show(y)}`); continue; }
        if (sameScalar(x.v, y.v) && (x.f ?? '') === (y.f ?? '')) same++;
        else { differ++; note(`${at} reader ${show(x)} exceljs ${show(y)}`); }
      }
    }
  }
  return { kind: 'compare', status: 'ok', same, differ, onlyReader, onlyExceljs, objectObject, examples };
}

async function main(file: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  const t = performance.now();
  const cpu = process.cpuUsage();
  const r = await readWorkbook(bytes, { inflateRaw: nodeInflate });
  let line: ProductLine;
  if (!r.ok) {
    line = { kind: 'product', status: 'refused', reason: r.error, ms: 0, cpuMs: 0, rssMB: 0, cells: 0, converted: 0, encoding: '', notices: [] };
  } else {
    const report = checkWorkbook(r.grid, { file });
    auditWorkbook(r.grid);
    const norm = normalizeWorkbookText(r.grid);
    const sample: string[] = [];
    if (norm.converted > 0) {
      // A few decoded texts, so a false detection can be seen at a glance.
      for (let si = 0; si < r.grid.sheets.length && sample.length < 3; si++) {
        const before = r.grid.sheets[si];
        const after = norm.grid.sheets[si];
        before?.rows.forEach((row, ri) => row?.forEach((c, ci) => {
          const d = after?.rows[ri]?.[ci];
          if (sample.length < 3 && c?.v.t === 's' && d?.v.t === 's' && c.v.s.normalize('NFC') !== d.v.s) sample.push(`${c.v.s.slice(0, 30)} → ${d.v.s.slice(0, 30)}`);
        }));
      }
    }
    line = {
      kind: 'product', status: 'ok', ms: 0, cpuMs: 0, rssMB: 0, cells: countCells(r.grid), converted: norm.converted, encoding: norm.encoding,
      notices: [...report.notices.map(n => n.code), ...(r.truncated ?? []).map(() => 'truncated'), ...(r.notices ?? []).map(n => n.code)],
      ...(sample.length > 0 ? { sample } : {}),
    };
  }
  const used = process.cpuUsage(cpu);
  emit({ ...line, ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, rssMB: process.resourceUsage().maxRSS / 1024 });
  if (!r.ok) {
    emit({ kind: 'compare', status: 'skipped', same: 0, differ: 0, onlyReader: 0, onlyExceljs: 0, objectObject: 0, examples: [] });
    return;
  }
  const other = await readWorkbook(bytes, { reader: 'exceljs' });
  if (!other.ok) {
    emit({ kind: 'compare', status: 'exceljs-failed', reason: other.error.slice(0, 160), same: 0, differ: 0, onlyReader: 0, onlyExceljs: 0, objectObject: 0, examples: [] });
    return;
  }
  emit(compare(r.grid, other.grid));
}

main(process.argv[2] ?? '').catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
});
