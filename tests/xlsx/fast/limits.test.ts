import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LIMITS, truncationMessage, type ReadLimits } from '../../../src/xlsx/fast';
import { readWorkbook } from '../../../src/xlsx/read';
import { buildXlsx, deflateBomb, rawZip } from './build';

/** Hostile and oversized workbooks (issue 7): refused or cut down, in bounded time, never a crash. */

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** The small parts of a one-sheet workbook, as raw entries around the given sheet and shared-strings entries. */
function package_(sheet: { data: Uint8Array; method: 0 | 8; size: number }, sst?: { data: Uint8Array; method: 0 | 8; size: number }, extra: Parameters<typeof rawZip>[0] = []): Uint8Array {
  const text = (name: string, s: string) => ({ name, data: strToU8(s), method: 0 as const, size: strToU8(s).length });
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return rawZip([
    text('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    text('xl/workbook.xml', `${HEAD}<workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="s1"/></sheets></workbook>`),
    text('xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="t" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
    { name: 'xl/worksheets/sheet1.xml', ...sheet },
    ...(sst ? [{ name: 'xl/sharedStrings.xml', ...sst }] : []),
    ...extra,
  ]);
}

const smallSheet = () => {
  const xml = strToU8(`${HEAD}<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`);
  return { data: xml, method: 0 as const, size: xml.length };
};

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = Date.now();
  const value = await f();
  return { value, ms: Date.now() - t };
}

describe('zip bombs', () => {
  test('a shared-strings part that inflates to 256 MB of one text node, declaring 40 bytes, is refused early', async () => {
    const bomb = deflateBomb(`<sst ${NS}><si><t>A`, 256 * 1024 * 1024, '</t></si></sst>');
    const bytes = package_(smallSheet(), { data: bomb, method: 8, size: 40 });
    const { value, ms } = await timed(() => readWorkbook(bytes));
    expect(value).toEqual({ ok: false, error: expect.stringMatching(/quá lớn.*xl\/sharedStrings\.xml/) });
    expect(ms).toBeLessThan(3000);
  });

  test('declared sizes past the limit are refused before inflating anything', async () => {
    const bytes = package_(smallSheet(), { data: strToU8('<sst/>'), method: 0, size: 300 * 1024 * 1024 });
    const r = await readWorkbook(bytes);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^Tệp quá lớn.*200 MB/) });
  });

  test('lying sizes: the budget holds while inflating, whatever the directory says', async () => {
    const rows = Array.from({ length: 20000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const xml = strToU8(`${HEAD}<worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`);
    const data = zipSync({ x: xml }, { level: 1 });
    // The raw deflate data of the only entry: after its 30-byte local header and 1-byte name.
    const deflated = data.subarray(31, 31 + (data[18] ?? 0) + (data[19] ?? 0) * 256 + (data[20] ?? 0) * 65536);
    const limits: ReadLimits = { ...DEFAULT_LIMITS, maxInflatedBytes: 256 * 1024 };
    const honest = await readWorkbook(package_({ data: deflated, method: 8, size: xml.length }));
    expect(honest.ok && honest.grid.sheets[0]?.rowCount).toBe(20000);
    const lying = package_({ data: deflated, method: 8, size: 10 });
    expect(await readWorkbook(lying, { limits })).toEqual({ ok: false, error: expect.stringMatching(/^Tệp quá lớn.*1 MB/) });
  });

  test('the exceljs fallback only gets archives proved to stay within the limit', async () => {
    // The worksheet part is missing (the fast reader gives up), and another entry is a bomb.
    const bomb = deflateBomb('A', 300 * 1024 * 1024, '');
    // A small limit keeps the test fast; the code path is the one the 200 MB default takes.
    const limits: ReadLimits = { ...DEFAULT_LIMITS, maxInflatedBytes: 8 * 1024 * 1024 };
    const bytes = package_(smallSheet(), undefined, [{ name: 'docProps/custom.xml', data: bomb, method: 8, size: 10 }]);
    const broken = bytes.slice();
    // Rename the worksheet entry in the central directory so the workbook points at a missing part.
    const at = Buffer.from(broken).lastIndexOf('xl/worksheets/sheet1.xml');
    broken.set(strToU8('xl/worksheets/sheetX.xml'), at);
    const { value, ms } = await timed(() => readWorkbook(broken, { limits }));
    expect(value).toEqual({ ok: false, error: expect.stringMatching(/^Tệp quá lớn.*8 MB/) });
    expect(ms).toBeLessThan(2000);
  });
});

/** A sheet of `rows` rows, one number each, written straight into bytes (building strings would dominate). */
function tallSheet(rows: number): Uint8Array {
  const head = strToU8(`${HEAD}<worksheet ${NS}><dimension ref="A1:A${rows}"/><sheetData>`);
  const tail = strToU8('</sheetData><sheetProtection sheet="1"/><mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="A19999:A1000000"/></mergeCells></worksheet>');
  const out = new Uint8Array(head.length + rows * 56 + tail.length);
  out.set(head);
  let p = head.length;
  const put = (s: Uint8Array) => { out.set(s, p); p += s.length; };
  const digits = (n: number) => { const s = String(n); for (let i = 0; i < s.length; i++) out[p++] = s.charCodeAt(i); };
  const [a, b, c] = ['<row r="', '"><c r="A', '"><v>7</v></c></row>'].map(s => strToU8(s)) as [Uint8Array, Uint8Array, Uint8Array];
  for (let r = 1; r <= rows; r++) { put(a); digits(r); put(b); digits(r); put(c); }
  put(tail);
  return out.subarray(0, p);
}

