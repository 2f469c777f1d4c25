/**
 * A zip written as it is made: each part is deflated while its XML is produced, the compressed bytes go straight to
 * the sink. Text is gathered into chunks of about 64 KB before encoding (one TextEncoder call per chunk, not per cell).
 */
import { Zip, ZipDeflate } from 'fflate';

export type Sink = (chunk: Uint8Array, final: boolean) => void;

const CHUNK = 1 << 16;
const encoder = new TextEncoder();

export class ZipWriter {
  private readonly zip: Zip;
  private failure: Error | null = null;

  constructor(sink: Sink, private readonly level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 1) {
    this.zip = new Zip((err, chunk, final) => {
      if (err) { this.failure ??= err; return; }
      sink(chunk, final);
    });
  }

  /** A part written piece by piece through the returned `emit`; `end()` closes it. */
  part(name: string): { emit: (xml: string) => void; end: () => void } {
    const file = new ZipDeflate(name, { level: this.level });
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
      end: () => flush(true),
    };
  }

  file(name: string, xml: string | Iterable<string>): void {
    const p = this.part(name);
    if (typeof xml === 'string') p.emit(xml);
    else for (const s of xml) p.emit(s);
    p.end();
  }

  end(): void {
    this.zip.end();
    if (this.failure) throw this.failure;
  }
}
