/**
 * Runs: stretches of a column (going down) or a row (going across) where most cells hold the same formula in
 * relative R1C1 form. A cell of the run that holds a typed number, a shifted reference or a literal where the
 * others hold a reference is an anomaly. The evidence must be clear: at least three agreeing formulas, agreeing
 * cells at least twice as many as odd ones, and the odd cell's row must look like the others (its inputs are the
 * same kind of cells: typed numbers where the run reads typed numbers), so total lines and headers never qualify.
 */
import { cellAddress } from '../grid/address';
import { keyedTokens, moveFormula, refA1, toR1C1 } from './r1c1';
import type { Ref } from './tokens';
import { references } from './tokens';
import type { CellInfo, CellKind, SheetView } from './view';

export type Direction = 'down' | 'across';

export type RunAnomaly =
  | { readonly kind: 'hard-coded'; readonly at: CellInfo; readonly run: Run; readonly expected: string }
  | { readonly kind: 'shifted'; readonly at: CellInfo; readonly run: Run; readonly expected: string; readonly pairs: readonly RefPair[] }
  | { readonly kind: 'constant'; readonly at: CellInfo; readonly run: Run; readonly expected: string; readonly constants: readonly ConstantPair[] }
  /** A member of the run reading an empty cell where the other members read typed figures. */
  | { readonly kind: 'empty-input'; readonly at: CellInfo; readonly run: Run; readonly empty: readonly string[] };

/** A reference where the run has another one: what the cell reads vs what its neighbours would read here. */
export interface RefPair { readonly got: string; readonly want: string }
/** A literal where the run has a reference. */
export interface ConstantPair { readonly literal: string; readonly want: string }

export interface Run {
  readonly direction: Direction;
  /** The agreeing cells, in order. */
  readonly cells: readonly CellInfo[];
  /** The shared formula as written in the first agreeing cell (A1, no "="). */
  readonly formula: string;
  readonly key: string;
}

/** Input class of a cell, for "does this row look like the others?". Typed numbers and numbers-as-text are alike. */
type InputClass = 'value' | 'formula' | 'text' | 'empty' | 'other' | 'unknown';

function classOf(kind: CellKind): InputClass {
  switch (kind) {
    case 'num': case 'textnum': return 'value';
    case 'formula': return 'formula';
    case 'text': return 'text';
    case 'empty': return 'empty';
    case 'error': case 'bool': return 'other';
  }
}

const MAX_RANGE_CELLS = 4000;

