/**
 * A tiny writer of OLE2 compound files (CFB v3, 512-byte sectors), enough to build the two non-xlsx Office files
 * officials receive: a legacy .xls (a "Workbook" stream) and a password-encrypted .xlsx (an "EncryptedPackage"
 * stream, which is how Office stores any encrypted OOXML file). Streams are padded to the 4096-byte mini-stream
 * cutoff so that every stream lives in regular sectors and no mini FAT is needed.
 */

const SECTOR = 512;
const MINI_CUTOFF = 4096;
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;
const DIR_ENTRY = 128;

export interface CfbStream {
  /** At most 31 UTF-16 code units. */
  readonly name: string;
  readonly data: Uint8Array;
}

interface Node { readonly name: string; readonly index: number; left: number; right: number; black: boolean }

/** CFB orders siblings by name length first, then by upper-cased name. */
function compareNames(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const ua = a.toUpperCase(), ub = b.toUpperCase();
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/** A balanced search tree over the sorted siblings, coloured so that it is a valid red-black tree. */
function siblingTree(nodes: Node[]): number {
  const sorted = [...nodes].sort((a, b) => compareNames(a.name, b.name));
  const fullDepth = Math.floor(Math.log2(sorted.length + 1));
  const build = (lo: number, hi: number, depth: number): number => {
    if (lo > hi) return NOSTREAM;
    const mid = (lo + hi) >> 1;
    const node = sorted[mid] as Node;
    node.black = depth < fullDepth;
    node.left = build(lo, mid - 1, depth + 1);
    node.right = build(mid + 1, hi, depth + 1);
    return node.index;
  };
  return build(0, sorted.length - 1, 0);
}

function padTo(data: Uint8Array, size: number): Uint8Array {
  if (data.length >= size) return data;
  const out = new Uint8Array(size);
  out.set(data);
  return out;
}

/** Builds a compound file whose root storage holds `streams`. */
export function buildCfb(streams: readonly CfbStream[]): Uint8Array {
  const padded = streams.map(s => ({ name: s.name, data: padTo(s.data, MINI_CUTOFF) }));
  const dirSectors = Math.ceil((padded.length + 1) * DIR_ENTRY / SECTOR);
  const dataSectors = padded.map(s => Math.ceil(s.data.length / SECTOR));
  const used = dirSectors + dataSectors.reduce((a, b) => a + b, 0);
  // The FAT maps every sector, its own included.
  let fatSectors = 1;
  while (fatSectors * (SECTOR / 4) < fatSectors + used) fatSectors++;
  if (fatSectors > 109) throw new Error('compound file too large for this writer');
  const total = fatSectors + used;
  const out = new Uint8Array(SECTOR * (1 + total));
  const dv = new DataView(out.buffer);
  const sectorOffset = (s: number): number => SECTOR * (1 + s);

  // FAT: the FAT sectors, then the directory chain, then one chain per stream.
  const fat: number[] = [];
  for (let i = 0; i < fatSectors; i++) fat.push(FATSECT);
  const dirStart = fat.length;
  for (let i = 0; i < dirSectors; i++) fat.push(i === dirSectors - 1 ? ENDOFCHAIN : fat.length + 1);
  const starts: number[] = [];
  for (const n of dataSectors) {
    starts.push(fat.length);
    for (let i = 0; i < n; i++) fat.push(i === n - 1 ? ENDOFCHAIN : fat.length + 1);
  }
  for (let i = 0; i < fatSectors * (SECTOR / 4); i++) dv.setUint32(sectorOffset(0) + 4 * i, fat[i] ?? FREESECT, true);

  // Header.
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  dv.setUint16(0x18, 0x003e, true);
  dv.setUint16(0x1a, 0x0003, true);
  dv.setUint16(0x1c, 0xfffe, true);
  dv.setUint16(0x1e, 9, true);
  dv.setUint16(0x20, 6, true);
  dv.setUint32(0x2c, fatSectors, true);
  dv.setUint32(0x30, dirStart, true);
  dv.setUint32(0x38, MINI_CUTOFF, true);
  dv.setUint32(0x3c, ENDOFCHAIN, true);
  dv.setUint32(0x44, ENDOFCHAIN, true);
  for (let i = 0; i < 109; i++) dv.setUint32(0x4c + 4 * i, i < fatSectors ? i : FREESECT, true);

  // Directory: the root entry, then the streams as its children.
  const nodes: Node[] = padded.map((s, i) => ({ name: s.name, index: i + 1, left: NOSTREAM, right: NOSTREAM, black: true }));
  const child = siblingTree(nodes);
  const writeEntry = (index: number, name: string, type: number, e: { left: number; right: number; child: number; black: boolean; start: number; size: number }): void => {
    const base = sectorOffset(dirStart) + index * DIR_ENTRY;
    if (name.length > 31) throw new Error(`stream name too long: ${name}`);
    for (let i = 0; i < name.length; i++) dv.setUint16(base + 2 * i, name.charCodeAt(i), true);
    dv.setUint16(base + 0x40, (name.length + 1) * 2, true);
    out[base + 0x42] = type;
    out[base + 0x43] = e.black ? 1 : 0;
    dv.setUint32(base + 0x44, e.left, true);
    dv.setUint32(base + 0x48, e.right, true);
    dv.setUint32(base + 0x4c, e.child, true);
    dv.setUint32(base + 0x74, e.start, true);
    dv.setUint32(base + 0x78, e.size, true);
  };
  writeEntry(0, 'Root Entry', 5, { left: NOSTREAM, right: NOSTREAM, child, black: true, start: ENDOFCHAIN, size: 0 });
  nodes.forEach((n, i) => {
    const s = padded[i] as CfbStream;
    writeEntry(n.index, s.name, 2, { left: n.left, right: n.right, child: NOSTREAM, black: n.black, start: starts[i] as number, size: s.data.length });
    out.set(s.data, sectorOffset(starts[i] as number));
  });
  // Unused directory slots are empty entries with no siblings.
  for (let i = padded.length + 1; i < dirSectors * (SECTOR / DIR_ENTRY); i++) {
    const base = sectorOffset(dirStart) + i * DIR_ENTRY;
    dv.setUint32(base + 0x44, NOSTREAM, true);
    dv.setUint32(base + 0x48, NOSTREAM, true);
    dv.setUint32(base + 0x4c, NOSTREAM, true);
  }
  return out;
}

/**
 * Reads back the streams of a compound file written above, following the FAT chains (for the writer's own test:
 * the corpus must be a real compound file, so that a refusal is the reader's decision and not a broken input).
 */
export function readCfb(buf: Uint8Array): CfbStream[] {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const fatAt = (s: number): number => {
    const fatSector = dv.getUint32(0x4c + 4 * Math.floor(s / (SECTOR / 4)), true);
    return dv.getUint32(SECTOR * (1 + fatSector) + 4 * (s % (SECTOR / 4)), true);
  };
  const chain = (start: number): number[] => {
    const out: number[] = [];
    for (let s = start; s !== ENDOFCHAIN && out.length < 10_000; s = fatAt(s)) out.push(s);
    return out;
  };
  const streams: CfbStream[] = [];
  for (const dirSector of chain(dv.getUint32(0x30, true))) {
    for (let i = 0; i < SECTOR / DIR_ENTRY; i++) {
      const base = SECTOR * (1 + dirSector) + i * DIR_ENTRY;
      if (buf[base + 0x42] !== 2) continue;
      const len = dv.getUint16(base + 0x40, true) / 2 - 1;
      let name = '';
      for (let k = 0; k < len; k++) name += String.fromCharCode(dv.getUint16(base + 2 * k, true));
      const size = dv.getUint32(base + 0x78, true);
      const data = new Uint8Array(size);
      chain(dv.getUint32(base + 0x74, true)).forEach((sec, k) => {
        data.set(buf.subarray(SECTOR * (1 + sec), SECTOR * (1 + sec) + Math.min(SECTOR, size - k * SECTOR)), k * SECTOR);
      });
      streams.push({ name, data });
    }
  }
  return streams;
}

/** A BIFF8 record: type, length, payload. */
function biffRecord(type: number, payload: readonly number[]): number[] {
  return [type & 0xff, type >> 8, payload.length & 0xff, payload.length >> 8, ...payload];
}

/** A legacy Excel 97–2003 workbook: a "Workbook" stream that starts with a BIFF8 BOF record and ends with EOF. */
export function legacyXls(): Uint8Array {
  const bof = biffRecord(0x0809, [0x00, 0x06, 0x05, 0x00, 0xaf, 0x18, 0xcd, 0x07, 0xc1, 0x00, 0x01, 0x00, 0x06, 0x04, 0x00, 0x00]);
  const eof = biffRecord(0x000a, []);
  return buildCfb([{ name: 'Workbook', data: new Uint8Array([...bof, ...eof]) }]);
}

/**
 * What Office writes for an .xlsx saved with a password: a compound file with "EncryptionInfo" (here a stub of the
 * agile-encryption header) and "EncryptedPackage" (an 8-byte size, then ciphertext; random-looking bytes here).
 */
export function encryptedXlsx(): Uint8Array {
  const info = new TextEncoder().encode('\u0004\u0000\u0004\u0000\u0040\u0000\u0000\u0000<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>');
  const pkg = new Uint8Array(4096 + 8);
  new DataView(pkg.buffer).setUint32(0, 4096, true);
  let x = 0x2545f491;
  for (let i = 8; i < pkg.length; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; pkg[i] = x & 0xff; }
  return buildCfb([
    { name: 'EncryptionInfo', data: info },
    { name: 'EncryptedPackage', data: pkg },
  ]);
}
