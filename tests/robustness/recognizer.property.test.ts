/**
 * Properties of recognition and checking over random grids: texts from the real header and cell vocabulary,
 * numbers, codes, blanks, odd scalars and random merges. Whatever the grid, recognizeSheet and checkWorkbook
 * return (never throw), quickly, and never point outside the grid.
 * (The grammar parsers and text converters have their own properties in tests/core/grammar and tests/core/text.)
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../src/core/check/check';
import type { Area, Cell, Scalar, SheetGrid } from '../../src/core/grid/types';
import type { RecognizedTable } from '../../src/core/recognize/table';
import { recognizeSheet } from '../../src/core/recognize/tables';
import { reportProblems } from './corpus/invariants';

const HEADERS = [
  'TT', 'STT', 'Stt', 'Số TT', 'Chỉ tiêu', 'Tên chỉ tiêu', 'Nội dung chỉ tiêu', 'Chỉ tiêu / Mốc thời gian', 'Nội dung nhiệm vụ',
  'Tên nhiệm vụ', 'Nhiệm vụ', 'Nội dung công việc', 'Nội dung', 'Đơn vị tính', 'ĐVT', 'Đơn vị', 'Mục tiêu', 'Mục Tiêu',
  'Mục tiêu năm 2026', 'Kế hoạch năm 2026', 'Chỉ tiêu năm 2026', 'Kết quả', 'Kết quả tháng 4/2026', 'Kết quả thực hiện năm 2026',
  'Ước thực hiện', 'Lũy kế', 'Đánh giá', 'Đánh giá hiện tại 2025', 'Năm 2025', '2026', '2030', 'Mức năm 2025 (Cơ sở)',
  'Mức năm 2030 (Đích)', 'Đến năm 2030', 'Cơ quan chủ trì', 'Đơn vị chủ trì', 'Cơ quan phối hợp', 'Đơn vị thực hiện',
  'Cá nhân/Cơ quan thực hiện', 'Thời gian hoàn thành', 'Thời hạn hoàn thành', 'Tiến độ', 'Ghi chú', 'Lưu ý', 'Kế hoạch', 'Thực hiện',
];
const CODES = ['I', 'II', 'III', 'IV', 'V', '1', '2', '3', '1.', '1.1', '1.2', '2.3.1', 'a)', 'b', '-', '+', '•', 'A', 'B.', '10', '999', '(1)', '(2)'];
const VALUES = [
  '≥ 80%', '> 90', 'Trên 90%', '≤ 5', '100%', '85%', '72,5', '1.234,5', '90', 'Đạt', 'Chưa đạt', 'Khó đạt', 'Hoàn thành',
  'Đang thực hiện', 'Chưa thực hiện', 'Không phát sinh', 'Báo cáo', 'Duy trì 100%', 'Tăng cường ứng dụng', '100% & 97% CB',
  'Hàng năm', 'Thường xuyên', '7/2025', 'Quý II/2026', '31/12/2026', 'Năm 2026', '%', 'Điểm', 'Hồ sơ', 'Văn phòng HĐND&UBND',
];
const TITLES = [
  'Phát triển hạ tầng số', 'Tỷ lệ hồ sơ trực tuyến toàn trình', 'Tỷ lệ người dân có tài khoản định danh điện tử',
  'Đến năm 2030', 'Mục tiêu đến hết năm 2045', 'Giai đoạn 2026-2030', 'Tổng cộng', 'Cộng', 'UBND XÃ PHÚ THỊNH',
  'BÁO CÁO KẾT QUẢ THÁNG 4 NĂM 2026', 'Phụ lục I', 'Ngày 24 tháng 4 năm 2026', 'Ng\u00b8y 24 th\u00b8ng 4', 'T\u1ef7 l\u00ea\u0323',
];

const text = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HEADERS, ...CODES, ...VALUES, ...TITLES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u200b', '📶', '=1+1', '#DIV/0!', 'x'.repeat(300), 'Chỉ tiêu'.normalize('NFD')) },
);
const scalar: fc.Arbitrary<Scalar> = fc.oneof(
  { weight: 6, arbitrary: text.map(s => ({ t: 's' as const, s })) },
  { weight: 3, arbitrary: fc.oneof(fc.integer({ min: -5, max: 2100 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0.9, 0.725, 46022, 1e15)).map(n => ({ t: 'n' as const, n })) },
  { weight: 1, arbitrary: fc.boolean().map(b => ({ t: 'b' as const, b })) },
  { weight: 1, arbitrary: fc.constantFrom('#DIV/0!', '#N/A', '#REF!', '#VALUE!').map(e => ({ t: 'e' as const, e })) },
);
const cell: fc.Arbitrary<Cell> = fc.record({
  v: scalar,
  f: fc.option(fc.constantFrom('SUM(D5:D9)', 'D5/E5', 'AVERAGE(A:A)', '[1]Sheet1!A1', 'IFERROR(1/0,"")'), { nil: undefined }),
  fmt: fc.option(fc.constantFrom('0%', '0.0%', 'dd/mm/yyyy', 'mm-dd-yy', '@', '#,##0'), { nil: undefined }),
  font: fc.option(fc.constantFrom('.VnTime', 'VNI-Times', 'Times New Roman'), { nil: undefined }),
}, { requiredKeys: ['v'] }).map(c => {
  const out: { v: Scalar; f?: string; fmt?: string; font?: string } = { v: c.v };
  if (c.f !== undefined) out.f = c.f;
  if (c.fmt !== undefined) out.fmt = c.fmt;
  if (c.font !== undefined) out.font = c.font;
  return out;
});

/** A sheet from rows of optional cells, with rowCount and colCount as the reader computes them. */
function sheetFrom(name: string, rows: readonly (readonly (Cell | undefined)[])[], merges: readonly Area[], extra: Partial<SheetGrid> = {}): SheetGrid {
  let rowCount = 0;
  let colCount = 0;
  rows.forEach((r, i) => r.forEach((c, j) => { if (c) { rowCount = Math.max(rowCount, i + 1); colCount = Math.max(colCount, j + 1); } }));
  return { name, rowCount, colCount, rows: rows.slice(0, rowCount).map(r => r.slice(0, colCount)), merges, ...extra };
}

