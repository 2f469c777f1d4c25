/**
 * Workbooks with planted problems, laid out differently each time (header row, first column, table length, total
 * line or not, evaluation column or not, table going down or across), with the list of cells an auditor should be
 * shown. Cached results are what Excel would show for the planted formulas.
 */
import { tokenize } from '../../../src/core/audit/tokens';
import { cellAddress, columnLetter, parseCellAddress } from '../../../src/core/grid/address';
import type { Raw } from '../../helpers/grid';
import { put, rng, type Grid } from './build';

export type Problem =
  | 'hard-coded' | 'shifted' | 'over-100' | 'contradiction' | 'text-number' | 'div0' | 'constant' | 'total-omits'
  | 'total-header' | 'link' | 'empty-input' | 'typed-total' | 'negative' | 'ref-error';

export const PROBLEMS: readonly Problem[] = [
  'hard-coded', 'shifted', 'over-100', 'contradiction', 'text-number', 'div0', 'constant', 'total-omits', 'total-header', 'link',
  'empty-input', 'typed-total', 'negative', 'ref-error',
];

export interface Layout {
  readonly seed: number;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly total: boolean;
  readonly evaluation: boolean;
  readonly across: boolean;
  readonly problems: readonly Problem[];
}

export interface Planted { readonly grid: Grid; readonly expected: string[]; readonly planted: Problem[] }

type Cells = Map<string, Raw>;

/** Swaps rows and columns of an address, and of every reference inside a formula. */
function swapAddress(a: string): string {
  const p = parseCellAddress(a);
  return p ? cellAddress(p.col, p.row) : a;
}

function swapFormula(f: string): string {
  return tokenize(f).map(t => {
    if (t.k !== 'ref' || t.ref.workbook !== null) return t.text;
    const bang = t.text.lastIndexOf('!');
    const pre = bang >= 0 ? t.text.slice(0, bang + 1) : '';
    const a = cellAddress(t.ref.from.col, t.ref.from.row);
    const b = cellAddress(t.ref.to.col, t.ref.to.row);
    return pre + (t.ref.kind === 'cell' ? a : `${a}:${b}`);
  }).join('');
}

function valueOf(x: Raw): Raw {
  return x && typeof x === 'object' && 'f' in x && typeof x.v === 'number' ? x.v : x;
}

function swapRaw(x: Raw): Raw {
  return x && typeof x === 'object' && 'f' in x ? { ...x, f: swapFormula(x.f) } : x;
}

