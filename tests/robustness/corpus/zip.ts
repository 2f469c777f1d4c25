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

/** DEFLATE distance codes: the first distance of each code and its number of extra bits (RFC 1951, 3.2.5). */
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

/**
 * Raw DEFLATE of `head`, then `unit` repeated to `count` bytes, then `tail`, written by hand as one fixed-Huffman
 * block: the unit once as literals, then matches of length 258 at distance unit.length (13–26 bits each). This is
 * how zip bombs reach ratios near 1:1000; a general-purpose compressor takes tens of seconds to find the same
 * encoding for a gigabyte. `count` must be a multiple of the unit's length.
 */
export function deflateRepeat(head: string, unit: string, count: number, tail: string): Uint8Array {
  const unitBytes = strToU8(unit);
  if (unitBytes.length === 0 || unitBytes.length > 258 || count % unitBytes.length !== 0 || count < unitBytes.length) throw new Error('bad unit or count');
  const matches = Math.floor((count - unitBytes.length) / 258);
  const rest = count - unitBytes.length - matches * 258;
  const headBytes = strToU8(head);
  const tailBytes = strToU8(tail);
  const code = DIST_BASE.findIndex((b, i) => unitBytes.length >= b && unitBytes.length < (DIST_BASE[i + 1] ?? Infinity));
  const extra = DIST_EXTRA[code] ?? 0;
  const out = new Uint8Array(Math.ceil((matches * (13 + extra) + (headBytes.length + tailBytes.length + unitBytes.length + rest + 1) * 9 + 10) / 8) + 8);
  let pos = 0;
  let acc = 0;
  let bits = 0;
  const put = (value: number, n: number): void => {
    acc |= value << bits;
    bits += n;
    while (bits >= 8) { out[pos++] = acc & 0xff; acc >>>= 8; bits -= 8; }
  };
  /** Huffman codes are stored most significant bit first. */
  const reversed = (c: number, n: number): number => {
    let r = 0;
    for (let i = 0; i < n; i++) r |= ((c >> i) & 1) << (n - 1 - i);
    return r;
  };
  const literal = (b: number): void => {
    if (b < 144) put(reversed(0x30 + b, 8), 8);
    else put(reversed(0x190 + b - 144, 9), 9);
  };
  put(1, 1); // BFINAL
  put(1, 2); // BTYPE = fixed Huffman
  for (const b of headBytes) literal(b);
  for (const b of unitBytes) literal(b);
  // Length symbol 285 (258 bytes, code 11000101), the 5-bit distance code, then its extra bits.
  const match = reversed(0xc5, 8) | (reversed(code, 5) << 8) | ((unitBytes.length - (DIST_BASE[code] ?? 1)) << 13);
  for (let i = 0; i < matches; i++) put(match, 13 + extra);
  // What is left after the matches is a prefix of the unit again, since 258-byte copies keep the phase moving.
  const phase = (matches * 258) % unitBytes.length;
  for (let i = 0; i < rest; i++) literal(unitBytes[(phase + i) % unitBytes.length] ?? 32);
  for (const b of tailBytes) literal(b);
  put(0, 7); // end of block (symbol 256)
  if (bits > 0) put(0, 8 - bits);
  return out.subarray(0, pos);
}

/** Raw DEFLATE of `head`, `count` spaces and `tail` (the classic bomb). */
export function deflateSpaces(head: string, count: number, tail: string): Uint8Array {
  return deflateRepeat(head, ' ', count, tail);
}

/** CRC-32 of `head` + `unit` repeated to `count` bytes + `tail`, computed in ~1 MB steps. */
function repeatCrc(head: string, unit: string, count: number, tail: string): number {
  const unitBytes = strToU8(unit);
  const per = Math.max(1, Math.floor((1 << 20) / unitBytes.length));
  const step = new Uint8Array(per * unitBytes.length);
  for (let i = 0; i < per; i++) step.set(unitBytes, i * unitBytes.length);
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
  /** How many bytes the bomb part inflates to (about; rounded down to whole units). */
  readonly inflatedBytes: number;
  /**
   * What the part repeats: 'text' is one shared string of spaces (one huge text run); 'strings' is millions of tiny
   * shared strings (tag-dense: every few bytes an element); 'cells' is one sheet row of millions of cells.
   */
  readonly kind?: 'text' | 'strings' | 'cells';
}

const BOMB_SHEET = `${SHEET_OPEN}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_CLOSE}`;

/** A valid .xlsx whose shared strings or sheet inflate to `inflatedBytes` of valid XML from a few MB. */
export function zipBombXlsx(o: BombOptions): Uint8Array {
  const kind = o.kind ?? 'text';
  const [name, head, unit, tail] = kind === 'cells'
    ? ['xl/worksheets/sheet1.xml', `${SHEET_OPEN}<row r="2">`, '<c><v>1</v></c>', `</row>${SHEET_CLOSE}`]
    : kind === 'strings'
      ? ['xl/sharedStrings.xml', `${XML_HEAD}<sst xmlns="${MAIN_NS}">`, '<si><t>a</t></si>', '</sst>']
      : ['xl/sharedStrings.xml', `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="1" uniqueCount="1"><si><t xml:space="preserve">`, ' ', '</t></si></sst>'];
  const fixed = strToU8(head).length + strToU8(tail).length;
  const count = Math.floor((o.inflatedBytes - fixed) / unit.length) * unit.length;
  const part: ZipPart = { name, method: 8, data: deflateRepeat(head, unit, count, tail), crc: repeatCrc(head, unit, count, tail), size: fixed + count };
  return kind === 'cells'
    ? minimalXlsx([{ name: 'Sheet1', xml: part }], sharedStringsXml(['x']))
    : minimalXlsx([{ name: 'Sheet1', xml: BOMB_SHEET }], part);
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
