/**
 * Valid workbooks with hostile or unusual content: merged-cell chaos, hidden and protected parts, formula-injection
 * text, very long strings, emoji, invisible and right-to-left marks, decomposed (NFD) Vietnamese, dates in target
 * cells. Each must be read and judged without a crash, and user text must stay text in every output.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { main } from '../../src/cli/main';
import { auditWorkbook } from '../../src/core/audit/audit';
import { AUDIT_SHEET, auditPlan } from '../../src/core/audit/plan';
import { checkWorkbook } from '../../src/core/check/check';
import type { CheckReport, FileReport, IndicatorRowJson, IndicatorTableJson } from '../../src/core/check/report';
import type { WorkbookGrid } from '../../src/core/grid/types';
import type { RollupJson } from '../../src/core/rollup/json';
import { readWorkbook } from '../../src/xlsx/read';
import { writePlans } from '../../src/xlsx/write-plan';
import { captureIo } from '../helpers/io';
import { reportProblems } from './corpus/invariants';
import { rawSheetXlsx } from './corpus/sheets';
import { tempDir } from './corpus/tmp';
import { FIRST_ROW, HEADER, HEADER_ROW, INJECTIONS, ODD_TEXTS, PLAIN_ROWS, reportWorkbook } from './corpus/workbooks';

async function checked(bytes: Uint8Array, file = 'bao-cao.xlsx'): Promise<{ grid: WorkbookGrid; report: FileReport }> {
  const r = await readWorkbook(bytes);
  if (!r.ok) throw new Error(`unreadable: ${r.error}`);
  const report = checkWorkbook(r.grid, { file });
  expect(reportProblems(report, r.grid)).toEqual([]);
  return { grid: r.grid, report };
}

function indicatorRows(report: FileReport): IndicatorRowJson[] {
  return report.tables.filter((t): t is IndicatorTableJson => t.kind === 'indicators').flatMap(t => t.rows);
}

/** A plain 2-D layout of the standard report for raw-XML sheets: title rows, header in row 4, rows from row 5. */
const GRID: (string | number | null)[][] = [
  ['UBND XÃ PHÚ THỊNH'], ['BÁO CÁO KẾT QUẢ THÁNG 4 NĂM 2026'], [null], [...HEADER],
  ...PLAIN_ROWS.map(r => r.map(v => (typeof v === 'string' || typeof v === 'number' ? v : null))),
];

describe('merged-cell chaos', () => {
  it('survives overlapping, reversed, out-of-range and single-cell merges and keeps the table', async () => {
    const merges = ['A1:E1', 'B1:C3', 'C1:D2', 'A2:E2', 'B2:A1', 'A0:C0', 'ZZZZ9:A1', 'C3:C3', 'E7:E7', 'XFD1048576:XFD1048576', 'F5:H7', 'G6:I9'];
    const { report } = await checked(rawSheetXlsx('Hỗn loạn', GRID, merges));
    const rows = indicatorRows(report);
    expect(rows.map(r => r.row)).toEqual([5, 6, 7]);
    expect(rows.map(r => r.status)).toEqual(['met', 'not_met', 'met']);
  });

  it('reads what a merge over header and data cells leaves visible, like Excel shows it', async () => {
    // C5:D6 hides D5 (row 5's target); D6:E7 overlaps it and would hide row 6's result and row 7's.
    const { report } = await checked(rawSheetXlsx('Gộp', GRID, ['D4:E4', 'C5:D6', 'D6:E7']));
    expect(report.tables).toHaveLength(1);
    for (const r of indicatorRows(report)) expect(r.row).toBeGreaterThanOrEqual(FIRST_ROW);
  });

  it('does not hang on a sheet with 20,000 merges', async () => {
    const merges = Array.from({ length: 20_000 }, (_x, i) => `F${i + 1}:H${i + 1}`);
    const t0 = Date.now();
    const { report } = await checked(rawSheetXlsx('Nhiều ô gộp', GRID, merges));
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(indicatorRows(report)).toHaveLength(3);
  });

  it('reports a sheet merged whole (A1:XFD1048576) as holding no table, without a crash', async () => {
    const { report } = await checked(rawSheetXlsx('Gộp cả trang', GRID, ['A1:XFD1048576']));
    expect(report.error).toBeNull();
    expect(report.notices.map(n => n.code)).toContain('no-tables');
  });
});

