/** One worksheet part, written as the plan's rows are pulled: nothing of the sheet is kept but its hyperlinks. */
import { cellAddress, columnLetter } from '../../core/grid/address';
import type { CellStyle, PlannedCell, SheetPlan } from '../../core/plan/types';
import { Hyperlinks } from './links';
import { ProjectionRecorder } from './projection';
import type { SharedStrings } from './strings';
import type { StyleTable } from './styles';
import { esc, XML_HEAD } from './xml';
import type { PartWriter } from './zip';

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

const letters: string[] = [];
function letter(col: number): string {
  return letters[col] ??= columnLetter(col);
}

const ROW_PIECE = 16 * 1024;

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
  for (const row of plan.rows()) {
    const first = row[0];
    if (!first) continue;
    const r = String(first.row);
    let xml = `<row r="${r}">`;
    let lastCol = 0;
    projection?.startRow(first.row);
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
      // The common cases inline (a national rollup writes over a million of them), the rest in cell().
      if (v.t === 's') {
        let id: number;
        if (lastText[c.col] === v.s) { id = lastId[c.col] as number; strings.reuse(); } else {
          id = strings.id(v.s);
          lastText[c.col] = v.s;
          lastId[c.col] = id;
        }
        xml += `<c r="${letter(c.col)}${r}"${s ? ` s="${s}"` : ''} t="s"><v>${id}</v></c>`;
        if (projection?.wants(c.col)) projection.string(c.col, id);
      } else {
        xml += cell(c, letter(c.col) + r, s, strings, links, ctx.renamed);
        if (projection?.wants(c.col)) project(projection, c);
      }
      // A row of a national summary has 3,321 cells: handed over in pieces, its text dies young instead of being
      // promoted to the old generation while the row is built (20 MB of such garbage on "Tổng hợp", measured).
      if (xml.length >= ROW_PIECE) { emit(xml); xml = ''; }
    }
    emit(`${xml}</row>`);
  }
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

function cell(c: PlannedCell, ref: string, s: number, strings: SharedStrings, links: Hyperlinks, renamed: ReadonlyMap<string, string>): string {
  const style = s ? ` s="${s}"` : '';
  const v = c.value;
  switch (v.t) {
    case 'n': {
      const n = number(v.n);
      return n === '' ? `<c r="${ref}"${style}/>` : `<c r="${ref}"${style}><v>${n}</v></c>`;
    }
    case 's': return `<c r="${ref}"${style} t="s"><v>${strings.id(v.s)}</v></c>`;
    case 'empty': return `<c r="${ref}"${style}/>`;
    case 'link': {
      // Past Excel's limit of links in a sheet the cell keeps its value only (see MAX_LINKS).
      // A number under a link stays a number: the hyperlink is its own element, the cell's <v> is untouched.
      const shown = v.n !== undefined && Number.isFinite(v.n)
        ? `<c r="${ref}"${style}><v>${number(v.n)}</v></c>`
        : `<c r="${ref}"${style} t="s"><v>${strings.id(v.text)}</v></c>`;
      if (links.full) return shown;
      if (v.file !== undefined) links.external(ref, v.file, v.sheet, v.cell, v.text);
      else links.internal(ref, renamed.get(v.sheet) ?? v.sheet, v.cell, v.text);
      return shown;
    }
    case 'formula': {
      const f = `<f>${esc(v.f)}</f>`;
      if (v.cached === null) return `<c r="${ref}"${style}>${f}</c>`;
      if (typeof v.cached === 'number') return `<c r="${ref}"${style}>${f}<v>${number(v.cached)}</v></c>`;
      return `<c r="${ref}"${style} t="str">${f}<v>${esc(v.cached)}</v></c>`;
    }
  }
}

/** The sheet's relationships part, or null when it links nowhere outside. */
export function sheetRelsXml(rels: SheetRels): string | null {
  if (rels.targets.length === 0) return null;
  const items = rels.targets.map((t, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${esc(t)}" TargetMode="External"/>`);
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}
