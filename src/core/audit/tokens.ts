/**
 * A small tokenizer for A1-style Excel formulas (the text after "="), enough to find references, functions and
 * literals. It never throws: characters it does not understand become `unknown` tokens.
 */

/** One corner of a reference; `abs*` tell whether the part carried a `$`. */
export interface RefPoint {
  readonly row: number;
  readonly col: number;
  readonly rowAbs: boolean;
  readonly colAbs: boolean;
}

/**
 * A reference: one cell, a rectangle, whole columns (`E:E`, rows 1…MAX) or whole rows (`3:5`).
 * `sheet` is the sheet named before "!" (null: the formula's own sheet); `workbook` is set for links to another file.
 */
export interface Ref {
  readonly kind: 'cell' | 'area' | 'cols' | 'rows';
  readonly sheet: string | null;
  readonly workbook: string | null;
  readonly from: RefPoint;
  readonly to: RefPoint;
}

export type Token =
  | { readonly k: 'num'; readonly text: string; readonly value: number }
  | { readonly k: 'str'; readonly text: string; readonly value: string }
  | { readonly k: 'bool'; readonly text: string; readonly value: boolean }
  | { readonly k: 'err'; readonly text: string }
  | { readonly k: 'ref'; readonly text: string; readonly ref: Ref }
  /** A function name; the "(" follows as its own token. */
  | { readonly k: 'func'; readonly text: string; readonly name: string }
  /** A defined name (or anything identifier-like that is not a reference), possibly in another workbook. */
  | { readonly k: 'name'; readonly text: string; readonly workbook: string | null }
  | { readonly k: 'op'; readonly text: string }
  | { readonly k: 'open'; readonly text: string }
  | { readonly k: 'close'; readonly text: string }
  | { readonly k: 'sep'; readonly text: string }
  | { readonly k: 'space'; readonly text: string }
  | { readonly k: 'unknown'; readonly text: string };

export const MAX_ROW = 1048576;
export const MAX_COL = 16384;

const ERRORS = ['#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NULL!', '#NUM!', '#N/A', '#SPILL!', '#CALC!', '#GETTING_DATA'];
const IDENT_CHAR = /[\p{L}\p{N}_.\\?]/u;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/;
const COLS = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})/;
const ROWS = /^(\$?)(\d{1,7}):(\$?)(\d{1,7})/;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function point(colText: string, colAbs: string, rowText: string, rowAbs: string): RefPoint | null {
  const col = colNumber(colText);
  const row = Number(rowText);
  if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return null;
  return { row, col, rowAbs: rowAbs === '$', colAbs: colAbs === '$' };
}

/** Does the text at `i` continue an identifier (so what was matched before it is not a reference)? */
function continuesIdent(s: string, i: number): boolean {
  const ch = s[i];
  return ch !== undefined && (IDENT_CHAR.test(ch) || ch === '(' || ch === '!' || ch === '$');
}

interface Scanned { readonly ref: Ref; readonly length: number }

/** A reference (without sheet prefix) starting at `i`, or null. */
function scanRef(s: string, i: number, sheet: string | null, workbook: string | null): Scanned | null {
  const rest = s.slice(i);
  const cell = CELL.exec(rest);
  if (cell) {
    const a = point(cell[2] ?? '', cell[1] ?? '', cell[4] ?? '', cell[3] ?? '');
    let length = cell[0].length;
    if (a) {
      // A rectangle "A1:B5" is one token; so is "A1:$B$5".
      if (rest[length] === ':') {
        const second = CELL.exec(rest.slice(length + 1));
        if (second) {
          const b = point(second[2] ?? '', second[1] ?? '', second[4] ?? '', second[3] ?? '');
          const end = length + 1 + second[0].length;
          if (b && !continuesIdent(rest, end)) {
            return { ref: normalized('area', sheet, workbook, a, b), length: end };
          }
        }
      }
      if (!continuesIdent(rest, length)) return { ref: { kind: 'cell', sheet, workbook, from: a, to: a }, length };
      length = 0;
    }
  }
  const cols = COLS.exec(rest);
  if (cols && !continuesIdent(rest, cols[0].length)) {
    const a = point(cols[2] ?? '', cols[1] ?? '', '1', '$');
    const b = point(cols[4] ?? '', cols[3] ?? '', String(MAX_ROW), '$');
    if (a && b) return { ref: normalized('cols', sheet, workbook, a, b), length: cols[0].length };
  }
  const rows = ROWS.exec(rest);
  if (rows && !continuesIdent(rest, rows[0].length)) {
    const a = point('A', '$', rows[2] ?? '', rows[1] ?? '');
    const b = point('XFD', '$', rows[4] ?? '', rows[3] ?? '');
    if (a && b) return { ref: normalized('rows', sheet, workbook, a, b), length: rows[0].length };
  }
  return null;
}

