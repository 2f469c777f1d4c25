/**
 * Relative R1C1 form: the same formula copied down a column reads the same in R1C1, whatever its row, so
 * comparing R1C1 texts along a run shows which cell computes something different from its neighbours.
 */
import { cellAddress, columnLetter } from '../grid/address';
import { tokenize, type Ref, type RefPoint, type Token } from './tokens';

function part(letter: 'R' | 'C', value: number, host: number, abs: boolean): string {
  if (abs) return `${letter}${value}`;
  const d = value - host;
  return d === 0 ? letter : `${letter}[${d}]`;
}

function pointR1C1(p: RefPoint, row: number, col: number): string {
  return part('R', p.row, row, p.rowAbs) + part('C', p.col, col, p.colAbs);
}

function prefixOf(ref: Ref): string {
  if (ref.workbook !== null) return `[${ref.workbook}]${ref.sheet ?? ''}!`;
  return ref.sheet !== null ? `${ref.sheet.toUpperCase()}!` : '';
}

/** One reference in relative R1C1 form as seen from (row, col). */
export function refR1C1(ref: Ref, row: number, col: number): string {
  const pre = prefixOf(ref);
  switch (ref.kind) {
    case 'cell': return pre + pointR1C1(ref.from, row, col);
    case 'area': return `${pre}${pointR1C1(ref.from, row, col)}:${pointR1C1(ref.to, row, col)}`;
    case 'cols': return `${pre}${part('C', ref.from.col, col, ref.from.colAbs)}:${part('C', ref.to.col, col, ref.to.colAbs)}`;
    case 'rows': return `${pre}${part('R', ref.from.row, row, ref.from.rowAbs)}:${part('R', ref.to.row, row, ref.to.rowAbs)}`;
  }
}

/** A token's text in the normal form used for comparison (R1C1 references, upper case, no spaces). */
function tokenKey(t: Token, row: number, col: number): string {
  switch (t.k) {
    case 'ref': return refR1C1(t.ref, row, col);
    case 'num': return String(t.value);
    case 'func': return t.name;
    case 'name': return t.text.toUpperCase();
    case 'bool': return t.value ? 'TRUE' : 'FALSE';
    case 'err': return t.text.toUpperCase();
    case 'space': return '';
    case 'sep': return ',';
    case 'str': case 'op': case 'open': case 'close': case 'unknown': return t.text;
  }
}

/** The formula (A1, with or without "=") in relative R1C1 form, as if it stood in (row, col). */
export function toR1C1(formula: string, row: number, col: number): string {
  return tokenize(formula.replace(/^=/, '')).map(t => tokenKey(t, row, col)).join('');
}

/** Comparable tokens: spaces dropped, each with its R1C1 key. */
export interface KeyedToken { readonly token: Token; readonly key: string }

export function keyedTokens(formula: string, row: number, col: number): KeyedToken[] {
  return tokenize(formula.replace(/^=/, ''))
    .filter(t => t.k !== 'space')
    .map(token => ({ token, key: tokenKey(token, row, col) }));
}

function pointA1(p: RefPoint, relRow: number, relCol: number): string {
  return `${p.colAbs ? '$' : ''}${columnLetter(p.col + relCol)}${p.rowAbs ? '$' : ''}${p.row + relRow}`;
}

/**
 * A formula written for (fromRow, fromCol) moved to (toRow, toCol) the way Excel fills it: relative parts shift,
 * absolute parts stay. Returns null when a shifted reference would fall off the sheet.
 */
export function moveFormula(formula: string, fromRow: number, fromCol: number, toRow: number, toCol: number): string | null {
  const dr = toRow - fromRow;
  const dc = toCol - fromCol;
  let out = '';
  for (const t of tokenize(formula.replace(/^=/, ''))) {
    if (t.k !== 'ref' || t.ref.workbook !== null) { out += t.text; continue; }
    const r = t.ref;
    const shift = (p: RefPoint): RefPoint => ({ ...p, row: p.rowAbs ? p.row : p.row + dr, col: p.colAbs ? p.col : p.col + dc });
    const a = shift(r.from);
    const b = shift(r.to);
    if (a.row < 1 || a.col < 1 || b.row < 1 || b.col < 1) return null;
    const bang = t.text.lastIndexOf('!');
    const pre = bang >= 0 ? t.text.slice(0, bang + 1) : '';
    switch (r.kind) {
      case 'cell': out += pre + pointA1(a, 0, 0); break;
      case 'area': out += `${pre}${pointA1(a, 0, 0)}:${pointA1(b, 0, 0)}`; break;
      case 'cols': out += `${pre}${a.colAbs ? '$' : ''}${columnLetter(a.col)}:${b.colAbs ? '$' : ''}${columnLetter(b.col)}`; break;
      case 'rows': out += `${pre}${a.rowAbs ? '$' : ''}${a.row}:${b.rowAbs ? '$' : ''}${b.row}`; break;
    }
  }
  return out;
}

/** "E5" or "E5:E16" of a reference in A1 form without `$` (for messages). */
export function refA1(ref: Ref): string {
  const a = cellAddress(ref.from.row, ref.from.col);
  switch (ref.kind) {
    case 'cell': return a;
    case 'area': return `${a}:${cellAddress(ref.to.row, ref.to.col)}`;
    case 'cols': return `${columnLetter(ref.from.col)}:${columnLetter(ref.to.col)}`;
    case 'rows': return `${ref.from.row}:${ref.to.row}`;
  }
}
