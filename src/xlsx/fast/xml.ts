import { MAX_TEXT_RUN, TooLargeError, type BudgetState, type ReadBudget } from './limits';
import { XmlSyntaxError, XmlTokenizer } from './tokenizer';
import { inflateEntry, type Archive, type InflateOptions, type ZipEntry } from './zip';

/**
 * Streams one zip part through the tokenizer: inflate a chunk, decode it, feed it, drop it. Element names reach the
 * handler without their namespace prefix ("x:c" → "c"): some writers prefix every SpreadsheetML element.
 */

export interface XmlHandler {
  open(name: string, attrs: Readonly<Record<string, string>>): void;
  close(name: string): void;
  text(text: string): void;
  /**
   * Asked after each chunk: the name of an open element whose remaining content the handler does not want, STOP to
   * end the part here, or null to go on. The stream skips bytes up to that element's closing tag without parsing
   * them. `budget` says where the part's parse budget stands; once 'spent', null refuses the part. A handler without
   * skipTo has its part refused as soon as the budget is 'over'.
   */
  skipTo?(budget: BudgetState): string | null;
}

/** What skipTo returns to end a part early (no element has this name). */
export const STOP = '/';

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

/** A parser feeding `h`; malformed XML is an XmlFormatError naming the part, except mid-document (see XmlTokenizer). */
interface Parser { write(text: string): void; close(): void }

function makeParser(h: XmlHandler, fragment: boolean, part: string, seen: Seen): Parser {
  const t = new XmlTokenizer({
    open(name, attrs) {
      seen.prefix ??= name.slice(0, name.indexOf(':') + 1);
      h.open(localName(name), attrs);
    },
    close(name) { h.close(localName(name)); },
    text(text) { h.text(text); },
  }, fragment);
  const guard = (f: () => void): void => {
    try {
      f();
    } catch (e) {
      if (!(e instanceof XmlSyntaxError)) throw e;
      // The tail read after a skipped element starts mid-document: what it cannot parse is left out, not an error.
      if (!fragment) throw new XmlFormatError(`${part}: ${e.message}`);
    }
  };
  return {
    write: text => { guard(() => { t.write(text); }); },
    close: () => { guard(() => { t.close(); }); },
  };
}

/**
 * One decoder per encoding for every part: making one per part cost 45 ms over 3,321 communes (ICU looks the
 * converter up each time, profiled). Parts are decoded one after another, and each starts by flushing whatever a
 * part abandoned midway (a skipped or stopped part) left in the decoder.
 */
const decoders = new Map<string, Decoder>();

function decoderFor(first: Uint8Array): Decoder {
  const label = first[0] === 0xff && first[1] === 0xfe ? 'utf-16le' : first[0] === 0xfe && first[1] === 0xff ? 'utf-16be' : 'utf-8';
  let d = decoders.get(label);
  if (d === undefined) { d = new TextDecoder(label); decoders.set(label, d); } else d.decode();
  return d;
}

/**
 * Runs `h` over the part `e`. Throws XmlFormatError on malformed XML, TooLargeError past the budget. `inflate`: see
 * InflateOptions (a part read whole may be inflated in one go).
 */
export function parsePart(zip: Archive, e: ZipEntry, budget: ReadBudget, h: XmlHandler, inflate: InflateOptions = {}): void {
  let decoder: Decoder | null = null;
  const seen: Seen = { prefix: null };
  let parser: Parser = makeParser(h, false, e.name, seen);
  /** While skipping: the closing tag looked for, and the text kept from the previous chunk (the tag may straddle two). */
  let needle: string | null = null;
  let skipped = '';
  let carry = '';

  /** Bytes since the last "<": bounds what the parser can buffer as one text node or attribute. */
  let run = 0;
  const checkRun = (chunk: Uint8Array): void => {
    const first = chunk.indexOf(0x3c);
    if (first < 0) run += chunk.length;
    else if (run + first > MAX_TEXT_RUN) run += first;
    else run = chunk.length - chunk.lastIndexOf(0x3c);
    if (run > MAX_TEXT_RUN) throw new TooLargeError(e.name, run, MAX_TEXT_RUN, 'run');
  };

  let stopped = false;
  budget.startPart();
  inflateEntry(zip, e, budget, chunk => {
    decoder ??= decoderFor(chunk);
    if (needle === null) {
      checkRun(chunk);
      const text = decoder.decode(chunk, { stream: true });
      parser.write(text);
      budget.parse(chunk.length);
      const state = budget.state;
      const target = h.skipTo?.(state) ?? null;
      if (target === null && (state === 'spent' || (state === 'over' && !h.skipTo))) {
        throw new TooLargeError(e.name, budget.parsed, budget.maxParsed, 'parse');
      }
      if (target === STOP) { stopped = true; return false; }
      if (target !== null) {
        skipped = target;
        needle = `</${seen.prefix ?? ''}${target}>`;
        carry = text.slice(-(needle.length - 1));
      }
      return;
    }
    // Skipping: decoding and a native string search are far cheaper than parsing.
    const hay = carry + decoder.decode(chunk, { stream: true });
    const at = hay.indexOf(needle);
    if (at < 0) {
      carry = hay.slice(-(needle.length - 1));
      return;
    }
    // Resume after the closing tag with a fresh parser: the old one is stranded inside the skipped element.
    h.close(skipped);
    parser = makeParser(h, true, e.name, seen);
    const rest = hay.slice(at + needle.length);
    needle = null;
    run = 0;
    parser.write(rest);
  }, inflate);
  // A part cut off while skipping, or stopped, has nothing more worth parsing.
  if (needle !== null || stopped) return;
  if (decoder !== null) parser.write((decoder as Decoder).decode());
  parser.close();
}
