import { SaxesParser } from 'saxes';
import type { InflateBudget } from './limits';
import { inflateEntry, type ZipEntry } from './zip';

/**
 * Streams one zip part through a SAX parser: inflate a chunk, decode it, feed it, drop it. Element names reach the
 * handler without their namespace prefix ("x:c" → "c"): some writers prefix every SpreadsheetML element.
 */

export interface XmlHandler {
  open(name: string, attrs: Readonly<Record<string, string>>): void;
  close(name: string): void;
  text(text: string): void;
  /**
   * Asked after each chunk: the name of an open element whose remaining content the handler does not want, or null.
   * The stream then skips bytes up to that element's closing tag without parsing them.
   */
  skipTo?(): string | null;
}

/** The global decoder (the DOM lib is not in the CLI's types, so its type is named through the value). */
type Decoder = InstanceType<typeof TextDecoder>;

export class XmlFormatError extends Error {
  override readonly name = 'XmlFormatError';
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** The namespace prefix of the root element ("x:" or ""), which the skipped element's closing tag also carries. */
interface Seen { prefix: string | null }

function makeParser(h: XmlHandler, fragment: boolean, part: string, seen: Seen): SaxesParser {
  const p = new SaxesParser({ xmlns: false, position: false, fragment });
  p.on('opentag', t => {
    seen.prefix ??= t.name.slice(0, t.name.indexOf(':') + 1);
    h.open(localName(t.name), t.attributes as Record<string, string>);
  });
  p.on('closetag', t => { h.close(localName(t.name)); });
  p.on('text', t => { h.text(t); });
  p.on('cdata', t => { h.text(t); });
  // The tail parser starts mid-document, so the closing root tag is expected to be unmatched there.
  p.on('error', e => { if (!fragment) throw new XmlFormatError(`${part}: ${e.message}`); });
  return p;
}

function decoderFor(first: Uint8Array): Decoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le');
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be');
  return new TextDecoder('utf-8');
}

function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  outer: for (let i = hay.indexOf(first ?? 0, from); i >= 0 && i + needle.length <= hay.length; i = hay.indexOf(first ?? 0, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Runs `h` over the part `e`. Throws XmlFormatError on malformed XML, TooLargeError past the budget. */
export function parsePart(zip: Uint8Array, e: ZipEntry, budget: InflateBudget, h: XmlHandler): void {
  let decoder: Decoder | null = null;
  const seen: Seen = { prefix: null };
  let parser = makeParser(h, false, e.name, seen);
  /** While skipping: the closing tag looked for, and the tail of the previous chunk (the tag may straddle two). */
  let needle: Uint8Array | null = null;
  let carry: Uint8Array = new Uint8Array(0);
  let last: Uint8Array = new Uint8Array(0);

  const feed = (chunk: Uint8Array): void => {
    decoder ??= decoderFor(chunk);
    parser.write(decoder.decode(chunk, { stream: true }));
  };

  inflateEntry(zip, e, budget, chunk => {
    if (needle === null) {
      feed(chunk);
      last = chunk;
      const target = h.skipTo?.() ?? null;
      // Skipping works on UTF-8 bytes only; a UTF-16 part (rare) is parsed in full.
      if (target !== null && decoder?.encoding === 'utf-8') {
        needle = new TextEncoder().encode(`</${seen.prefix ?? ''}${target}>`);
        carry = last.subarray(Math.max(0, last.length - needle.length + 1));
      }
      return;
    }
    const joined = new Uint8Array(carry.length + chunk.length);
    joined.set(carry);
    joined.set(chunk, carry.length);
    const at = indexOfBytes(joined, needle, 0);
    if (at < 0) {
      carry = joined.subarray(Math.max(0, joined.length - needle.length + 1));
      return;
    }
    // Resume after the closing tag with a fresh parser: the old one is stranded inside the skipped element.
    const resume = at + needle.length;
    h.close(localName(new TextDecoder().decode(needle.subarray(2, needle.length - 1))));
    parser = makeParser(h, true, e.name, seen);
    decoder = new TextDecoder('utf-8');
    needle = null;
    feed(joined.subarray(resume));
  });
  // A part cut off while skipping has nothing more worth parsing.
  if (needle !== null) return;
  if (decoder !== null) parser.write((decoder as Decoder).decode());
  parser.close();
}
