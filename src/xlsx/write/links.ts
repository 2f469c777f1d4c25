/**
 * A worksheet's hyperlinks, held from the first cell to the end of <sheetData> (they follow it in the schema's element
 * order, ECMA-376 Part 1, 18.3.1.99). A national rollup has 66,530 of them in one sheet: they are kept as UTF-8 in
 * batches (about 10 MB), not as 66,530 strings built of pieces, and the parts every link repeats (the target of a
 * commune's file, a sheet's quoted name, a cell's absolute form) are computed once.
 */
import { absoluteRef, linkTarget, quoteSheet } from '../plan-layout';
import { esc } from './xml';
import type { PartWriter } from './zip';

/**
 * Excel keeps at most 66,530 hyperlinks in a worksheet (https://support.microsoft.com/en-us/office/
 * excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3); past that a cell keeps its value only.
 */
export const MAX_LINKS = 66_530;

const BATCH = 1024;
const encoder = new TextEncoder();

export class Hyperlinks {
  private batch: string[] = [];
  private readonly sealed: Uint8Array[] = [];
  private count = 0;
  /** Relationship target → its id, in the order first used (the sheet's rels part lists them so). */
  private readonly targets = new Map<string, string>();
  private readonly ridOfFile = new Map<string, string>();
  private readonly sheetPrefix = new Map<string, string>();
  private readonly absolute = new Map<string, string>();

  get full(): boolean {
    return this.count >= MAX_LINKS;
  }

  /** A link to `cell` of `sheet` in the workbook `file` (a path relative to this workbook). */
  external(ref: string, file: string, sheet: string, cell: string, display: string): void {
    let rid = this.ridOfFile.get(file);
    if (rid === undefined) {
      const target = linkTarget(file);
      rid = this.targets.get(target);
      if (rid === undefined) { rid = `rId${this.targets.size + 1}`; this.targets.set(target, rid); }
      this.ridOfFile.set(file, rid);
    }
    let abs = this.absolute.get(cell);
    if (abs === undefined) { abs = esc(absoluteRef(cell)); this.absolute.set(cell, abs); }
    this.add(`<hyperlink ref="${ref}" r:id="${rid}" location="${this.prefix(sheet)}${abs}" display="${esc(display)}"/>`);
  }

  /** A link to `cell` of `sheet` in this workbook. */
  internal(ref: string, sheet: string, cell: string, display: string): void {
    this.add(`<hyperlink ref="${ref}" location="${this.prefix(sheet)}${esc(cell)}" display="${esc(display)}"/>`);
  }

  /** The <hyperlinks> element, when there is any link. */
  write(part: PartWriter): void {
    if (this.count === 0) return;
    this.seal();
    part.emit('<hyperlinks>');
    for (const bytes of this.sealed) part.emitBytes(bytes);
    part.emit('</hyperlinks>');
  }

  /** The external targets, in the order of their ids. */
  targetList(): string[] {
    return [...this.targets.keys()];
  }

  private prefix(sheet: string): string {
    let p = this.sheetPrefix.get(sheet);
    if (p === undefined) { p = `${esc(quoteSheet(sheet))}!`; this.sheetPrefix.set(sheet, p); }
    return p;
  }

  private add(xml: string): void {
    this.batch.push(xml);
    this.count++;
    if (this.batch.length >= BATCH) this.seal();
  }

  private seal(): void {
    if (this.batch.length === 0) return;
    this.sealed.push(encoder.encode(this.batch.join('')));
    this.batch = [];
  }
}