/** Orders the corners so `from` is top-left, keeping each part's `$`. */
function normalized(kind: Ref['kind'], sheet: string | null, workbook: string | null, a: RefPoint, b: RefPoint): Ref {
  const [r1, r2] = a.row <= b.row ? [a, b] : [b, a];
  const [c1, c2] = a.col <= b.col ? [a, b] : [b, a];
  return {
    kind, sheet, workbook,
    from: { row: r1.row, rowAbs: r1.rowAbs, col: c1.col, colAbs: c1.colAbs },
    to: { row: r2.row, rowAbs: r2.rowAbs, col: c2.col, colAbs: c2.colAbs },
  };
}

/** Splits "C:\dir\[Book.xlsx]Sheet" or "[1]Sheet" into workbook and sheet; no brackets → own workbook. */
export function splitPrefix(prefix: string): { workbook: string | null; sheet: string | null } {
  const open = prefix.indexOf('[');
  const close = prefix.indexOf(']', open + 1);
  if (open >= 0 && close > open) {
    const workbook = prefix.slice(0, open) + prefix.slice(open + 1, close);
    const sheet = prefix.slice(close + 1);
    return { workbook, sheet: sheet === '' ? null : sheet };
  }
  // 'C:\dir\Book.xlsx'!Name: a path without brackets is a workbook-level link.
  if (/[\\/]/.test(prefix) && /\.xl\w*$/i.test(prefix)) return { workbook: prefix, sheet: null };
  return { workbook: null, sheet: prefix };
}

/** The sheet prefix at `i` ("'My sheet'!", "Sheet1!", "[1]Sheet1!"), with its length including "!", or null. */
function scanPrefix(s: string, i: number): { prefix: string; length: number } | null {
  if (s[i] === "'") {
    let j = i + 1;
    let text = '';
    while (j < s.length) {
      if (s[j] === "'") {
        if (s[j + 1] === "'") { text += "'"; j += 2; continue; }
        break;
      }
      text += s[j];
      j++;
    }
    if (j < s.length && s[j + 1] === '!') return { prefix: text, length: j + 2 - i };
    return null;
  }
  let j = i;
  if (s[j] === '[') {
    const close = s.indexOf(']', j);
    if (close < 0) return null;
    j = close + 1;
  }
  while (j < s.length && (IDENT_CHAR.test(s[j] ?? '') || s[j] === ':')) j++;
  if (s[j] === '!' && j > i) return { prefix: s.slice(i, j), length: j + 1 - i };
  return null;
}

function scanNumber(s: string, i: number): string | null {
  const m = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(s.slice(i));
  return m ? m[0] : null;
}

/**
 * The rules read the same formulas many times over (R1C1 keys, references, ratio and total shapes): tokens are
 * kept per formula text, and the memory is dropped whole when it grows large.
 */
const memo = new Map<string, readonly Token[]>();
const MEMO_LIMIT = 200000;

/** Tokens of a formula (with or without its leading "="). Concatenating the token texts gives the input back. */
export function tokenize(formula: string): readonly Token[] {
  const known = memo.get(formula);
  if (known) return known;
  const tokens = scan(formula);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(formula, tokens);
  return tokens;
}

