import type { SheetGrid } from '../grid/types';
import { findHeaders, type HeaderFound } from './header';
import { readBody } from './rows';
import { foldWords } from '../text/fold';
import type { RecognizedTable } from './table';

/**
 * A header that repeats the one above, wholly or in part, continues that table: a page break pasted from Word, or a
 * plan's header copied before a result column was appended. Each of its labels stands where the first header has
 * the same label.
 */
function repeats(first: HeaderFound, h: HeaderFound): boolean {
  if (first.signature === h.signature) return true;
  if (h.kind !== first.kind || h.labels.size < 2) return false;
  for (const [col, label] of h.labels) {
    const was = first.labels.get(col);
    if (was === undefined || foldWords(was) !== foldWords(label)) return false;
  }
  return true;
}

/**
 * Finds the indicator and task tables of a sheet by their headers, never by the sheet's name.
 * Repeated headers continue the table above with its column map; their rows are not rows of the table.
 */
export function recognizeSheet(sheet: SheetGrid): RecognizedTable[] {
  const headers = findHeaders(sheet);
  const starts: HeaderFound[] = [];
  const repeatRows = new Set<number>();
  for (const h of headers) {
    const prev = starts[starts.length - 1];
    if (prev && repeats(prev, h)) {
      for (let r = h.top; r <= h.bottom; r++) repeatRows.add(r);
      continue;
    }
    starts.push(h);
  }
  const tables: RecognizedTable[] = [];
  starts.forEach((h, i) => {
    const end = starts[i + 1]?.top ?? sheet.rowCount + 1;
    const { rows, lastRow } = readBody(sheet, h, end, repeatRows);
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
