/**
 * Layout transformations over workbook grids: the ways other people lay out the same appendix rows.
 * Each one keeps what every row means (its target, result, status) and changes only where and how it is written,
 * so checking the transformed workbook must judge every row as before. Structural transformations find the tables
 * with the recognizer on the grid they receive; when it finds none they change nothing.
 */
import fc from 'fast-check';
import type { Area, Cell, WorkbookGrid } from '../../src/core/grid/types';
import type { RecognizedTable } from '../../src/core/recognize/table';
import { recognizeSheet } from '../../src/core/recognize/tables';
import { unicodeToTcvn3 } from '../../src/core/text/tcvn3';
import {
  type EditSheet, frozen, get, insertColumns, insertRows, mapSheets, mapTexts, num, permuteColumns, set, str, text, width,
} from './grid-edit';

/** What the original report says about the workbook, for texts that must not contradict it. */
export interface Context {
  readonly commune: string | null;
  /** ISO report date, or null. */
  readonly reportDate: string | null;
  readonly period: number | null;
}

export type Apply = (book: WorkbookGrid, ctx: Context) => WorkbookGrid;
export interface Transform { readonly name: string; readonly arb: fc.Arbitrary<Apply> }

/** Names an Apply by its transformation and parameters, so that fast-check's counterexamples say what was done. */
export function labelled(label: string, f: Apply): Apply {
  return Object.assign(f, { toString: () => label });
}

function def<P>(name: string, params: fc.Arbitrary<P>, apply: (p: P) => Apply): Transform {
  return { name, arb: params.map(p => labelled(`${name} ${JSON.stringify(p)}`, apply(p))) };
}

const tablesOf = (e: EditSheet): RecognizedTable[] => recognizeSheet(frozen(e));

/** Applies `f` to each sheet's tables, bottom table first so that inserted rows do not move the ones still to do. */
function perTable(book: WorkbookGrid, f: (e: EditSheet, t: RecognizedTable) => void): WorkbookGrid {
  return mapSheets(book, e => {
    const ts = tablesOf(e).sort((a, b) => b.headerTop - a.headerTop);
    for (const t of ts) f(e, t);
  });
}

const tableSheets = (book: WorkbookGrid): Set<number> =>
  new Set(book.sheets.flatMap((s, i) => (recognizeSheet(s).length > 0 ? [i] : [])));

// ───────────────────────────── position ─────────────────────────────

export const moveTable = def('move table', fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 5 })), ([dr, dc]) => (book: WorkbookGrid) => mapSheets(book, e => {
    if (dr > 0) insertRows(e, 1, dr);
    if (dc > 0) insertColumns(e, 1, dc);
  }));

/** A blank column, a spacer whose header is merged with its neighbour's, or a hidden helper column of numbers without a header. */
export const insertColumn = def('insert column', fc.tuple(fc.constantFrom('blank', 'spacer', 'helper'), fc.double({ min: 0, max: 0.999, noNaN: true })), ([kind, where]) => (book: WorkbookGrid) => perTable(book, (e, t) => {
    const { left, right } = t.area;
    const at = left + 1 + Math.floor(where * (right - left));
    insertColumns(e, at, 1);
    if (kind === 'spacer') {
      // Only where the left neighbour's header is a single plain cell: merge it over the spacer.
      const lc = at - 1;
      const clash = e.merges.some(m => m.top <= t.headerRow && m.bottom >= t.headerTop && m.left <= at && m.right >= lc);
      if (!clash) e.merges.push({ top: t.headerTop, bottom: t.headerRow, left: lc, right: at });
    } else if (kind === 'helper') {
      t.rows.forEach((r, i) => set(e, r.row, at, num(i + 1)));
    }
  }));

// ───────────────────────────── around the table ─────────────────────────────

const UPPER = (s: string) => s.toLocaleUpperCase('vi');

/** "ngày 24 tháng 4 năm 2026" for an ISO date. */
function dateWords(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/** The national header block side by side above the table: agency and number left, motto and place-date right. */
export const nationalHeader = def('national header', fc.tuple(fc.boolean(), fc.boolean()), ([oneLine, allSheets]) => (book: WorkbookGrid, ctx: Context) => {
    const withTables = tableSheets(book);
    return mapSheets(book, (e, i) => {
      if (!withTables.has(i) || (!allSheets && i !== Math.min(...withTables))) return;
      const w = Math.max(width(e), 4);
      const split = Math.max(2, Math.floor(w / 2));
      const agency = ctx.commune ? `XÃ ${UPPER(ctx.commune)}` : 'XÃ';
      const left = oneLine ? [`ỦY BAN NHÂN DÂN ${agency}`, 'Số:      /BC-UBND'] : ['ỦY BAN NHÂN DÂN', agency, 'Số:      /BC-UBND'];
      const right = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
        ...(ctx.reportDate && ctx.commune ? [`${ctx.commune}, ${dateWords(ctx.reportDate)}`] : [])];
      const n = Math.max(left.length, right.length) + 1;
      insertRows(e, 1, n);
      left.forEach((s, r) => { set(e, r + 1, 1, str(s)); e.merges.push({ top: r + 1, bottom: r + 1, left: 1, right: split }); });
      right.forEach((s, r) => { set(e, r + 1, split + 1, str(s)); e.merges.push({ top: r + 1, bottom: r + 1, left: split + 1, right: w }); });
    });
  });

