/**
 * Writes plans as a new workbook file with exceljs's streaming writer: rows go to disk as they are made, so a
 * national rollup (millions of cells) does not hold a whole workbook model in memory. An existing workbook, which must
 * only gain sheets, goes through write-plan.ts instead.
 */
import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import type { PlannedCell, SheetPlan } from '../core/plan/types';
import { applyStyle, cellValue, freeSheetName } from './plan-sheets';

export type StreamWrite =
  | { readonly ok: true; readonly sheets: readonly string[] }
  | { readonly ok: false; readonly error: string };

function byRow(cells: readonly PlannedCell[]): PlannedCell[][] {
  const rows: PlannedCell[][] = [];
  for (const c of cells) (rows[c.row] ??= []).push(c);
  return rows;
}

export async function streamPlansToFile(plans: readonly SheetPlan[], file: string): Promise<StreamWrite> {
  const names: string[] = [];
  const taken = new Set<string>();
  const renamed = new Map<string, string>();
  for (const p of plans) {
    const n = freeSheetName(p.name, taken);
    taken.add(n);
    names.push(n);
    if (!renamed.has(p.name)) renamed.set(p.name, n);
  }
  // Written beside the target and renamed at the end: a failed write never leaves half a workbook under its name.
  const partial = `${file}.partial-${process.pid}`;
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useStyles: true, useSharedStrings: true, zip: { zlib: { level: 1 } } });
    wb.creator = 'Phụ lục 57';
    for (const [i, plan] of plans.entries()) {
      const ws = wb.addWorksheet(names[i] ?? plan.name, plan.freezeRows ? { views: [{ state: 'frozen', ySplit: plan.freezeRows, xSplit: 0 }] } : {});
      if (plan.columnWidths) ws.columns = plan.columnWidths.map(width => ({ width }));
      for (const m of plan.merges ?? []) ws.mergeCells(m);
      const rows = byRow(plan.cells);
      for (let r = 1; r < rows.length; r++) {
        const cells = rows[r];
        if (!cells) continue;
        const row = ws.getRow(r);
        for (const c of cells) {
          const cell = row.getCell(c.col);
          cell.value = cellValue(c.value, renamed);
          if (c.style) applyStyle(cell, c.style);
        }
        row.commit();
        // Let the zip stream drain to disk: a synchronous loop would buffer the whole sheet's XML in memory.
        if (r % 2000 === 0) await new Promise(resolve => setImmediate(resolve));
      }
      ws.commit();
    }
    await wb.commit();
    await fs.rename(partial, file);
    return { ok: true, sheets: names };
  } catch (e) {
    await fs.rm(partial, { force: true });
    return { ok: false, error: `Không ghi được sổ tính / cannot write the workbook: ${(e as Error).message}` };
  }
}
