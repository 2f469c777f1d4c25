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
import { ZipWriter, type SegmentDeflate, type Sink } from './zip';

export type { SegmentDeflate, Sink };

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
  const names = sheetNames(plans);
  const renamed = renamedSheets(plans, names);
  const zip = new ZipWriter(sink, options.level ?? 1, options.deflate);
  const strings = new SharedStrings();
  const styles = new StyleTable();
  const projections = plans.filter(p => p.projection?.length).length;
  zip.file('[Content_Types].xml', contentTypesXml(plans.length, projections));
  zip.file('_rels/.rels', rootRelsXml());
  zip.file('docProps/core.xml', coreXml(options.creator ?? 'Phụ lục 57', options.now ?? new Date()));
  zip.file('docProps/app.xml', appXml());
  zip.file('xl/workbook.xml', workbookXml(plans, names));
  zip.file('xl/_rels/workbook.xml.rels', workbookRelsXml(plans.length, projections));
  const projected: Projected[] = [];
  plans.forEach((plan, i) => {
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    const part = zip.part(name);
    const rels = writeSheet(plan, { strings, styles, renamed, first: i === 0 }, part);
    const stamp = part.end();
    if (rels.projection) projected.push({ sheet: names[i] ?? plan.name, stamp: { part: name, ...stamp }, recorder: rels.projection });
    const relsXml = sheetRelsXml(rels);
    if (relsXml) zip.file(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, relsXml);
  });
  const sst = { part: 'xl/sharedStrings.xml', ...zip.file('xl/sharedStrings.xml', strings.xml()) };
  projected.forEach((p, i) => { writeProjection(zip, projectionPart(i + 1), projectionPropsPart(i + 1), p, sst); });
  zip.file('xl/styles.xml', styles.xml());
  zip.end();
  return names;
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