/** A report text sheet first: running text that names the commune and cites other documents with their dates. */
export const narrativeSheet = def('narrative sheet first', fc.constantFrom('Báo cáo', 'Thuyết minh', 'BC'), name => (book: WorkbookGrid, ctx: Context) => {
    const c = ctx.commune ?? 'Phú Thịnh';
    const lines = [
      'BÁO CÁO',
      'Kết quả thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
      'Thực hiện Công văn số 3216/UBND-KGVX ngày 09/4/2026 của UBND tỉnh Thái Nguyên về việc khẩn trương đẩy nhanh tiến độ triển khai.',
      `UBND xã ${c} đã ban hành Kế hoạch số 39/KH-UBND ngày 30/01/2026 về việc triển khai thực hiện Nghị quyết số 57-NQ/TW trên địa bàn xã ${c}; Kế hoạch số 54/KH-UBND ngày 27/02/2026.`,
      'I. TÌNH HÌNH, KẾT QUẢ THỰC HIỆN NHIỆM VỤ TRỌNG TÂM',
      '1. Về công tác chỉ đạo, điều hành và tổ chức thực hiện',
      '- Đã triển khai 12 nhiệm vụ, hoàn thành 8 nhiệm vụ (đạt 66,7%); 19/20 thôn có điểm truy cập Internet công cộng.',
      'II. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI',
      '- Tiếp tục rà soát, cập nhật số liệu các chỉ tiêu (chi tiết tại Phụ lục kèm theo).',
    ];
    const sheet: EditSheet = { name, rows: [], merges: [] };
    lines.forEach((s, r) => set(sheet, r + 1, 1, str(s)));
    const names = new Set(book.sheets.map(s => s.name));
    return { sheets: [frozen({ ...sheet, name: names.has(name) ? `${name} (2)` : name }), ...book.sheets] };
  });

/** Notes, a place-and-date line and a signature block under the last table of each sheet, spread over its columns. */
export const footer = def('footnotes and signatures', fc.tuple(fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 2 })), ([notes, recipients, gap]) => (book: WorkbookGrid, ctx: Context) => mapSheets(book, e => {
    const ts = tablesOf(e);
    const last = ts.sort((a, b) => b.area.bottom - a.area.bottom)[0];
    if (!last) return;
    const c = last.columns;
    const cols = [c.code, c.name, c.unit, c.target, c.actual, c.evaluation, c.lead, ...c.milestones.map(m => m.col)].filter((x): x is number => x !== undefined);
    const right = Math.max(...cols, last.area.right);
    const mid = cols.filter(x => x > c.name).sort((a, b) => a - b)[0] ?? right;
    let r = Math.max(last.area.bottom, e.rows.length) + 1 + gap;
    const put = (col: number, s: string) => set(e, r, col, str(s));
    if (notes) {
      put(c.code, 'Ghi chú: Số liệu tính đến ngày 20 của tháng báo cáo; chỉ tiêu có dấu (*) do tỉnh giao.'); r++;
      put(c.code, '(*) Tỷ lệ tính trên tổng số hồ sơ phát sinh trong kỳ.'); r++;
    }
    if (ctx.reportDate && ctx.commune) { put(mid, `${ctx.commune}, ${dateWords(ctx.reportDate)}`); r++; }
    if (recipients) { put(c.code, 'Nơi nhận:'); put(mid, 'KT. CHỦ TỊCH'); r++; put(c.code, '- UBND tỉnh (b/c);'); put(mid, 'PHÓ CHỦ TỊCH'); r++; put(c.code, '- Lưu: VT, VHXH.'); r++; }
    else { put(c.name, 'NGƯỜI LẬP BIỂU'); put(mid, 'TM. ỦY BAN NHÂN DÂN'); r++; put(mid, 'CHỦ TỊCH'); r++; }
    r += 2;
    put(c.name, 'Nguyễn Thị Hoa'); put(mid, 'Trần Văn Bình');
  }));

