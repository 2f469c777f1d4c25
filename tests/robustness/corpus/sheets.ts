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

/** Writes ASCII text into a growing byte buffer (much faster than building a 100 MB string). */
class AsciiBuffer {
  private buf = new Uint8Array(1 << 24);
  length = 0;

  text(s: string): void {
    this.room(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.length++] = s.charCodeAt(i);
  }

  int(n: number): void {
    this.text(String(n));
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  result(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
}

/**
 * An indicator sheet of `rows` rows (a million in the test): title in row 1, header in row 3, then rows of
 * code (1 … 99, as real appendices restart numbering per section), name, unit, target and result.
 * Deflated with Node's zlib: fflate needs about three times as long for the ~110 MB of XML.
 */
export function tallSheetXlsx(rows: number): Uint8Array {
  const xml = new AsciiBuffer();
  xml.bytes(strToU8(`${SHEET_OPEN}<row r="1">${S(7)}</row><row r="3">${S(0)}${S(1)}${S(2)}${S(3)}${S(4)}</row>`));
  const middle = `</v></c>${S(5)}${S(6)}${N(90)}<c><v>`;
  for (let r = 4; r <= rows; r++) {
    xml.text('<row r="');
    xml.int(r);
    xml.text('"><c><v>');
    xml.int(((r - 4) % 99) + 1);
    xml.text(middle);
    xml.int(r % 100);
    xml.text('</v></c></row>');
  }
  xml.text(SHEET_CLOSE);
  const data = xml.result();
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
  function* parts(): Generator<string> {
    yield `${SHEET_OPEN}<row r="1">${S(7)}</row>`;
    for (let r = 3; r <= rows + 3; r++) {
      if (r === 3) { yield `<row r="3">${S(0)}${S(1)}${S(2)}${S(3)}${S(4)}</row>`; continue; }
      const head = `${N(r - 3)}${S(5)}${S(6)}${N(90)}${N(80 + r)}`;
      let rest = '';
      for (let c = 6; c <= cols; c++) rest += `<c r="${columnName(c)}${r}"><v>${c}</v></c>`;
      yield `<row r="${r}">${head}${rest}</row>`;
    }
    yield SHEET_CLOSE;
  }
  return minimalXlsx([{ name: 'Rất rộng', xml: parts() }], sharedStringsXml(STRINGS));
}

/** A sheet whose inline strings are given as-is (no escaping beyond XML's), for text the writer must not alter. */
export function inlineStringsXlsx(rows: readonly (readonly string[])[]): Uint8Array {
  const xml = rows.map((cells, i) => `<row r="${i + 1}">${cells.map((s, c) =>
    `<c r="${columnName(c + 1)}${i + 1}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(s)}</t></is></c>`).join('')}</row>`).join('');
  return minimalXlsx([{ name: 'Sheet1', xml: `${SHEET_OPEN}${xml}${SHEET_CLOSE}` }]);
}
