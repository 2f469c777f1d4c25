/**
 * Writing into the open workbook: new sheets from a plan, a status column into empty cells, the selection.
 * Values are always written as values: every text gets Excel's leading apostrophe so "=…", "12/2025" or "TRUE"
 * typed by a commune official stays text and never turns into a formula, date or boolean.
 */
import { areaAddress, parseArea, parseCellAddress } from '../core/grid/address';
import { planCells } from '../core/plan/rows';
import { freeSheetName, sanitizeSheetName } from '../core/plan/sheet-name';
import type { CellStyle, ChartPlan, PlannedCell, PlanValue, SheetPlan } from '../core/plan/types';
import { ACTION_BYTES, DEFAULT_REQUEST_BUDGET, jsonSize, runOps, type Op } from './budget';
import { runBatch, type OfficeEnv } from './env';
import { officeErrorCode } from './errors';
import type { Features } from './features';
import { normalizeColour, runAddress, runsOf, styleOps, type StyledCell } from './styles';

/** A text as Excel must receive it to keep it text. */
export function asText(s: string): string {
  return s === '' ? '' : `'${s}`;
}

/** Sheet name in a reference: always quoted, apostrophes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export { sanitizeSheetName };

/** The wanted name, or with " (2)", " (3)"… when taken; `taken` holds lower-cased names. */
export function uniqueSheetName(wanted: string, taken: ReadonlySet<string>): string {
  return freeSheetName(wanted, taken);
}

export interface CellWrite {
  readonly address: string;
  readonly value: string;
  readonly fill?: string;
  readonly fontColor?: string;
}

const isEmptyLoaded = (value: unknown, formula: unknown): boolean =>
  (value === '' || value === null || value === undefined) && (formula === '' || formula === null || formula === undefined);

/** Writes into empty cells only (read first, one sync; write, one sync). Returns the addresses left alone. */
export async function writeIntoEmptyCells(env: OfficeEnv, f: Features, sheet: string, cells: readonly CellWrite[]): Promise<string[]> {
  const budget = env.maxRequestBytes ?? DEFAULT_REQUEST_BUDGET;
  const parsed: { row: number; col: number; w: CellWrite }[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const w of cells) {
    const at = parseCellAddress(w.address);
    if (!at || seen.has(`${at.row},${at.col}`)) {
      skipped.push(w.address);
      continue;
    }
    seen.add(`${at.row},${at.col}`);
    parsed.push({ ...at, w });
  }
  if (parsed.length === 0) return skipped;
  return runBatch(env, async context => {
    const ws = context.workbook.worksheets.getItem(sheet);
    if (f.api12) ws.protection.load('protected');
    const reads = runsOf(parsed).map(run => {
      const range = ws.getRange(runAddress(run));
      range.load('values,formulas');
      return { run, range };
    });
    await context.sync();
    if (f.api12 && ws.protection.protected === true) return [...skipped, ...parsed.map(p => p.w.address)];

    const free: typeof parsed = [];
    for (const { run, range } of reads) {
      const values = Array.isArray(range.values) ? range.values : [];
      const formulas = Array.isArray(range.formulas) ? range.formulas : [];
      run.forEach((p, i) => {
        if (isEmptyLoaded(values[i]?.[0], formulas[i]?.[0])) free.push(p);
        else skipped.push(p.w.address);
      });
    }
    const ops: Op[] = [];
    for (const run of runsOf(free)) {
      const data = run.map(p => [asText(p.w.value)]);
      const address = runAddress(run);
      ops.push({ bytes: ACTION_BYTES * 2 + jsonSize(data), queue: () => { ws.getRange(address).values = data; } });
    }
    const styled: StyledCell[] = [];
    const fontOnly: { row: number; col: number; font: string }[] = [];
    for (const p of free) {
      const fill = normalizeColour(p.w.fill);
      const font = normalizeColour(p.w.fontColor);
      if (fill) styled.push({ row: p.row, col: p.col, style: { fill, font } });
      else if (font) fontOnly.push({ row: p.row, col: p.col, font });
    }
    ops.push(...styleOps(() => ws, styled, f, budget));
    // A cell without a fill of its own keeps its background: only its font colour is set.
    for (const run of runsOf(fontOnly, (a, b) => a.font === b.font)) {
      const address = runAddress(run);
      const font = (run[0] as { font: string }).font;
      ops.push({ bytes: ACTION_BYTES * 3 + 20, queue: () => { ws.getRange(address).format.font.color = font; } });
    }
    try {
      await runOps(context, ops, budget);
    } catch (e) {
      // ExcelApi 1.1 cannot say a sheet is protected beforehand: Excel refusing the write means nothing was written.
      if (f.api12 || officeErrorCode(e) === 'InvalidOperationInCellEditMode') throw e;
      return [...skipped, ...free.map(p => p.w.address)];
    }
    return skipped;
  });
}

/** Excel column width in points for a width in characters (as exceljs and the plans count it). */
export function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function cellValue(v: PlanValue): string | number {
  switch (v.t) {
    case 'n': return Number.isFinite(v.n) ? v.n : '';
    case 's': return asText(v.s);
    case 'empty': return '';
    case 'link': return v.n !== undefined && Number.isFinite(v.n) ? v.n : asText(v.text);
    // Core-composed formulas only (see PlanValue): written as formulas, everything else as values.
    case 'formula': return `=${v.f}`;
  }
}

