/**
 * Zip-level generators for the bad-input corpus: a small zip writer (so sizes can lie and entries can be
 * hand-deflated), minimal .xlsx packages around given sheet XML, damaged copies of real files, and a zip bomb.
 * Everything is built in memory at test time; nothing large is committed.
 */
import { crc32 } from 'node:zlib';
import { Deflate, deflateSync, strToU8 } from 'fflate';

export interface ZipPart {
  readonly name: string;
  /** Raw DEFLATE data (method 8) or the bytes themselves (method 0). */
  readonly data: Uint8Array | readonly Uint8Array[];
  readonly method: 0 | 8;
  readonly crc: number;
  readonly size: number;
  /** The uncompressed size written in the headers when it should lie about `size`. */
  readonly declaredSize?: number;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of chunks) { out.set(c, p); p += c.length; }
  return out;
}

/** A part deflated whole with fflate. */
export function deflatedPart(name: string, content: string | Uint8Array, level: 0 | 1 | 6 | 9 = 6): ZipPart {
  const bytes = typeof content === 'string' ? strToU8(content) : content;
  return { name, data: deflateSync(bytes, { level }), method: 8, crc: crc32(bytes), size: bytes.length };
}

/** A part deflated from text produced chunk by chunk (the whole text never exists as one string). */
export function streamedPart(name: string, chunks: Iterable<string>, level: 1 | 6 = 1): ZipPart {
  const out: Uint8Array[] = [];
  const deflate = new Deflate({ level }, chunk => { out.push(chunk); });
  let crc = 0;
  let size = 0;
  for (const text of chunks) {
    const bytes = strToU8(text);
    crc = crc32(bytes, crc);
    size += bytes.length;
    deflate.push(bytes);
  }
  deflate.push(new Uint8Array(0), true);
  return { name, data: out, method: 8, crc, size };
}

