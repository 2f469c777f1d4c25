/** Recording a sheet's projection while it is written, and the part that holds it (see ../projection.ts). */
import { PROJECTION_NS, type PartStamp, type ProjectionDoc } from '../projection';
import { relsPath } from '../fast/workbook';
import { PKG_REL } from './parts';
import { esc, XML_HEAD } from './xml';
import type { EntryStamp, PartWriter, ZipWriter } from './zip';
import { asciiBytes, ByteWriter } from './bytes';

/** Entries per chunk: whole rows of up to 8 columns and their row number, 4,096 rows at a time. */
const CHUNK = 9 * 4096;
const NONE = -1;

/** The part to write: the document without its rows, and what writes the rows' JSON text (null: no projection). */
export interface ProjectionOut {
  readonly head: Omit<ProjectionDoc, 'rows'>;
  readonly rows: ((out: ByteWriter) => void) | null;
}

/**
 * The cells of the projected columns as they are written. Kept as 32-bit integers in fixed chunks (a national sheet
 * has 540,000 entries; a growing array of them left tens of MB of old copies behind, measured): a row number, then
 * per column a shared-string index (0 or more), NONE, or -2 - k for the k-th distinct number text.
 */
export class ProjectionRecorder {
  private readonly slot = new Map<number, number>();
  private readonly chunks: Int32Array[] = [];
  private chunk = new Int32Array(0);
  private used = 0;
  private at = -1;
  private readonly stride: number;
  /** Entries per chunk: whole rows only. */
  private readonly chunkSize: number;
  private readonly numbers: string[] = [];
  private readonly numberIds = new Map<string, number>();
  private spoiled = false;

  constructor(readonly columns: readonly number[]) {
    columns.forEach((c, i) => this.slot.set(c, i + 1));
    this.stride = columns.length + 1;
    this.chunkSize = Math.max(CHUNK - (CHUNK % this.stride), this.stride);
  }

  /** Whether `col` is projected (asked once per written cell). */
  wants(col: number): boolean {
    return this.slot.has(col);
  }

  startRow(row: number): void {
    if (this.used + this.stride > this.chunk.length) {
      this.chunk = new Int32Array(this.chunkSize);
      this.chunks.push(this.chunk);
      this.used = 0;
    }
    this.at = this.used;
    this.chunk[this.at] = row;
    this.chunk.fill(NONE, this.at + 1, this.at + this.stride);
    this.used += this.stride;
  }

  /** A cell of a projected column written as a shared string. */
  string(col: number, index: number): void {
    this.chunk[this.at + (this.slot.get(col) as number)] = index;
  }

  /** A cell of a projected column written as a number: the text of its <v>. */
  number(col: number, text: string): void {
    let k = this.numberIds.get(text);
    if (k === undefined) { k = this.numbers.length; this.numbers.push(text); this.numberIds.set(text, k); }
    this.chunk[this.at + (this.slot.get(col) as number)] = -2 - k;
  }

  /** A cell of a projected column written in some other way: no projection then. */
  spoil(): void {
    this.spoiled = true;
  }

  doc(sheet: string, stamp: PartStamp, strings: PartStamp): ProjectionOut {
    return { head: { v: 1, sheet, stamp, strings, columns: this.columns }, rows: this.spoiled ? null : out => { this.items(out); } };
  }

  /** The rows as JSON array items (comma-separated, without the brackets), as bytes: all of it is ASCII. */
  private items(out: ByteWriter): void {
    // A number's text is what the sheet's <v> holds (ASCII digits, sign, point, exponent), quoted as a JSON string.
    const quoted = this.numbers.map(n => asciiBytes(JSON.stringify(n)));
    let first = true;
    for (const [i, c] of this.chunks.entries()) {
      const end = i === this.chunks.length - 1 ? this.used : c.length;
      for (let j = 0; j < end; j++) {
        const x = c[j] as number;
        if (!first) out.bytes(COMMA);
        first = false;
        if (x >= 0) out.int(x);
        else out.bytes(x === NONE ? NULL : quoted[-2 - x] as Uint8Array);
      }
    }
  }
}

const COMMA = asciiBytes(',');
const NULL = asciiBytes('null');

const MARKUP = /[&<>]/g;
const HAS_MARKUP = /[&<>]/;
const ESCAPED: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// eslint-disable-next-line no-control-regex -- everything past ASCII
const NON_ASCII = /[^\u0000-\u007f]/g;

/**
 * JSON as element text: markup escaped (JSON already escapes control characters; quotes are plain text here), and
 * anything past ASCII as \u escapes, so that the text stays one byte a character in memory (a sheet name such as
 * "Dữ liệu" would make every string of the part two bytes a character).
 */
function elementJson(value: unknown): string {
  const json = JSON.stringify(value).replace(NON_ASCII, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return HAS_MARKUP.test(json) ? json.replace(MARKUP, c => ESCAPED[c] ?? c) : json;
}

/** The custom XML part: the document as JSON text in one element of our namespace. */
export function writeProjectionXml(part: PartWriter, out: ProjectionOut): EntryStamp {
  const open = elementJson({ ...out.head, rows: [] });
  part.emit(`${XML_HEAD}<projection xmlns="${PROJECTION_NS}">`);
  if (out.rows === null) {
    part.emit(`${open.slice(0, -'[]}'.length)}null}</projection>`);
    return part.end();
  }
  part.emit(open.slice(0, -']}'.length));
  // Row numbers, indices and number texts: nothing to escape.
  const bytes = new ByteWriter(b => { part.emitBytes(b); });
  out.rows(bytes);
  bytes.flush();
  part.emit(']}</projection>');
  return part.end();
}

/**
 * The properties part Excel gives every custom XML part (ECMA-376 Part 1, §15.2.5; optional there, but some readers
 * expect it, schema references included: https://github.com/EPPlusSoftware/EPPlus/issues/2254). Its id is made from
 * the stamps, so the same workbook is written the same way twice.
 */
const CUSTOM_XML_PROPS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';

function hex8(n: number): string {
  return (n >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

export function projectionPropsXml(doc: Pick<ProjectionDoc, 'stamp' | 'strings'>): string {
  const h = hex8(doc.stamp.crc) + hex8(doc.stamp.size) + hex8(doc.strings.crc) + hex8(doc.strings.size);
  const id = `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}}`;
  return `${XML_HEAD}<ds:datastoreItem ds:itemID="${id}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">`
    + `<ds:schemaRefs><ds:schemaRef ds:uri="${PROJECTION_NS}"/></ds:schemaRefs></ds:datastoreItem>`;
}

/** The custom XML part's relationships: its properties part, `target` relative to the custom XML part's folder. */
export function projectionRelsXml(target: string): string {
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${CUSTOM_XML_PROPS_REL}" Target="${esc(target)}"/></Relationships>`;
}

/** A sheet written with a projection, waiting for the shared-string table its cells point into. */
export interface Projected {
  readonly sheet: string;
  readonly stamp: PartStamp;
  readonly recorder: ProjectionRecorder;
}

/** The projection's three parts: the custom XML part `item`, its relationships, its properties part `props`. */
export function writeProjection(zip: ZipWriter, item: string, props: string, p: Projected, strings: PartStamp): void {
  const out = p.recorder.doc(p.sheet, p.stamp, strings);
  writeProjectionXml(zip.part(item), out);
  // Relative to the item's folder, where both parts are.
  zip.file(relsPath(item), projectionRelsXml(props.slice(props.lastIndexOf('/') + 1)));
  zip.file(props, projectionPropsXml(out.head));
}
