import type { SheetGrid } from '../grid/types';
import { findHeaders, type HeaderFound } from './header';
import { readBody } from './rows';
import type { RecognizedTable } from './table';

/**
 * Finds the indicator and task tables of a sheet by their headers, never by the sheet's name.
 * A header that repeats the one above (a page break pasted from Word) continues that table.
 */
export function recognizeSheet(sheet: SheetGrid): RecognizedTable[] {
  const headers = findHeaders(sheet);
  const starts: HeaderFound[] = [];
  for (const h of headers) {
    const prev = starts[starts.length - 1];
    if (prev && prev.signature === h.signature) continue;
    starts.push(h);
  }
  const tables: RecognizedTable[] = [];
  starts.forEach((h, i) => {
    const end = starts[i + 1]?.top ?? sheet.rowCount + 1;
    const { rows, lastRow } = readBody(sheet, h, end);
    if (rows.length === 0) return;
    tables.push({
      sheet: sheet.name,
      kind: h.kind,
      headerTop: h.top,
      headerRow: h.bottom,
      area: { top: h.top, left: h.left, bottom: lastRow, right: h.right },
      columns: h.columns,
      labels: h.labels,
      rows,
    });
  });
  return tables;
}
