/** What a file really is, by its first bytes, whatever its name says. */
export type FileKind = 'xlsx' | 'xls' | 'encrypted' | 'csv' | 'html' | 'empty' | 'unknown';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => buf[i] === b);
}

/** Looks for an ASCII name stored as UTF-16LE, as OLE2 directory entries hold them. */
function hasUtf16Name(buf: Uint8Array, name: string): boolean {
  const needle = Array.from(name).flatMap(ch => [ch.charCodeAt(0), 0]);
  const limit = Math.min(buf.length, 1 << 20) - needle.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < needle.length; j++) if (buf[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export function sniffFile(buf: Uint8Array): FileKind {
  if (buf.length === 0) return 'empty';
  if (buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 0x03 || buf[2] === 0x05)) return 'xlsx';
  // A zip cut after its first byte or two: a damaged workbook, not a text file.
  if (buf.length < 4 && [0x50, 0x4b, 0x03, 0x04].slice(0, buf.length).every((b, i) => buf[i] === b)) return 'xlsx';
  if (startsWith(buf, OLE2)) return hasUtf16Name(buf, 'EncryptedPackage') ? 'encrypted' : 'xls';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(buf.subarray(0, 2048)).replace(/^\ufeff/, '').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<table') || head.startsWith('<?xml')) return 'html';
  // Mostly printable text with separators: a CSV (or TSV) saved under another name.
  const sample = buf.subarray(0, 2048);
  let printable = 0;
  for (const b of sample) if (b === 9 || b === 10 || b === 13 || b >= 32) printable++;
  if (printable / sample.length > 0.95) return 'csv';
  return 'unknown';
}