function scan(formula: string): readonly Token[] {
  const s = formula;
  const out: Token[] = [];
  let i = 0;
  if (s[0] === '=') { out.push({ k: 'op', text: '=' }); i = 1; }
  while (i < s.length) {
    const ch = s[i] ?? '';
    if (/\s/.test(ch)) {
      let j = i;
      while (j < s.length && /\s/.test(s[j] ?? '')) j++;
      out.push({ k: 'space', text: s.slice(i, j) });
      i = j;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let value = '';
      while (j < s.length) {
        if (s[j] === '"') {
          if (s[j + 1] === '"') { value += '"'; j += 2; continue; }
          break;
        }
        value += s[j];
        j++;
      }
      const end = Math.min(j + 1, s.length);
      out.push({ k: 'str', text: s.slice(i, end), value });
      i = end;
      continue;
    }
    if (ch === '#') {
      const upper = s.slice(i, i + 14).toUpperCase();
      const err = ERRORS.find(e => upper.startsWith(e));
      if (err) { out.push({ k: 'err', text: s.slice(i, i + err.length) }); i += err.length; continue; }
      out.push({ k: 'unknown', text: ch });
      i++;
      continue;
    }
    const prefix = scanPrefix(s, i);
    if (prefix) {
      const { workbook, sheet } = splitPrefix(prefix.prefix);
      const at = i + prefix.length;
      const ref = scanRef(s, at, sheet, workbook);
      if (ref) {
        out.push({ k: 'ref', text: s.slice(i, at + ref.length), ref: ref.ref });
        i = at + ref.length;
        continue;
      }
      let j = at;
      while (j < s.length && IDENT_CHAR.test(s[j] ?? '')) j++;
      out.push({ k: 'name', text: s.slice(i, j), workbook });
      i = j;
      continue;
    }
    if (ch === '$' || /[A-Za-z0-9]/.test(ch)) {
      const ref = scanRef(s, i, null, null);
      if (ref) {
        out.push({ k: 'ref', text: s.slice(i, i + ref.length), ref: ref.ref });
        i += ref.length;
        continue;
      }
    }
    if (/[0-9.]/.test(ch)) {
      const num = scanNumber(s, i);
      if (num) {
        out.push({ k: 'num', text: num, value: Number(num) });
        i += num.length;
        continue;
      }
    }
    if (IDENT_CHAR.test(ch) && !/[0-9.]/.test(ch)) {
      let j = i;
      while (j < s.length && IDENT_CHAR.test(s[j] ?? '')) j++;
      const text = s.slice(i, j);
      const upper = text.toUpperCase();
      if (s[j] === '(') out.push({ k: 'func', text, name: upper.replace(/^_XLFN\.|^_XLWS\./, '') });
      else if (upper === 'TRUE' || upper === 'FALSE') out.push({ k: 'bool', text, value: upper === 'TRUE' });
      else out.push({ k: 'name', text, workbook: null });
      i = j;
      continue;
    }
    const two = s.slice(i, i + 2);
    if (two === '<>' || two === '<=' || two === '>=') { out.push({ k: 'op', text: two }); i += 2; continue; }
    if ('+-*/^&=<>%:@'.includes(ch)) { out.push({ k: 'op', text: ch }); i++; continue; }
    if (ch === '(' || ch === '{') { out.push({ k: 'open', text: ch }); i++; continue; }
    if (ch === ')' || ch === '}') { out.push({ k: 'close', text: ch }); i++; continue; }
    if (ch === ',' || ch === ';') { out.push({ k: 'sep', text: ch }); i++; continue; }
    out.push({ k: 'unknown', text: ch });
    i++;
  }
  return out;
}

const refMemo = new Map<string, readonly Ref[]>();

/** Every reference of a formula, in order. */
export function references(formula: string): readonly Ref[] {
  const known = refMemo.get(formula);
  if (known) return known;
  const refs = tokenize(formula).flatMap(t => (t.k === 'ref' ? [t.ref] : []));
  if (refMemo.size >= MEMO_LIMIT) refMemo.clear();
  refMemo.set(formula, refs);
  return refs;
}

/** Workbooks other than this one that the formula reads from (references or names), deduplicated. */
export function externalWorkbooks(formula: string): string[] {
  const out = new Set<string>();
  for (const t of tokenize(formula)) {
    if (t.k === 'ref' && t.ref.workbook !== null) out.add(t.ref.workbook);
    if (t.k === 'name' && t.workbook !== null) out.add(t.workbook);
  }
  return [...out];
}

/** Upper-case names of the functions a formula calls. */
export function functionsOf(formula: string): string[] {
  return tokenize(formula).flatMap(t => (t.k === 'func' ? [t.name] : []));
}
