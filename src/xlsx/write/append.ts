/**
 * Sheets added to an existing workbook without loading it: every part of the file is copied as stored (not even
 * inflated) but five, which gain entries where their lists end — the workbook (sheets, defined names), its
 * relationships, the content types, the styles (fonts, fills, number formats and cell formats numbered after the
 * file's own) and the shared strings (ours numbered after the file's). The new sheets are written by writeSheet, as in
 * a new workbook; a cell without a style of ours takes the workbook's default font, as a sheet added in Excel does.
 * docProps/app.xml is copied too: its list of sheet titles stays consistent in itself but goes stale until Excel's
 * next save, as with other writers that add sheets (https://github.com/JuliaData/XLSX.jl/issues/428); Excel repairs
 * an app.xml whose counts contradict each other (https://github.com/troldal/OpenXLSX/issues/220), not a stale one.
 * Loading a national rollup with exceljs to add four sheets took 49 s and 3.2 GB (3,321 communes,
 * measured); this reads 5 parts and copies the rest.
 */
import type { SheetPlan } from '../../core/plan/types';
import { relsPath } from '../fast/workbook';
import { compressedData } from '../fast/zip';
import { renamedSheets, sheetNames } from './index';
import { CUSTOM_XML_REL } from '../projection';
import { writeProjection, type Projected } from './projection';
import { listAt, type ExistingPackage, type ExistingPart } from './existing';
import { CUSTOM_XML_PROPS_TYPE, definedNamesXml, REL, SML_TYPE } from './parts';
import { sheetRelsXml, writeSheet } from './sheet';
import { SharedStrings } from './strings';
import { StyleTable } from './styles';
import { esc, XML_HEAD } from './xml';
import { ZipWriter, type SegmentDeflate, type Sink } from './zip';


export interface AppendOptions {
  readonly level?: 0 | 1 | 6 | 9;
  readonly deflate?: SegmentDeflate;
}

interface Edit { readonly from: number; readonly to: number; readonly insert: string }

/** `text` with the edits applied (ranges of the original text, none overlapping). */
function edited(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.from) + e.insert;
    at = e.to;
  }
  return out + text.slice(at);
}

/** Our markup with the part's prefix on every element ("x:" when the part is written so; attributes keep theirs). */
function prefixed(xml: string, prefix: string): string {
  return prefix === '' ? xml : xml.replace(/<(\/?)(?=[A-Za-z])/g, `<$1${prefix}`);
}

type Counts = Readonly<Record<string, (old: number | null) => number | null>>;

/**
 * Our `items` added at the end of the part's first `local` element (an empty one, `<definedNames/>`, opened up), with
 * the attributes of its start tag updated. The reader has checked the element is there.
 */
function addTo(part: ExistingPart, local: string, items: string, counts: Counts = {}): Edit[] {
  const at = listAt(part, local);
  if (!at) throw new Error(`${part.name}: no ${local}`);
  const inserted = prefixed(items, part.prefix);
  const tag = withAttributes(at.tag, counts);
  if (at.close === null) {
    const open = tag.replace(/\s*\/>$/, '>');
    return [{ from: at.start, to: at.start + at.tag.length, insert: `${open}${inserted}</${part.prefix}${local}>` }];
  }
  return [{ from: at.start, to: at.start + at.tag.length, insert: tag }, { from: at.close, to: at.close, insert: inserted }];
}

/** Where the first `local` element ends (after its closing tag, or its empty tag); -1 when there is none. */
function endOf(part: ExistingPart, local: string): number {
  const at = listAt(part, local);
  if (!at) return -1;
  return at.close === null ? at.start + at.tag.length : at.close + `</${part.prefix}${local}>`.length;
}

