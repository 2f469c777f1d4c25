/**
 * Writes plans as a new workbook file with exceljs's streaming writer: rows go to disk as they are made, so a
 * national rollup (millions of cells) does not hold a whole workbook model in memory. An existing workbook, which must
 * only gain sheets, goes through write-plan.ts instead.
 */
import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import type { SheetPlan } from '../core/plan/types';
import { centredHeader } from './plan-layout';
import { applyStyle, cellValue, freeSheetName } from './plan-sheets';

export type StreamWrite =
  | { readonly ok: true; readonly sheets: readonly string[] }
  | { readonly ok: false; readonly error: string };

/**
 * The sheet options exceljs's streaming writer takes. Print titles are left out: that writer has no
 * per-sheet defined names (its workbook-wide _xlnm.Print_Titles would not be tied to the sheet).
 */
function sheetOptions(plan: SheetPlan): Partial<ExcelJS.AddWorksheetOptions> & { autoFilter?: string } {
  const ySplit = plan.freezeRows ?? 0;
  const xSplit = plan.freezeColumns ?? 0;
  const p = plan.print;
  return {
    ...(ySplit > 0 || xSplit > 0 ? { views: [{ state: 'frozen', ySplit, xSplit }] } : {}),
    ...(plan.autoFilter ? { autoFilter: plan.autoFilter } : {}),
    ...(p && (p.landscape || p.fitToWidth) ? {
      pageSetup: {
        ...(p.landscape ? { orientation: 'landscape' as const } : {}),
        ...(p.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      },
    } : {}),
    ...(p?.header ? { headerFooter: { oddHeader: centredHeader(p.header) } } : {}),
  };
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
      const ws = wb.addWorksheet(names[i] ?? plan.name, sheetOptions(plan) as Partial<ExcelJS.AddWorksheetOptions>);
      const hidden = new Set(plan.hiddenColumns ?? []);
      const width = Math.max(plan.columnWidths?.length ?? 0, ...hidden);
      if (width > 0) {
        ws.columns = Array.from({ length: width }, (_, c) => ({
          ...(plan.columnWidths?.[c] !== undefined ? { width: plan.columnWidths[c] } : {}),
          ...(hidden.has(c + 1) ? { hidden: true } : {}),
        }));
      }
      for (const m of plan.merges ?? []) ws.mergeCells(m);
      let n = 0;
      for (const cells of plan.rows()) {
        const first = cells[0];
        if (!first) continue;
        const row = ws.getRow(first.row);
        for (const c of cells) {
          const cell = row.getCell(c.col);
          cell.value = cellValue(c.value, renamed);
          if (c.style) applyStyle(cell, c.style);
        }
        row.commit();
        // Let the zip stream drain to disk: a synchronous loop would buffer the whole sheet's XML in memory.
        if (++n % 2000 === 0) await new Promise(resolve => setImmediate(resolve));
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