/** The class of a reference's cells on this sheet: one cell's class, or the most common non-empty class of a range. */
function refClass(view: SheetView, ref: Ref): InputClass {
  // Other sheets and other files are not checked: no evidence either way.
  if (ref.workbook !== null || (ref.sheet !== null && ref.sheet !== view.sheet.name)) return 'unknown';
  if (ref.kind === 'cell') return classOf(view.info(ref.from.row, ref.from.col).kind);
  const bottom = Math.min(ref.to.row, view.sheet.rowCount);
  const right = Math.min(ref.to.col, view.sheet.colCount);
  if ((bottom - ref.from.row + 1) * (right - ref.from.col + 1) > MAX_RANGE_CELLS) return 'unknown';
  const counts = new Map<InputClass, number>();
  for (let r = ref.from.row; r <= bottom; r++) {
    for (let c = ref.from.col; c <= right; c++) {
      const k = classOf(view.info(r, c).kind);
      if (k !== 'empty') counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  let best: InputClass = 'empty';
  let n = 0;
  for (const [k, v] of counts) if (v > n) { best = k; n = v; }
  return best;
}

function inputClasses(view: SheetView, formula: string): InputClass[] {
  return references(formula).map(r => refClass(view, r));
}

/** A reference as the same formula would read it `dr` rows down and `dc` columns right (null: off the sheet). */
function shifted(r: Ref, dr: number, dc: number): Ref | null {
  const move = (p: Ref['from']): Ref['from'] => ({ ...p, row: p.rowAbs ? p.row : p.row + dr, col: p.colAbs ? p.col : p.col + dc });
  const from = move(r.from);
  const to = move(r.to);
  return from.row < 1 || from.col < 1 ? null : { ...r, from, to };
}

/** The input classes of the run's formula filled to (row, col), without writing the formula out. */
function inputClassesAt(view: SheetView, run: Run, row: number, col: number): InputClass[] | null {
  const rep = run.cells[0];
  if (!rep) return null;
  const out: InputClass[] = [];
  for (const r of references(run.formula)) {
    const moved = shifted(r, row - rep.row, col - rep.col);
    if (!moved) return null;
    out.push(refClass(view, moved));
  }
  return out;
}

interface Line { readonly length: number; at(p: number): CellInfo }

function lineOf(view: SheetView, direction: Direction, index: number): Line {
  return direction === 'down'
    ? { length: view.sheet.rowCount, at: p => view.info(p, index) }
    : { length: view.sheet.colCount, at: p => view.info(index, p) };
}

/** Non-empty positions of a line, split where three or more empty cells follow each other. */
function segments(line: Line): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  let last = -10;
  for (let p = 1; p <= line.length; p++) {
    if (line.at(p).kind === 'empty') continue;
    if (p - last > 3 && current.length > 0) { out.push(current); current = []; }
    current.push(p);
    last = p;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function compare(at: CellInfo, run: Run): RunAnomaly | null {
  const rep = run.cells[0];
  const f = at.cell?.f;
  if (!rep || f === undefined) return null;
  const expected = moveFormula(run.formula, rep.row, rep.col, at.row, at.col);
  if (expected === null) return null;
  const mine = keyedTokens(f, at.row, at.col);
  const theirs = keyedTokens(run.formula, rep.row, rep.col);
  if (mine.length !== theirs.length) return null;
  const wantRefs = references(expected);
  const pairs: RefPair[] = [];
  const constants: ConstantPair[] = [];
  let refIndex = 0;
  for (let i = 0; i < mine.length; i++) {
    const a = mine[i];
    const b = theirs[i];
    if (!a || !b) return null;
    const want = b.token.k === 'ref' ? wantRefs[refIndex++] : undefined;
    if (a.key === b.key) continue;
    if (b.token.k === 'ref' && a.token.k === 'ref' && want) pairs.push({ got: refA1(a.token.ref), want: refA1(want) });
    else if (b.token.k === 'ref' && a.token.k === 'num' && want) constants.push({ literal: a.token.text, want: refA1(want) });
    else return null;
  }
  if (constants.length > 0) return { kind: 'constant', at, run, expected, constants };
  if (pairs.length > 0) return { kind: 'shifted', at, run, expected, pairs };
  return null;
}

/** Does the cell's row (column, across) feed the run's formula the same kind of inputs as the agreeing cells? */
function samePeer(view: SheetView, at: CellInfo, run: Run, baseline: readonly InputClass[]): boolean {
  const rep = run.cells[0];
  if (!rep) return false;
  if (run.direction === 'down' && view.isTotalRow(at.row)) return false;
  const mine = inputClassesAt(view, run, at.row, at.col);
  if (!mine || mine.length !== baseline.length || mine.length === 0) return false;
  return mine.every((c, i) => baseline[i] === 'unknown' || c === baseline[i]);
}

/** The most common class per reference position over the agreeing cells. */
function baselineOf(view: SheetView, run: Run): (InputClass | null)[] {
  const perCell = run.cells.map(c => inputClasses(view, c.cell?.f ?? ''));
  const width = perCell[0]?.length ?? 0;
  const out: (InputClass | null)[] = [];
  for (let i = 0; i < width; i++) {
    const counts = new Map<InputClass, number>();
    for (const cls of perCell) { const k = cls[i] ?? 'unknown'; counts.set(k, (counts.get(k) ?? 0) + 1); }
    let best: InputClass | null = null;
    let n = 0;
    for (const [k, v] of counts) if (v > n) { best = k; n = v; }
    // A baseline nobody agrees on is no evidence.
    out.push(n * 3 >= run.cells.length * 2 ? best : null);
  }
  return out;
}

function analyseSegment(view: SheetView, line: Line, direction: Direction, positions: readonly number[]): RunAnomaly[] {
  const groups = new Map<string, CellInfo[]>();
  for (const p of positions) {
    const info = line.at(p);
    const f = info.cell?.f;
    if (info.kind !== 'formula' || f === undefined) continue;
    const key = toR1C1(f, info.row, info.col);
    const g = groups.get(key);
    if (g) g.push(info); else groups.set(key, [info]);
  }
  const ranked = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
  const top = ranked[0];
  if (!top || top[1].length < 3) return [];
  if (ranked[1] && ranked[1][1].length * 2 > top[1].length) return [];
  const cells = top[1];
  const first = cells[0];
  if (!first?.cell?.f) return [];
  const run: Run = { direction, cells, formula: first.cell.f, key: top[0] };
  const found = baselineOf(view, run);
  // Without agreement on the inputs, or with no input on this sheet to look at, there is no clear evidence.
  const baseline = found.filter((b): b is InputClass => b !== null);
  if (baseline.length !== found.length || baseline.every(b => b === 'unknown')) return [];
  const pos = (c: CellInfo): number => (direction === 'down' ? c.row : c.col);
  const firstPos = pos(first);
  const lastPos = pos(cells[cells.length - 1] ?? first);
  const isCandidate = (info: CellInfo): boolean =>
    (info.kind === 'num' || info.kind === 'textnum' || (info.kind === 'formula' && toR1C1(info.cell?.f ?? '', info.row, info.col) !== run.key)) &&
    samePeer(view, info, run, baseline);

  const candidates: CellInfo[] = [];
  for (let p = firstPos + 1; p < lastPos; p++) {
    const info = line.at(p);
    if (isCandidate(info)) candidates.push(info);
  }
  // Beyond either end, the run continues only while the cells still look like its members.
  for (const step of [-1, 1]) {
    for (let p = step < 0 ? firstPos - 1 : lastPos + 1; p >= 1 && p <= line.length; p += step) {
      const info = line.at(p);
      if (!isCandidate(info)) break;
      candidates.push(info);
    }
  }
  const out: RunAnomaly[] = missingInputs(view, run, baseline);
  if (candidates.length === 0 || cells.length < candidates.length * 2) return out;
  for (const at of candidates) {
    if (at.kind !== 'formula') {
      const expected = moveFormula(run.formula, first.row, first.col, at.row, at.col);
      if (expected !== null) out.push({ kind: 'hard-coded', at, run, expected });
      continue;
    }
    const a = compare(at, run);
    if (a) out.push(a);
  }
  return out;
}

/**
 * Members that read an empty cell where the run reads typed figures, while the rest of their inputs are filled:
 * one missing figure in a row that otherwise has data, so the result (often 0) means nothing.
 */
function missingInputs(view: SheetView, run: Run, baseline: readonly InputClass[]): RunAnomaly[] {
  const out: RunAnomaly[] = [];
  for (const at of run.cells) {
    if (at.number === null) continue;
    const f = at.cell?.f ?? '';
    const refs = references(f);
    const classes = inputClasses(view, f);
    const empty: string[] = [];
    let filled = 0;
    classes.forEach((c, i) => {
      const ref = refs[i];
      if (baseline[i] !== 'value' || !ref) return;
      if (c === 'empty' && ref.kind === 'cell') empty.push(refA1(ref));
      else if (c === 'value') filled++;
    });
    if (empty.length > 0 && filled > 0) out.push({ kind: 'empty-input', at, run, empty });
  }
  return out;
}

/** Every run anomaly of a sheet, down the columns and across the rows. */
export function runAnomalies(view: SheetView): RunAnomaly[] {
  const out: RunAnomaly[] = [];
  for (const direction of ['down', 'across'] as const) {
    const count = direction === 'down' ? view.sheet.colCount : view.sheet.rowCount;
    for (let i = 1; i <= count; i++) {
      const line = lineOf(view, direction, i);
      for (const seg of segments(line)) out.push(...analyseSegment(view, line, direction, seg));
    }
  }
  return out;
}

/** The span from the first to the last agreeing cell ("G6:G16"), for messages. */
export function runSpan(run: Run): string {
  const first = run.cells[0];
  const last = run.cells[run.cells.length - 1];
  if (!first || !last) return '';
  return `${cellAddress(first.row, first.col)}:${cellAddress(last.row, last.col)}`;
}
