/** Recording a sheet's projection while it is written, and the part that holds it (see ../projection.ts). */
import { PROJECTION_NS, type PartStamp, type ProjectionDoc } from '../projection';
import { XML_HEAD } from './xml';

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
const ESCAPED: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * The custom XML part: the document as JSON text in one element of our namespace. JSON already escapes control
 * characters, so only markup needs escaping (quotes are plain text in element content).
 */
export function projectionXml(doc: ProjectionDoc): string {
  return `${XML_HEAD}<projection xmlns="${PROJECTION_NS}">${JSON.stringify(doc).replace(MARKUP, c => ESCAPED[c] ?? c)}</projection>`;
}