/** Rows of a plan as value bands, each small enough for one request. */
function valueBands(cells: readonly PlannedCell[], budget: number): { address: string; data: (string | number)[][]; bytes: number }[] {
  let rows = 0;
  let cols = 0;
  for (const c of cells) {
    if (c.row > rows) rows = c.row;
    if (c.col > cols) cols = c.col;
  }
  if (rows === 0 || cols === 0) return [];
  const grid: (string | number)[][] = Array.from({ length: rows }, () => new Array<string | number>(cols).fill(''));
  for (const c of cells) {
    if (c.row < 1 || c.col < 1) continue;
    const row = grid[c.row - 1];
    if (row) row[c.col - 1] = cellValue(c.value);
  }
  const bands: { address: string; data: (string | number)[][]; bytes: number }[] = [];
  let start = 0;
  let bytes = 0;
  for (let r = 0; r <= rows; r++) {
    const size = r < rows ? jsonSize(grid[r]) + 1 : 0;
    if (r === rows || (r > start && bytes + size > budget / 2)) {
      bands.push({ address: areaAddress({ top: start + 1, left: 1, bottom: r, right: cols }), data: grid.slice(start, r), bytes: bytes + ACTION_BYTES * 2 });
      start = r;
      bytes = 0;
    }
    bytes += size;
  }
  return bands;
}

/** Adds each plan as a new sheet (never overwriting) with values, links, widths, frozen header and merges. */
export async function writeNewSheets(env: OfficeEnv, f: Features, plans: readonly SheetPlan[]): Promise<string[]> {
  if (plans.length === 0) return [];
  const budget = env.maxRequestBytes ?? DEFAULT_REQUEST_BUDGET;
  return runBatch(env, async context => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const taken = new Set(sheets.items.map(s => s.name.toLocaleLowerCase()));
    const names = plans.map(p => {
      const n = uniqueSheetName(p.name, taken);
      taken.add(n.toLocaleLowerCase());
      return n;
    });
    // Links may point at a sheet of this batch, whose name may have gained a suffix.
    const renamed = new Map(plans.map((p, i) => [p.name, names[i] ?? p.name]));
    const ops: Op[] = [];
    plans.forEach((plan, i) => {
      const name = names[i] as string;
      let ws: Excel.Worksheet | null = null;
      const sheet = (): Excel.Worksheet => (ws ??= context.workbook.worksheets.getItem(name));
      ops.push({ bytes: ACTION_BYTES + name.length, queue: () => { ws = context.workbook.worksheets.add(name); } });
      // Office.js takes whole value bands: the plan's rows are gathered here (a pane rollup is province-sized).
      const cells = [...planCells(plan)];
      for (const band of valueBands(cells, budget)) {
        ops.push({ bytes: band.bytes, queue: () => { sheet().getRange(band.address).values = band.data; } });
      }
      ops.push(...plannedStyleOps(sheet, cells, f, budget));
      for (const chart of plan.charts ?? []) ops.push(chartOp(sheet, chart, f));
      if (f.api17) {
        for (const c of cells) {
          // Links into other workbooks are left as their value here (print setup, filters too: not written by the add-in yet).
          if (c.value.t !== 'link' || c.value.file !== undefined) continue;
          const target = parseArea(c.value.cell);
          if (!target) continue;
          const documentReference = `${quoteSheet(renamed.get(c.value.sheet) ?? c.value.sheet)}!${areaAddress(target)}`;
          const address = areaAddress({ top: c.row, left: c.col, bottom: c.row, right: c.col });
          const n = c.value.n;
          if (n !== undefined && Number.isFinite(n)) {
            // textToDisplay is "the string that is displayed in the top left most cell" (Excel.RangeHyperlink,
            // https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangehyperlink): a text. A number keeps
            // its value instead: the link is set without it, then the number is written again over whatever the
            // link showed (what Excel shows for a link without textToDisplay is not documented).
            const hyperlink: Excel.RangeHyperlink = { documentReference };
            const data = [[n]];
            ops.push({ bytes: ACTION_BYTES * 4 + jsonSize(hyperlink) + jsonSize(data), queue: () => {
              // Two range objects: the value is queued after the link, whatever order one object's sets go out in.
              sheet().getRange(address).hyperlink = hyperlink;
              sheet().getRange(address).values = data;
            } });
            continue;
          }
          const hyperlink: Excel.RangeHyperlink = { documentReference, textToDisplay: c.value.text };
          ops.push({ bytes: ACTION_BYTES * 2 + jsonSize(hyperlink), queue: () => { sheet().getRange(address).hyperlink = hyperlink; } });
        }
        const frozenRows = plan.freezeRows ?? 0;
        const frozenCols = plan.freezeColumns ?? 0;
        if (frozenCols > 0 && frozenRows > 0) {
          const area = areaAddress({ top: 1, left: 1, bottom: frozenRows, right: frozenCols });
          ops.push({ bytes: ACTION_BYTES * 2 + area.length, queue: () => sheet().freezePanes.freezeAt(area) });
        } else if (frozenCols > 0) {
          ops.push({ bytes: ACTION_BYTES * 2, queue: () => sheet().freezePanes.freezeColumns(frozenCols) });
        } else if (frozenRows > 0) {
          ops.push({ bytes: ACTION_BYTES * 2, queue: () => sheet().freezePanes.freezeRows(frozenRows) });
        }
      }
      if (f.api12) {
        (plan.columnWidths ?? []).forEach((w, c) => {
          if (!(w > 0)) return;
          const letter = areaAddress({ top: 1, left: c + 1, bottom: 1, right: c + 1 }).replace(/\d+/g, '');
          ops.push({ bytes: ACTION_BYTES * 3, queue: () => { sheet().getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(w); } });
        });
        for (const m of plan.merges ?? []) {
          if (!parseArea(m)) continue;
          ops.push({ bytes: ACTION_BYTES * 2, queue: () => sheet().getRange(m).merge(false) });
        }
      }
    });
    await runOps(context, ops, budget);
    // Activated in a batch of its own: Excel on the web ignores activating the first sheet added in the same batch
    // (office-js #930, https://github.com/OfficeDev/office-js/issues/930).
    context.workbook.worksheets.getItem(names[0] as string).activate();
    await context.sync();
    return names;
  });
}