describe('huge sheets', () => {
  test('1,000,000 rows: the first 20,000 are kept, the rest skipped unparsed, what follows the data still read', async () => {
    const xml = tallSheet(1_000_000);
    const bytes = package_({ data: xml, method: 0, size: xml.length });
    const { value, ms } = await timed(() => readWorkbook(bytes));
    if (!value.ok) throw new Error(value.error);
    const s = value.grid.sheets[0];
    // The last kept row is the hidden part of a merge that starts in row 19,999.
    expect([s?.rowCount, s?.colCount, s?.protected]).toEqual([19999, 1, true]);
    expect([s?.rows[0]?.[0]?.v, s?.rows[1], s?.rows[19998]?.[0]?.v]).toEqual([{ t: 'n', n: 7 }, undefined, { t: 'n', n: 7 }]);
    expect(s?.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 2 }, { top: 19999, left: 1, bottom: 20000, right: 1 }]);
    expect(value.truncated).toEqual([{ sheet: 'S', keptRows: 20000, keptCols: 200, lastRow: 1_000_000, lastCol: 1 }]);
    expect(ms).toBeLessThan(4000);
  });

  test('16,384 columns: the first 200 are kept', async () => {
    const cols = 16384;
    const row = (r: number) => `<row r="${r}">${Array.from({ length: cols }, (_, c) => `<c><v>${c + 1}</v></c>`).join('')}</row>`;
    const bytes = buildXlsx({ sheets: [{ name: 'Rộng', xml: `<sheetData>${[1, 2, 3, 4, 5].map(row).join('')}</sheetData>` }] }, 1);
    const { value, ms } = await timed(() => readWorkbook(bytes));
    if (!value.ok) throw new Error(value.error);
    const s = value.grid.sheets[0];
    expect([s?.rowCount, s?.colCount, s?.rows[4]?.[199]?.v]).toEqual([5, 200, { t: 'n', n: 200 }]);
    const t = value.truncated?.[0];
    expect(t).toEqual({ sheet: 'Rộng', keptRows: 20000, keptCols: 200, lastRow: 5, lastCol: cols });
    if (!t) throw new Error('not truncated');
    expect(truncationMessage(t)).toMatch(/^Trang "Rộng" quá lớn \(dữ liệu tới dòng 5, cột 16384\): chỉ đọc 20000 dòng × 200 cột đầu/);
    expect(ms).toBeLessThan(4000);
  });
});

describe('parse budget', () => {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, maxParsedBytes: 512 * 1024 };

  test('a sheet past the budget is cut short after the rows read so far, and says so', async () => {
    const xml = tallSheet(100_000);
    const r = await readWorkbook(package_({ data: xml, method: 0, size: xml.length }), { limits });
    if (!r.ok) throw new Error(r.error);
    const s = r.grid.sheets[0];
    const t = r.truncated?.[0];
    // About 51 bytes a row: some 10,000 rows fit in the budget.
    expect(s?.rowCount).toBeGreaterThan(5_000);
    expect(s?.rowCount).toBeLessThan(15_000);
    expect(t).toEqual({ sheet: 'S', keptRows: expect.any(Number), keptCols: 200, lastRow: 100_000, lastCol: 1 });
    expect(t?.keptRows).toBe(s?.rowCount);
    expect(s?.protected).toBe(true);
  });

  test('shared strings past the budget are refused', async () => {
    const si = '<si><t>Tỷ lệ</t></si>'.repeat(100_000);
    const sst = strToU8(`<sst ${NS}>${si}</sst>`);
    const r = await readWorkbook(package_(smallSheet(), { data: sst, method: 0, size: sst.length }), { limits });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^Tệp quá lớn.*sharedStrings\.xml vượt 1 MB XML/) });
  });
});

describe('bad archives never throw', () => {
  const fixture = new Uint8Array(readFileSync(path.join(__dirname, '../../fixtures/phu-thinh-bao-cao-thang-4-2026.xlsx')));

  test('truncated anywhere: a corrupt-file message', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 4, max: fixture.length - 1 }), async cut => {
      const r = await readWorkbook(fixture.subarray(0, cut));
      expect(r).toEqual({ ok: false, error: expect.stringMatching(/^Tệp \.xlsx bị hỏng/) });
    }), { numRuns: 25 });
  });

  test('bytes flipped anywhere: a grid or a message, never an exception', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.nat(fixture.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }), async flips => {
      const b = fixture.slice();
      for (const [i, x] of flips) b[i] = (b[i] ?? 0) ^ x;
      const r = await readWorkbook(b);
      expect(typeof r.ok).toBe('boolean');
    }), { numRuns: 25 });
  });

  test('random bytes behind a zip signature', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async tail => {
      const r = await readWorkbook(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]));
      expect(r.ok).toBe(false);
    }), { numRuns: 50 });
  });
});