const area = (maxRow: number, maxCol: number): fc.Arbitrary<Area> =>
  fc.tuple(fc.integer({ min: 1, max: maxRow }), fc.integer({ min: 1, max: maxCol }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }))
    .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));

/** Any cells at all, sparse or dense. */
const randomSheet: fc.Arbitrary<SheetGrid> = fc.record({
  rows: fc.array(fc.array(fc.option(cell, { nil: undefined, freq: 2 }), { maxLength: 12 }), { maxLength: 40 }),
  merges: fc.array(area(42, 14), { maxLength: 8 }),
  hidden: fc.boolean(),
  protected: fc.boolean(),
}).map(r => sheetFrom('Ngẫu nhiên', r.rows, r.merges, { hidden: r.hidden, protected: r.protected }));

/** Table-shaped: title rows, a header of real labels (sometimes two rows), then body rows of codes, names and values. */
const tableSheet: fc.Arbitrary<SheetGrid> = fc.record({
  titles: fc.array(fc.constantFrom(...TITLES), { maxLength: 4 }),
  offset: fc.integer({ min: 0, max: 3 }),
  // Mostly an order column and a name column first, as real appendices have; sometimes any labels at all.
  header: fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom('TT', 'STT', 'Stt', 'Số TT'), fc.constantFrom('Chỉ tiêu', 'Tên chỉ tiêu', 'Nội dung chỉ tiêu', 'Nội dung nhiệm vụ', 'Tên nhiệm vụ', 'Nội dung'), fc.array(fc.constantFrom(...HEADERS), { maxLength: 7 })).map(([a, b, rest]) => [a, b, ...rest]) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...HEADERS), { minLength: 2, maxLength: 9 }) },
  ),
  subHeader: fc.option(fc.array(fc.option(fc.constantFrom(...HEADERS), { nil: undefined }), { maxLength: 9 }), { nil: undefined }),
  body: fc.array(fc.tuple(
    fc.option(fc.constantFrom(...CODES), { nil: undefined }),
    fc.option(fc.constantFrom(...TITLES, ...VALUES), { nil: undefined }),
    fc.array(fc.option(scalar, { nil: undefined }), { maxLength: 8 }),
  ), { maxLength: 30 }),
  merges: fc.array(area(40, 12), { maxLength: 6 }),
}).map(r => {
  const s = (x: string): Cell => ({ v: { t: 's', s: x } });
  const pad = (cells: (Cell | undefined)[]) => [...Array<undefined>(r.offset).fill(undefined), ...cells];
  const rows: (Cell | undefined)[][] = [
    ...r.titles.map(t => [s(t)]),
    [],
    pad(r.header.map(s)),
    ...(r.subHeader ? [pad(r.subHeader.map(h => (h === undefined ? undefined : s(h))))] : []),
    ...r.body.map(([code, name, rest]) => pad([code === undefined ? undefined : s(code), name === undefined ? undefined : s(name), ...rest.map(v => (v ? { v } : undefined))])),
  ];
  return sheetFrom('Bảng', rows, r.merges);
});

