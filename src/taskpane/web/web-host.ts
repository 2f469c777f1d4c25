/**
 * The web mode's WorkbookHost: a workbook the person dropped or picked, held in memory. Reading goes through the
 * project's reader; colours and new sheets go into an exceljs copy that "Tải bản tô màu" downloads. Both load
 * lazily (dynamic import) so the pane's first load stays small.
 */
import type ExcelJS from 'exceljs';
import type { ColumnOverride } from '../../core/check/options';
import { parseArea } from '../../core/grid/address';
import type { WorkbookGrid } from '../../core/grid/types';
import type { FormatChange, SheetPlan } from '../../core/plan/types';
import { LEGEND_TITLE, legendPlan } from '../../core/status/legend';
import { truncationMessage } from '../../xlsx/fast/limits';
import type { WorkbookHost } from '../host';
import { derivedName, downloadBytes } from './download';
import { addPlans, applyStyle } from '../../xlsx/plan-sheets';

export interface WebSelection { readonly sheet: string; readonly address: string }
export type OpenResult = { readonly ok: true } | { readonly ok: false; readonly error: string };

type Original = { readonly sheet: string; readonly address: string; readonly style: Partial<ExcelJS.Style> };

const OVERRIDES_KEY = 'phuluc57.overrides:';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

async function newWorkbook(bytes: Uint8Array | null): Promise<ExcelJS.Workbook> {
  const ExcelJSLib = (await import('exceljs')).default;
  const wb = new ExcelJSLib.Workbook();
  if (bytes) await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Whether some sheet already shows the colour legend (the rollup's Tổng hợp does, so does a copy downloaded before). */
function carriesLegend(wb: ExcelJS.Workbook): boolean {
  for (const ws of wb.worksheets) {
    let found = false;
    ws.eachRow(row => { if (!found) row.eachCell(c => { if (c.value === LEGEND_TITLE) found = true; }); });
    if (found) return true;
  }
  return false;
}

function isEmptyValue(v: ExcelJS.CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export class WebWorkbookHost implements WorkbookHost {
  readonly kind = 'web' as const;
  private name: string | null = null;
  private bytes: Uint8Array | null = null;
  private grid: WorkbookGrid | null = null;
  private wb: ExcelJS.Workbook | null = null;
  private originals = new Map<string, Original>();
  private valuesChanged = false;
  /** Cells or sheets written by us since the file was opened (kept after a re-read, unlike valuesChanged). */
  private written = false;
  private changed = false;
  private listeners = new Set<() => void>();
  private selected: WebSelection | null = null;
  private cut: string[] = [];

  /** A host with an empty workbook, for output such as the rollup sheets. */
  static blank(name: string): WebWorkbookHost {
    const host = new WebWorkbookHost();
    host.name = name;
    host.grid = { sheets: [] };
    return host;
  }

  get fileName(): string | null { return this.name; }
  /** Sheets the reader had to cut short (too large), said in the pane rather than judged in part silently. */
  get readNotices(): readonly string[] { return this.cut; }
  get selection(): WebSelection | null { return this.selected; }
  /** Whether the in-memory copy differs from the file (colours, a status column, new sheets). */
  get hasChanges(): boolean { return this.changed; }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }

  /**
   * Reads a dropped file; an unreadable one comes back as a reason and closes the workbook open before, so the
   * pane never shows the previous file's results under the new file's error.
   */
  async open(name: string, bytes: Uint8Array): Promise<OpenResult> {
    const { readWorkbook } = await import('../../xlsx/read');
    const read = await readWorkbook(bytes);
    this.name = read.ok ? name : null;
    this.bytes = read.ok ? bytes : null;
    this.grid = read.ok ? read.grid : null;
    this.cut = read.ok ? [...(read.truncated ?? []).map(truncationMessage), ...(read.notices ?? []).map(n => n.message)] : [];
    this.wb = null;
    this.originals.clear();
    this.valuesChanged = false;
    this.written = false;
    this.changed = false;
    this.selected = null;
    this.notify();
    return read.ok ? { ok: true } : read;
  }

  private async workbook(): Promise<ExcelJS.Workbook> {
    if (!this.wb) this.wb = await newWorkbook(this.bytes);
    return this.wb;
  }

  private sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`Không có trang "${name}" / no sheet "${name}"`);
    return ws;
  }

  async readGrid(): Promise<WorkbookGrid> {
    if (this.valuesChanged && this.wb) {
      // Written cells (a status column) must show in the next check, as they would in Excel.
      const bytes = new Uint8Array(await this.wb.xlsx.writeBuffer());
      const { readWorkbook } = await import('../../xlsx/read');
      const read = await readWorkbook(bytes);
      if (read.ok) this.grid = read.grid;
      this.valuesChanged = false;
    }
    if (!this.grid) throw new Error('Chưa chọn tệp / no workbook opened');
    return this.grid;
  }

  async applyColours(changes: readonly FormatChange[]): Promise<void> {
    const wb = await this.workbook();
    for (const ch of changes) {
      const ws = this.sheet(wb, ch.sheet);
      const area = parseArea(ch.address);
      if (!area) continue;
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) {
          const cell = ws.getCell(r, c);
          const key = `${ch.sheet}\u0000${cell.address}`;
          // The first colouring records the original; colouring again must not record our own colours.
          if (!this.originals.has(key)) this.originals.set(key, { sheet: ch.sheet, address: cell.address, style: cell.style });
          applyStyle(cell, { fill: ch.fill, fontColor: ch.fontColor });
        }
      }
    }
    this.changed = true;
    this.notify();
  }

  async clearColours(): Promise<void> {
    if (!this.wb) return;
    for (const o of this.originals.values()) {
      const ws = this.wb.getWorksheet(o.sheet);
      if (ws) ws.getCell(o.address).style = o.style;
    }
    this.originals.clear();
    this.notify();
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.selected = { sheet, address };
    this.notify();
  }

  async writeSheets(plans: readonly SheetPlan[]): Promise<string[]> {
    const names = addPlans(await this.workbook(), plans);
    this.changed = true;
    this.valuesChanged = true;
    this.written = true;
    this.notify();
    return names;
  }

  async writeCells(sheet: string, cells: ReadonlyArray<{ address: string; value: string; fill?: string; fontColor?: string }>): Promise<string[]> {
    const ws = this.sheet(await this.workbook(), sheet);
    const skipped: string[] = [];
    for (const c of cells) {
      const cell = ws.getCell(c.address);
      if (!isEmptyValue(cell.value) || (cell.isMerged && cell.master !== cell)) { skipped.push(c.address); continue; }
      cell.value = c.value;
      applyStyle(cell, { ...(c.fill ? { fill: c.fill } : {}), ...(c.fontColor ? { fontColor: c.fontColor } : {}) });
    }
    if (skipped.length < cells.length) {
      this.changed = true;
      this.valuesChanged = true;
      this.written = true;
    }
    this.notify();
    return skipped;
  }

  async loadOverrides(): Promise<ColumnOverride[]> {
    const raw = this.name ? storage()?.getItem(OVERRIDES_KEY + this.name) : null;
    if (!raw) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? (parsed as ColumnOverride[]) : [];
    } catch {
      return [];
    }
  }

  async saveOverrides(overrides: readonly ColumnOverride[]): Promise<void> {
    // Kept per file name on this computer: the web mode cannot store them inside the person's file.
    if (this.name) storage()?.setItem(OVERRIDES_KEY + this.name, JSON.stringify(overrides));
  }

  /**
   * The in-memory copy as .xlsx bytes. Every workbook we write carries the colour legend (issue 14): a copy we
   * coloured or wrote into gains a "Chú thích" sheet unless one of its sheets shows the legend already. The sheet is
   * added for these bytes only, so the copy in memory stays the person's workbook (clearing the colours leaves no
   * legend behind, and downloading twice adds it once).
   */
  async bytesOut(): Promise<Uint8Array> {
    const wb = await this.workbook();
    const ours = this.originals.size > 0 || this.written;
    const added = ours && !carriesLegend(wb) ? addPlans(wb, [legendPlan()]) : [];
    try {
      return new Uint8Array(await wb.xlsx.writeBuffer());
    } finally {
      for (const name of added) {
        const ws = wb.getWorksheet(name);
        if (ws) wb.removeWorksheet(ws.id);
      }
    }
  }

  /** Downloads the copy (coloured, with any written column or sheets); returns the file name offered. */
  async download(suffix: string): Promise<string> {
    const name = derivedName(this.name ?? 'so-tinh.xlsx', suffix);
    downloadBytes(await this.bytesOut(), name);
    return name;
  }
}

export function isWebHost(host: WorkbookHost): host is WebWorkbookHost {
  return host instanceof WebWorkbookHost;
}
