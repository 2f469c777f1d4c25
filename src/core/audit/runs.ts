/**
 * Runs: stretches of a column (going down) or a row (going across) where the largest group of cells holds one
 * formula in relative R1C1 form (at least three). Total lines are cells like any other: a column of row totals is
 * compared down the column. A formula of another shape inside the run is an anomaly when it is a near copy of the
 * run's formula (a shifted reference, a literal for a reference, another operator or a range one cell short) and
 * fixing it makes the line markedly more regular (`regularity.ts`: no fixed 2:1 majority, so 5 against 3 scattered
 * cells count while a separate block at one end does not). A typed number among the run's formulas is hard-coded.
 * Just beyond either end, a single odd cell counts only when its inputs are the same kind as the run's (so a
 * header, a total or the first row of a running sum does not).
 */
import { cellAddress } from '../grid/address';
import { keyedTokens, moveFormula, refA1, toR1C1 } from './r1c1';
import type { Ref } from './tokens';
import { references } from './tokens';
import { fixGain, periodic, runIndex, runsOf, tokenDistance } from './regularity';
import type { CellInfo, CellKind, SheetView } from './view';

export type Direction = 'down' | 'across';

export type RunAnomaly =
  | { readonly kind: 'hard-coded'; readonly at: CellInfo; readonly run: Run; readonly expected: string }
  | { readonly kind: 'shifted'; readonly at: CellInfo; readonly run: Run; readonly expected: string; readonly pairs: readonly RefPair[] }
  | { readonly kind: 'constant'; readonly at: CellInfo; readonly run: Run; readonly expected: string; readonly constants: readonly ConstantPair[] }
  /** A near copy of the run's formula: another operator, function or literal, a reference added or dropped. */
  | { readonly kind: 'variant'; readonly at: CellInfo; readonly run: Run; readonly expected: string }
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
  if (mine.length === theirs.length) {
    const wantRefs = references(expected);
    const pairs: RefPair[] = [];
    const constants: ConstantPair[] = [];
    let refIndex = 0;
    let other = false;
    for (let i = 0; i < mine.length; i++) {
      const a = mine[i];
      const b = theirs[i];
      if (!a || !b) return null;
      const want = b.token.k === 'ref' ? wantRefs[refIndex++] : undefined;
      if (a.key === b.key) continue;
      if (b.token.k === 'ref' && a.token.k === 'ref' && want) pairs.push({ got: refA1(a.token.ref), want: refA1(want) });
      else if (b.token.k === 'ref' && a.token.k === 'num' && want) constants.push({ literal: a.token.text, want: refA1(want) });
      else other = true;
    }
    if (!other && constants.length > 0) return { kind: 'constant', at, run, expected, constants };
    if (!other && pairs.length > 0) return { kind: 'shifted', at, run, expected, pairs };
  }
  // Another operator, function or literal, a reference added or dropped: a near copy of the run's formula.
  const a = mine.map(t => t.key);
  const b = theirs.map(t => t.key);
  const max = Math.max(1, Math.floor(Math.max(a.length, b.length) * 0.2));
  if (a.length > 120 || b.length > 120) return null;
  const d = tokenDistance(a, b, max);
  return d === null || d === 0 ? null : { kind: 'variant', at, run, expected };
}

/** Does the cell's row (column, across) feed the run's formula the same kind of inputs as the agreeing cells? */
function samePeer(view: SheetView, at: CellInfo, run: Run, baseline: readonly (InputClass | null)[]): boolean {
  const rep = run.cells[0];
  if (!rep) return false;
  if (run.direction === 'down' && view.isTotalRow(at.row)) return false;
  const mine = inputClassesAt(view, run, at.row, at.col);
  if (!mine || mine.length !== baseline.length || mine.length === 0) return false;
  // Without one agreed input class the run's inputs say nothing about this cell.
  if (baseline.every(b => b === null || b === 'unknown')) return false;
  return mine.every((c, i) => baseline[i] === null || baseline[i] === 'unknown' || c === baseline[i]);
}

/** The most common class per reference position over the agreeing cells (null where two thirds do not agree). */
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
    out.push(n * 3 >= run.cells.length * 2 ? best : null);
  }
  return out;
}

/** Entropy drop per fixed cell that counts as "markedly more regular" (see regularity.ts for the scale). */
export const GAIN_PER_CELL = 0.35;

