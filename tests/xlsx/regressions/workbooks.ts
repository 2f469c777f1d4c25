import { strToU8, unzipSync, zipSync } from 'fflate';
import { buildXlsx, stylesXml } from '../fast/build';

/**
 * Small workbooks of our own making, one per defect of issue 12 (found by reading public test suites; nothing is
 * copied from them). Built at test time by tests/xlsx/regressions.test.ts, and written to a folder for the corpus
 * runner by `npm run bench:corpus -- --write-regressions <folder>`.
 */

const X15 = 'http://schemas.microsoft.com/office/spreadsheetml/2010/11/main';

function rows(n: number, cell: (r: number) => string): string {
  return Array.from({ length: n }, (_, i) => `<row r="${i + 1}">${cell(i + 1)}</row>`).join('');
}

/** (1) 12,000 cells share one shared string of about 1 MB: Latin-1 text with "·" and "£", so the encoding check weighs it. */
export function sharedHugeString(cells = 12_000, bytes = 1024 * 1024): Uint8Array {
  const unit = 'Données brutes · £m · ';
  const text = unit.repeat(Math.ceil(bytes / unit.length));
  return buildXlsx({
    sheets: [{ name: 'Data', xml: `<sheetData>${rows(cells, r => `<c r="A${r}" t="s"><v>0</v></c><c r="B${r}"><v>${r}</v></c>`)}</sheetData>` }],
    sharedStrings: `<si><t>${text}</t></si>`,
  }, 6);
}

/**
 * (2) A first sheet of `bigRows` rows (about 60 bytes of XML each: 1,000,000 rows are 57 MB, past the 32 MB per-sheet
 * budget) and a small second sheet that must still be read whole.
 */
export function bigFirstSheet(bigRows = 1_000_000): Uint8Array {
  const big = rows(bigRows, r => `<c r="A${r}"><v>${r}</v></c><c r="B${r}" t="s"><v>0</v></c>`);
  return buildXlsx({
    sheets: [
      { name: 'Lớn', xml: `<sheetData>${big}</sheetData>` },
      { name: 'Nhỏ', xml: `<sheetData>${rows(100, r => `<c r="A${r}" t="s"><v>1</v></c><c r="B${r}"><v>${r * 2}</v></c>`)}</sheetData>` },
    ],
    sharedStrings: '<si><t>x</t></si><si><t>Chỉ tiêu</t></si>',
  }, 1);
}

/** (3) A French workbook in Calibri: "Données" in 651 cells, "£m" headers, "·" bullets. */
export function frenchWorkbook(): Uint8Array {
  const strings = ['Données', 'Résultat attendu', 'Revenue (£m)', '£m', '· Première étape', '· Deuxième étape', 'Quantité livrée', 'Année précédente'];
  const body = rows(651, r => `<c r="A${r}" t="s" s="1"><v>0</v></c><c r="B${r}" t="s" s="1"><v>${1 + (r % 7)}</v></c><c r="C${r}"><v>${r}</v></c>`);
  return buildXlsx({
    sheets: [{ name: 'Feuil1', xml: `<sheetData>${body}</sheetData>` }],
    sharedStrings: strings.map(s => `<si><t>${s}</t></si>`).join(''),
    styles: stylesXml(['Calibri', 'Calibri'], {}, [[0, 0], [0, 1]]),
  });
}

/**
 * (4) A 1904 workbook whose <x15:workbookPr> extension follows the main <workbookPr date1904="1">: a date, a
 * [hh]:mm:ss duration, a time of day, and t="d" cells holding an ISO date and an ISO time.
 */
export function dates1904(): Uint8Array {
  const body = '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43000</v></c></row>'
    + '<row r="2"><c r="A2" s="2"><v>1.5</v></c><c r="B2" s="3"><v>0.25</v></c></row>'
    + '<row r="3"><c r="A3" t="d"><v>10:10:10</v></c><c r="B3" t="d"><v>2024-03-01</v></c><c r="C3" t="d"><v>2024-03-01T06:00:00</v></c></row>';
  return buildXlsx({
    sheets: [{ name: 'Dates', xml: `<sheetData>${body}</sheetData>` }],
    workbookPr: '<workbookPr date1904="1" defaultThemeVersion="124226"/>',
    workbookTail: `<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="${X15}"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst>`,
    styles: stylesXml(['Calibri'], { 164: '[hh]:mm:ss' }, [[0, 0], [14, 0], [164, 0], [20, 0]]),
  });
}

