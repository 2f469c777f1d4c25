/** The CLI's output: the core's sheet plans as xlsx bytes (see plan-sheets.ts for how plans become sheets). */
import ExcelJS from 'exceljs';
import type { SheetPlan } from '../core/plan/types';
import { addPlans } from './plan-sheets';

export { addPlans, freeSheetName } from './plan-sheets';

export type PlanWrite =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly sheets: readonly string[] }
  | { readonly ok: false; readonly error: string };

/**
 * The plans as xlsx bytes: a new workbook, or the given workbook with the sheets added (never replacing one).
 * Never throws: an existing file that is not a workbook comes back as an error rather than being overwritten.
 */
export async function writePlans(plans: readonly SheetPlan[], existing?: Uint8Array): Promise<PlanWrite> {
  const wb = new ExcelJS.Workbook();
  if (existing) {
    try {
      await wb.xlsx.load(existing as unknown as ArrayBuffer);
    } catch {
      return { ok: false, error: 'Tệp đích đã có và không phải sổ tính Excel, không ghi đè / the output exists and is not an xlsx workbook; not overwritten' };
    }
  } else {
    wb.creator = 'Phụ lục 57';
  }
  try {
    const sheets = addPlans(wb, plans);
    const buffer = await wb.xlsx.writeBuffer();
    return { ok: true, bytes: new Uint8Array(buffer as ArrayBuffer), sheets };
  } catch (e) {
    return { ok: false, error: `Không ghi được sổ tính / cannot write the workbook: ${(e as Error).message}` };
  }
}
