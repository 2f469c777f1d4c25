/**
 * Builders of audit test sheets: an appendix table "TT | Chỉ tiêu | ĐVT | Mục tiêu | Số đạt | Tổng số | Kết quả |
 * Tự đánh giá" placed anywhere on the sheet, with consistent cached results, that each test then spoils in one place.
 */
import { auditWorkbook, type AuditOptions } from '../../../src/core/audit/audit';
import type { Finding } from '../../../src/core/audit/finding';
import { columnLetter, parseCellAddress } from '../../../src/core/grid/address';
import type { SheetGrid } from '../../../src/core/grid/types';
import { bookOf, sheetOf, type Raw } from '../../helpers/grid';

export type Grid = Raw[][];

/** Sets one cell of a raw grid by address, growing it as needed. */
export function put(grid: Grid, address: string, value: Raw): void {
  const p = parseCellAddress(address);
  if (!p) throw new Error(`bad address ${address}`);
  while (grid.length < p.row) grid.push([]);
  const row = grid[p.row - 1] ?? [];
  while (row.length < p.col) row.push(null);
  row[p.col - 1] = value;
  grid[p.row - 1] = row;
}

export interface TableOptions {
  /** Header row (data starts below it). */
  readonly top?: number;
  /** Column of "TT". */
  readonly left?: number;
  readonly rows?: number;
  readonly total?: boolean;
  readonly evaluation?: boolean;
  readonly seed?: number;
}

export interface Table {
  readonly grid: Grid;
  readonly first: number;
  readonly last: number;
  /** Column letters by role. */
  readonly col: { code: string; name: string; unit: string; target: string; num: string; den: string; rate: string; eval: string };
  /** The total row, when asked for. */
  readonly totalRow: number | null;
}

const NAMES = [
  'Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến', 'Tỷ lệ hồ sơ được số hóa', 'Tỷ lệ thanh toán trực tuyến',
  'Tỷ lệ người dân có tài khoản định danh điện tử', 'Tỷ lệ người dân có chữ ký số', 'Tỷ lệ hộ gia đình có cáp quang',
  'Tỷ lệ doanh nghiệp ứng dụng công nghệ số', 'Tỷ lệ cán bộ được bồi dưỡng kỹ năng số', 'Tỷ lệ tái sử dụng dữ liệu',
  'Tỷ lệ giao dịch không dùng tiền mặt', 'Tỷ lệ văn bản điện tử', 'Tỷ lệ camera an ninh kết nối', 'Tỷ lệ hộ dùng nước sạch',
  'Tỷ lệ trường học có mạng', 'Tỷ lệ trạm y tế dùng bệnh án điện tử', 'Tỷ lệ hợp tác xã bán hàng trực tuyến',
];

/** A small deterministic generator, so each seed gives the same table. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}

export function ratioTable(opts: TableOptions = {}): Table {
  const top = opts.top ?? 4;
  const left = opts.left ?? 1;
  const n = opts.rows ?? 10;
  const rand = rng(opts.seed ?? 7);
  const L = (i: number): string => columnLetter(left + i);
  const col = { code: L(0), name: L(1), unit: L(2), target: L(3), num: L(4), den: L(5), rate: L(6), eval: L(7) };
  const grid: Grid = [];
  put(grid, `A1`, 'Phụ lục. TÌNH HÌNH THỰC HIỆN CÁC MỤC TIÊU');
  const headers = ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu', 'Số đạt', 'Tổng số', 'Kết quả', 'Tự đánh giá'];
  headers.forEach((h, i) => { if (i < 7 || opts.evaluation !== false) put(grid, `${L(i)}${top}`, h); });
  const first = top + 1;
  const last = top + n;
  for (let r = first; r <= last; r++) {
    const den = 40 + Math.floor(rand() * 5000);
    const num = Math.floor(den * (0.55 + rand() * 0.45));
    const target = [50, 80, 90, 100][Math.floor(rand() * 4)] ?? 80;
    const rate = (num / den) * 100;
    put(grid, `${col.code}${r}`, String(r - top));
    put(grid, `${col.name}${r}`, NAMES[(r - first) % NAMES.length] ?? 'Tỷ lệ');
    put(grid, `${col.unit}${r}`, '%');
    put(grid, `${col.target}${r}`, target);
    put(grid, `${col.num}${r}`, num);
    put(grid, `${col.den}${r}`, den);
    put(grid, `${col.rate}${r}`, { f: `${col.num}${r}/${col.den}${r}*100`, v: rate, fmt: '0.00' });
    if (opts.evaluation !== false) put(grid, `${col.eval}${r}`, rate >= target ? 'Đạt' : 'Chưa đạt');
  }
  let totalRow: number | null = null;
  if (opts.total) {
    totalRow = last + 1;
    put(grid, `${col.name}${totalRow}`, 'Tổng cộng');
    for (const c of [col.num, col.den]) {
      let sum = 0;
      for (let r = first; r <= last; r++) sum += valueAt(grid, `${c}${r}`);
      put(grid, `${c}${totalRow}`, { f: `SUM(${c}${first}:${c}${last})`, v: sum });
    }
  }
  return { grid, first, last, col, totalRow };
}

export function valueAt(grid: Grid, address: string): number {
  const p = parseCellAddress(address);
  const x = p ? grid[p.row - 1]?.[p.col - 1] : undefined;
  if (typeof x === 'number') return x;
  if (x && typeof x === 'object' && 'n' in x) return x.n;
  if (x && typeof x === 'object' && 'f' in x && typeof x.v === 'number') return x.v;
  return 0;
}

export function sheet(grid: Grid, name = 'Phụ lục', merges: readonly string[] = []): SheetGrid {
  return sheetOf(name, grid, merges);
}

/** Audits one sheet without the check engine (evaluation rule off) unless a report is given. */
export function audit(grid: Grid, options: AuditOptions = { report: null }, name = 'Phụ lục'): Finding[] {
  return auditWorkbook(bookOf(sheet(grid, name)), options);
}

export function cellsOf(findings: readonly Finding[], rule?: string): string[] {
  return findings.filter(f => rule === undefined || f.rule === rule).map(f => f.cell);
}
