/**
 * Reading two workbooks the same way to compare them: exceljs reads each cell's content and the looks plans set, each
 * sheet's layout, and the links come from the XML (see xlsx-links.ts).
 */
import ExcelJS from 'exceljs';
import { workbookLinks } from './xlsx-links';

export async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** What a cell holds, as exceljs reads it; a link cell as its text (links are compared separately). */
export function content(c: ExcelJS.Cell): unknown {
  const v = c.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && 'hyperlink' in v) return v.text;
  if (typeof v === 'object' && 'formula' in v) return { formula: v.formula, result: v.result ?? null };
  return v;
}

export function looks(c: ExcelJS.Cell): unknown {
  const fill = c.fill as ExcelJS.FillPattern | undefined;
  return {
    bold: c.font?.bold === true,
    font: c.font?.color?.argb ?? null,
    fill: fill?.pattern === 'solid' ? fill.fgColor?.argb ?? null : null,
    numFmt: c.numFmt && c.numFmt !== 'General' ? c.numFmt : null,
    horizontal: c.alignment?.horizontal ?? null,
    wrap: c.alignment?.wrapText === true,
    vertical: c.alignment?.vertical ?? null,
  };
}

export function cells(ws: ExcelJS.Worksheet): Map<string, ExcelJS.Cell> {
  const out = new Map<string, ExcelJS.Cell>();
  // The cells a merge covers show its first cell: exceljs copies that cell's style onto them, ours leaves them out.
  ws.eachRow({ includeEmpty: false }, row => row.eachCell({ includeEmpty: false }, c => {
    if (!c.isMerged || c.master === c) out.set(c.address, c);
  }));
  return out;
}

export function layout(ws: ExcelJS.Worksheet): unknown {
  const cols = Array.from({ length: Math.max(ws.columnCount, 1) }, (_, i) => ws.getColumn(i + 1))
        // exceljs leaves out a width of 9 (its default width), which it then reads back as none.
    .map(c => ({ width: c.width ?? 9, hidden: c.hidden === true }));
  const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  const p = ws.pageSetup;
  return {
    frozen: view?.state === 'frozen' ? { x: view.xSplit ?? 0, y: view.ySplit ?? 0 } : null,
    autoFilter: ws.autoFilter ?? null,
    cols,
    merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
    print: {
      orientation: p.orientation ?? 'portrait', fitToPage: p.fitToPage === true,
      fitToWidth: p.fitToPage ? p.fitToWidth : null, fitToHeight: p.fitToPage ? p.fitToHeight : null,
      titlesRow: p.printTitlesRow ?? null, titlesColumn: p.printTitlesColumn ?? null,
    },
    header: ws.headerFooter?.oddHeader ?? null,
  };
}

/** Links as both writers mean them: a place in this workbook, or a file and a place in it. */
export function links(bytes: Uint8Array): unknown {
  return Object.fromEntries([...workbookLinks(bytes)].map(([sheet, m]) => [sheet, Object.fromEntries([...m].sort())]));
}


/** The sheets `names` of `a` and `b` hold the same cells, looks and layout; returns the number of cells compared. */
export function expectSameSheets(a: ExcelJS.Workbook, b: ExcelJS.Workbook, names: readonly string[]): number {
  let compared = 0;
  for (const name of names) {
    const wa = a.getWorksheet(name) as ExcelJS.Worksheet;
    const wb = b.getWorksheet(name) as ExcelJS.Worksheet;
    expect(wb).toBeDefined();
    const [ca, cb] = [cells(wa), cells(wb)];
    expect([...cb.keys()].sort()).toEqual([...ca.keys()].sort());
    const diffs: string[] = [];
    for (const [address, x] of ca) {
      const y = cb.get(address) as ExcelJS.Cell;
      if (x.type !== y.type && !(x.type === ExcelJS.ValueType.Hyperlink)) diffs.push(`${name}!${address} type ${x.type} / ${y.type}`);
      if (JSON.stringify(content(x)) !== JSON.stringify(content(y))) diffs.push(`${name}!${address} ${JSON.stringify(content(x))} / ${JSON.stringify(content(y))}`);
      if (JSON.stringify(looks(x)) !== JSON.stringify(looks(y))) diffs.push(`${name}!${address} ${JSON.stringify(looks(x))} / ${JSON.stringify(looks(y))}`);
      compared++;
    }
    expect(diffs.slice(0, 10)).toEqual([]);
    expect(layout(wb)).toEqual(layout(wa));
  }
  return compared;
}