export function plant(layout: Layout): Planted {
  const rand = rng(layout.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const L = (i: number): string => columnLetter(layout.left + i);
  const col = { code: L(0), name: L(1), unit: L(2), target: L(3), num: L(4), den: L(5), rate: L(6), eval: L(7) };
  const cells: Cells = new Map();
  const set = (a: string, v: Raw): void => { cells.set(a, v); };
  const first = layout.top + 1;
  const last = layout.top + layout.rows;
  ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu', 'Số đạt', 'Tổng số', 'Kết quả', 'Tự đánh giá']
    .forEach((h, i) => { if (i < 7 || layout.evaluation) set(`${L(i)}${layout.top}`, h); });
  const num = new Map<number, number>();
  const den = new Map<number, number>();
  const target = new Map<number, number>();
  for (let r = first; r <= last; r++) {
    const d = 40 + Math.floor(rand() * 5000);
    den.set(r, d);
    num.set(r, Math.floor(d * (0.55 + rand() * 0.45)));
    target.set(r, pick([50, 80, 90, 100]));
  }
  // Problems go on every other row, leaving clean rows between them (a shifted formula reads a clean row).
  const slots: number[] = [];
  for (let r = first + 1; r < last; r += 2) slots.push(r);
  const expected = new Set<string>();
  const planted: Problem[] = [];
  const rate = new Map<number, Raw>();
  const evalText = new Map<number, string>();
  const rateOf = (r: number, nr = r): number => ((num.get(nr) ?? 0) / (den.get(nr) ?? 1)) * 100;
  for (let r = first; r <= last; r++) rate.set(r, { f: `${col.num}${r}/${col.den}${r}*100`, v: rateOf(r), fmt: '0.00' });
  let flipRow: number | null = null;
  const textRows = new Set<number>();
  let numFormula: { row: number; f: string } | null = null;
  let omits = false;
  let header = false;
  let typedTotal = false;
  const emptyRows = new Set<number>();
  let omitFirst = false;

  for (const p of layout.problems) {
    if ((p === 'total-omits' || p === 'total-header') && !layout.total) continue;
    if (p === 'contradiction' && (!layout.evaluation || layout.across)) continue;
    if (p === 'total-omits') {
      omits = true;
      omitFirst = rand() < 0.5;
      planted.push(p);
      expected.add(`${col.num}${last + 1}`);
      continue;
    }
    if (p === 'typed-total') {
      if (!layout.total || header) continue;
      typedTotal = true;
      planted.push(p);
      expected.add(`${col.den}${last + 1}`);
      continue;
    }
    if (p === 'total-header') {
      if (typedTotal) continue;
      header = true;
      planted.push(p);
      expected.add(`${col.den}${last + 1}`);
      continue;
    }
    const r = slots.shift();
    if (r === undefined) break;
    planted.push(p);
    const at = `${col.rate}${r}`;
    switch (p) {
      case 'hard-coded':
        rate.set(r, Math.round(rateOf(r)));
        expected.add(at);
        break;
      case 'shifted': {
        const s = r + (rand() < 0.5 ? 1 : -1);
        rate.set(r, { f: `${col.num}${s}/${col.den}${s}*100`, v: rateOf(r, s), fmt: '0.00' });
        expected.add(at);
        break;
      }
      case 'over-100': {
        const d = den.get(r) ?? 100;
        num.set(r, Math.floor(d * (1.3 + rand())));
        rate.set(r, { f: `${col.num}${r}/${col.den}${r}*100`, v: rateOf(r), fmt: '0.00' });
        expected.add(at);
        break;
      }
      case 'contradiction':
        flipRow = r;
        expected.add(`${col.eval}${r}`);
        break;
      case 'text-number':
        textRows.add(r);
        rate.set(r, { f: `${col.num}${r}/${col.den}${r}*100`, v: { e: '#VALUE!' }, fmt: '0.00' });
        expected.add(at);
        expected.add(`${col.num}${r}`);
        break;
      case 'div0':
        num.set(r, 0);
        den.set(r, 0);
        rate.set(r, { f: `${col.num}${r}/${col.den}${r}*100`, v: { e: '#DIV/0!' }, fmt: '0.00' });
        expected.add(at);
        break;
      case 'constant':
        rate.set(r, { f: `${col.num}${r}/${den.get(r) ?? 1}*100`, v: rateOf(r), fmt: '0.00' });
        expected.add(at);
        break;
      case 'link':
        numFormula = { row: r, f: rand() < 0.5 ? `[1]Nguon!C${r}` : `'C:\\Bao cao\\[Thang 3.xlsx]Phu luc'!E${r}` };
        expected.add(`${col.num}${r}`);
        break;
      case 'empty-input':
        emptyRows.add(r);
        num.set(r, 0);
        rate.set(r, { f: `${col.num}${r}/${col.den}${r}*100`, v: 0, fmt: '0.00' });
        expected.add(at);
        break;
      case 'negative':
        num.set(r, -Math.floor((den.get(r) ?? 100) * rand() * 0.3) - 1);
        rate.set(r, { f: `${col.num}${r}/${col.den}${r}*100`, v: rateOf(r), fmt: '0.00' });
        expected.add(at);
        break;
      case 'ref-error':
        rate.set(r, { f: `#REF!/${col.den}${r}*100`, v: { e: '#REF!' }, fmt: '0.00' });
        expected.add(at);
        break;
      default:
        break;
    }
  }

  for (let r = first; r <= last; r++) {
    set(`${col.code}${r}`, String(r - layout.top));
    set(`${col.name}${r}`, `Tỷ lệ chỉ tiêu số ${r - layout.top} được thực hiện trên môi trường điện tử`);
    set(`${col.unit}${r}`, '%');
    set(`${col.target}${r}`, target.get(r) ?? 80);
    const n = num.get(r) ?? 0;
    set(`${col.num}${r}`, textRows.has(r) ? (n >= 1000 ? n.toLocaleString('de-DE') : String(n)) : emptyRows.has(r) ? null : n);
    if (numFormula?.row === r) set(`${col.num}${r}`, { f: numFormula.f, v: n });
    set(`${col.den}${r}`, den.get(r) ?? 0);
    const rv = rate.get(r) ?? null;
    set(`${col.rate}${r}`, rv);
    if (layout.evaluation) {
      const shown = typeof rv === 'number' ? rv : rv && typeof rv === 'object' && 'f' in rv ? rv.v : null;
      let text = typeof shown === 'number' ? (Math.round(shown * 100) / 100 >= (target.get(r) ?? 0) ? 'Đạt' : 'Chưa đạt') : typeof shown === 'object' && shown?.e === '#DIV/0!' ? 'Không phát sinh' : 'Đạt';
      if (flipRow === r) text = text === 'Đạt' ? 'Chưa đạt' : 'Đạt';
      evalText.set(r, text);
      set(`${col.eval}${r}`, text);
    }
  }
  if (layout.total) {
    const tr = last + 1;
    set(`${col.name}${tr}`, 'Tổng cộng');
    const sumOf = (c: string, from: number, to: number, values: Map<number, number>): Raw => {
      let s = 0;
      for (let r = from; r <= to; r++) if (!(c === col.num && textRows.has(r))) s += values.get(r) ?? 0;
      return { f: `SUM(${c}${from}:${c}${to})`, v: s };
    };
    const nf = omits && omitFirst ? first + 1 : first;
    const nt = omits && !omitFirst ? last - 1 : last;
    set(`${col.num}${tr}`, sumOf(col.num, nf, nt, num));
    const denTotal = sumOf(col.den, header ? layout.top : first, last, den);
    const typed = valueOf(denTotal);
    set(`${col.den}${tr}`, typedTotal ? (rand() < 0.5 && typeof typed === 'number' ? typed + 1 + Math.floor(rand() * 500) : typed) : denTotal);
  }

  const grid: Grid = [];
  put(grid, 'A1', 'Phụ lục. TÌNH HÌNH THỰC HIỆN CÁC MỤC TIÊU NĂM 2026');
  for (const [a, v] of cells) put(grid, layout.across ? swapAddress(a) : a, layout.across ? swapRaw(v) : v);
  const exp = [...expected].map(a => (layout.across ? swapAddress(a) : a));
  return { grid, expected: exp, planted };
}
