/**
 * Shared formulas: Excel stores the formula text once, on the first cell of a shared range, and the other cells
 * only point to it. Each cell's own formula is the master's with every relative reference moved by the cell's
 * offset from the master, as Excel does when it fills a formula down or right. Strings, quoted sheet names,
 * bracketed parts (structured references, external links), function names and defined names are left alone.
 */

const MAX_ROW = 1048576;
const MAX_COL = 16384;

// Sticky patterns tried at the start of a word.
const AREA = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}))?/y;
const COLS = /(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})/y;
const ROWS = /(\$?)(\d{1,7}):(\$?)(\d{1,7})/y;
const WORD = /[\p{L}\p{N}_.\\?$]+/uy;
const NUMBER = /\d+(?:\.\d*)?(?:[Ee][+-]?\d+)?/y;
const ERROR = /#[A-Za-z0-9/_]*[!?]?/y;
const WORD_CHAR = /[\p{L}\p{N}_.\\?$(!]/u;

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 0x20) - 96);
  return n;
}

function colLetters(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** One moved coordinate, or null when it falls off the sheet. */
function move(value: number, abs: string, delta: number, max: number): number | null {
  const v = abs === '$' ? value : value + delta;
  return v >= 1 && v <= max ? v : null;
}

function cellPart(colAbs: string, col: string, rowAbs: string, row: string, dRow: number, dCol: number): string | null {
  const c = colNumber(col);
  const r = Number(row);
  if (c > MAX_COL || r < 1 || r > MAX_ROW) return null;
  const nc = move(c, colAbs, dCol, MAX_COL);
  const nr = move(r, rowAbs, dRow, MAX_ROW);
  return nc === null || nr === null ? '#REF!' : `${colAbs}${colLetters(nc)}${rowAbs}${nr}`;
}

/** The end of a quoted run starting at `i` (the quote), doubled quotes being escapes. */
function quotedEnd(f: string, i: number, q: string): number {
  let j = i + 1;
  while (j < f.length) {
    if (f[j] === q) {
      if (f[j + 1] === q) { j += 2; continue; }
      return j + 1;
    }
    j++;
  }
  return f.length;
}

function bracketEnd(f: string, i: number): number {
  let depth = 0;
  for (let j = i; j < f.length; j++) {
    if (f[j] === '[') depth++;
    else if (f[j] === ']' && --depth === 0) return j + 1;
  }
  return f.length;
}

function at(re: RegExp, f: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(f);
}

/** Is the match at i…end a whole reference, not the start of a longer name, function or sheet name? */
function standsAlone(f: string, end: number): boolean {
  const next = f[end];
  return next === undefined || !WORD_CHAR.test(next);
}

/** A reference-shaped text at `i` moved by (dRow, dCol), with its length; null when there is none. */
function reference(f: string, i: number, dRow: number, dCol: number): { text: string; length: number } | null {
  const a = at(AREA, f, i);
  if (a && standsAlone(f, i + a[0].length)) {
    const first = cellPart(a[1] ?? '', a[2] ?? '', a[3] ?? '', a[4] ?? '', dRow, dCol);
    if (first === null) return null;
    if (a[6] === undefined) return { text: first, length: a[0].length };
    const second = cellPart(a[5] ?? '', a[6], a[7] ?? '', a[8] ?? '', dRow, dCol);
    if (second === null) return null;
    return { text: first === '#REF!' || second === '#REF!' ? '#REF!' : `${first}:${second}`, length: a[0].length };
  }
  const c = at(COLS, f, i);
  if (c && standsAlone(f, i + c[0].length)) {
    const from = colNumber(c[2] ?? '');
    const to = colNumber(c[4] ?? '');
    if (from > MAX_COL || to > MAX_COL) return null;
    const x = move(from, c[1] ?? '', dCol, MAX_COL);
    const y = move(to, c[3] ?? '', dCol, MAX_COL);
    return { text: x === null || y === null ? '#REF!' : `${c[1]}${colLetters(x)}:${c[3]}${colLetters(y)}`, length: c[0].length };
  }
  const r = at(ROWS, f, i);
  if (r && standsAlone(f, i + r[0].length)) {
    const from = Number(r[2]);
    const to = Number(r[4]);
    if (from < 1 || to < 1 || from > MAX_ROW || to > MAX_ROW) return null;
    const x = move(from, r[1] ?? '', dRow, MAX_ROW);
    const y = move(to, r[3] ?? '', dRow, MAX_ROW);
    return { text: x === null || y === null ? '#REF!' : `${r[1]}${x}:${r[3]}${y}`, length: r[0].length };
  }
  return null;
}

/** The formula `f` (A1 style, no leading "=") as it reads `dRow` rows down and `dCol` columns right. Never throws. */
export function shiftFormula(f: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return f;
  let out = '';
  let i = 0;
  while (i < f.length) {
    const ch = f[i] ?? '';
    let end: number;
    if (ch === '"' || ch === "'") end = quotedEnd(f, i, ch);
    else if (ch === '[') end = bracketEnd(f, i);
    else if (ch === '#') end = i + Math.max(1, at(ERROR, f, i)?.[0].length ?? 1);
    else if (/[$A-Za-z0-9]/.test(ch)) {
      const ref = reference(f, i, dRow, dCol);
      if (ref) { out += ref.text; i += ref.length; continue; }
      const m = at(/\d/.test(ch) ? NUMBER : WORD, f, i);
      end = i + Math.max(1, m?.[0].length ?? 1);
      // A number directly followed by word characters ("1E", "2abc") is part of one word.
      if (/\d/.test(ch)) end = i + Math.max(end - i, at(WORD, f, i)?.[0].length ?? 1);
    } else if (WORD_CHAR.test(ch) && ch !== '(' && ch !== '!') end = i + Math.max(1, at(WORD, f, i)?.[0].length ?? 1);
    else end = i + 1;
    out += f.slice(i, end);
    i = end;
  }
  return out;
}