/** (5) Inline strings holding escapes: "_x005F_x0000_" is the text "_x0000_", "_x000D_" a carriage return. */
export function inlineEscapes(): Uint8Array {
  const body = '<row r="1"><c r="A1" t="inlineStr"><is><t>_x005F_x0000_</t></is></c>'
    + '<c r="B1" t="inlineStr"><is><t>a_x000D_b</t></is></c>'
    + '<c r="C1" t="inlineStr"><is><r><t>_x005F_</t></r><r><t>x0041_</t></r></is></c>'
    + '<c r="D1" t="s"><v>0</v></c></row>';
  return buildXlsx({ sheets: [{ name: 'S', xml: `<sheetData>${body}</sheetData>` }], sharedStrings: '<si><t>_x005F_x0000_</t></si>' });
}

/** (6a) Two worksheet entries whose names differ only in case: an invalid package. */
export function caseTwins(): Uint8Array {
  const base = buildXlsx({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' }] });
  // Re-zip with a second, different sheet part under the same name in another case.
  const twin = strToU8('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>');
  return zipSync({ ...unzipAll(base), 'xl/worksheets/Sheet1.xml': twin });
}

/** (6b) _rels/.rels is garbage while xl/workbook.xml is intact. */
export function garbageRootRels(): Uint8Array {
  const base = buildXlsx({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData>' }] });
  return zipSync({ ...unzipAll(base), '_rels/.rels': strToU8('\u0000\u0001garbage, not XML at all <<<') });
}

/**
 * (7) What the exceljs fallback used to turn into "[object Object]" or lose: a data-table formula, an empty <si/>,
 * an in-cell picture (#VALUE! with a value-metadata index) under a hyperlink, a number under a hyperlink, and a
 * formula whose cell also has a hyperlink.
 */
export function fallbackOddities(): Uint8Array {
  const body = '<row r="1"><c r="A1"><v>3</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>'
    + '<row r="2"><c r="A2"><f>A1*2</f><v>6</v></c><c r="B2"><f t="dataTable" ref="B2:B3" dt2D="0" dtr="0" r1="A1"/><v>5</v></c>'
    + '<c r="C2" t="e" vm="1"><v>#VALUE!</v></c><c r="D2"><v>2</v></c></row>'
    + '<row r="3"><c r="B3"><v>7</v></c></row>';
  const links = '<hyperlinks><hyperlink ref="A2" r:id="rIdH"/><hyperlink ref="C2" r:id="rIdH"/><hyperlink ref="D2" r:id="rIdH"/></hyperlinks>';
  return buildXlsx({
    sheets: [{ name: 'S', xml: `<sheetData>${body}</sheetData>${links}` }],
    sharedStrings: '<si/><si><t>x</t></si>',
    extra: {
      'xl/worksheets/_rels/sheet1.xml.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + '<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.org/" TargetMode="External"/></Relationships>',
    },
  });
}

function unzipAll(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** Every regression workbook by file name, for writing them to a folder. */
export const REGRESSIONS: Readonly<Record<string, () => Uint8Array>> = {
  '1-shared-huge-string.xlsx': () => sharedHugeString(),
  '2-big-first-sheet.xlsx': () => bigFirstSheet(),
  '3-french.xlsx': frenchWorkbook,
  '4-dates-1904.xlsx': dates1904,
  '5-inline-escapes.xlsx': inlineEscapes,
  '6a-case-twins.xlsx': caseTwins,
  '6b-garbage-root-rels.xlsx': garbageRootRels,
  '7-fallback-oddities.xlsx': fallbackOddities,
};
