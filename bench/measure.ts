/**
 * What one child process measures. Each measurement runs in a fresh process so its peak memory (maxRSS) is its own;
 * the child prints one JSON line: the figures and `rssMB`.
 */
import { promises as fs, readFileSync } from 'node:fs';
import { checkWorkbook, unreadableFile } from '../src/core/check/check';
import type { FileReport } from '../src/core/check/report';
import { recognizeSheet } from '../src/core/recognize/tables';
import { buildRollup, rollupPlans } from '../src/core/rollup';
import { normalizeWorkbookText } from '../src/core/text';
import { nodeInflate } from '../src/cli/load';
import { PartMemo } from '../src/xlsx/fast/part-memo';
import { readWorkbook } from '../src/xlsx/read';
import { streamPlansToFile } from '../src/xlsx/stream-plans';

export { floor, workbooks } from './floor';

/** A plain exceljs read of every file, as a script built on exceljs would start. Returns the sheet count. */
export async function exceljsRead(files: readonly string[]): Promise<number> {
  const ExcelJS = (await import('exceljs')).default;
  let sheets = 0;
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
    sheets += wb.worksheets.length;
  }
  return sheets;
}

/** The product's reader (streaming, exceljs fallback) on every file, as the CLI reads: Node's zlib, one part memo. Returns the cell count. */
export async function productRead(files: readonly string[]): Promise<number> {
  let cells = 0;
  const memo = new PartMemo();
  for (const f of files) {
    const r = await readWorkbook(new Uint8Array(readFileSync(f)), { inflateRaw: nodeInflate, memo });
    if (r.ok) for (const s of r.grid.sheets) for (const row of s.rows) if (row) for (const c of row) if (c) cells++;
  }
  return cells;
}

export interface Stages {
  read: number;
  recognize: number;
  judge: number;
  match: number;
  write: number;
  total: number;
  files: number;
  unreadable: number;
}

/**
 * The rollup pipeline of `phuluc rollup`, timed stage by stage: read (bytes → grid), recognize (text normalisation
 * and table finding), judge (the rest of checkWorkbook: its time minus a separate run of the recognition), match
 * (catalog matching and the rollup model), write (sheet plans pulled and written by our writer into `output`).
 */
export async function rollupStages(files: readonly string[], output: string): Promise<Stages> {
  const s: Stages = { read: 0, recognize: 0, judge: 0, match: 0, write: 0, total: 0, files: files.length, unreadable: 0 };
  const reports: FileReport[] = [];
  const memo = new PartMemo();
  const t0 = performance.now();
  for (const file of files) {
    let t = performance.now();
    const r = await readWorkbook(new Uint8Array(readFileSync(file)), { inflateRaw: nodeInflate, memo });
    s.read += performance.now() - t;
    if (!r.ok) { s.unreadable++; reports.push(unreadableFile(file, r.error)); continue; }
    t = performance.now();
    const normal = normalizeWorkbookText(r.grid).grid;
    for (const sheet of normal.sheets) recognizeSheet(sheet);
    const recognize = performance.now() - t;
    s.recognize += recognize;
    t = performance.now();
    reports.push(checkWorkbook(r.grid, { file }));
    s.judge += Math.max(0, performance.now() - t - recognize);
  }
  let t = performance.now();
  const model = buildRollup({ files: reports });
  s.match = performance.now() - t;
  t = performance.now();
  // As the CLI does for a new output file: streamed to disk.
  await fs.rm(output, { force: true });
  await streamPlansToFile(rollupPlans(model), output);
  s.write = performance.now() - t;
  s.total = performance.now() - t0 - s.recognize;
  return s;
}
