/**
 * Totals: a SUM / SUBTOTAL (or a "+" chain on a total line) that adds up the block above it (or to its left) must
 * cover the whole block, not its header, and not itself. The block is read from the cells: going up from the total,
 * numbers and formulas belong to it; a text cell is its header; another total line or three empty cells end it.
 * A formula that reads its own cell is reported as a circular reference, with the total it probably meant.
 */
import { scalarText } from '../../grid/access';
import { cellAddress, columnLetter } from '../../grid/address';
import { clean } from '../../text/fold';
import type { AuditContext } from '../context';
import { finding, groupId, type Finding } from '../finding';
import { refA1, toR1C1 } from '../r1c1';
import { tokenize, type Ref, type Token } from '../tokens';
import type { CellInfo, SheetView } from '../view';
import { deadRef } from './empty-refs';

export interface SimpleTotal {
  /** SUM and SUBTOTAL calls (possibly added together), one AVERAGE, or a plain chain of references joined by "+". */
  readonly fn: 'SUM' | 'SUBTOTAL' | 'AVERAGE' | 'PLUS';
  readonly refs: readonly Ref[];
}

/** Reads `SUM(a, b)`, `SUBTOTAL(9, a)`, `SUM(a)+SUM(b)`, `AVERAGE(a)`, `a+b+c`; anything else is not a simple total. */
export function simpleTotal(formula: string): SimpleTotal | null {
  const t: Token[] = tokenize(formula.replace(/^=/, '')).filter(x => x.k !== 'space');
  const refs: Ref[] = [];
  const fns = new Set<SimpleTotal['fn']>();
  let terms = 0;
  let i = 0;
  const args = (): boolean => {
    for (;;) {
      const a = t[i];
      if (a?.k !== 'ref') return false;
      refs.push(a.ref);
      i++;
      if (t[i]?.k === 'sep') { i++; continue; }
      return t[i]?.k === 'close' && (i++, true);
    }
  };
  for (;;) {
    const a = t[i];
    terms++;
    if (a?.k === 'ref') { refs.push(a.ref); fns.add('PLUS'); i++; }
    else if (a?.k === 'func' && (a.name === 'SUM' || a.name === 'SUBTOTAL' || a.name === 'AVERAGE') && t[i + 1]?.k === 'open') {
      i += 2;
      if (a.name === 'SUBTOTAL') {
        const code = t[i];
        if (code?.k !== 'num' || ![9, 109].includes(code.value) || t[i + 1]?.k !== 'sep') return null;
        i += 2;
      }
      if (!args()) return null;
      fns.add(a.name);
    } else return null;
    if (i >= t.length) break;
    if (t[i]?.k === 'op' && t[i]?.text === '+') { i++; continue; }
    return null;
  }
  if (refs.length === 0) return null;
  if (fns.has('AVERAGE')) return terms === 1 ? { fn: 'AVERAGE', refs } : null;
  const fn = fns.has('SUBTOTAL') ? 'SUBTOTAL' : fns.has('SUM') ? 'SUM' : 'PLUS';
  if (fn === 'PLUS' && refs.length < 2) return null;
  return { fn, refs };
}

function ownSheet(view: SheetView, r: Ref): boolean {
  return r.workbook === null && (r.sheet === null || r.sheet.toLowerCase() === view.sheet.name.toLowerCase());
}

export function readsItself(view: SheetView, formula: string, row: number, col: number): boolean {
  return tokenize(formula).some(t => t.k === 'ref' && ownSheet(view, t.ref)
    && row >= t.ref.from.row && row <= t.ref.to.row && col >= t.ref.from.col && col <= t.ref.to.col);
}

interface Axis {
  readonly vertical: boolean;
  /** Position along the axis → the cell. */
  at(p: number): CellInfo;
  /** Reference → the positions it covers on this axis, or null when it leaves the axis. */
  span(r: Ref): [number, number] | null;
  name(p: number): string;
  isTotal(p: number): boolean;
  /** Last position of the axis. */
  readonly length: number;
  /** The row (vertical: the column) the axis runs along. */
  readonly fixed: number;
}

