import { capText, type ReadBudget } from './limits';
import { parsePart, type XmlHandler } from './xml';
import type { ZipEntry, Archive } from './zip';

/**
 * The shared-strings table. A string is the text of its <t> elements, rich-text runs (<r><t>) joined; phonetic
 * guides (<rPh>) are not part of the text. Whitespace is kept as written, with or without xml:space.
 */

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * A copy of `s` that holds nothing else alive. The parser's texts are slices of the decoded chunk they came from, and
 * V8 keeps a slice's whole parent (a chunk of 64 KB to megabytes) for as long as the slice lives: a rollup's
 * 3,321 reports kept every commune's decoded shared-string XML (6 KB each, measured in a heap snapshot). Concatenating
 * flattens into a new string the size of `s`; strings under 13 characters are always copied by V8 anyway.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Decodes the "_xHHHH_" escapes Excel uses for characters XML cannot hold ("_x000D_" is a carriage return). */
export function unescapeXstring(s: string): string {
  return s.includes('_x') ? s.replace(ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

/** Collects the text of <t> elements, outside phonetic runs, between open('start') and close('start'). */
export class TextCollector {
  private depthT = 0;
  private inPhonetic = false;
  private parts = '';

  reset(): void {
    this.depthT = 0;
    this.inPhonetic = false;
    this.parts = '';
  }

  open(name: string): void {
    if (name === 'rPh') this.inPhonetic = true;
    else if (name === 't' && !this.inPhonetic) this.depthT++;
  }

  close(name: string): void {
    if (name === 'rPh') this.inPhonetic = false;
    else if (name === 't' && this.depthT > 0) this.depthT--;
  }

  text(t: string): void {
    if (this.depthT > 0) this.parts += t;
  }

  get value(): string {
    return ownString(unescapeXstring(this.parts));
  }
}

/** The shared strings, each cut to MAX_CELL_TEXT (counted in `tally`). */
export function readSharedStrings(zip: Archive, e: ZipEntry, budget: ReadBudget, tally: { long: number } = { long: 0 }): string[] {
  const strings: string[] = [];
  const text = new TextCollector();
  let inSi = false;
  const h: XmlHandler = {
    open(name) {
      if (name === 'si') { inSi = true; text.reset(); } else if (inSi) text.open(name);
    },
    close(name) {
      if (name === 'si') { inSi = false; strings.push(capText(text.value, tally)); } else if (inSi) text.close(name);
    },
    text(t) {
      if (inSi) text.text(t);
    },
  };
  // Read whole, so inflated in one go by the platform's inflate where there is one: a national rollup's table (709 KB)
  // took fflate's streaming inflate 54 ms when --previous reads it (profiled), before the workers can start.
  parsePart(zip, e, budget, h, { whole: true });
  return strings;
}
