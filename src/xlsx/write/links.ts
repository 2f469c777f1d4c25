/**
 * A worksheet's hyperlinks, held from the first cell to the end of <sheetData> (they follow it in the schema's element
 * order, ECMA-376 Part 1, 18.3.1.99). A national rollup has 66,530 of them in one sheet: they are written as UTF-8
 * bytes in 64 KB buffers (about 10 MB), not as 66,530 strings built of pieces, and the parts every link repeats (the
 * target of a commune's file, a sheet's quoted name, a cell's absolute form) are computed once.
 */
import { absoluteRef, linkTarget, quoteSheet } from '../plan-layout';
import { esc } from './xml';
import type { PartWriter } from './zip';
import { asciiBytes, ByteWriter } from './bytes';

/**
 * Excel keeps at most 66,530 hyperlinks in a worksheet (https://support.microsoft.com/en-us/office/
 * excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3); past that a cell keeps its value only.
 */
export const MAX_LINKS = 66_530;

const LINK_OPEN = asciiBytes('<hyperlink ref="');
const RID = asciiBytes('" r:id="');
const LOCATION = asciiBytes('" location="');
const DISPLAY = asciiBytes('" display="');
const LINK_CLOSE = asciiBytes('"/>');
const encoder = new TextEncoder();
const utf8 = (s: string): Uint8Array => encoder.encode(s);

export class Hyperlinks {
  /** The links' XML so far, as bytes: a full buffer of the writer is copied here (see ByteWriter). */
  private readonly sealed: Uint8Array[] = [];
  private readonly out = new ByteWriter(b => { this.sealed.push(b.slice()); });
  private count = 0;
  /** Relationship target → its id, in the order first used (the sheet's rels part lists them so). */
  private readonly targets = new Map<string, string>();
  private readonly ridOfFile = new Map<string, Uint8Array>();
  // The pieces links repeat, as bytes once: a sheet's quoted name, a cell's absolute form, a shown text ("E12").
  private readonly sheetPrefix = new Map<string, Uint8Array>();
  private readonly absolute = new Map<string, Uint8Array>();
  private readonly local = new Map<string, Uint8Array>();
  private readonly shown = new Map<string, Uint8Array>();

  get full(): boolean {
    return this.count >= MAX_LINKS;
  }

  /** At the cell of column `col` and row `row` (their bytes), a link to `cell` of `sheet` in the workbook `file` (a path relative to this workbook). */
  external(col: Uint8Array, row: Uint8Array, file: string, sheet: string, cell: string, display: string): void {
    let rid = this.ridOfFile.get(file);
    if (rid === undefined) {
      const target = linkTarget(file);
      let id = this.targets.get(target);
      if (id === undefined) { id = `rId${this.targets.size + 1}`; this.targets.set(target, id); }
      rid = asciiBytes(id);
      this.ridOfFile.set(file, rid);
    }
    let abs = this.absolute.get(cell);
    if (abs === undefined) { abs = utf8(esc(absoluteRef(cell))); this.absolute.set(cell, abs); }
    const out = this.out;
    out.bytes(LINK_OPEN);
    out.bytes(col);
    out.bytes(row);
    out.bytes(RID);
    out.bytes(rid);
    this.rest(sheet, abs, display);
  }

  /** A link to `cell` of `sheet` in this workbook. */
  internal(col: Uint8Array, row: Uint8Array, sheet: string, cell: string, display: string): void {
    this.out.bytes(LINK_OPEN);
    this.out.bytes(col);
    this.out.bytes(row);
    let at = this.local.get(cell);
    if (at === undefined) { at = utf8(esc(cell)); this.local.set(cell, at); }
    this.rest(sheet, at, display);
  }

  /** The <hyperlinks> element, when there is any link. */
  write(part: PartWriter): void {
    if (this.count === 0) return;
    this.out.flush();
    part.emit('<hyperlinks>');
    for (const bytes of this.sealed) part.emitBytes(bytes);
    part.emit('</hyperlinks>');
  }

  /** The external targets, in the order of their ids. */
  targetList(): string[] {
    return [...this.targets.keys()];
  }

  private rest(sheet: string, location: Uint8Array, display: string): void {
    let p = this.sheetPrefix.get(sheet);
    if (p === undefined) { p = utf8(`${esc(quoteSheet(sheet))}!`); this.sheetPrefix.set(sheet, p); }
    let d = this.shown.get(display);
    if (d === undefined) { d = utf8(esc(display)); this.shown.set(display, d); }
    const out = this.out;
    out.bytes(LOCATION);
    out.bytes(p);
    out.bytes(location);
    out.bytes(DISPLAY);
    out.bytes(d);
    out.bytes(LINK_CLOSE);
    this.count++;
  }
}
