/**
 * Worksheet XML for the size cases, produced row by row so that a million-row sheet never exists as one string.
 * Cells use shared strings for text and omit the optional r="…" on cells to keep the parts small.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { strToU8 } from 'fflate';
import { escapeXml, minimalXlsx, SHEET_CLOSE, SHEET_OPEN, sharedStringsXml, type ZipPart } from './zip';

const STRINGS = ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu năm 2026', 'Kết quả tháng 4/2026',
  'Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến', '%', 'BÁO CÁO KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT 57'];
const S = (i: number): string => `<c t="s"><v>${i}</v></c>`;
const N = (n: number): string => `<c><v>${n}</v></c>`;

/** Writes the decimal digits of a non-negative integer at `at`; returns the position after them. */
function writeInt(buf: Uint8Array, at: number, n: number): number {
  const digits = n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10_000 ? 4 : n < 100_000 ? 5 : n < 1_000_000 ? 6 : 7;
  for (let i = digits - 1, v = n; i >= 0; i--, v = Math.floor(v / 10)) buf[at + i] = 48 + (v % 10);
  return at + digits;
}

/**
 * An indicator sheet of `rows` rows (a million in the test): title in row 1, header in row 3, then rows of
 * code (1 … 99, as real appendices restart numbering per section), name, unit, target and result.
 * Rows are stamped from byte templates and deflated with Node's zlib: building ~110 MB of XML as strings and
 * deflating it with fflate takes several times as long.
 */
export function tallSheetXlsx(rows: number): Uint8Array {
  const head = strToU8(`${SHEET_OPEN}<row r="1">${S(7)}</row><row r="3">${S(0)}${S(1)}${S(2)}${S(3)}${S(4)}</row>`);
  const a = strToU8('<row r="');
  const b = strToU8('"><c><v>');
  const c = strToU8(`</v></c>${S(5)}${S(6)}${N(90)}<c><v>`);
  const d = strToU8('</v></c></row>');
  const tail = strToU8(SHEET_CLOSE);
  const perRow = a.length + b.length + c.length + d.length + 7 + 2 + 2;
  const buf = new Uint8Array(head.length + perRow * rows + tail.length);
  buf.set(head);
  let p = head.length;
  for (let r = 4; r <= rows; r++) {
    buf.set(a, p); p += a.length;
    p = writeInt(buf, p, r);
    buf.set(b, p); p += b.length;
    p = writeInt(buf, p, ((r - 4) % 99) + 1);
    buf.set(c, p); p += c.length;
    p = writeInt(buf, p, r % 100);
    buf.set(d, p); p += d.length;
  }
  buf.set(tail, p); p += tail.length;
  const data = buf.subarray(0, p);
  const sheet: ZipPart = { name: '', method: 8, data: deflateRawSync(data, { level: 1 }), crc: crc32(data), size: data.length };
  return minimalXlsx([{ name: 'Rất dài', xml: sheet }], sharedStringsXml(STRINGS));
}

function columnName(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A header row and `rows` data rows, each `cols` wide (16,384 = XFD, Excel's last column). The table sits in the
 * first five columns; the rest of each data row is filled with numbers, as a sheet pasted beside it would be.
 */
export function wideSheetXlsx(cols: number, rows: number): Uint8Array {
  const names = Array.from({ length: cols + 1 }, (_x, c) => columnName(c));
  const parts = [`${SHEET_OPEN}<row r="1">${S(7)}</row><row r="3">${S(0)}${S(1)}${S(2)}${S(3)}${S(4)}</row>`];
  for (let r = 4; r <= rows + 3; r++) {
    const cells = [`<row r="${r}">${N(r - 3)}${S(5)}${S(6)}${N(90)}${N(80 + r)}`];
    for (let c = 6; c <= cols; c++) cells.push(`<c r="${names[c]}${r}"><v>${c}</v></c>`);
    parts.push(`${cells.join('')}</row>`);
  }
  parts.push(SHEET_CLOSE);
  const data = strToU8(parts.join(''));
  const sheet: ZipPart = { name: '', method: 8, data: deflateRawSync(data, { level: 1 }), crc: crc32(data), size: data.length };
  return minimalXlsx([{ name: 'Rất rộng', xml: sheet }], sharedStringsXml(STRINGS));
}

/**
 * One sheet written as raw XML, so that it can hold what exceljs refuses to write (overlapping merges, merges with
 * impossible references, thousands of merges): texts as inline strings, numbers as numbers.
 */
export function rawSheetXlsx(name: string, rows: readonly (readonly (string | number | null)[])[], merges: readonly string[] = []): Uint8Array {
  const cell = (v: string | number | null, ref: string): string =>
    v === null ? '' : typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
  const body = rows.map((r, i) => `<row r="${i + 1}">${r.map((v, c) => cell(v, `${columnName(c + 1)}${i + 1}`)).join('')}</row>`).join('');
  const mergeXml = merges.length === 0 ? '' : `<mergeCells count="${merges.length}">${merges.map(m => `<mergeCell ref="${escapeXml(m)}"/>`).join('')}</mergeCells>`;
  return minimalXlsx([{ name, xml: `${SHEET_OPEN}${body}</sheetData>${mergeXml}</worksheet>` }]);
}