function analyseSegment(view: SheetView, line: Line, direction: Direction, positions: readonly number[]): RunAnomaly[] {
  const groups = new Map<string, CellInfo[]>();
  const sequence: string[] = [];
  const numbers: CellInfo[] = [];
  for (const p of positions) {
    const info = line.at(p);
    const f = info.cell?.f;
    if (info.kind === 'formula' && f !== undefined) {
      const key = toR1C1(f, info.row, info.col);
      const g = groups.get(key);
      if (g) g.push(info); else groups.set(key, [info]);
      sequence.push(key);
    } else if (info.kind === 'num' || info.kind === 'textnum') {
      // Each typed number is a region of its own: fixing it means writing the run's formula there.
      sequence.push(`\u0000${p}`);
      numbers.push(info);
    }
  }
  let top: [string, CellInfo[]] | undefined;
  for (const e of groups) if (!top || e[1].length > top[1].length) top = e;
  if (!top || top[1].length < 3) return [];
  const cells = top[1];
  const first = cells[0];
  if (!first?.cell?.f) return [];
  const run: Run = { direction, cells, formula: first.cell.f, key: top[0] };
  const runs = runsOf(sequence);
  const index = runIndex(runs);
  const pos = (c: CellInfo): number => (direction === 'down' ? c.row : c.col);
  const firstPos = pos(first);
  const lastPos = pos(cells[cells.length - 1] ?? first);
  const interior = (c: CellInfo): boolean => pos(c) > firstPos && pos(c) < lastPos;
  let baseline: (InputClass | null)[] | undefined;
  const peer = (c: CellInfo): boolean => samePeer(view, c, run, baseline ??= baselineOf(view, run));
  const out: RunAnomaly[] = missingInputs(view, run, baselineOf(view, run));

  // Near copies of the run's formula, each judged as if the other near copies were already fixed: two stray cells
  // side by side must not hide each other.
  const near = new Map<string, RunAnomaly | null>();
  for (const [key, members] of groups) {
    const c = members[0];
    if (key !== run.key && members.length < cells.length && c) near.set(key, compare(c, run));
  }
  const strays = [...near].filter(([, a]) => a !== null).map(([k]) => k);
  // Typed numbers among a computed line are fixed too (they are reported as hard-coded below).
  const fewNumbers = numbers.length * 2 <= cells.length;
  const gainOf = (key: string): number => {
    if ((strays.length <= 1 && !(fewNumbers && numbers.length > 0)) || strays.length > 16) return fixGain(runs, index, key, run.key);
    const others = new Set(strays.filter(k => k !== key));
    const cleaned = runsOf(sequence.map(l => (others.has(l) || (fewNumbers && l.startsWith('\u0000')) ? run.key : l)));
    return fixGain(cleaned, runIndex(cleaned), key, run.key);
  };
  for (const [key, members] of groups) {
    if (!near.has(key)) continue;
    const atEnd = members.filter(c => !interior(c));
    const inside = members.filter(interior);
    // Cells inside the run: flagged when fixing them makes the line markedly more regular.
    if (inside.length > 0 && near.get(key) && !(inside.length >= 3 && periodic(inside.map(pos)))) {
      const gain = gainOf(key) / members.length;
      if (gain >= GAIN_PER_CELL && members.length * 2 < sequence.length) {
        for (const c of inside) { const a = compare(c, run); if (a) out.push(a); }
      }
    }
    // A single cell just beyond an end: only a near copy whose inputs look like the run's (not a total or a header).
    if (atEnd.length === 1 && members.length === 1) {
      const c = atEnd[0];
      const p = c ? pos(c) : 0;
      if (c && (p === firstPos - 1 || p === lastPos + 1 || adjacentThroughBlanks(line, p, p < firstPos ? firstPos : lastPos))) {
        const a = compare(c, run);
        // A literal where the run reads a cell is evidence by itself; another reference or operator only when the
        // cell's inputs are the run's kind (a running total's first row reads the inputs, not the row above).
        if (a && (a.kind === 'constant' || peer(c))) out.push(a);
      }
    }
  }
  // Typed numbers among the run's formulas, where the line is a computed one (numbers are few).
  if (fewNumbers) {
    for (const c of numbers) {
      const p = pos(c);
      const inRun = p > firstPos && p < lastPos;
      const nextToEnd = p === firstPos - 1 || p === lastPos + 1;
      if (!inRun && !(nextToEnd && peer(c))) continue;
      // Inside the run the inputs may be of any kind, but they must be there: a row with nothing to compute from
      // (a figure typed where the data is missing, a header) is no hard-coded result.
      if (inRun && !hasInputs(view, run, c)) continue;
      const expected = moveFormula(run.formula, first.row, first.col, c.row, c.col);
      if (expected !== null) out.push({ kind: 'hard-coded', at: c, run, expected });
    }
  }
  return out;
}

function hasInputs(view: SheetView, run: Run, at: CellInfo): boolean {
  const classes = inputClassesAt(view, run, at.row, at.col);
  return classes !== null && classes.length > 0 && classes.every(c => c !== 'empty' && c !== 'text');
}

/** Only blank cells lie between position p and the run's end e. */
function adjacentThroughBlanks(line: Line, p: number, e: number): boolean {
  const [a, b] = p < e ? [p, e] : [e, p];
  if (b - a > 3) return false;
  for (let q = a + 1; q < b; q++) if (line.at(q).kind !== 'empty') return false;
  return true;
}

/**
 * Members that read an empty cell where the run reads typed figures, while the rest of their inputs are filled:
 * one missing figure in a row that otherwise has data, so the result (often 0) means nothing.
 */
function missingInputs(view: SheetView, run: Run, baseline: readonly (InputClass | null)[]): RunAnomaly[] {
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
