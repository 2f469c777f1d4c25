/** One worksheet part, written as the plan's rows are pulled: nothing of the sheet is kept but its hyperlinks. */
import { cellAddress, columnLetter } from '../../core/grid/address';
import type { CellStyle, PlannedCell, SheetPlan } from '../../core/plan/types';
import { Hyperlinks } from './links';
import { ProjectionRecorder } from './projection';
import type { SharedStrings } from './strings';
import type { StyleTable } from './styles';
import { esc, XML_HEAD } from './xml';
import type { PartWriter } from './zip';
import { asciiBytes, ByteWriter } from './bytes';

export { MAX_LINKS } from './links';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export interface SheetContext {
  readonly strings: SharedStrings;
  readonly styles: StyleTable;
  /** Plan sheet name → the name it got in this workbook (links into this workbook follow renames). */
  readonly renamed: ReadonlyMap<string, string>;
  readonly first: boolean;
}

/** What the sheet's relationships part must hold (one external target per linked workbook), and its projection. */
export interface SheetRels {
  readonly targets: readonly string[];
  /** The cells of the plan's projected columns as written (see ../projection.ts); null when it asks for none. */
  readonly projection: ProjectionRecorder | null;
}

function number(n: number): string {
  return Number.isFinite(n) ? String(n) : '';
}

function pane(rows: number, cols: number): string {
  if (rows <= 0 && cols <= 0) return '';
  const active = rows > 0 && cols > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  return `<pane${cols > 0 ? ` xSplit="${cols}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''} topLeftCell="${cellAddress(rows + 1, cols + 1)}" activePane="${active}" state="frozen"/>`
    + `<selection pane="${active}" activeCell="${cellAddress(rows + 1, cols + 1)}" sqref="${cellAddress(rows + 1, cols + 1)}"/>`;
}

function columns(plan: SheetPlan): string {
  const widths = plan.columnWidths ?? [];
  const hidden = new Set(plan.hiddenColumns ?? []);
  const last = Math.max(widths.length, ...hidden);
  const cols: string[] = [];
  // Neighbouring columns alike share one <col> (a national summary has 3,321 commune columns of one width).
  for (let c = 1; c <= last;) {
    const w = widths[c - 1];
    const hide = hidden.has(c);
    let end = c;
    while (end < last && widths[end] === w && hidden.has(end + 1) === hide) end++;
    if (w !== undefined || hide) {
      cols.push(`<col min="${c}" max="${end}" width="${w ?? 9.140625}"${w !== undefined ? ' customWidth="1"' : ''}${hide ? ' hidden="1"' : ''}/>`);
    }
    c = end + 1;
  }
  return cols.length ? `<cols>${cols.join('')}</cols>` : '';
}