// ───────────────────────────── header shape ─────────────────────────────

/** Moves a one-row header down one row and puts `groups` above it; cells outside a group merge down over both rows. */
function twoRowHeader(e: EditSheet, t: RecognizedTable, groups: readonly { from: number; to: number; label: string }[]): void {
  if (t.headerTop !== t.headerRow) return;
  const top = t.headerTop;
  insertRows(e, top + 1, 1);
  for (let col = t.area.left; col <= t.area.right; col++) {
    const g = groups.find(x => col >= x.from && col <= x.to);
    if (g) continue;
    const cell = get(e, top, col);
    if (!cell || e.merges.some(m => m.top <= top && m.bottom >= top && m.left <= col && m.right >= col)) continue;
    e.merges.push({ top, bottom: top + 1, left: col, right: col });
  }
  for (const g of groups) {
    for (let col = g.from; col <= g.to; col++) { set(e, top + 1, col, get(e, top, col)); set(e, top, col, undefined); }
    set(e, top, g.from, str(g.label));
    if (g.to > g.from) e.merges.push({ top, bottom: top, left: g.from, right: g.to });
  }
}

function contiguous(cols: readonly number[]): boolean {
  const s = [...cols].sort((a, b) => a - b);
  return s.every((c, i) => i === 0 || c === (s[i - 1] as number) + 1);
}

/** Milestone years under a group label ("Lộ trình thực hiện"), in two rows or three (with a "Giai đoạn" row). */
export const groupMilestones = def('milestones under a group label', fc.tuple(fc.constantFrom('Lộ trình thực hiện', 'Lộ trình thực hiện các chỉ tiêu', 'Mốc thời gian', 'Mục tiêu theo từng năm'), fc.boolean())
    , ([label, three]) => (book: WorkbookGrid) => perTable(book, (e, t) => {
      const cols = t.columns.milestones.map(m => m.col);
      if (cols.length < 2 || !contiguous(cols)) return;
      const from = Math.min(...cols);
      const to = Math.max(...cols);
      twoRowHeader(e, t, [{ from, to, label }]);
      if (three) {
        const years = t.columns.milestones.map(m => m.year);
        insertRows(e, t.headerTop + 1, 1);
        set(e, t.headerTop + 1, from, str(`Giai đoạn ${Math.min(...years)} - ${Math.max(...years)}`));
        e.merges.push({ top: t.headerTop + 1, bottom: t.headerTop + 1, left: from, right: to });
        // Cells merged down over the old two rows now span three.
        e.merges = e.merges.map(m => (m.top === t.headerTop && m.bottom === t.headerTop + 2 && (m.left < from || m.left > to) ? { ...m, bottom: t.headerTop + 2 } : m));
      }
    }));

/** A report's target and result under their year: "Năm 2026" over "Kế hoạch | Thực hiện", sometimes with a "Tỷ lệ %" column. */
export const groupPeriod = def('period over plan and result', fc.tuple(fc.constantFrom(['Kế hoạch', 'Thực hiện'], ['Chỉ tiêu giao', 'Kết quả thực hiện'], ['KH', 'TH']), fc.boolean())
    , ([[plan, done], ratio]) => (book: WorkbookGrid, ctx: Context) => perTable(book, (e, t) => {
      const { target, actual } = t.columns;
      const year = t.columns.actualYear ?? t.columns.targetYear ?? ctx.period;
      if (target === undefined || actual !== target + 1 || year === null || t.headerTop !== t.headerRow) return;
      // Only where the period is what both headers mean: plain labels below must not lose a month ("tháng 4/2026").
      const actualLabel = t.labels.get(actual) ?? '';
      if (/tháng|quý|6 tháng|9 tháng/i.test(actualLabel)) return;
      let to = actual;
      if (ratio) {
        insertColumns(e, actual + 1, 1);
        set(e, t.headerTop, actual + 1, str('Tỷ lệ %'));
        to = actual + 1;
      }
      twoRowHeader(e, { ...t, area: { ...t.area, right: t.area.right + (ratio ? 1 : 0) } }, [{ from: target, to, label: `Năm ${year}` }]);
      set(e, t.headerTop + 1, target, str(plan));
      set(e, t.headerTop + 1, actual, str(done));
    }));

