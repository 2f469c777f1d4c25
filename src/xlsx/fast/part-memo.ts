import type { ReadBudget } from './limits';
import { compressedData, type Archive, type ZipEntry } from './zip';

/**
 * Small parts remembered by their compressed bytes. A province's files are copies of one template, so their
 * relationships, workbook and styles parts are often byte for byte the same (the 30 communes of the province fixture:
 * one `_rels/.rels`, two `xl/_rels/workbook.xml.rels`). Inflating and parsing the relationships and the workbook part
 * alone took ~90 µs a file, 250–300 ms of a ~1 s read of 3,321 communes (measured in one process, warm).
 *
 * A part is reused only when its compressed bytes are equal to a remembered part's, byte for byte (a CRC is only the
 * key that finds candidates), under the same kind of reading and the same context (the folder targets resolve against):
 * the same bytes inflate to the same XML, and the parsers are functions of it. Parsing that throws is never remembered,
 * so a damaged part fails each time as it did. The reused parse charges the workbook's read budget what the first one
 * did, and a part that would not fit the budget is read again, so limits act as without the memo.
 *
 * What is remembered must never be changed by its users: the results are shared between workbooks.
 */

/** Parts larger than this, compressed, are not remembered: sheets and strings differ from file to file anyway. */
const MAX_COMPRESSED = 64 * 1024;
/** Kept per kind of part and key; a new one past this is not remembered. */
const MAX_PER_KEY = 8;
/** Keys kept in all; past this the memo starts over. */
const MAX_KEYS = 512;
/** Parts inflating to more than this are not remembered (a template's are a few kilobytes). */
const MAX_INFLATED = 256 * 1024;
/**
 * Bytes kept in all, compressed copies and inflated sizes (a bound on what the parsed values hold); past this the
 * memo starts over, so a thread reading thousands of unlike workbooks keeps a few megabytes at most.
 */
const MAX_BYTES = 4 * 1024 * 1024;

interface Remembered {
  readonly data: Uint8Array;
  readonly value: unknown;
  /** What reading it charged the budget: inflated bytes, parsed bytes. */
  readonly inflated: number;
  readonly parsed: number;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class PartMemo {
  private byKey = new Map<string, Remembered[]>();
  private bytes = 0;
  /** Parts read through the memo and found in it: for tests and measurements. */
  hits = 0;

  /** What the memo holds, compressed copies and inflated sizes: at most MAX_BYTES. */
  get keptBytes(): number {
    return this.bytes;
  }

  /**
   * `read` reads the part (inflating it through the budget); its result is returned, or that of an earlier part with
   * the same bytes, kind and context.
   */
  read<T>(kind: string, context: string, zip: Archive, e: ZipEntry, budget: ReadBudget, read: () => T): T {
    // Encrypted or stored oddly: left to the reader, which says what is wrong.
    if ((e.flags & 1) !== 0 || (e.method !== 8 && e.method !== 0) || e.compressedSize > MAX_COMPRESSED) return read();
    const data = compressedData(zip.bytes, e);
    const key = `${kind}\u0000${context}\u0000${e.name}\u0000${e.method}\u0000${e.crc}\u0000${e.size}`;
    const list = this.byKey.get(key);
    if (list !== undefined) {
      for (const r of list) {
        if (!equalBytes(r.data, data)) continue;
        if (!budget.fits(r.inflated, r.parsed)) break;
        budget.startPart();
        budget.charge(e.name, r.inflated, r.parsed);
        this.hits++;
        return r.value as T;
      }
    }
    const inflated = budget.spent;
    const parsed = budget.parsedTotal;
    const value = read();
    const entry: Remembered = { data, value, inflated: budget.spent - inflated, parsed: budget.parsedTotal - parsed };
    if (entry.inflated <= MAX_INFLATED && (list === undefined || list.length < MAX_PER_KEY)) this.keep(key, entry);
    return value;
  }

  private keep(key: string, entry: Remembered): void {
    const size = entry.data.length + entry.inflated;
    if (this.byKey.size >= MAX_KEYS || this.bytes + size > MAX_BYTES) {
      this.byKey = new Map();
      this.bytes = 0;
    }
    // A copy: the file's own bytes would keep the whole file alive.
    const kept: Remembered = { ...entry, data: entry.data.slice() };
    const list = this.byKey.get(key);
    if (list === undefined) this.byKey.set(key, [kept]);
    else list.push(kept);
    this.bytes += size;
  }
}