describe('hidden rows, columns and sheets', () => {
  it('are still read: a hidden row is judged, a hidden column keeps its role, a very hidden sheet is searched', async () => {
    const bytes = await reportWorkbook({
      rows: PLAIN_ROWS,
      tweak: (ws, wb) => {
        ws.getRow(FIRST_ROW + 1).hidden = true;
        ws.getColumn(3).hidden = true;
        const hidden = wb.addWorksheet('Nhiệm vụ ẩn', { state: 'hidden' });
        hidden.getRow(2).values = ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Thời gian hoàn thành'];
        hidden.getRow(3).values = ['1', 'Số hóa hồ sơ lưu trữ', 'Văn phòng', '12/2026'];
        const veryHidden = wb.addWorksheet('Rất ẩn', { state: 'veryHidden' });
        veryHidden.getRow(1).values = [...HEADER];
        veryHidden.getRow(2).values = ['1', 'Số điểm phát wifi công cộng', 'Điểm', 3, 4];
      },
    });
    const { grid, report } = await checked(bytes);
    expect(grid.sheets.map(s => [s.name, s.hidden === true])).toEqual([['Phụ lục', false], ['Nhiệm vụ ẩn', true], ['Rất ẩn', true]]);
    const main = report.tables.find(t => t.sheet === 'Phụ lục');
    expect(main?.columns).toMatchObject({ unit: 'C' });
    expect(main?.rows.map(r => r.row)).toContain(FIRST_ROW + 1);
    expect(report.tables.find(t => t.sheet === 'Nhiệm vụ ẩn')?.kind).toBe('tasks');
    expect(report.tables.find(t => t.sheet === 'Rất ẩn')?.rows.map(r => r.status)).toEqual(['met']);
  });
});

describe('protected sheets', () => {
  it('are judged, with a notice that colouring needs the protection removed', async () => {
    const bytes = await reportWorkbook({ rows: PLAIN_ROWS, tweak: ws => ws.protect('mat-khau', { selectLockedCells: true, spinCount: 1 }) });
    const { grid, report } = await checked(bytes);
    expect(grid.sheets[0]?.protected).toBe(true);
    expect(indicatorRows(report)).toHaveLength(3);
    const notice = report.notices.find(n => n.code === 'protected');
    expect(notice).toMatchObject({ sheet: 'Phụ lục' });
    expect(notice?.message).toMatch(/bảo vệ/);
    expect(notice?.message).toMatch(/tô màu/);
  });

  it('shows the notice in the CLI summary under the file', async () => {
    const dir = await tempDir();
    try {
      const file = await dir.write('bao-ve.xlsx', await reportWorkbook({ rows: PLAIN_ROWS, tweak: ws => ws.protect('', {}) }));
      const io = captureIo();
      await main(['check', file], io);
      expect(io.code()).toBe(0);
      expect(io.stdout()).toMatch(/! Phụ lục: Trang "Phụ lục" đang được bảo vệ/);
    } finally {
      await dir.cleanup();
    }
  });
});