function tableProblems(t: RecognizedTable, sheet: SheetGrid): string[] {
  const p: string[] = [];
  const a = t.area;
  if (a.top < 1 || a.left < 1 || a.bottom > sheet.rowCount || a.right > sheet.colCount || a.top > a.bottom || a.left > a.right) {
    p.push(`area ${JSON.stringify(a)} outside ${sheet.rowCount}×${sheet.colCount}`);
  }
  if (t.headerTop !== a.top || t.headerRow < t.headerTop || t.headerRow > a.bottom) p.push(`header ${t.headerTop}-${t.headerRow} in ${JSON.stringify(a)}`);
  for (const r of t.rows) if (r.row <= t.headerRow || r.row > a.bottom) p.push(`row ${r.row} outside ${JSON.stringify(a)}`);
  for (const [role, col] of Object.entries(t.columns)) {
    const cols = role === 'milestones' ? (col as { col: number }[]).map(m => m.col) : typeof col === 'number' && !role.endsWith('Year') ? [col] : [];
    for (const c of cols) if (c < 1 || c > sheet.colCount) p.push(`${role} column ${c} outside 1…${sheet.colCount}`);
  }
  return p;
}

/** A generous per-call bound: these grids are small, so anything near it means a runaway loop. */
const CALL_MS = 1_000;

function timed<T>(f: () => T): T {
  const t0 = Date.now();
  const out = f();
  expect(Date.now() - t0).toBeLessThan(CALL_MS);
  return out;
}

describe.each([['random cells', randomSheet], ['table-shaped grids', tableSheet]])('on %s', (_label, sheets) => {
  it('recognizeSheet never throws, ends quickly and stays inside the grid', () => {
    let found = 0;
    fc.assert(fc.property(sheets, sheet => {
      const tables = timed(() => recognizeSheet(sheet));
      expect(tables.flatMap(t => tableProblems(t, sheet))).toEqual([]);
      found += tables.length;
    }), { numRuns: 300 });
    if (sheets === tableSheet) expect(found).toBeGreaterThan(100);
  });

  it('checkWorkbook never throws, ends quickly and reports only rows and cells of the grid', () => {
    let judged = 0;
    const options = fc.record({
      period: fc.option(fc.integer({ min: 2000, max: 2100 }), { nil: undefined }),
      date: fc.option(fc.constantFrom('2026-04-24', '2025-12-31', '2030-01-01'), { nil: undefined }),
    });
    fc.assert(fc.property(fc.array(sheets, { minLength: 1, maxLength: 3 }), options, (list, o) => {
      const book = { sheets: list.map((s, i) => ({ ...s, name: `${s.name} ${i + 1}` })) };
      const report = timed(() => checkWorkbook(book, {
        file: 'ngau-nhien.xlsx', ...(o.period !== undefined ? { period: o.period } : {}), ...(o.date !== undefined ? { date: o.date } : {}),
      }));
      expect(report.error).toBeNull();
      expect(reportProblems(report, book)).toEqual([]);
      for (const n of report.notices) expect(n.message.length).toBeGreaterThan(0);
      if (report.tables.some(t => t.rows.length > 0)) judged++;
    }), { numRuns: 200 });
    // The table-shaped generator must really produce judged tables, or the property above proves little.
    if (sheets === tableSheet) expect(judged).toBeGreaterThan(60);
  });
});

it('a larger table-shaped sheet (400 rows) is still checked well within the bound', () => {
  const big = fc.record({
    header: fc.shuffledSubarray(['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu năm 2026', 'Kết quả tháng 4/2026', 'Ghi chú', 'Nội dung nhiệm vụ', 'Thời gian hoàn thành'], { minLength: 3 }),
    body: fc.array(fc.array(fc.option(scalar, { nil: undefined }), { maxLength: 8 }), { minLength: 400, maxLength: 400 }),
  }).map(r => sheetFrom('Lớn', [r.header.map(h => ({ v: { t: 's', s: h } }) as Cell), ...r.body.map(row => row.map(v => (v ? { v } : undefined)))], []));
  fc.assert(fc.property(big, sheet => {
    const report = timed(() => checkWorkbook({ sheets: [sheet] }, { file: 'lon.xlsx' }));
    expect(reportProblems(report, { sheets: [sheet] })).toEqual([]);
  }), { numRuns: 15 });
});
