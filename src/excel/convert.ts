/**
 * Office.js range data → the core's grid. Pure and defensive: whatever arrays come back (or an error string
 * from a property that was never loaded), the result is a well-formed SheetGrid.
 */
import { parseArea } from '../core/grid/address';
import type { Area, Cell, Scalar, SheetGrid } from '../core/grid/types';

/** What one worksheet's used range yields once loaded. Rows/columns of the origin are 0-based, like Office.js. */
export interface LoadedSheet {
  readonly name: string;
  readonly hidden: boolean;
  readonly protected: boolean;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly values: unknown;
  readonly formulas: unknown;
  readonly numberFormat: unknown;
  readonly valueTypes: unknown;
  /** RangeAreas.address of the merged areas ("Sheet1!A1:B2, Sheet1!C3:D3"), null when unknown. */
  readonly mergedAddress: string | null;
  /** A font name for the sheet's text (legacy-encoding hint), null when unknown or mixed. */
  readonly font: string | null;
}

const matrix = (v: unknown): readonly unknown[][] => (Array.isArray(v) ? (v as unknown[]).map(r => (Array.isArray(r) ? r : [])) : []);

function scalarOf(value: unknown, type: unknown): Scalar | null {
  if (value === null || value === undefined || value === '') return null;
  if (type === 'Error') return { t: 'e', e: String(value) };
  if (typeof value === 'number') return Number.isFinite(value) ? { t: 'n', n: value } : { t: 'e', e: '#NUM!' };
  if (typeof value === 'boolean') return { t: 'b', b: value };
  if (typeof value === 'string') {
    // Without value types (never loaded) an error code still reads as an error rather than as text.
    if (type !== 'String' && /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!)$/.test(value)) {
      return { t: 'e', e: value };
    }
    return { t: 's', s: value };
  }
  return { t: 's', s: String(value) };
}

/** A formula cell's text without "=", or undefined for a constant (a text constant never differs from its value). */
function formulaOf(formula: unknown, value: unknown): string | undefined {
  if (typeof formula !== 'string' || !formula.startsWith('=') || formula.length < 2) return undefined;
  if (formula === value) return undefined;
  return formula.slice(1);
}

/** Splits a RangeAreas address into areas, minding quoted sheet names that contain commas. */
export function parseMergedAddress(address: string | null): Area[] {
  if (!address) return [];
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i] ?? '';
    if (ch === "'") {
      if (quoted && address[i + 1] === "'") { current += "''"; i++; continue; }
      quoted = !quoted;
    }
    if (!quoted && (ch === ',' || ch === ';')) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  const out: Area[] = [];
  for (const p of parts) {
    const bang = p.lastIndexOf('!');
    const local = (bang >= 0 ? p.slice(bang + 1) : p).trim();
    const a = parseArea(local);
    if (a && (a.bottom > a.top || a.right > a.left)) out.push(a);
  }
  return out;
}

export function toSheetGrid(s: LoadedSheet): SheetGrid {
  const values = matrix(s.values);
  const formulas = matrix(s.formulas);
  const formats = matrix(s.numberFormat);
  const types = matrix(s.valueTypes);
  const top = Number.isInteger(s.rowIndex) && s.rowIndex >= 0 ? s.rowIndex + 1 : 1;
  const left = Number.isInteger(s.columnIndex) && s.columnIndex >= 0 ? s.columnIndex + 1 : 1;
  const merges = parseMergedAddress(s.mergedAddress);
  const covered = new Set<string>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const rows: (Cell | undefined)[][] = [];
  let rowCount = 0;
  let colCount = 0;
  const height = Math.max(values.length, formulas.length);
  for (let i = 0; i < height; i++) {
    const vRow = values[i] ?? [];
    const fRow = formulas[i] ?? [];
    const width = Math.max(vRow.length, fRow.length);
    const r = top + i;
    for (let j = 0; j < width; j++) {
      const c = left + j;
      if (covered.has(`${r},${c}`)) continue; // only a merged area's top-left cell holds its value
      const value = vRow[j];
      const f = formulaOf(fRow[j], value);
      const v = scalarOf(value, types[i]?.[j]);
      if (!v && f === undefined) continue;
      const fmtRaw = formats[i]?.[j];
      const fmt = typeof fmtRaw === 'string' && fmtRaw !== '' && fmtRaw !== 'General' ? fmtRaw : undefined;
      const font = s.font && v?.t === 's' ? s.font : undefined;
      const cell: Cell = {
        v: v ?? { t: 's', s: '' },
        ...(f !== undefined ? { f } : {}),
        ...(fmt !== undefined ? { fmt } : {}),
        ...(font !== undefined ? { font } : {}),
      };
      (rows[r - 1] ??= [])[c - 1] = cell;
      if (r > rowCount) rowCount = r;
      if (c > colCount) colCount = c;
    }
  }
  return {
    name: s.name,
    rowCount,
    colCount,
    rows,
    merges,
    ...(s.hidden ? { hidden: true } : {}),
    ...(s.protected ? { protected: true } : {}),
  };
}