describe('formula-injection text stays text', () => {
  /** Each payload once as an indicator name, once as unit, target and result of an ordinary indicator. */
  const rows = [
    ...INJECTIONS.map((s, i) => [String(i + 1), s, '%', '≥ 80%', '85%']),
    ...INJECTIONS.map((s, i) => [String(INJECTIONS.length + i + 1), `Tỷ lệ hồ sơ trực tuyến ${i + 1}`, s, s, s]),
  ];

  // Cell text is trimmed like every cell text; trimming never makes a formula.
  const expected = INJECTIONS.map(s => s.trim());

  it('in the grid and the check report: the exact string, never a formula', async () => {
    const { grid, report } = await checked(await reportWorkbook({ rows }));
    const cells = grid.sheets.flatMap(s => s.rows.flatMap(r => r ?? []));
    expect(cells.filter(c => c?.f !== undefined)).toEqual([]);
    const found = indicatorRows(report);
    expect(found.slice(0, INJECTIONS.length).map(r => r.name)).toEqual(expected);
    const rest = found.slice(INJECTIONS.length);
    expect(rest.map(r => r.unit)).toEqual(expected);
    expect(rest.map(r => r.target?.text)).toEqual(expected);
    expect(rest.map(r => r.actual?.text)).toEqual(expected);
    // None of them reads as a number: "-2+3" is not 1 and "=1+1" is not 2.
    expect(rest.map(r => r.target?.value ?? null)).toEqual(INJECTIONS.map(() => null));
    expect(rest.map(r => r.actual?.value ?? null)).toEqual(INJECTIONS.map(() => null));
  });

  it('in `phuluc check --json`', async () => {
    const dir = await tempDir();
    try {
      const file = await dir.write('=1+1.xlsx', await reportWorkbook({ rows }));
      const io = captureIo();
      await main(['check', file, '--json'], io);
      const report = JSON.parse(io.stdout()) as CheckReport;
      const f = report.files[0] as FileReport;
      expect(f.file).toBe(file);
      expect(indicatorRows(f).slice(0, INJECTIONS.length).map(r => r.name)).toEqual(expected);
    } finally {
      await dir.cleanup();
    }
  });

  it('in the rollup workbook written with -o: strings arrive as strings, no formula carries user text', async () => {
    const dir = await tempDir();
    try {
      // Commune names come from the file names here (no issuer line), so they are hostile too.
      const names = ['=1+1', '+cmd|\' C calc\'!A0', '-2+3', '@SUM(A1)'];
      for (const [i, n] of names.entries()) {
        const own = INJECTIONS[i] as string;
        await dir.write(`xa/${n}.xlsx`, await reportWorkbook({
          issuer: null,
          rows: [...PLAIN_ROWS, ['4', own, '%', '≥ 80%', own], ['5', `Chỉ tiêu riêng ${own}`, own, own, '12']],
        }));
      }
      const out = path.join(dir.dir, 'tong-hop.xlsx');
      const io = captureIo();
      await main(['rollup', path.join(dir.dir, 'xa'), '-o', out, '--json'], io);
      expect(io.code()).toBe(0);
      const json = JSON.parse(io.stdout()) as RollupJson;
      expect(json.communes).toHaveLength(names.length);
      expect(json.communes.map(c => c.error)).toEqual(names.map(() => null));

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await fs.readFile(out) as unknown as ArrayBuffer);
      const strings = new Set<string>();
      const formulas: string[] = [];
      for (const ws of wb.worksheets) {
        ws.eachRow(row => row.eachCell(cell => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas.push(cell.formula);
          if (typeof cell.value === 'string') strings.add(cell.value);
        }));
      }
      const userBits = ['1+1', 'cmd|', '2+3', 'SUM(A1)', 'HYPERLINK', 'DDE', 'powershell'];
      expect(formulas.filter(f => userBits.some(b => f.includes(b)))).toEqual([]);
      // Commune names (from the hostile file names) and indicator names arrive as string cells.
      for (const c of json.communes) expect([...strings].some(s => s.includes(c.name))).toBe(true);
      for (const s of INJECTIONS.slice(0, names.length)) expect([...strings].some(v => v.includes(s))).toBe(true);

      // The same in the raw XML: no <f> element holds any of it.
      const parts = unzipSync(new Uint8Array(await fs.readFile(out)));
      for (const [name, bytes] of Object.entries(parts)) {
        if (!name.startsWith('xl/worksheets/')) continue;
        const fs_ = [...strFromU8(bytes).matchAll(/<f[^>]*>([^<]*)<\/f>/g)].map(m => m[1] ?? '');
        expect(fs_.filter(f => userBits.some(b => f.includes(b)))).toEqual([]);
      }
    } finally {
      await dir.cleanup();
    }
  }, 30_000);

  it('in the audit sheet: formulas of the audited file and hostile values are listed as text', async () => {
    // A sheet named like a formula, holding formulas a commune file may carry (an external link, DDE) whose cached
    // values are themselves formula-like text.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('=1+1');
    ws.getRow(1).values = ['TT', 'Chỉ tiêu', 'Kế hoạch', 'Thực hiện', 'Tỷ lệ'];
    ws.getRow(2).values = ['1', '=1+1', 10, 0, { formula: 'D2/C2*100', result: 0 }];
    ws.getRow(3).values = ['2', '@SUM(A1)', 0, 5, { formula: 'D3/C3', result: { error: '#DIV/0!' } }];
    ws.getCell('F2').value = { formula: "'[=1+1.xlsx]Sheet1'!A1", result: '=1+1' };
    ws.getCell('F3').value = { formula: "cmd|' /C calc'!A0", result: '+cmd|x' };
    ws.getCell('F5').value = { formula: 'DDE("cmd";"/C calc";"!A0")', result: { error: '#REF!' } };
    const source = new Uint8Array(await wb.xlsx.writeBuffer());
    const read = await readWorkbook(source);
    if (!read.ok) throw new Error(read.error);
    const findings = auditWorkbook(read.grid, { file: 'doc-hai.xlsx' });
    expect(findings.map(f => f.cell).sort()).toEqual(expect.arrayContaining(['F2', 'F5']));

    // As the add-in's "Tạo báo cáo kiểm tra" does: the audit sheet added to the audited workbook itself.
    const written = await writePlans([auditPlan(findings, read.grid, { source: 'doc-hai.xlsx' })], source);
    if (!written.ok) throw new Error(written.error);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(written.bytes as unknown as ArrayBuffer);
    const auditSheet = out.getWorksheet(written.sheets[0] ?? AUDIT_SHEET);
    expect(written.sheets[0]).toBe(AUDIT_SHEET);
    const strings: string[] = [];
    auditSheet?.eachRow(row => row.eachCell(cell => {
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      if (typeof cell.value === 'string') strings.push(cell.value);
    }));
    for (const f of findings) expect(strings).toContain(f.formula);
    expect(strings).toEqual(expect.arrayContaining(['=1+1', "='[=1+1.xlsx]Sheet1'!A1"]));
    // The audited sheet keeps its own formulas exactly: the audit adds, it does not rewrite.
    const kept = out.getWorksheet('=1+1');
    expect(kept?.getCell('F2').formula).toBe("'[=1+1.xlsx]Sheet1'!A1");
    expect(kept?.getCell('B2').value).toBe('=1+1');
  });
});

