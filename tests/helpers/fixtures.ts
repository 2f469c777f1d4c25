import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { WorkbookGrid } from '../../src/core/grid/types';
import { readWorkbook } from '../../src/xlsx/read';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');

export interface TruthRow {
  row: number; code: string; key?: string; status: string;
  target?: { op: string; value: number }; actual?: number;
}
export interface TruthWorkbook {
  file: string; commune: string | null; period: number | null; reportDate: string | null; error?: string;
  sheets: { sheet: string; tables: { kind: 'indicators' | 'tasks'; headerRow: number; firstColumn: number; rows: TruthRow[] }[] }[];
  nonIndicatorSheets?: string[];
}
export interface Truth { workbooks: TruthWorkbook[]; province: TruthWorkbook[] }

export async function loadTruth(): Promise<Truth> {
  return JSON.parse(await fs.readFile(path.join(FIXTURES, 'truth.json'), 'utf8')) as Truth;
}

/** Where a truth workbook's file lives among the copied fixtures. */
export function fixturePath(file: string, province: boolean): string {
  return province ? path.join(FIXTURES, 'province-2026-04', file) : path.join(FIXTURES, file);
}

export async function readFixture(file: string): Promise<WorkbookGrid> {
  const r = await readWorkbook(new Uint8Array(await fs.readFile(file)));
  if (!r.ok) throw new Error(`fixture ${file} unreadable: ${r.error}`);
  return r.grid;
}