/** Writes the sheet's XML through `emit`, pulling the plan's rows once. */
export function writeSheet(plan: SheetPlan, ctx: SheetContext, part: PartWriter): SheetRels {
  const emit = part.emit;
  const print = plan.print;
  const fit = print?.fitToWidth === true;
  emit(`${XML_HEAD}<worksheet ${NS}>`);
  if (fit) emit('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  emit(`<sheetViews><sheetView${ctx.first ? ' tabSelected="1"' : ''} workbookViewId="0">${pane(plan.freezeRows ?? 0, plan.freezeColumns ?? 0)}</sheetView></sheetViews>`);
  emit('<sheetFormatPr defaultRowHeight="15"/>');
  emit(columns(plan));
  emit('<sheetData>');

  const links = new Hyperlinks();
  const { strings, styles } = ctx;
  // Each column's last string and its index: long tables repeat a value down a column (the indicator of "Dữ liệu"),
  // and a string compare is cheaper than hashing into the table (a tenth of the writer's time, profiled).
  const lastText: (string | undefined)[] = [];
  const lastId: number[] = [];
  // Likewise each column's last style: a long table's columns each keep theirs, so the table's one-entry cache misses
  // at every cell of a row that mixes them.
  const lastStyle: (CellStyle | undefined)[] = [];
  const lastStyleId: number[] = [];
  const projection = plan.projection?.length ? new ProjectionRecorder(plan.projection) : null;
  // The rows go out as bytes (see bytes.ts); the parts around them as text.
  const out = new ByteWriter(bytes => { part.emitBytes(bytes); });
  for (const row of plan.rows()) {
    const first = row[0];
    if (!first) continue;
    const r = first.row;
    // The row's number as bytes, once: every cell's reference ends with it.
    const rowRef = asciiBytes(String(r));
    out.bytes(ROW_OPEN);
    out.bytes(rowRef);
    out.bytes(TAG_END);
    let lastCol = 0;
    projection?.startRow(r);
    for (const c of row) {
      // A plan names each cell once; a repeated column would make the file invalid, so the first one stands.
      if (c.col <= lastCol) continue;
      lastCol = c.col;
      const v = c.value;
      let s: number;
      if (c.style !== undefined && lastStyle[c.col] === c.style) s = lastStyleId[c.col] as number;
      else {
        s = styles.id(c.style);
        lastStyle[c.col] = c.style;
        lastStyleId[c.col] = s;
      }
      // The common case inline (a national rollup writes over a million of them), the rest in cell().
      if (v.t === 's') {
        let id: number;
        if (lastText[c.col] === v.s) { id = lastId[c.col] as number; strings.reuse(); } else {
          id = strings.id(v.s);
          lastText[c.col] = v.s;
          lastId[c.col] = id;
        }
        sharedCell(out, c.col, rowRef, s, id);
        if (projection?.wants(c.col)) projection.string(c.col, id);
      } else {
        cell(out, c, rowRef, s, strings, links, ctx.renamed);
        if (projection?.wants(c.col)) project(projection, c);
      }
    }
    out.bytes(ROW_CLOSE);
  }
  out.flush();
  emit('</sheetData>');

  if (plan.autoFilter) emit(`<autoFilter ref="${esc(plan.autoFilter.replace(/\$/g, ''))}"/>`);
  const merges = plan.merges ?? [];
  if (merges.length) emit(`<mergeCells count="${merges.length}">${merges.map(m => `<mergeCell ref="${esc(m)}"/>`).join('')}</mergeCells>`);
  links.write(part);
  emit('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (print && (print.landscape || fit)) {
    emit(`<pageSetup${print.landscape ? ' orientation="landscape"' : ''}${fit ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`);
  }
  if (print?.header) emit(`<headerFooter><oddHeader>${esc(`&C${print.header.replace(/&/g, '&&')}`)}</oddHeader></headerFooter>`);
  emit('</worksheet>');
  return { targets: links.targetList(), projection };
}

/** A projected cell that cell() wrote: a number as its <v> text, nothing for none, any other form spoils the projection. */
function project(p: ProjectionRecorder, c: PlannedCell): void {
  const v = c.value;
  switch (v.t) {
    case 'n': {
      const n = number(v.n);
      if (n !== '') p.number(c.col, n);
      return;
    }
    case 'empty': return;
    case 's':
    case 'link':
    case 'formula': p.spoil();
  }
}

const ROW_OPEN = asciiBytes('<row r="');
const TAG_END = asciiBytes('">');
const ROW_CLOSE = asciiBytes('</row>');
const STR_V = asciiBytes(' t="str">');
const GT = asciiBytes('>');
const V_OPEN = asciiBytes('<v>');
const V_CLOSE = asciiBytes('</v></c>');
const EMPTY_CLOSE = asciiBytes('/>');
const CLOSE = asciiBytes('</c>');
const F_OPEN = asciiBytes('<f>');
const F_CLOSE = asciiBytes('</f>');

// The bytes a cell repeats, made once: its opening up to the row number (`<c r="B`, per column), and what follows the
// row number for a style id (`" s="5"`, then ` t="s"><v>` or `><v>`). A million cells are then five copies each.
const letterBytes: Uint8Array[] = [];
const openBytes: Uint8Array[] = [];
const styled: Uint8Array[] = [];
const sharedTail: Uint8Array[] = [];
const numberTail: Uint8Array[] = [];
function columnBytes(col: number): Uint8Array {
  return letterBytes[col] ??= asciiBytes(columnLetter(col));
}
function styleText(s: number): string {
  return s ? `" s="${s}"` : '"';
}

/** `<c r="B`: a cell's opening tag up to its row number. */
function openOf(col: number): Uint8Array {
  return openBytes[col] ??= asciiBytes(`<c r="${columnLetter(col)}`);
}

/** `<c r="B12`: the cell's opening tag up to its reference's end. */
function reference(out: ByteWriter, col: number, row: Uint8Array): void {
  out.bytes(openOf(col));
  out.bytes(row);
}

/** `<c r="B12" s="5"`: the cell's opening tag, unclosed. */
function open(out: ByteWriter, col: number, row: Uint8Array, s: number): void {
  reference(out, col, row);
  out.bytes(styled[s] ??= asciiBytes(styleText(s)));
}

/** A number's cell, or an empty one for a number with no decimal form (NaN, infinities). */
function numberCell(out: ByteWriter, col: number, row: Uint8Array, s: number, n: number): void {
  if (!Number.isFinite(n)) {
    open(out, col, row, s);
    out.bytes(EMPTY_CLOSE);
    return;
  }
  const tail = numberTail[s] ??= asciiBytes(`${styleText(s)}><v>`);
  // A count or a whole figure in one call (see ByteWriter.cell); (n | 0) === n also holds for -0, which is written "0".
  if ((n | 0) === n && n >= 0) { out.cell(openOf(col), row, tail, n, V_CLOSE); return; }
  reference(out, col, row);
  out.bytes(tail);
  out.number(n);
  out.bytes(V_CLOSE);
}

function sharedCell(out: ByteWriter, col: number, row: Uint8Array, s: number, id: number): void {
  out.cell(openOf(col), row, sharedTail[s] ??= asciiBytes(`${styleText(s)} t="s"><v>`), id, V_CLOSE);
}

function cell(out: ByteWriter, c: PlannedCell, row: Uint8Array, s: number, strings: SharedStrings, links: Hyperlinks, renamed: ReadonlyMap<string, string>): void {
  const v = c.value;
  switch (v.t) {
    case 'n': numberCell(out, c.col, row, s, v.n); return;
    case 's': sharedCell(out, c.col, row, s, strings.id(v.s)); return;
    case 'empty':
      open(out, c.col, row, s);
      out.bytes(EMPTY_CLOSE);
      return;
    case 'link': {
      // A number under a link stays a number: the hyperlink is its own element, the cell's <v> is untouched.
      if (v.n !== undefined && Number.isFinite(v.n)) numberCell(out, c.col, row, s, v.n);
      else sharedCell(out, c.col, row, s, strings.id(v.text));
      // Past Excel's limit of links in a sheet the cell keeps its value only (see MAX_LINKS).
      if (links.full) return;
      const col = columnBytes(c.col);
      if (v.file !== undefined) links.external(col, row, v.file, v.sheet, v.cell, v.text);
      else links.internal(col, row, renamed.get(v.sheet) ?? v.sheet, v.cell, v.text);
      return;
    }
    case 'formula': {
      open(out, c.col, row, s);
      const cached = v.cached;
      out.bytes(typeof cached === 'string' ? STR_V : GT);
      out.bytes(F_OPEN);
      out.text(esc(v.f));
      out.bytes(F_CLOSE);
      if (typeof cached === 'number') {
        out.bytes(V_OPEN);
        if (Number.isFinite(cached)) out.number(cached);
        out.bytes(V_CLOSE);
      } else if (typeof cached === 'string') {
        out.bytes(V_OPEN);
        out.text(esc(cached));
        out.bytes(V_CLOSE);
      } else out.bytes(CLOSE);
      return;
    }
  }
}

/** The sheet's relationships part, or null when it links nowhere outside. */
export function sheetRelsXml(rels: SheetRels): string | null {
  if (rels.targets.length === 0) return null;
  const items = rels.targets.map((t, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${esc(t)}" TargetMode="External"/>`);
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}