function axisOf(view: SheetView, row: number, col: number, vertical: boolean): Axis {
  return vertical
    ? {
      vertical, length: view.sheet.rowCount, fixed: col,
      at: p => view.info(p, col), name: p => cellAddress(p, col), isTotal: p => view.isTotalRow(p),
      span: r => (r.kind !== 'cols' && r.from.col === col && r.to.col === col ? [r.from.row, r.to.row] : null),
    }
    : {
      vertical, length: view.sheet.colCount, fixed: row,
      at: p => view.info(row, p), name: p => cellAddress(row, p), isTotal: p => view.isTotalColumn(p),
      span: r => (r.kind !== 'rows' && r.from.row === row && r.to.row === row ? [r.from.col, r.to.col] : null),
    };
}

function isAggregate(info: CellInfo): 'SUM' | 'SUBTOTAL' | null {
  const f = info.cell?.f;
  if (f === undefined) return null;
  const m = /^\s*(SUM|SUBTOTAL)\s*\(/i.exec(f);
  return m ? (m[1]?.toUpperCase() as 'SUM' | 'SUBTOTAL') : null;
}

function isYear(info: CellInfo): boolean {
  return info.kind !== 'formula' && info.number !== null && Number.isInteger(info.number) && info.number >= 1900 && info.number <= 2100;
}

interface Block { readonly members: readonly number[]; readonly header: number | null; readonly top: number }

/**
 * The block a total at position `p` adds up, going backwards along the axis (`step` -1: the total below or right of
 * its block) or forwards (+1: a total above or left of it, "D11 = SUM(E11:H11)").
 */
function blockBefore(axis: Axis, p: number, fn: SimpleTotal['fn'], covered: (q: number) => boolean = () => false, step: -1 | 1 = -1): Block {
  const members: number[] = [];
  let header: number | null = null;
  let empties = 0;
  let top = p;
  for (let q = p + step; q >= 1 && q <= axis.length; q += step) {
    const info = axis.at(q);
    if (info.kind === 'empty') { if (++empties >= 3) break; continue; }
    empties = 0;
    if (info.kind === 'text' || info.kind === 'bool') { if (step < 0) header = q; break; }
    const agg = isAggregate(info);
    // A SUBTOTAL over inner SUBTOTALs skips them, so its block runs through them; anything else stops at a subtotal.
    if (agg === 'SUBTOTAL' && fn === 'SUBTOTAL' && covered(q)) continue;
    if (agg !== null || axis.isTotal(q)) break;
    members.push(q);
    top = q;
  }
  // A year typed as a number heads milestone columns ("2025"): at the top of a block of non-years it is the header.
  const first = members[members.length - 1];
  if (step < 0 && first !== undefined && header === null && isYear(axis.at(first)) && members.slice(0, -1).some(q => !isYear(axis.at(q)))) {
    members.pop();
    header = first;
    top = members[members.length - 1] ?? p;
  }
  return { members, header, top };
}

/** Labels of lines that hold another kind of thing than the figures a total adds: means, codes, years. */
const OTHER_KIND = /^(mean|average|avg|median|code|id|no\.?|year|years|năm|mã|mã số|stt|tt|số tt)(?=$|[\s:.,;(])|mean|average|trung bình|bình quân/iu;

/** The label of a line across the axis at q: the row's label (vertical axis) or the column's header (horizontal). */
function lineLabel(view: SheetView, axis: Axis, q: number): string {
  if (axis.vertical) return view.label(q).toLowerCase();
  for (let r = axis.fixed - 1; r >= 1; r--) {
    const c = view.info(r, q);
    if (c.kind === 'text' && c.cell?.v.t === 's') return clean(c.cell.v.s).toLowerCase();
  }
  return '';
}

/** The line across the axis at q reads as headers: more text than figures (first 200 cells). */
function headerLine(view: SheetView, axis: Axis, q: number): boolean {
  let texts = 0;
  let figures = 0;
  const length = Math.min(axis.vertical ? view.sheet.colCount : view.sheet.rowCount, 200);
  for (let k = 1; k <= length; k++) {
    const c = axis.vertical ? view.info(q, k) : view.info(k, q);
    if (c.kind === 'text') texts++;
    else if (c.kind === 'num' || c.kind === 'formula') figures++;
  }
  return texts > figures;
}

/**
 * A cell left out at the edge of a total's range is a mistake only if it is the same kind of thing as the cells the
 * total adds: a typed figure among typed figures, or a formula of the same shape among formulas; not a year, a code,
 * a mean, or a line of headers. Cells left out inside the range are always reported.
 */
function sameKind(view: SheetView, axis: Axis, q: number, inside: readonly number[]): boolean {
  const cell = axis.at(q);
  const covered = inside.map(p => axis.at(p));
  const formulas = covered.filter(c => c.kind === 'formula');
  if (formulas.length * 2 > covered.length) {
    if (cell.kind !== 'formula' || cell.cell?.f === undefined) return false;
    const shapes = new Set(formulas.map(c => toR1C1(c.cell?.f ?? '', c.row, c.col)));
    if (!shapes.has(toR1C1(cell.cell.f, cell.row, cell.col))) return false;
  // A year heading the block is already taken as its header by blockBefore; a figure like 2096 is a figure.
  } else if (cell.kind !== 'num') return false;
  // Rates are no sign: the items of an appendix are often named "Tỷ lệ …".
  return !OTHER_KIND.test(lineLabel(view, axis, q)) && !headerLine(view, axis, q);
}

/**
 * Totals beside this one that read the same relative range (the row totals above and below, the column totals left
 * and right): when they all leave out the same line, the layout means it.
 */
function deliberate(view: SheetView, info: CellInfo, vertical: boolean): boolean {
  const f = info.cell?.f;
  if (f === undefined) return false;
  const key = toR1C1(f, info.row, info.col);
  let same = 0;
  for (const d of [-2, -1, 1, 2]) {
    const n = vertical ? view.info(info.row, info.col + d) : view.info(info.row + d, info.col);
    if (n.kind === 'formula' && n.cell?.f !== undefined && toR1C1(n.cell.f, n.row, n.col) === key) same++;
  }
  return same >= 2;
}

function checkTotal(view: SheetView, info: CellInfo, total: SimpleTotal, vertical: boolean): string | null {
  const axis = axisOf(view, info.row, info.col, vertical);
  const p = vertical ? info.row : info.col;
  const spans: [number, number][] = [];
  for (const r of total.refs) {
    if (!ownSheet(view, r)) return null;
    const s = axis.span(r);
    if (!s || (s[0] <= p && s[1] >= p)) return null;
    spans.push(s);
  }
  const after = spans.every(([a]) => a > p);
  if (!after && !spans.every(([, b]) => b < p)) return null;
  const covered = (q: number): boolean => spans.some(([a, b]) => q >= a && q <= b);
  const block = blockBefore(axis, p, total.fn, covered, after ? 1 : -1);
  if (block.members.length < 2) return null;
  const inside = block.members.filter(covered);
  // The total must be about this block: it covers most of it.
  if (inside.length * 2 < block.members.length || inside.length < 2) return null;
  const problems: string[] = [];
  const lo = Math.min(...inside);
  const hi = Math.max(...inside);
  const missed = block.members.filter(q => !covered(q)
    && ((q > lo && q < hi) || (sameKind(view, axis, q, inside) && !deliberate(view, info, vertical)))).sort((a, b) => a - b);
  if (missed.length > 0) problems.push(`bỏ sót ${missed.map(q => axis.name(q)).join(', ')}`);
  if (block.header !== null && covered(block.header)) {
    const h = axis.at(block.header).cell;
    problems.push(`lấy cả ô tiêu đề ${axis.name(block.header)}${h?.v.t === 's' ? ` ("${h.v.s.trim()}")` : ''}`);
  } else if (!after && spans.some(([a]) => a < block.top) && total.fn === 'SUM') {
    // Above the block's top there is a subtotal line: adding it again counts its items twice.
    const twice = [];
    for (const [a] of spans) for (let q = a; q < block.top; q++) if (isAggregate(axis.at(q)) !== null && covered(q)) twice.push(q);
    if (twice.length > 0) problems.push(`cộng cả dòng tổng ${[...new Set(twice)].map(q => axis.name(q)).join(', ')} nên bị tính hai lần`);
  }
  if (problems.length === 0) return null;
  const kept = block.members.filter(q => covered(q) || missed.includes(q));
  const first = Math.min(...kept);
  const last = Math.max(...kept);
  const range = `${axis.name(first)}:${axis.name(last)}`;
  const want = total.fn === 'SUBTOTAL' ? `SUBTOTAL(9,${range})` : total.fn === 'AVERAGE' ? `AVERAGE(${range})` : `SUM(${range})`;
  const at = cellAddress(info.row, info.col);
  const list = total.refs.map(refA1).join(', ');
  const what = total.fn === 'AVERAGE' ? `Ô trung bình ${at} (=${info.cell?.f ?? ''}) tính trên vùng` : `Tổng ${at} (=${info.cell?.f ?? ''}) cộng vùng`;
  return `${what} ${list} nhưng ${problems.join(' và ')}. `
    + `Hãy sửa thành =${want} / the total's range does not match its block; expected =${want}`;
}


function circularMessage(view: SheetView, info: CellInfo): string {
  const at = cellAddress(info.row, info.col);
  const f = info.cell?.f ?? '';
  const cached = info.number !== null ? ` và chỉ giữ kết quả cũ ${String(info.number).replace('.', ',')}` : '';
  const total = simpleTotal(f);
  let hint = 'Hãy bỏ tham chiếu tới chính ô này';
  if (total && view.isTotalRow(info.row)) {
    const block = blockBefore(axisOf(view, info.row, info.col, true), info.row, total.fn);
    if (block.members.length >= 1) {
      const want = `SUM(${cellAddress(Math.min(...block.members), info.col)}:${cellAddress(Math.max(...block.members), info.col)})`;
      hint = `Nếu đây là dòng tổng, hãy sửa thành =${want}`;
    }
  }
  const empty = tokenize(f).flatMap(t => (t.k === 'ref' && ownSheet(view, t.ref) && deadRef(view.sheet, t.ref) !== null ? [refA1(t.ref)] : []));
  const also = empty.length > 0 ? `, lại cộng cả ô trống ${empty.join(', ')}` : '';
  return `Công thức ${at} (=${f}) tham chiếu chính ô ${at} (tham chiếu vòng)${also}: Excel không tính được${cached}. ${hint} / circular reference: the formula reads its own cell`;
}

/**
 * A total typed by hand on a total line (a row, or a column of a table laid across) where the neighbouring totals
 * are SUMs: equal to the sum of its block it will not follow the figures; different, it is simply wrong.
 */
/** Column headers of figures that are not added up: targets, plans, rates. */
const TOTAL_LABEL = /^(tổng|cộng|total|sum|toàn)/u;
const NOT_ADDITIVE = /mục tiêu|chỉ tiêu|kế hoạch|định mức|tỷ lệ|tỉ lệ|%|bình quân|trung bình|đơn giá/u;

function typedTotals(view: SheetView, line: number, vertical: boolean): Finding[] {
  if (!(vertical ? view.isTotalRow(line) : view.isTotalColumn(line))) return [];
  const across = vertical ? view.sheet.colCount : view.sheet.rowCount;
  const cellOf = (q: number): CellInfo => (vertical ? view.info(line, q) : view.info(q, line));
  let sibling: CellInfo | null = null;
  for (let q = 1; q <= across && !sibling; q++) {
    const info = cellOf(q);
    const t = info.cell?.f !== undefined ? simpleTotal(info.cell.f) : null;
    const ref = t && (t.fn === 'SUM' || t.fn === 'SUBTOTAL') && t.refs.length === 1 ? t.refs[0] : undefined;
    const span = ref && ownSheet(view, ref) ? axisOf(view, info.row, info.col, vertical).span(ref) : null;
    if (span && span[1] < line) sibling = info;
  }
  if (!sibling) return [];
  const out: Finding[] = [];
  for (let q = 1; q <= across; q++) {
    const info = cellOf(q);
    if (info.kind !== 'num' || info.number === null) continue;
    // A figure right after a label of its own ("target:", "Định mức") is an input on that line, not a total.
    const before = vertical ? view.info(info.row, info.col - 1) : view.info(info.row - 1, info.col);
    if (before.kind === 'text' && before.cell?.v.t === 's' && !TOTAL_LABEL.test(clean(before.cell.v.s).toLowerCase())) continue;
    const axis = axisOf(view, info.row, info.col, vertical);
    const block = blockBefore(axis, line, 'SUM');
    const values = block.members.map(p => axis.at(p));
    if (values.length < 2 || !values.every(v => v.kind === 'num' || v.kind === 'textnum')) continue;
    const numbers = values.map(v => v.number ?? 0);
    const sum = numbers.reduce((s, n) => s + n, 0);
    const equal = Math.abs(sum - info.number) <= Math.max(1e-9, Math.abs(sum) * 1e-6);
    // A different number is a wrong total only if it reads as one: above every item (an average or a target is not),
    // in a column that is not a target or a rate.
    const header = block.header !== null ? clean(scalarText(axis.at(block.header).cell?.v)).toLowerCase() : '';
    if (!equal && (info.number <= Math.max(...numbers) || numbers.some(n => n < 0) || NOT_ADDITIVE.test(header))) continue;
    const at = cellAddress(info.row, info.col);
    const range = `${axis.name(Math.min(...block.members))}:${axis.name(Math.max(...block.members))}`;
    const typed = String(info.number).replace('.', ',');
    const state = equal
      ? 'Khi số liệu thay đổi, tổng này sẽ sai'
      : `Số này khác tổng thật của ${range} (${String(Math.round(sum * 100) / 100).replace('.', ',')})`;
    out.push(finding(view.sheet.name, at, 'hard-coded',
      `Ô tổng ${at} gõ tay số ${typed} trong khi các ô tổng bên cạnh dùng công thức `
      + `(như ${cellAddress(sibling.row, sibling.col)}: =${sibling.cell?.f ?? ''}). ${state}; `
      + `hãy thay bằng =SUM(${range}) / a total typed by hand beside computed totals`, null));
  }
  return out;
}

export function totalRules(ctx: AuditContext): Finding[] {
  const { view } = ctx;
  const out: Finding[] = [];
  for (let r = 1; r <= view.sheet.rowCount; r++) out.push(...typedTotals(view, r, true));
  for (let c = 1; c <= view.sheet.colCount; c++) out.push(...typedTotals(view, c, false));
  for (let r = 1; r <= view.sheet.rowCount; r++) {
    for (let c = 1; c <= view.sheet.colCount; c++) {
      const info = view.info(r, c);
      const f = info.cell?.f;
      if (info.kind !== 'formula' || f === undefined) continue;
      const at = cellAddress(r, c);
      if (readsItself(view, f, r, c)) {
        out.push(finding(view.sheet.name, at, 'circular-reference', circularMessage(view, info), f));
        continue;
      }
      const total = simpleTotal(f);
      if (!total) continue;
      // A "+" chain is a total only on a line that says so.
      if (total.fn === 'PLUS' && !view.isTotalRow(r)) continue;
      const down = checkTotal(view, info, total, true);
      const across = down === null && total.fn !== 'PLUS' ? checkTotal(view, info, total, false) : null;
      // A column of row totals (or a row of column totals) mis-ranged alike is one cause.
      const line = down !== null ? `${r}:${r}` : `${columnLetter(c)}:${columnLetter(c)}`;
      const msg = down ?? across;
      if (msg) out.push(finding(view.sheet.name, at, 'total-range', msg, f, { group: groupId('total-range', view.sheet.name, line) }));
    }
  }
  return out;
}