/** Milestone headers as number cells, as "Năm 2026", or with "Mức năm … (Cơ sở)" / "(Đích)" at the ends. */
export const yearForms = def('year header forms', fc.constantFrom('number', 'nam', 'muc'), form => (book: WorkbookGrid) => perTable(book, (e, t) => {
    const ms = [...t.columns.milestones].sort((a, b) => a.year - b.year);
    ms.forEach((m, i) => {
      const row = [t.headerRow, t.headerTop].find(r => text(e, r, m.col) !== '' && /20\d\d/.test(text(e, r, m.col)));
      if (row === undefined) return;
      const cell: Cell = form === 'number' ? num(m.year)
        : form === 'nam' ? str(`Năm ${m.year}`)
          : str(i === 0 ? `Mức năm ${m.year} (Cơ sở)` : i === ms.length - 1 ? `Mức năm ${m.year} (Đích)` : String(m.year));
      set(e, row, m.col, cell);
    });
  }));

/** The header copied again every N body rows (page breaks pasted from Word), whole or without its last columns. */
export const repeatHeader = def('header repeated', fc.tuple(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 0, max: 2 }), fc.boolean()), ([every, drop, blankBefore]) => (book: WorkbookGrid) => perTable(book, (e, t) => {
    const h = t.headerRow - t.headerTop + 1;
    const right = Math.max(t.columns.name + 1, t.area.right - drop);
    const copy = Array.from({ length: h }, (_, i) => Array.from({ length: right }, (_x, j) => get(e, t.headerTop + i, j + 1)));
    const merges = e.merges.filter(m => m.top >= t.headerTop && m.bottom <= t.headerRow && m.right <= right).map(m => ({ ...m }));
    const at = t.rows.filter((_, i) => i > 0 && i % every === 0).map(r => r.row).reverse();
    for (const row of at) {
      const n = h + (blankBefore ? 1 : 0);
      insertRows(e, row, n);
      const start = row + (blankBefore ? 1 : 0);
      copy.forEach((cells, i) => cells.forEach((c, j) => { if (j + 1 >= t.area.left) set(e, start + i, j + 1, c); }));
      for (const m of merges) e.merges.push({ ...m, top: m.top - t.headerTop + start, bottom: m.bottom - t.headerTop + start });
    }
  }));

/** A column-numbering row under the header: "(1) (2) (3) …", "A B 1 2 …" or numbers typed as number cells. */
export const numberingRow = def('numbering row', fc.constantFrom('paren', 'letters', 'numbers'), form => (book: WorkbookGrid) => perTable(book, (e, t) => {
  const at = t.headerRow + 1;
  insertRows(e, at, 1);
  for (let col = t.area.left, k = 1; col <= t.area.right; col++, k++) {
    const cell: Cell = form === 'numbers' ? num(k) : form === 'paren' ? str(`(${k})`) : str(k <= 2 ? String.fromCharCode(64 + k) : String(k - 2));
    set(e, at, col, cell);
  }
}));

/** Item codes typed as number cells where they are plain integers ("1", "2." → 1, 2). */
export const numericCodes = def('codes as numbers', fc.constant(null), () => (book: WorkbookGrid) => perTable(book, (e, t) => {
  for (const r of t.rows) {
    const c = text(e, r.row, t.columns.code);
    if (/^[0-9]{1,3}\.?$/.test(c)) set(e, r.row, t.columns.code, num(Number(c.replace('.', ''))));
  }
}));

// ───────────────────────────── body ─────────────────────────────

type Role = 'unit' | 'lead' | 'partner' | 'executor' | 'target' | 'evaluation' | 'deadline';

/** Equal values in consecutive rows of a column written once and merged down over the block. */
export const mergeBlocks = def('merged data cells', fc.subarray<Role>(['unit', 'lead', 'partner', 'executor', 'target', 'evaluation', 'deadline'], { minLength: 1 }), roles => (book: WorkbookGrid) => perTable(book, (e, t) => {
    for (const role of roles) {
      const col = t.columns[role];
      if (col === undefined) continue;
      let i = 0;
      while (i < t.rows.length) {
        const first = t.rows[i] as { row: number };
        const v = text(e, first.row, col);
        let j = i + 1;
        while (j < t.rows.length && (t.rows[j] as { row: number }).row === (t.rows[j - 1] as { row: number }).row + 1 && v !== '' && text(e, (t.rows[j] as { row: number }).row, col) === v
          && get(e, (t.rows[j] as { row: number }).row, col)?.fmt === get(e, first.row, col)?.fmt) j++;
        const free = !e.merges.some(m => m.left <= col && m.right >= col && m.bottom >= first.row && m.top <= first.row + (j - i - 1));
        if (j - i >= 2 && free) {
          for (let k = i + 1; k < j; k++) set(e, (t.rows[k] as { row: number }).row, col, undefined);
          e.merges.push({ top: first.row, bottom: first.row + (j - i - 1), left: col, right: col });
        }
        i = j;
      }
    }
  }));

