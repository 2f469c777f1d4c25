/**
 * Deterministic province sets for the benchmark: N commune monthly reports written with exceljs, in the varied
 * layouts real provinces send (column sets and orders, header wordings, results as percent-formatted fractions, as
 * numbers, as text with decimal commas, "Không phát sinh", blanks, #DIV/0!, impossible values, optional sections and
 * budget sheets). Cached under .bench-cache/sets/ and reused: a set is rebuilt only when GENERATOR_VERSION changes.
 */
import ExcelJS from 'exceljs';
import { promises as fs, existsSync } from 'node:fs';
import path from 'node:path';
import { communeNames, HEADERS, INDICATORS, NOTHING_TO_REPORT, SECTIONS, SHEET_NAMES, TARGET_FORMS, type Role } from './vocabulary';

export const GENERATOR_VERSION = 2;

/** mulberry32: small, fast, and the same numbers on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const chance = (r: Rand, p: number): boolean => r() < p;

function shuffled<T>(r: Rand, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export function slug(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/\s+/g, '_');
}

type ResultStyle = 'fraction' | 'number' | 'text';

interface Layout {
  readonly sheet: string;
  readonly roles: readonly Role[];
  readonly headers: ReadonlyMap<Role, string>;
  readonly style: ResultStyle;
  readonly sections: boolean;
  readonly councilLine: boolean;
}

function layout(r: Rand): Layout {
  const roles: Role[] = ['code', 'name', 'unit', 'target', 'actual'];
  // Column order varies: unit after the target, or the result before the target.
  if (chance(r, 0.2)) roles.splice(2, 2, 'target', 'unit');
  else if (chance(r, 0.1)) roles.splice(3, 2, 'actual', 'target');
  const extra = r();
  if (extra < 0.35) roles.push('evaluation');
  else if (extra < 0.6) roles.push('note');
  const headers = new Map(roles.map(role => [role, pick(r, HEADERS[role])] as const));
  return { sheet: pick(r, SHEET_NAMES), roles, headers, style: pick(r, ['fraction', 'fraction', 'number', 'text'] as const), sections: chance(r, 0.5), councilLine: chance(r, 0.5) };
}

/** One result cell's content, or null for a blank. */
function result(r: Rand, target: number, style: ResultStyle, row: number): ExcelJS.CellValue | { value: ExcelJS.CellValue; numFmt: string } | null {
  const u = r();
  if (u < 0.08) return null;
  if (u < 0.14) return pick(r, NOTHING_TO_REPORT);
  if (u < 0.18) return { formula: `G${row}/H${row}`, result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
  const impossible = u < 0.2;
  const raw = impossible ? 100 + Math.round(r() * 400) / 10 : Math.min(100, Math.max(0, target * (0.7 + r() * 0.45)));
  const pct = Math.round(raw * 10) / 10;
  switch (style) {
    case 'fraction': return { value: Math.round(pct * 10) / 1000, numFmt: pct === 100 ? '0%' : '0.00%' };
    case 'number': return { value: pct, numFmt: Number.isInteger(pct) ? '0' : '0.00' };
    case 'text': return `${String(pct).replace('.', ',')}${chance(r, 0.5) ? '%' : ''}`;
  }
}

function addBudgetSheet(wb: ExcelJS.Workbook, r: Rand): void {
  const ws = wb.addWorksheet('Kinh phí');
  ws.getCell('A1').value = 'KINH PHÍ THỰC HIỆN NHIỆM VỤ KHCN, ĐMST, CĐS NĂM 2026';
  ws.mergeCells('A1:D1');
  ['TT', 'Nội dung', 'Số tiền (triệu đồng)', 'Ghi chú'].forEach((h, i) => { ws.getCell(3, i + 1).value = h; });
  const a = Math.round(r() * 200);
  const b = Math.round(r() * 900);
  ws.addRow(['1', 'Kinh phí KHCN, ĐMST', a]);
  ws.addRow(['2', 'Kinh phí chuyển đổi số', b]);
  ws.addRow([null, 'Tổng cộng', { formula: 'C4+C5', result: a + b }]);
}

/** The workbook of one commune: deterministic in (set seed, index). `level`: how its captions name its kind of unit. */
export function communeWorkbook(name: string, seed: number, level = 'xã'): ExcelJS.Workbook {
  const r = rng(seed);
  const L = layout(r);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(L.sheet);
  const width = L.roles.length;
  const last = String.fromCharCode(64 + width);
  const captions = [
    ...(L.councilLine ? [`ỦY BAN NHÂN DÂN ${level.toUpperCase()} ${name.toUpperCase()}`] : []),
    'Phụ lục. TÌNH HÌNH THỰC HIỆN CÁC MỤC TIÊU',
    `(Kèm theo Báo cáo số      /BC-UBND ngày 24/4/2026 của UBND ${level} ${name})`,
  ];
  captions.forEach((c, i) => { ws.getCell(i + 1, 1).value = c; ws.mergeCells(`A${i + 1}:${last}${i + 1}`); });
  const headerRow = captions.length + 2;
  L.roles.forEach((role, i) => { ws.getCell(headerRow, i + 1).value = L.headers.get(role) ?? role; });
  const col = (role: Role) => L.roles.indexOf(role) + 1;

  const chosen = shuffled(r, INDICATORS.map((_, i) => i)).slice(0, 15 + Math.floor(r() * 7)).sort((a, b) => a - b);
  let row = headerRow + 1;
  let section = -1;
  let code = 0;
  for (const k of chosen) {
    const ind = INDICATORS[k];
    if (!ind) continue;
    if (L.sections && ind.section !== section) {
      section = ind.section;
      ws.getCell(row, 1).value = ['I', 'II', 'III'][section] ?? '';
      ws.getCell(row, 2).value = SECTIONS[section] ?? '';
      ws.mergeCells(`B${row}:${last}${row}`);
      row++;
    }
    code++;
    ws.getCell(row, col('code')).value = chance(r, 0.3) ? `${code}.` : String(code);
    ws.getCell(row, col('name')).value = pick(r, ind.names);
    ws.getCell(row, col('unit')).value = ind.unit;
    ws.getCell(row, col('target')).value = pick(r, TARGET_FORMS)(ind.target);
    const v = result(r, ind.target, L.style, row);
    const cell = ws.getCell(row, col('actual'));
    if (v !== null && typeof v === 'object' && 'numFmt' in v) { cell.value = v.value; cell.numFmt = v.numFmt; } else if (v !== null) cell.value = v;
    if (L.roles.includes('evaluation') && v !== null) {
      const n = typeof v === 'object' && 'numFmt' in v && typeof v.value === 'number' ? v.value * (L.style === 'fraction' ? 100 : 1) : null;
      ws.getCell(row, col('evaluation')).value = typeof v === 'string' && v.startsWith('Không') ? 'Không phát sinh' : n === null ? null : n >= ind.target ? 'Đạt' : 'Chưa đạt';
    }
    row++;
  }
  if (chance(r, 0.4)) addBudgetSheet(wb, r);
  return wb;
}

/**
 * The folder holding a set of `count` communes, generated on first use. A "complete" marker is written last, so an
 * interrupted generation is redone rather than reused.
 */
export async function ensureSet(cacheDir: string, count: number, log: (s: string) => void = () => undefined): Promise<string> {
  const dir = path.join(cacheDir, 'sets', `province-${count}-v${GENERATOR_VERSION}`);
  if (existsSync(path.join(dir, 'complete'))) return dir;
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  const names = communeNames();
  const order = shuffled(rng(count), names.map((_, i) => i)).slice(0, count);
  if (order.length < count) throw new Error(`only ${names.length} commune names for ${count} communes`);
  for (let i = 0; i < count; i++) {
    const name = names[order[i] ?? 0] ?? `Xã ${i}`;
    const bytes = await communeWorkbook(name, count * 100003 + i).xlsx.writeBuffer();
    // Numbered: names that differ only by their marks (Đông / Đồng) would otherwise share a file name.
    await fs.writeFile(path.join(dir, `bao-cao-t4-2026-${String(i + 1).padStart(4, '0')}-${slug(name)}.xlsx`), new Uint8Array(bytes));
    if ((i + 1) % 500 === 0) log(`  ${i + 1}/${count}`);
  }
  await fs.writeFile(path.join(dir, 'complete'), `${count} communes, generator v${GENERATOR_VERSION}\n`);
  return dir;
}
