/**
 * Our own xlsx writer: sheet plans to SpreadsheetML, pulled row by row and deflated as they come, so memory holds the
 * shared strings, the styles and one row, never a sheet. It writes what the plans use — values, shared strings,
 * styles, frozen panes, filters, hyperlinks (inside this workbook and to other workbooks), column widths and hidden
 * columns, merges, print setup — and skips charts, as the exceljs renderer does.
 */
import { freeSheetName } from '../../core/plan/sheet-name';
import type { SheetPlan } from '../../core/plan/types';
import { appXml, contentTypesXml, coreXml, projectionPart, projectionPropsPart, rootRelsXml, workbookRelsXml, workbookXml } from './parts';
import { writeProjection, type Projected } from './projection';
import { sheetRelsXml, writeSheet } from './sheet';
import { SharedStrings } from './strings';
import { StyleTable } from './styles';
import { seedTables, type SheetSeed } from './lone-sheet';
import { ZipWriter, type SegmentDeflate, type Sink, type StoredData } from './zip';

export type { SegmentDeflate, Sink, StoredData };
export type { SheetSeed };

export interface WorkbookOptions {
  readonly creator?: string;
  readonly now?: Date;
  /** Deflate level; 1 by default (the output is written once and read by people, not shipped over a network). */
  readonly level?: 0 | 1 | 6 | 9;
  /** The platform's deflate (Node's zlib in the CLI); fflate's otherwise. */
  readonly deflate?: SegmentDeflate;
}

/**
 * Sheet names the plans get in a workbook that already has `existing` (none in a new one): suffixed when taken or when
 * two plans want the same one, in plan order.
 */
export function sheetNames(plans: readonly SheetPlan[], existing: Iterable<string> = []): string[] {
  const taken = new Set<string>(existing);
  return plans.map(p => {
    const n = freeSheetName(p.name, taken);
    taken.add(n);
    return n;
  });
}

/** Plan sheet name → the name it got (links into this workbook follow renames); the first plan of a name wins. */
export function renamedSheets(plans: readonly SheetPlan[], names: readonly string[]): Map<string, string> {
  const renamed = new Map<string, string>();
  plans.forEach((p, i) => { if (!renamed.has(p.name)) renamed.set(p.name, names[i] ?? p.name); });
  return renamed;
}

/** Writes a new workbook with one sheet per plan into `sink`; returns the sheet names. Throws only on a zip failure. */
export function writeWorkbook(plans: readonly SheetPlan[], sink: Sink, options: WorkbookOptions = {}): string[] {
  const w = new WorkbookWriter(plans, sink, options);
  w.head(true);
  plans.forEach((plan, i) => { w.sheet(plan, i); });
  return w.tail(false);
}

/**
 * A sheet another thread writes while this one writes the others (see lone-sheet.ts): its part arrives stored, or as
 * a plan to write here after all (that thread failed). `name` is the plan's sheet name, known before it arrives.
 */
export interface LateSheet {
  readonly late: true;
  readonly name: string;
  readonly seed: SheetSeed;
  readonly sheet: Promise<LateResult>;
}

export type LateResult =
  | { readonly kind: 'stored'; readonly plan: SheetPlan; readonly stored: StoredData; readonly references: number }
  | { readonly kind: 'plan'; readonly plan: SheetPlan };

/**
 * `writeWorkbook` with some sheets written elsewhere: the others are written first, then the late ones as they arrive,
 * then the workbook part (its defined names need their filters) and the shared tables, seeded with theirs first.
 */
export async function writeWorkbookWithLate(sheets: readonly (SheetPlan | LateSheet)[], sink: Sink, options: WorkbookOptions = {}): Promise<string[]> {
  const stub = (name: string): SheetPlan => ({ name, rows: () => [][Symbol.iterator]() });
  const w = new WorkbookWriter(sheets.map(s => ('late' in s ? stub(s.name) : s)), sink, options);
  for (const s of sheets) if ('late' in s) seedTables(w.strings, w.styles, s.seed);
  w.head(false);
  sheets.forEach((s, i) => { if (!('late' in s)) w.sheet(s, i); });
  for (const [i, s] of sheets.entries()) {
    if (!('late' in s)) continue;
    const r = await s.sheet;
    w.plans[i] = r.plan;
    if (r.kind === 'plan') { w.sheet(r.plan, i); continue; }
    w.zip.stored(`xl/worksheets/sheet${i + 1}.xml`, r.stored);
    w.strings.addReferences(r.references);
  }
  return w.tail(true);
}

/** The parts of one new workbook, in the order the two entry points above write them. */
class WorkbookWriter {
  readonly plans: SheetPlan[];
  readonly names: string[];
  private readonly renamed: Map<string, string>;
  readonly zip: ZipWriter;
  readonly strings = new SharedStrings();
  readonly styles = new StyleTable();
  private readonly projected: Projected[] = [];
  private readonly projections: number;

  constructor(plans: readonly SheetPlan[], sink: Sink, private readonly options: WorkbookOptions) {
    this.plans = [...plans];
    this.names = sheetNames(plans);
    this.renamed = renamedSheets(plans, this.names);
    this.zip = new ZipWriter(sink, options.level ?? 1, options.deflate);
    this.projections = plans.filter(p => p.projection?.length).length;
  }

  /** The package's fixed parts; the workbook's too unless it must wait for late sheets. */
  head(withWorkbook: boolean): void {
    const { zip, options } = this;
    zip.file('[Content_Types].xml', contentTypesXml(this.plans.length, this.projections));
    zip.file('_rels/.rels', rootRelsXml());
    zip.file('docProps/core.xml', coreXml(options.creator ?? 'Phụ lục 57', options.now ?? new Date()));
    zip.file('docProps/app.xml', appXml());
    if (withWorkbook) this.workbook();
  }

  private workbook(): void {
    this.zip.file('xl/workbook.xml', workbookXml(this.plans, this.names));
    this.zip.file('xl/_rels/workbook.xml.rels', workbookRelsXml(this.plans.length, this.projections));
  }

  sheet(plan: SheetPlan, i: number): void {
    const { zip } = this;
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    const part = zip.part(name);
    const rels = writeSheet(plan, { strings: this.strings, styles: this.styles, renamed: this.renamed, first: i === 0 }, part);
    const stamp = part.end();
    if (rels.projection) this.projected.push({ sheet: this.names[i] ?? plan.name, stamp: { part: name, ...stamp }, recorder: rels.projection });
    const relsXml = sheetRelsXml(rels);
    if (relsXml) zip.file(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, relsXml);
  }

  tail(withWorkbook: boolean): string[] {
    const { zip } = this;
    if (withWorkbook) this.workbook();
    const sst = { part: 'xl/sharedStrings.xml', ...zip.file('xl/sharedStrings.xml', this.strings.xml()) };
    this.projected.forEach((p, i) => { writeProjection(zip, projectionPart(i + 1), projectionPropsPart(i + 1), p, sst); });
    zip.file('xl/styles.xml', this.styles.xml());
    zip.end();
    return this.names;
  }
}

/** The workbook as bytes in memory (the web page's download, tests). */
export function workbookBytes(plans: readonly SheetPlan[], options: WorkbookOptions = {}): { bytes: Uint8Array; sheets: string[] } {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const sheets = writeWorkbook(plans, chunk => { chunks.push(chunk); size += chunk.length; }, options);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { bytes.set(c, at); at += c.length; }
  return { bytes, sheets };
}
