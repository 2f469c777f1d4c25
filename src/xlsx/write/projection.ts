/** Recording a sheet's projection while it is written, and the part that holds it (see ../projection.ts). */
import { PROJECTION_NS, type PartStamp, type ProjectionDoc } from '../projection';
import { PKG_REL } from './parts';
import { esc, XML_HEAD } from './xml';

export class ProjectionRecorder {
  private readonly slot = new Map<number, number>();
  private readonly rows: (number | string | null)[] = [];
  private at = -1;
  private spoiled = false;

  constructor(readonly columns: readonly number[]) {
    columns.forEach((c, i) => this.slot.set(c, i + 1));
  }

  /** Whether `col` is projected (asked once per written cell). */
  wants(col: number): boolean {
    return this.slot.has(col);
  }

  startRow(row: number): void {
    this.at = this.rows.length;
    this.rows.push(row);
    for (let i = 0; i < this.columns.length; i++) this.rows.push(null);
  }

  /** A cell of a projected column written as a shared string. */
  string(col: number, index: number): void {
    this.rows[this.at + (this.slot.get(col) as number)] = index;
  }

  /** A cell of a projected column written as a number: the text of its <v>. */
  number(col: number, text: string): void {
    this.rows[this.at + (this.slot.get(col) as number)] = text;
  }

  /** A cell of a projected column written in some other way: no projection then. */
  spoil(): void {
    this.spoiled = true;
  }

  doc(sheet: string, stamp: PartStamp, strings: PartStamp): ProjectionDoc {
    return { v: 1, sheet, stamp, strings, columns: this.columns, rows: this.spoiled ? null : this.rows };
  }
}

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

/** Rows handed to the part per piece: a national projection is 540,000 entries, never joined into one string. */
const PIECE = 9 * 4096;

/** The custom XML part, in pieces: the document as JSON text in one element of our namespace. */
export function* projectionXml(doc: ProjectionDoc): Generator<string> {
  const { rows, ...head } = doc;
  const open = elementJson({ ...head, rows: [] });
  yield `${XML_HEAD}<projection xmlns="${PROJECTION_NS}">`;
  if (rows === null) {
    yield `${open.slice(0, -'[]}'.length)}null}</projection>`;
    return;
  }
  yield open.slice(0, -']}'.length);
  for (let i = 0; i < rows.length; i += PIECE) {
    const piece = elementJson(rows.slice(i, i + PIECE)).slice(1, -1);
    yield i === 0 ? piece : `,${piece}`;
  }
  yield ']}</projection>';
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

export function projectionPropsXml(doc: ProjectionDoc): string {
  const h = hex8(doc.stamp.crc) + hex8(doc.stamp.size) + hex8(doc.strings.crc) + hex8(doc.strings.size);
  const id = `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}}`;
  return `${XML_HEAD}<ds:datastoreItem ds:itemID="${id}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">`
    + `<ds:schemaRefs><ds:schemaRef ds:uri="${PROJECTION_NS}"/></ds:schemaRefs></ds:datastoreItem>`;
}

/** The custom XML part's relationships: its properties part, `target` relative to the custom XML part's folder. */
export function projectionRelsXml(target: string): string {
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${CUSTOM_XML_PROPS_REL}" Target="${esc(target)}"/></Relationships>`;
}