/** Writes a zip archive (no ZIP64; every size must fit 32 bits). */
export function writeZip(parts: readonly ZipPart[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = strToU8(p.name);
    const data = p.data instanceof Uint8Array ? [p.data] : p.data;
    const compressed = data.reduce((n, c) => n + c.length, 0);
    const size = p.declaredSize ?? p.size;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true);
    lv.setUint16(8, p.method, true);
    lv.setUint16(12, 0x5b21, true);
    lv.setUint32(14, p.crc >>> 0, true);
    lv.setUint32(18, compressed, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, p.method, true);
    cv.setUint16(14, 0x5b21, true);
    cv.setUint32(16, p.crc >>> 0, true);
    cv.setUint32(20, compressed, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    chunks.push(local, ...data);
    central.push(cd);
    offset += local.length + compressed;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, parts.length, true);
  ev.setUint16(10, parts.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  return concat([...chunks, ...central, eocd]);
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface SheetSpec {
  readonly name: string;
  /** The worksheet part: its text, pieces of it to deflate in a stream, or a ready part (its name is replaced). */
  readonly xml: string | Iterable<string> | ZipPart;
}

/** The opening of a worksheet part, up to and including <sheetData>. */
export const SHEET_OPEN = `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>`;
export const SHEET_CLOSE = '</sheetData></worksheet>';

/** The shared-strings part for `strings`. */
export function sharedStringsXml(strings: readonly string[]): string {
  const items = strings.map(s => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('');
  return `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${strings.length}" uniqueCount="${strings.length}">${items}</sst>`;
}

/**
 * The parts of a minimal .xlsx (content types, relationships, workbook) around the given sheets, plus a
 * shared-strings part: given as text, or as a ready ZipPart (the bomb).
 */
export function xlsxParts(sheets: readonly SheetSpec[], sharedStrings?: string | ZipPart): ZipPart[] {
  const sheetEntries = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const sheetRels = sheets.map((_s, i) =>
    `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  const ssRel = sharedStrings === undefined ? '' : `<Relationship Id="rIdS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`;
  const overrides = sheets.map((_s, i) =>
    `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
    + (sharedStrings === undefined ? '' : '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>');
  const parts: ZipPart[] = [
    deflatedPart('[Content_Types].xml', `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      + '<Default Extension="xml" ContentType="application/xml"/>'
      + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      + `${overrides}</Types>`),
    deflatedPart('_rels/.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
      + `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    deflatedPart('xl/workbook.xml', `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheetEntries}</sheets></workbook>`),
    deflatedPart('xl/_rels/workbook.xml.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels}${ssRel}</Relationships>`),
  ];
  sheets.forEach((s, i) => {
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    const xml = s.xml;
    parts.push(typeof xml === 'string' ? deflatedPart(name, xml) : 'method' in xml ? { ...xml, name } : streamedPart(name, xml));
  });
  if (typeof sharedStrings === 'string') parts.push(deflatedPart('xl/sharedStrings.xml', sharedStrings));
  else if (sharedStrings !== undefined) parts.push(sharedStrings);
  return parts;
}

export function minimalXlsx(sheets: readonly SheetSpec[], sharedStrings?: string | ZipPart): Uint8Array {
  return writeZip(xlsxParts(sheets, sharedStrings));
}

/**
 * Raw DEFLATE of `head`, then `count` spaces, then `tail`, written by hand as one fixed-Huffman block: one literal
 * space, then matches of length 258 at distance 1 (13 bits each). This is how zip bombs reach ratios near 1:1000;
 * a general-purpose compressor takes tens of seconds to find the same encoding for a gigabyte.
 */
export function deflateSpaces(head: string, count: number, tail: string): Uint8Array {
  const matches = Math.floor((count - 1) / 258);
  const rest = count - 1 - matches * 258;
  const headBytes = strToU8(head);
  const tailBytes = strToU8(tail);
  const out = new Uint8Array(Math.ceil((matches * 13 + (headBytes.length + tailBytes.length + rest + 1) * 9 + 10) / 8) + 8);
  let pos = 0;
  let acc = 0;
  let bits = 0;
  const put = (value: number, n: number): void => {
    acc |= value << bits;
    bits += n;
    while (bits >= 8) { out[pos++] = acc & 0xff; acc >>>= 8; bits -= 8; }
  };
  /** Huffman codes are stored most significant bit first. */
  const reversed = (code: number, n: number): number => {
    let r = 0;
    for (let i = 0; i < n; i++) r |= ((code >> i) & 1) << (n - 1 - i);
    return r;
  };
  const literal = (b: number): void => {
    if (b < 144) put(reversed(0x30 + b, 8), 8);
    else put(reversed(0x190 + b - 144, 9), 9);
  };
  put(1, 1); // BFINAL
  put(1, 2); // BTYPE = fixed Huffman
  for (const b of headBytes) literal(b);
  literal(32);
  // Length symbol 285 (258 bytes, code 11000101) then distance code 0 (distance 1, code 00000).
  const match = reversed(0xc5, 8);
  for (let i = 0; i < matches; i++) put(match, 13);
  for (let i = 0; i < rest; i++) literal(32);
  for (const b of tailBytes) literal(b);
  put(0, 7); // end of block (symbol 256)
  if (bits > 0) put(0, 8 - bits);
  return out.subarray(0, pos);
}

/** CRC-32 of `head` + `count` spaces + `tail`, computed in 1 MB steps. */
function spacesCrc(head: string, count: number, tail: string): number {
  const step = new Uint8Array(1 << 20).fill(32);
  let crc = crc32(strToU8(head));
  let left = count;
  while (left > 0) {
    const n = Math.min(left, step.length);
    crc = crc32(n === step.length ? step : step.subarray(0, n), crc);
    left -= n;
  }
  return crc32(strToU8(tail), crc);
}

export interface BombOptions {
  /** How many bytes the shared-strings part inflates to. */
  readonly inflatedBytes: number;
  /** Headers declare this size instead of the true one (a bomb that lies to readers trusting the directory). */
  readonly declaredSize?: number;
}

/**
 * An .xlsx whose shared-strings part is one string of spaces inflating to `inflatedBytes`: valid XML all the way,
 * so a parser without limits would try to hold the whole string.
 */
export function zipBombXlsx(o: BombOptions): Uint8Array {
  const head = `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="1" uniqueCount="1"><si><t xml:space="preserve">`;
  const tail = '</t></si></sst>';
  const count = o.inflatedBytes - strToU8(head).length - tail.length;
  const part: ZipPart = {
    name: 'xl/sharedStrings.xml', method: 8, data: deflateSpaces(head, count, tail),
    crc: spacesCrc(head, count, tail), size: o.inflatedBytes,
    ...(o.declaredSize !== undefined ? { declaredSize: o.declaredSize } : {}),
  };
  const sheet = `${SHEET_OPEN}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_CLOSE}`;
  return minimalXlsx([{ name: 'Sheet1', xml: sheet }], part);
}

/** Where the central directory of a zip starts and how many entries it has. */
export function centralDirectory(zip: Uint8Array): { offset: number; size: number; count: number; eocd: number } {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = zip.length - 22; i >= 0; i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      return { eocd: i, count: dv.getUint16(i + 10, true), size: dv.getUint32(i + 12, true), offset: dv.getUint32(i + 16, true) };
    }
  }
  throw new Error('no end of central directory');
}

export interface CentralEntry { readonly name: string; readonly at: number; readonly localOffset: number }

/** The central directory entries of a zip with where each record starts. */
export function centralEntries(zip: Uint8Array): CentralEntry[] {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const { offset, count } = centralDirectory(zip);
  const out: CentralEntry[] = [];
  let p = offset;
  for (let k = 0; k < count; k++) {
    const nameLen = dv.getUint16(p + 28, true);
    const extra = dv.getUint16(p + 30, true);
    const comment = dv.getUint16(p + 32, true);
    out.push({ name: new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLen)), at: p, localOffset: dv.getUint32(p + 42, true) });
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

/** A copy of `zip` whose headers declare `size` uncompressed bytes for the entry `name` (both local and central). */
export function withDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const entry = centralEntries(zip).find(e => e.name === name);
  if (!entry) throw new Error(`no entry ${name}`);
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  dv.setUint32(entry.at + 24, size, true);
  dv.setUint32(entry.localOffset + 22, size, true);
  return out;
}

/** A copy of `zip` with the bytes at `offsets` inverted. */
export function flipBytes(zip: Uint8Array, offsets: readonly number[]): Uint8Array {
  const out = zip.slice();
  for (const o of offsets) out[o] = (out[o] ?? 0) ^ 0xff;
  return out;
}