describe('unusual text', () => {
  it('keeps a 100,000-character cell up to Excel\'s 32,767-character limit, says so, and judges its row quickly', async () => {
    // Excel holds at most 32,767 characters in a cell; a longer text (written by another tool) is cut to that, which
    // also bounds the cost of every rule run per cell (issue 12).
    const long = `Tỷ lệ ${'hồ sơ trực tuyến '.repeat(6000)}`.slice(0, 100_000);
    const kept = long.slice(0, 32_767).trim();
    const t0 = Date.now();
    const bytes = await reportWorkbook({ rows: [['1', long, '%', '≥ 80%', '85%'], ['2', 'Tỷ lệ', long, long, long]] });
    const { report } = await checked(bytes);
    expect(Date.now() - t0).toBeLessThan(5_000);
    const read = await readWorkbook(bytes);
    expect(read.ok && read.notices?.map(n => n.code)).toEqual(['long-text']);
    const [a, b] = indicatorRows(report);
    // Compared without printing 100 kB on failure.
    expect(a?.name.length).toBe(kept.length);
    expect(a?.name === kept).toBe(true);
    expect(a?.status).toBe('met');
    expect(b?.target?.text === kept).toBe(true);
    expect(b?.actual?.value ?? null).toBeNull();
  });

  it('judges rows named with emoji, zero-width, right-to-left marks and NFD text like any other', async () => {
    const { report } = await checked(await reportWorkbook({ rows: ODD_TEXTS.map((s, i) => [String(i + 1), s, '%', '≥ 80%', '85%']) }));
    const rows = indicatorRows(report);
    expect(rows).toHaveLength(ODD_TEXTS.length);
    expect(rows.map(r => r.status)).toEqual(ODD_TEXTS.map(() => 'met'));
  });

  it('judges a workbook typed in NFD (decomposed accents) exactly as the same workbook in NFC', async () => {
    const rows = [
      ...PLAIN_ROWS,
      ['4', 'Tỷ lệ thôn, tổ dân phố có cáp quang', '%', 'Trên 90%', 'Đạt 95%'],
      ['5', 'Tỷ lệ hồ sơ được số hóa', '%', '≥ 100%', 'Không phát sinh'],
    ];
    const nfd = (v: unknown) => (typeof v === 'string' ? v.normalize('NFD') : v);
    const nfc = await checked(await reportWorkbook({ rows }));
    const decomposed = await checked(await reportWorkbook({
      rows: rows.map(r => r.map(nfd)) as typeof rows,
      title: 'BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU NGHỊ QUYẾT 57 THÁNG 4 NĂM 2026'.normalize('NFD'),
      tweak: ws => { ws.getRow(HEADER_ROW).values = HEADER.map(h => h.normalize('NFD')); ws.getCell('A1').value = 'UBND XÃ PHÚ THỊNH'.normalize('NFD'); },
    }));
    const view = (r: FileReport) => ({
      commune: r.commune?.normalize('NFC') ?? null, period: r.period,
      tables: r.tables.map(t => ({ range: t.range, kind: t.kind, columns: t.columns, period: t.period })),
      rows: indicatorRows(r).map(x => ({
        row: x.row, name: x.name.normalize('NFC'), status: x.status, target: x.target && { op: x.target.op, value: x.target.value, kind: x.target.kind },
        actual: x.actual?.value ?? null,
      })),
    });
    expect(view(decomposed.report)).toEqual(view(nfc.report));
    expect(indicatorRows(nfc.report)).toHaveLength(5);
  });
});

describe('dates stored as numbers in target cells', () => {
  it('are read as a date text, never as a huge target number', async () => {
    const bytes = await reportWorkbook({
      rows: [
        ...PLAIN_ROWS,
        ['4', 'Hoàn thành cấp chữ ký số cho cán bộ', 'Người', new Date(Date.UTC(2026, 11, 31)), 45],
        ['5', 'Tỷ lệ hồ sơ được số hóa', '%', 46022, 85],
      ],
      tweak: ws => { ws.getCell(`D${FIRST_ROW + 4}`).numFmt = 'dd/mm/yyyy'; },
    });
    const { report } = await checked(bytes);
    const dated = indicatorRows(report).filter(r => r.row >= FIRST_ROW + 3);
    expect(dated).toHaveLength(2);
    for (const r of dated) {
      expect(r.target?.kind).not.toBe('numeric');
      expect(r.target?.value ?? null).toBeNull();
      expect(['met', 'not_met']).not.toContain(r.status);
    }
    expect(dated[0]?.target?.text).toMatch(/2026/);
  });
});
