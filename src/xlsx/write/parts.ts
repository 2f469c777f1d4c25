/** The package's fixed parts: content types, relationships, the workbook with its sheets and defined names. */
import type { SheetPlan } from '../../core/plan/types';
import { absoluteRef, printTitlesRef, quoteSheet } from '../plan-layout';
import { CUSTOM_XML_REL } from '../projection';
import { esc, XML_HEAD } from './xml';

/** Namespaces and content types the writers share (ECMA-376 Parts 1 and 2). */
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const SML_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const SML_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
export const CUSTOM_XML_PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';

export function contentTypesXml(sheets: number, projections = 0): string {
  const over = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  const sml = SML_TYPE;
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + over('/xl/workbook.xml', `${sml}.sheet.main+xml`)
    + Array.from({ length: sheets }, (_, i) => over(`/xl/worksheets/sheet${i + 1}.xml`, `${sml}.worksheet+xml`)).join('')
    + over('/xl/sharedStrings.xml', `${sml}.sharedStrings+xml`)
    + over('/xl/styles.xml', `${sml}.styles+xml`)
    + over('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml')
    + over('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml')
    + Array.from({ length: projections }, (_, i) => over(`/${projectionPropsPart(i + 1)}`, CUSTOM_XML_PROPS_TYPE)).join('')
    + '</Types>';
}

export function rootRelsXml(): string {
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL}">`
    + `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>`
    + `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>`
    + `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>`
    + '</Relationships>';
}

/** Where a new workbook's `i`-th projection goes (1-based; see ../projection.ts), and its properties part. */
export function projectionPart(i: number): string {
  return `customXml/item${i}.xml`;
}

export function projectionPropsPart(i: number): string {
  return `customXml/itemProps${i}.xml`;
}

/** The workbook's relationships: its sheets, shared strings, styles, and `projections` custom XML parts. */
export function workbookRelsXml(sheets: number, projections = 0): string {
  const rels = Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  rels.push(`<Relationship Id="rId${sheets + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  rels.push(`<Relationship Id="rId${sheets + 2}" Type="${REL}/styles" Target="styles.xml"/>`);
  for (let i = 1; i <= projections; i++) rels.push(`<Relationship Id="rId${sheets + 2 + i}" Type="${CUSTOM_XML_REL}" Target="../${projectionPart(i)}"/>`);
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`;
}

/**
 * Print titles and filter ranges of the plans' sheets as sheet-local defined names; the sheets sit at positions
 * `first`, `first + 1` … of the workbook (0 in a new one).
 */
export function definedNamesXml(plans: readonly SheetPlan[], names: readonly string[], first = 0): string[] {
  const defined: string[] = [];
  plans.forEach((p, i) => {
    const name = names[i] ?? p.name;
    if (p.autoFilter) {
      const ref = absoluteRef(p.autoFilter.replace(/\$/g, ''));
      defined.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${first + i}" hidden="1">${esc(`${quoteSheet(name)}!${ref}`)}</definedName>`);
    }
    const titles = p.print ? printTitlesRef(name, p.print) : null;
    if (titles) defined.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${first + i}">${esc(titles)}</definedName>`);
  });
  return defined;
}

/** The workbook: sheets in plan order, print titles and filter ranges as sheet-local defined names. */
export function workbookXml(plans: readonly SheetPlan[], names: readonly string[]): string {
  const defined = definedNamesXml(plans, names);
  return `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">`
    + '<workbookPr defaultThemeVersion="164011"/>'
    + '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="0"/></bookViews>'
    + `<sheets>${names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>`
    + (defined.length ? `<definedNames>${defined.join('')}</definedNames>` : '')
    + '<calcPr calcId="191029"/>'
    + '</workbook>';
}

export function coreXml(creator: string, now: Date): string {
  const at = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
    + `<dc:creator>${esc(creator)}</dc:creator><cp:lastModifiedBy>${esc(creator)}</cp:lastModifiedBy>`
    + `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>`
    + '</cp:coreProperties>';
}

export function appXml(): string {
  return `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application></Properties>`;
}
