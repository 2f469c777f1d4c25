/**
 * A zip written as it is made: each part is deflated while its XML is produced, the compressed bytes go straight to
 * the sink. Text is gathered into chunks of about 64 KB before encoding (one TextEncoder call per chunk, not per cell).
 */
import { Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from 'fflate';

export type Sink = (chunk: Uint8Array, final: boolean) => void;

/**
 * A faster deflate where the platform has one (Node's zlib): each chunk becomes a raw deflate segment ended by a
 * sync flush (the last one by the final block), so the segments concatenate into one valid deflate stream (as pigz
 * does), and `crc32` continues the checksum over the uncompressed bytes.
 */
export interface SegmentDeflate {
  readonly deflate: (chunk: Uint8Array, final: boolean) => Uint8Array;
  readonly crc32: (chunk: Uint8Array, crc: number) => number;
  /**
   * Where present, segments go through here instead of `deflate`: compressed now or later (on another thread), each
   * handed to `done` in the order given. The chunk is the codec's during the call only (the writer refills its memory).
   */
  readonly defer?: (chunk: Uint8Array, final: boolean, done: (err: Error | null, out: Uint8Array) => void) => void;
  /** Returns once every segment given to `defer` has been handed to its `done`. */
  readonly settle?: () => void;
}

/** A zip entry deflated by a SegmentDeflate (fflate's container, the platform's compressor). */
class SegmentEntry extends ZipPassThrough {
  private running = 0;
  readonly flag = 0;

  constructor(name: string, private readonly codec: SegmentDeflate) {
    super(name);
    this.compression = 8;
  }

  override push(chunk: Uint8Array, final?: boolean): void {
    // An empty chunk (a part whose last text was already flushed) leaves the checksum as it is: Node's zlib.crc32
    // answers 0 for an empty array with no memory behind it, whatever the running value (zlib's crc32(crc, NULL, 0)).
    if (chunk.length > 0) this.running = this.codec.crc32(chunk, this.running);
    this.size += chunk.length;
    if (final) this.crc = this.running;
    this.process(chunk as Uint8Array<ArrayBuffer>, final === true);
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    if (this.codec.defer) {
      this.codec.defer(chunk, final, (err, out) => {
        if (err) this.ondata(Object.assign(err, { code: 0 }), new Uint8Array(0), final);
        else this.ondata(null, out as Uint8Array<ArrayBuffer>, final);
      });
      return;
    }
    let out: Uint8Array;
    try {
      out = this.codec.deflate(chunk, final);
    } catch (e) {
      this.ondata(Object.assign(e as Error, { code: 0 }), new Uint8Array(0), final);
      return;
    }
    this.ondata(null, out as Uint8Array<ArrayBuffer>, final);
  }
}

/**
 * An entry copied from another zip as it is stored: its compressed bytes pass through untouched, with the checksum
 * and size its directory declared (fflate's passthrough would take the bytes for uncompressed data).
 */
class StoredEntry extends ZipPassThrough {
  readonly flag = 0;

  constructor(name: string, private readonly stored: StoredData) {
    super(name);
    this.compression = stored.method;
  }

  override push(chunk: Uint8Array, final?: boolean): void {
    this.size = this.stored.size;
    this.crc = this.stored.crc;
    this.process(chunk as Uint8Array<ArrayBuffer>, final === true);
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, chunk as Uint8Array<ArrayBuffer>, final);
  }
}

/** An entry's bytes as another zip stores them: compressed with `method` (0 stored, 8 deflate). */
export interface StoredData {
  readonly method: number;
  readonly crc: number;
  /** Uncompressed size. */
  readonly size: number;
  readonly data: Uint8Array;
}

const CHUNK = 1 << 16;

/** A written entry's checksum and uncompressed size, as the directory declares them. */
export interface EntryStamp {
  readonly crc: number;
  readonly size: number;
}

/** One part being written: XML text, or text already encoded as UTF-8 (read during the call only). */
export interface PartWriter {
  readonly emit: (xml: string) => void;
  readonly emitBytes: (utf8: Uint8Array) => void;
  readonly end: () => EntryStamp;
}
const encoder = new TextEncoder();

export class ZipWriter {
  private readonly zip: Zip;
  private failure: Error | null = null;
  /** Names taken, lower case: OPC compares part names case-insensitively, and a second entry of one name is invalid. */
  private readonly names = new Set<string>();

  constructor(sink: Sink, private readonly level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 1, private readonly codec?: SegmentDeflate) {
    this.zip = new Zip((err, chunk, final) => {
      if (err) { this.failure ??= err; return; }
      sink(chunk, final);
    });
  }

  private claim(name: string): void {
    const key = name.toLowerCase();
    if (this.names.has(key)) throw new Error(`two zip entries named ${name}`);
    this.names.add(key);
  }

  /** A part written piece by piece through the returned `emit`; `end()` closes it. */
  part(name: string): PartWriter {
    this.claim(name);
    const file: ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void } = this.codec
      ? new SegmentEntry(name, this.codec) : new ZipDeflate(name, { level: this.level });
    this.zip.add(file);
    let parts: string[] = [];
    let size = 0;
    const flush = (final: boolean) => {
      file.push(encoder.encode(parts.join('')), final);
      parts = [];
      size = 0;
    };
    return {
      emit: xml => {
        parts.push(xml);
        size += xml.length;
        if (size >= CHUNK) flush(false);
      },
      emitBytes: bytes => {
        if (parts.length > 0) flush(false);
        file.push(bytes, false);
      },
      end: () => {
        flush(true);
        // The final push has set the checksum (unsigned, as zip stores it), even when its bytes are still being deflated.
        return { crc: file.crc >>> 0, size: file.size };
      },
    };
  }

  file(name: string, xml: string | Iterable<string>): EntryStamp {
    const p = this.part(name);
    if (typeof xml === 'string') p.emit(xml);
    else for (const s of xml) p.emit(s);
    return p.end();
  }

  /** An entry copied as stored elsewhere, neither inflated nor deflated again. */
  stored(name: string, stored: StoredData): void {
    this.claim(name);
    const file = new StoredEntry(name, stored);
    this.zip.add(file);
    file.push(stored.data, true);
  }

  end(): void {
    this.zip.end();
    // Deferred segments still on their way: the zip's last bytes (its directory) come after them.
    this.codec?.settle?.();
    if (this.failure) throw this.failure;
  }
}