/** The columns after the name in another order (tables alone on their sheet). */
export const reorderColumns = def('columns reordered', fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }), keys => (book: WorkbookGrid) => mapSheets(book, e => {
    const ts = tablesOf(e);
    if (ts.length !== 1) return;
    const t = ts[0] as RecognizedTable;
    const first = t.columns.name + 1;
    const tail = Array.from({ length: t.area.right - first + 1 }, (_, i) => first + i);
    // A column merged with a neighbour in the header (a group) moves as a block: keep those tables as they are.
    if (e.merges.some(m => m.top <= t.headerRow && m.bottom >= t.headerTop && m.right > m.left && m.left >= first)) return;
    const moved = tail.map((c, i) => ({ c, k: keys[i % keys.length] as number })).sort((a, b) => a.k - b.k).map(x => x.c);
    const order = [...Array.from({ length: first - 1 }, (_, i) => i + 1), ...moved];
    permuteColumns(e, order);
  }));

export const renameSheets = def('sheets renamed', fc.constantFrom(['Sheet1', 'Sheet2', 'Sheet3', 'Sheet4'], ['Biểu 01', 'Biểu 02', 'Biểu 03', 'Biểu 04'], ['PL', 'PL (2)', 'PL (3)', 'PL (4)'])
    , names => (book: WorkbookGrid) => ({ sheets: book.sheets.map((s, i) => ({ ...s, name: `${names[i % names.length] ?? 'S'}${i >= names.length ? ` ${i}` : ''}` })) }));

// ───────────────────────────── text and numbers ─────────────────────────────

const stripMarks = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

export const textForms = def('text forms', fc.constantFrom('nfd', 'unaccented', 'tcvn3', 'tcvn3-caps'), form => (book: WorkbookGrid) => {
    switch (form) {
      case 'nfd': return mapTexts(book, s => s.normalize('NFD'));
      case 'unaccented': return mapTexts(book, stripMarks);
      case 'tcvn3': return mapTexts(book, unicodeToTcvn3, '.VnTime');
      // Titles typed in lower case under a capitals font (.VnTimeH), the rest in .VnTime, as legacy files were made.
      case 'tcvn3-caps': return mapSheets(book, e => {
        e.rows = e.rows.map(r => r.map(c => {
          if (!c || c.v.t !== 's') return c;
          const s = c.v.s;
          const caps = s.length > 3 && s === s.toLocaleUpperCase('vi') && /\p{L}/u.test(s);
          return caps ? { ...c, v: { t: 's', s: unicodeToTcvn3(s.toLocaleLowerCase('vi')) }, font: '.VnTimeH' } : { ...c, v: { t: 's', s: unicodeToTcvn3(s) }, font: '.VnTime' };
        }));
      });
    }
  });

const vn = (x: number) => String(Number(x.toPrecision(10))).replace('.', ',');

/** Percentages as percent-formatted fractions or as typed text ("72,5%"), in result and target cells of % rows. */
export const percentForms = def('percent forms', fc.constantFrom('fraction', 'text'), form => (book: WorkbookGrid) => perTable(book, (e, t) => {
    if (t.kind !== 'indicators') return;
    const { unit, actual, target } = t.columns;
    for (const r of t.rows) {
      const u = unit !== undefined ? text(e, r.row, unit) : '';
      if (u !== '%') continue;
      for (const col of [actual, target]) {
        if (col === undefined) continue;
        const cell = get(e, r.row, col);
        if (!cell) continue;
        const isPct = cell.v.t === 'n' && cell.fmt?.includes('%') === true;
        const value = cell.v.t === 'n' ? (isPct ? cell.v.n * 100 : cell.v.n) : cell.v.t === 's' && /^\d+(,\d+)?%?$/.test(cell.v.s.trim()) ? Number(cell.v.s.trim().replace('%', '').replace(',', '.')) : null;
        if (value === null || value > 1000) continue;
        if (form === 'fraction') set(e, r.row, col, num(value / 100, Number.isInteger(value) ? '0%' : '0.0%'));
        else set(e, r.row, col, str(`${vn(value)}%`));
      }
    }
  }));

/** In the order they are composed: structure first, then what surrounds the table, then position, names and text. */
export const TRANSFORMS: readonly Transform[] = [
  reorderColumns, percentForms, numericCodes, mergeBlocks, yearForms, groupMilestones, groupPeriod, repeatHeader, numberingRow, insertColumn,
  footer, nationalHeader, narrativeSheet, moveTable, renameSheets, textForms,
];

export type { Area };