/** Excel's name for a planned alignment (RangeFormat.horizontalAlignment, ExcelApi 1.1). */
const ALIGNMENT: Record<NonNullable<CellStyle['align']>, 'Left' | 'Center' | 'Right'> = { left: 'Left', center: 'Center', right: 'Right' };

/** The flags of a style other than its colours, as one comparable key: cells sharing it share one range write. */
function flagsKey(st: CellStyle): string | null {
  const key = [st.bold ? 'b' : '', st.wrap ? 'w' : '', st.align ?? '', st.numFmt ?? ''].join('|');
  return key === '|||' ? null : key;
}

/**
 * The looks a plan gives its cells: fills and font colours, then every other flag of each cell (bold, wrapping,
 * alignment, number format) together, per run of cells with the same flags.
 */
function plannedStyleOps(sheet: () => Excel.Worksheet, cells: readonly PlannedCell[], f: Features, budget: number): Op[] {
  const coloured: StyledCell[] = [];
  const flagged: { row: number; col: number; key: string; style: CellStyle }[] = [];
  for (const c of cells) {
    const st = c.style;
    if (!st) continue;
    const fill = st.fill ? normalizeColour(`#${st.fill}`) : null;
    if (fill) coloured.push({ row: c.row, col: c.col, style: { fill, font: st.fontColor ? normalizeColour(`#${st.fontColor}`) : null } });
    const key = flagsKey(st);
    if (key !== null) flagged.push({ row: c.row, col: c.col, key, style: st });
  }
  const ops = styleOps(sheet, coloured, f, budget);
  for (const run of runsOf(flagged, (a, b) => a.key === b.key)) {
    const st = (run[0] as { style: CellStyle }).style;
    const address = runAddress(run);
    const fmt = st.numFmt;
    ops.push({
      bytes: ACTION_BYTES * 4 + address.length + (fmt ? run.length * (fmt.length + 6) : 0),
      queue: () => {
        const range = sheet().getRange(address);
        if (st.bold) range.format.font.bold = true;
        if (st.wrap) range.format.wrapText = true;
        if (st.align) range.format.horizontalAlignment = ALIGNMENT[st.align];
        if (fmt) range.numberFormat = run.map(() => [fmt]);
      },
    });
  }
  return ops;
}

/** A native bar chart over planned ranges; labels need ExcelApi 1.7, the chart itself only 1.1. */
function chartOp(sheet: () => Excel.Worksheet, chart: ChartPlan, f: Features): Op {
  return {
    bytes: ACTION_BYTES * 8,
    queue: () => {
      const ws = sheet();
      const c = ws.charts.add('BarClustered', ws.getRange(chart.values), 'Columns');
      c.title.text = chart.title;
      c.legend.visible = false;
      c.setPosition(chart.anchor);
      const series = c.series.getItemAt(0);
      series.name = chart.seriesName;
      if (f.api17) series.setXAxisValues(ws.getRange(chart.categories));
    },
  };
}

/** A sheet hidden by the user cannot be activated nor a range on it selected: said plainly instead of Excel's error. */
export function hiddenSheetError(sheet: string): Error {
  return Object.assign(new Error(`Trang "${sheet}" đang ẩn: hãy hiện trang (chuột phải vào thẻ trang › Unhide) để xem ô này. / Sheet "${sheet}" is hidden: unhide it to see this cell.`), { code: 'SheetHidden' });
}

/** Shows a cell: activates its sheet and selects it (two syncs: the sheet's visibility first). */
export async function selectRange(env: OfficeEnv, sheet: string, address: string): Promise<void> {
  await runBatch(env, async context => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.load('visibility');
    await context.sync();
    if (ws.visibility !== 'Visible') throw hiddenSheetError(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}
