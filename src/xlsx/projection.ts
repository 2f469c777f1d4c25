/**
 * A sheet's projection: the written cells of a few of its columns, kept in a custom XML part beside it (ECMA-376
 * Part 1, §15.2.4: a Custom XML Data Storage part holds any XML and is kept by Excel as the workbook's data), so that
 * a later run can read them without parsing the sheet. Next month's `--previous` needs 8 columns of a national
 * "Dữ liệu": 44 MB of XML, 1.7–2.1 s and most of the run's peak memory to parse, against a part of a few MB.
 *
 * A projection is a cache, never a second source: it names the sheet's part and the shared-string table with the
 * CRC-32 and size each had when written, and is used only while the package's directory still declares exactly those.
 * Any edit saved by Excel or another program rewrites the sheet, and the reader then parses the sheet as before.
 * Cells are recorded as written: a string as its index into the shared-string table (read back through the same
 * reader as the sheet's own cells), a number as the text of its <v>.
 */
import type { Cell } from '../core/grid/types';

export const PROJECTION_NS = 'urn:phuluc57:projection:1';
/** The relationship from the workbook to a custom XML part (ECMA-376 Part 1, §15.2.4). */
export const CUSTOM_XML_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';

/** A part as the package's directory declares it. */
export interface PartStamp {
  readonly part: string;
  readonly crc: number;
  readonly size: number;
}

/**
 * The document inside the part. `rows` is flat: for each row its number, then one entry per column of `columns`:
 * a shared-string index (a number), the text of a number cell's <v> (a string), or null (no cell). Null when a cell
 * of a projected column was written otherwise (a formula, a link): there is no projection then.
 */
export interface ProjectionDoc {
  readonly v: 1;
  readonly sheet: string;
  readonly stamp: PartStamp;
  readonly strings: PartStamp;
  readonly columns: readonly number[];
  readonly rows: readonly (number | string | null)[] | null;
}

function isStamp(x: unknown): x is PartStamp {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Record<string, unknown>;
  return typeof s['part'] === 'string' && Number.isInteger(s['crc']) && Number.isInteger(s['size']);
}

/** The document, when `json` is one (a part of another program, or damaged, is not). */
export function parseProjection(json: string): ProjectionDoc | null {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof doc !== 'object' || doc === null) return null;
  const d = doc as Record<string, unknown>;
  const columns = d['columns'];
  const rows = d['rows'];
  if (d['v'] !== 1 || typeof d['sheet'] !== 'string' || !isStamp(d['stamp']) || !isStamp(d['strings'])) return null;
  if (!Array.isArray(columns) || columns.length === 0 || !columns.every(c => Number.isInteger(c) && c >= 1 && c <= 16384)) return null;
  if (rows !== null && (!Array.isArray(rows) || rows.length % (columns.length + 1) !== 0)) return null;
  return doc as ProjectionDoc;
}

/**
 * Hands each projected row to `visit` as the sheet reader would (its cells at their columns, 0-based; absent where
 * the sheet has no cell), with `strings` the shared strings read by the same reader. False when the rows do not fit
 * the table (then the caller reads the sheet).
 */
export function visitProjection(doc: ProjectionDoc, strings: readonly string[], visit: (row: number, cells: readonly (Cell | undefined)[]) => void): boolean {
  const rows = doc.rows;
  if (rows === null) return false;
  const cols = doc.columns;
  const stride = cols.length + 1;
  // Checked whole first: a damaged projection must not hand over half its rows.
  for (let i = 0; i < rows.length; i += stride) {
    const r = rows[i];
    if (typeof r !== 'number' || !Number.isInteger(r) || r < 1) return false;
    for (let k = 1; k < stride; k++) {
      const x = rows[i + k];
      if (typeof x === 'number' && !(Number.isInteger(x) && x >= 0 && x < strings.length)) return false;
      if (x !== null && typeof x !== 'number' && typeof x !== 'string') return false;
    }
  }
  // One cell per distinct string and number text, shared by the rows that show it (cells are immutable values): a
  // national sheet's 480,000 projected cells are a few thousand distinct ones.
  const ofString: (Cell | undefined)[] = [];
  const ofNumber = new Map<string, Cell>();
  for (let i = 0; i < rows.length; i += stride) {
    const cells: (Cell | undefined)[] = [];
    for (let k = 1; k < stride; k++) {
      const x = rows[i + k];
      const col = (cols[k - 1] as number) - 1;
      if (typeof x === 'number') {
        const s = strings[x] as string;
        // As the sheet reader: a cell whose string is empty holds nothing.
        if (s !== '') cells[col] = ofString[x] ??= { v: { t: 's', s } };
      } else if (typeof x === 'string') {
        let c = ofNumber.get(x);
        if (c === undefined) {
          const n = parseFloat(x);
          c = { v: Number.isFinite(n) ? { t: 'n', n } : { t: 'e', e: '#NUM!' } };
          ofNumber.set(x, c);
        }
        cells[col] = c;
      }
    }
    visit(rows[i] as number, cells);
  }
  return true;
}
