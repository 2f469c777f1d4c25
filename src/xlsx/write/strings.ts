/** The shared string table: each distinct text once, cells point at it by index (what Excel itself writes). */
import { textElement, XML_HEAD } from './xml';

export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  private uses = 0;

  /** `base`: the strings an existing table already holds (ours are numbered after them, see append.ts). */
  constructor(private readonly base = 0) {}

  id(text: string): number {
    this.uses++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.base + this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  /** One more cell showing a string whose index the caller already has. */
  reuse(): void {
    this.uses++;
  }

  get size(): number {
    return this.list.length;
  }

  /** Cells that show one of these strings. */
  get references(): number {
    return this.uses;
  }

  /** The <si> items of these strings, in index order. */
  *items(): Generator<string> {
    for (const s of this.list) yield `<si>${textElement(s)}</si>`;
  }

  /** The part, in pieces (a national rollup's table is large; it is never joined into one string). */
  *xml(): Generator<string> {
    yield `${XML_HEAD}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.list.length}">`;
    yield* this.items();
    yield '</sst>';
  }
}