/** A start tag with attributes set (added when absent, removed for null). */
function withAttributes(start: string, set: Counts): string {
  let tag = start;
  for (const [attr, value] of Object.entries(set)) {
    const current = new RegExp(`\\s${attr}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
    const next = value(current ? Number(current[1] ?? current[2]) : null);
    if (current) tag = tag.replace(current[0], next === null ? '' : ` ${attr}="${next}"`);
    else if (next !== null) tag = tag.replace(/\s*(\/?)>$/, ` ${attr}="${next}"$1>`);
  }
  return tag;
}

/**
 * The first name of the form `${stem}${n}${ext}` (n from 1) that is free, compared case-insensitively, along with the
 * relationships part it would have: a package may hold a stale `_rels` entry or content-type override of a part it no
 * longer has, and a second entry or override of one name makes the package invalid.
 */
function freePart(taken: Set<string>, stem: string, ext: string): string {
  for (let n = 1; ; n++) {
    const name = `${stem}${n}${ext}`;
    const rels = relsPath(name);
    if (!taken.has(name.toLowerCase()) && !taken.has(rels.toLowerCase())) {
      taken.add(name.toLowerCase());
      taken.add(rels.toLowerCase());
      return name;
    }
  }
}

/** Writes the existing workbook with one sheet per plan added after its own; returns the new sheets' names. */
export function appendWorkbook(pkg: ExistingPackage, plans: readonly SheetPlan[], sink: Sink, options: AppendOptions = {}): string[] {
  const names = sheetNames(plans, pkg.workbook.sheetNames);
  const renamed = renamedSheets(plans, names);

  const wbPath = pkg.workbook.name;
  const folder = wbPath.slice(0, wbPath.lastIndexOf('/') + 1);
  const partNames = new Set([...pkg.entries.map(e => e.name.toLowerCase()), ...pkg.contentTypes.overrides]);
  const sheetParts = plans.map(() => freePart(partNames, `${folder}worksheets/sheet`, '.xml'));
  let nextRel = 1;
  const freeRel = (): string => {
    while (pkg.rels.ids.has(`rId${nextRel}`)) nextRel++;
    return `rId${nextRel++}`;
  };
  const sheetRels = plans.map(() => freeRel());
  // A new table where Excel puts it when that name is free: some readers (exceljs) look nowhere else.
  const usual = `${folder}sharedStrings.xml`;
  const stringsPart = pkg.sharedStrings?.name ?? (partNames.has(usual.toLowerCase()) ? freePart(partNames, `${folder}sharedStrings`, '.xml') : usual);

  const zip = new ZipWriter(sink, options.level ?? 1, options.deflate);
  const rewritten = new Set([pkg.contentTypes.name, wbPath, pkg.rels.name, pkg.styles.name, ...(pkg.sharedStrings ? [pkg.sharedStrings.name] : [])]);
  for (const e of pkg.entries) {
    if (rewritten.has(e.name)) continue;
    zip.stored(e.name, { method: e.method, crc: e.crc, size: e.size, data: compressedData(pkg.bytes, e) });
  }

  const strings = new SharedStrings(pkg.sharedStrings?.items ?? 0);
  const styles = new StyleTable(pkg.styles.base);
  const relsParts: string[] = [];
  const projected: Projected[] = [];
  plans.forEach((plan, i) => {
    const name = sheetParts[i] as string;
    const part = zip.part(name);
    const rels = writeSheet(plan, { strings, styles, renamed, first: false }, part);
    const stamp = part.end();
    if (rels.projection) projected.push({ sheet: names[i] ?? plan.name, stamp: { part: name, ...stamp }, recorder: rels.projection });
    const relsXml = sheetRelsXml(rels);
    if (relsXml) {
      const relsName = relsPath(name);
      zip.file(relsName, relsXml);
      relsParts.push(relsName);
    }
  });

  const relative = (part: string) => part.slice(folder.length);
  // Custom XML parts sit at the package's root, as Excel puts them: reached from the workbook's folder by "../".
  const fromFolder = (part: string) => '../'.repeat(folder.split('/').length - 1) + part;
  const projectionParts = projected.map(() => freePart(partNames, 'customXml/item', '.xml'));
  const propsParts = projected.map(() => freePart(partNames, 'customXml/itemProps', '.xml'));
  const newStrings = pkg.sharedStrings === null;
  zip.file(wbPath, workbookXml(pkg, plans, names, sheetRels));
  zip.file(pkg.rels.name, edited(pkg.rels.text, addTo(pkg.rels, 'Relationships',
    sheetRels.map((id, i) => `<Relationship Id="${id}" Type="${REL}/worksheet" Target="${esc(relative(sheetParts[i] as string))}"/>`).join('')
    + (newStrings ? `<Relationship Id="${freeRel()}" Type="${REL}/sharedStrings" Target="${esc(relative(stringsPart))}"/>` : '')
    + projectionParts.map(p => `<Relationship Id="${freeRel()}" Type="${CUSTOM_XML_REL}" Target="${esc(fromFolder(p))}"/>`).join(''))));
  const override = (part: string, type: string) => `<Override PartName="/${esc(part)}" ContentType="${type}"/>`;
  zip.file(pkg.contentTypes.name, edited(pkg.contentTypes.text, addTo(pkg.contentTypes, 'Types',
    sheetParts.map(p => override(p, `${SML_TYPE}.worksheet+xml`)).join('')
    + (newStrings ? override(stringsPart, `${SML_TYPE}.sharedStrings+xml`) : '')
    + (pkg.contentTypes.relsDefault ? '' : relsParts.map(p => override(p, 'application/vnd.openxmlformats-package.relationships+xml')).join(''))
    // An override whatever the package's defaults say of ".xml": the Custom XML Data Storage part is application/xml.
    + projectionParts.map(p => override(p, 'application/xml')).join('')
    + propsParts.map(p => override(p, CUSTOM_XML_PROPS_TYPE)).join('')
    + (pkg.contentTypes.relsDefault ? '' : projectionParts.map(p => override(relsPath(p), 'application/vnd.openxmlformats-package.relationships+xml')).join('')))));
  zip.file(pkg.styles.name, stylesXml(pkg.styles, styles));
  const sst = { part: stringsPart, ...zip.file(stringsPart, sharedStringsXml(pkg.sharedStrings, strings)) };
  projected.forEach((p, i) => { writeProjection(zip, projectionParts[i] as string, propsParts[i] as string, p, sst); });
  zip.end();
  return names;
}

function workbookXml(pkg: ExistingPackage, plans: readonly SheetPlan[], names: readonly string[], rels: readonly string[]): string {
  const wb = pkg.workbook;
  // A workbook that binds the relationships namespace on each <sheet> instead of its root gets ours bound the same way.
  const rel = wb.relPrefix === null ? `xmlns:r="${REL}" r` : wb.relPrefix;
  const sheets = names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${wb.maxSheetId + i + 1}" ${rel}:id="${rels[i] ?? ''}"/>`).join('');
  const defined = definedNamesXml(plans, names, wb.sheetNames.length).join('');
  const edits: Edit[] = addTo(wb, 'sheets', sheets);
  if (defined !== '') {
    if (wb.definedNames) edits.push(...addTo(wb, 'definedNames', defined));
    else {
      // In the schema's order defined names follow the sheets, function groups and external references.
      const at = Math.max(endOf(wb, 'sheets'), endOf(wb, 'functionGroups'), endOf(wb, 'externalReferences'));
      edits.push({ from: at, to: at, insert: prefixed(`<definedNames>${defined}</definedNames>`, wb.prefix) });
    }
  }
  return edited(wb.text, edits);
}

function stylesXml(part: ExistingPackage['styles'], table: StyleTable): string {
  const add = table.additions();
  const text = part.text;
  const edits: Edit[] = [];
  const list = (name: string, items: readonly string[]): void => {
    if (items.length > 0) edits.push(...addTo(part, name, items.join(''), { count: old => (old === null ? null : old + items.length) }));
  };
  if (add.numFmts.length > 0 && !part.numFmts) {
    // <numFmts> comes first in a styles part: right after the root's start tag.
    const root = new RegExp(`<${part.prefix}styleSheet(?=[\\s>])[^>]*>`).exec(text);
    const at = root ? root.index + root[0].length : 0;
    edits.push({ from: at, to: at, insert: prefixed(`<numFmts count="${add.numFmts.length}">${add.numFmts.join('')}</numFmts>`, part.prefix) });
  } else list('numFmts', add.numFmts);
  list('fonts', add.fonts);
  list('fills', add.fills);
  list('cellXfs', add.xfs);
  return edited(text, edits);
}

/** The file's table with ours after it, in pieces (a national rollup's table is megabytes). */
function* sharedStringsXml(existing: (ExistingPart & { items: number; closed: boolean }) | null, strings: SharedStrings): Generator<string> {
  if (existing === null || !existing.closed) {
    yield `${XML_HEAD}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.references}" uniqueCount="${(existing?.items ?? 0) + strings.size}">`;
    yield* strings.items();
    yield '</sst>';
    return;
  }
  const text = existing.text;
  const p = existing.prefix;
  const at = listAt(existing, 'sst');
  if (!at || at.close === null) throw new Error(`${existing.name}: no ${p}sst`);
  const tag = withAttributes(at.tag, {
    count: old => (old === null ? null : old + strings.references),
    uniqueCount: () => existing.items + strings.size,
  });
  const PIECE = 1 << 16;
  yield text.slice(0, at.start);
  yield tag;
  for (let i = at.start + at.tag.length; i < at.close; i += PIECE) yield text.slice(i, Math.min(at.close, i + PIECE));
  for (const item of strings.items()) yield prefixed(item, p);
  yield text.slice(at.close);
}
