import { strToU8 } from 'fflate';
import type { Cell, SheetGrid } from '../../../src/core/grid/types';
import { readXlsxFast } from '../../../src/xlsx/fast';
import { buildXlsx, stylesXml } from './build';

/** SpreadsheetML features other writers than exceljs produce, checked against what Excel shows. */

function cell(s: SheetGrid, a1: string): Cell | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(a1);
  const col = [...(m[1] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return s.rows[Number(m[2]) - 1]?.[col - 1];
}

function only(spec: Parameters<typeof buildXlsx>[0]): SheetGrid {
  const s = readXlsxFast(buildXlsx(spec)).grid.sheets[0];
  if (!s) throw new Error('no sheet');
  return s;
}

describe('cell values', () => {
  test('every cell type, shared strings with rich runs, phonetic guides and escapes', () => {
    const s = only({
      sharedStrings: '<si><t>plain</t></si>'
        + '<si><r><rPr><b/></rPr><t>Kết </t></r><r><t xml:space="preserve">quả </t></r><rPh sb="0" eb="1"><t>IGNORED</t></rPh></si>'
        + '<si><t>line_x000D_\nbreak _x005F_x0041_</t></si><si><t></t></si>',
      sheets: [{
        name: 'S', xml: '<sheetData><row r="1">'
          + '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>'
          + '<c r="E1" t="inlineStr"><is><t xml:space="preserve"> a_x0009_b </t></is></c>'
          + '<c r="F1" t="inlineStr"><is><r><t>x</t></r><r><t>y</t></r></is></c>'
          + '<c r="G1" t="b"><v>1</v></c><c r="H1" t="b"><v>0</v></c><c r="I1" t="e"><v>#DIV/0!</v></c>'
          + '<c r="J1"><v>72.5</v></c><c r="K1" t="n"><v>-1E-3</v></c><c r="L1" t="str"><v>a &amp; b</v></c>'
          + '<c r="M1" t="d"><v>2026-04-24T00:00:00Z</v></c><c r="N1" s="0"/><c r="O1"><v></v></c>'
          + '</row></sheetData>',
      }],
    });
    expect(cell(s, 'A1')?.v).toEqual({ t: 's', s: 'plain' });
    expect(cell(s, 'B1')?.v).toEqual({ t: 's', s: 'Kết quả ' });
    expect(cell(s, 'C1')?.v).toEqual({ t: 's', s: 'line\r\nbreak _x0041_' });
    expect(cell(s, 'D1')).toBeUndefined();
    expect(cell(s, 'E1')?.v).toEqual({ t: 's', s: ' a\tb ' });
    expect(cell(s, 'F1')?.v).toEqual({ t: 's', s: 'xy' });
    expect(cell(s, 'G1')?.v).toEqual({ t: 'b', b: true });
    expect(cell(s, 'H1')?.v).toEqual({ t: 'b', b: false });
    expect(cell(s, 'I1')?.v).toEqual({ t: 'e', e: '#DIV/0!' });
    expect(cell(s, 'J1')?.v).toEqual({ t: 'n', n: 72.5 });
    expect(cell(s, 'K1')?.v).toEqual({ t: 'n', n: -0.001 });
    expect(cell(s, 'L1')?.v).toEqual({ t: 's', s: 'a & b' });
    // 2026-04-24 is serial 46136.
    expect(cell(s, 'M1')?.v).toEqual({ t: 'n', n: 46136 });
    expect(cell(s, 'N1')).toBeUndefined();
    expect(cell(s, 'O1')).toBeUndefined();
    expect(s.colCount).toBe(13);
  });

  test('formulas: cached results of each type, uncalculated formulas, shared formulas expanded per cell', () => {
    const s = only({
      sheets: [{
        name: 'S', xml: '<sheetData>'
          + '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f t="shared" ref="B2:C4" si="0">A2*2+$A$1+SUM(A$2:A2)&amp;"A2"</f><v>2</v></c>'
          + '<c r="C2"><f t="shared" si="0"/><v>3</v></c><c r="D2" t="str"><f>"x"&amp;A2</f><v>x1</v></c></row>'
          + '<row r="3"><c r="B3"><f t="shared" si="0"/><v>4</v></c><c r="C3"><f t="shared" si="0"/></c>'
          + '<c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E3" t="b"><f>TRUE()</f><v>1</v></c></row>'
          + '<row r="4"><c r="B4"><f t="shared" si="0"/><v>0</v></c><c r="D4"><f t="shared" ref="D4:D5" si="1">LOG10(D3)+\'Sổ 2\'!A1+Sheet2!B$1+A:A+2:2</f><v>1</v></c></row>'
          + '<row r="5"><c r="D5"><f t="shared" si="1"/><v>1</v></c><c r="E5"><f t="array" ref="E5">SUM(A1:A3*2)</f><v>6</v></c></row>'
          + '</sheetData>',
      }],
    });
    expect(cell(s, 'B2')).toEqual({ v: { t: 'n', n: 2 }, f: 'A2*2+$A$1+SUM(A$2:A2)&"A2"' });
    expect(cell(s, 'C2')).toEqual({ v: { t: 'n', n: 3 }, f: 'B2*2+$A$1+SUM(B$2:B2)&"A2"' });
    expect(cell(s, 'B3')?.f).toBe('A3*2+$A$1+SUM(A$2:A3)&"A2"');
    expect(cell(s, 'C3')).toEqual({ v: { t: 's', s: '' }, f: 'B3*2+$A$1+SUM(B$2:B3)&"A2"' });
    expect(cell(s, 'B4')).toEqual({ v: { t: 'n', n: 0 }, f: 'A4*2+$A$1+SUM(A$2:A4)&"A2"' });
    expect(cell(s, 'D2')).toEqual({ v: { t: 's', s: 'x1' }, f: '"x"&A2' });
    expect(cell(s, 'D3')?.v).toEqual({ t: 'e', e: '#DIV/0!' });
    expect(cell(s, 'E3')?.v).toEqual({ t: 'b', b: true });
    expect(cell(s, 'D5')?.f).toBe('LOG10(D4)+\'Sổ 2\'!A2+Sheet2!B$1+A:A+3:3');
    expect(cell(s, 'E5')?.f).toBe('SUM(A1:A3*2)');
  });

  test('cells and rows without r attributes follow on from the previous ones', () => {
    const s = only({
      sheets: [{ name: 'S', xml: '<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row r="3"><c r="B3"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row></sheetData>' }],
    });
    expect([cell(s, 'A1'), cell(s, 'B1'), cell(s, 'B3'), cell(s, 'C3'), cell(s, 'A4')].map(c => c?.v)).toEqual(
      [1, 2, 3, 4, 5].map(n => ({ t: 'n', n })));
    expect([s.rowCount, s.colCount]).toEqual([4, 3]);
  });
});

describe('styles', () => {
  const styles = stylesXml(['.VnTime', 'Times New Roman', 'VNI-Times'], { 164: '0.0\\%', 165: '#,##0" đ"', 166: 'dd/mm/yyyy' },
    [[0, 0], [9, 1], [10, 2], [14, 1], [164, 1], [165, 1], [166, 0], [0, 7]]);
  const sheet = (wbPr = '') => only({
    styles, workbookPr: wbPr,
    sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"><v>0.725</v></c><c r="C1" s="2"><v>0.5</v></c>'
      + '<c r="D1" s="3"><v>46136.5</v></c><c r="E1" s="4"><v>72.5</v></c><c r="F1" s="5"><v>5</v></c><c r="G1" s="6"><v>0</v></c>'
      + '<c r="H1" s="7"><v>1</v></c><c r="I1" s="99"><v>1</v></c></row></sheetData>' }],
  });

  test('number format codes (built-in and custom, escapes kept) and font names per style; dxf fonts ignored', () => {
    const s = sheet();
    expect(cell(s, 'A1')).toEqual({ v: { t: 'n', n: 1 }, font: '.VnTime' });
    expect(cell(s, 'B1')).toEqual({ v: { t: 'n', n: 0.725 }, fmt: '0%', font: 'Times New Roman' });
    expect(cell(s, 'C1')).toEqual({ v: { t: 'n', n: 0.5 }, fmt: '0.00%', font: 'VNI-Times' });
    expect(cell(s, 'D1')).toEqual({ v: { t: 'n', n: 46136.5 }, fmt: 'mm-dd-yy', font: 'Times New Roman' });
    expect(cell(s, 'E1')?.fmt).toBe('0.0\\%');
    expect(cell(s, 'F1')?.fmt).toBe('#,##0" đ"');
    // A font index past the list, or a style index past cellXfs: no font, no format, no crash.
    expect(cell(s, 'H1')).toEqual({ v: { t: 'n', n: 1 } });
    expect(cell(s, 'I1')).toEqual({ v: { t: 'n', n: 1 } });
  });

  test('an mc:AlternateContent is one entry of its list, read through its fallback (ECMA-376 Part 3, 10.2)', () => {
    const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:hs="urn:x-extension"';
    const alt = (choice: string, fallback: string) => `<mc:AlternateContent ${MC}><mc:Choice Requires="hs">${choice}</mc:Choice><mc:Fallback>${fallback}</mc:Fallback></mc:AlternateContent>`;
    const s = only({
      styles: '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>'
        + `<fonts count="3"><font><name val="A"/></font>${alt('<font hs:x="1"><name val="B-choice"/></font>', '<font><name val="B"/></font>')}<font><name val="C"/></font></fonts>`
        + '<fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
        + `<cellXfs count="4"><xf fontId="0"/>${alt('<xf numFmtId="9" fontId="2"/>', '<xf numFmtId="164" fontId="1"/>')}<xf numFmtId="10" fontId="2"/><xf numFmtId="164" fontId="2"/></cellXfs>`,
      sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="2"><v>2</v></c><c r="C1" s="3"><v>3</v></c></row></sheetData>' }],
    });
    expect(cell(s, 'A1')).toEqual({ v: { t: 'n', n: 1 }, fmt: '0.0', font: 'B' });
    expect(cell(s, 'B1')).toEqual({ v: { t: 'n', n: 2 }, fmt: '0.00%', font: 'C' });
    expect(cell(s, 'C1')).toEqual({ v: { t: 'n', n: 3 }, fmt: '0.0', font: 'C' });
  });

  test('date-formatted numbers of a 1904 workbook move to the 1900 system', () => {
    expect(cell(sheet('<workbookPr date1904="1"/>'), 'G1')?.v).toEqual({ t: 'n', n: 1462 });
    expect(cell(sheet(), 'G1')?.v).toEqual({ t: 'n', n: 0 });
  });
});

describe('workbook structure', () => {
  test('sheet order, hidden and very hidden sheets, protection, chart sheets skipped', () => {
    const g = readXlsxFast(buildXlsx({
      sheets: [
        { name: 'Một & hai', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><sheetProtection sheet="1" objects="1"/>' },
        { name: 'H', state: 'hidden', xml: '<sheetData/>' },
        { name: 'V', state: 'veryHidden', xml: '<sheetData/><sheetProtection sheet="0"/>' },
      ],
      extraSheets: [{ name: 'Chart', type: 'chartsheet', target: 'chartsheets/sheet1.xml' }],
    })).grid;
    expect(g.sheets.map(s => [s.name, s.hidden ?? false, s.protected ?? false, s.rowCount])).toEqual([
      ['Một & hai', false, true, 1], ['H', true, false, 0], ['V', true, false, 0],
    ]);
  });

  test('merged areas: only the top-left cell keeps a value; reversed and overlapping refs do not break reading', () => {
    const s = only({
      sheets: [{
        name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>'
          + '<row r="2"><c r="A2"><v>4</v></c><c r="B2"><v>5</v></c></row></sheetData>'
          + '<mergeCells count="3"><mergeCell ref="B1:A1"/><mergeCell ref="A1:B2"/><mergeCell ref="nonsense"/></mergeCells>',
      }],
    });
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }, { top: 1, left: 1, bottom: 2, right: 2 }]);
    expect([cell(s, 'A1'), cell(s, 'B1'), cell(s, 'C1'), cell(s, 'A2'), cell(s, 'B2')].map(c => c?.v)).toEqual(
      [{ t: 'n', n: 1 }, undefined, { t: 'n', n: 3 }, undefined, undefined]);
    expect(s.rowCount).toBe(1);
  });

  test('namespace prefixes, a workbook at another path, a UTF-16 part', () => {
    const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const utf16 = (s: string) => new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...s].map(c => c.charCodeAt(0))).buffer)]);
    const bytes = buildXlsx({
      sheets: [{ name: 'ignored', xml: '<sheetData/>' }],
      extra: {
        '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/book/main.xml"/></Relationships>',
        'book/main.xml': `<x:workbook ${ns}><x:sheets><x:sheet name="Prefixed" sheetId="1" r:id="s1"/></x:sheets></x:workbook>`,
        'book/_rels/main.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="../data/one.xml"/><Relationship Id="t" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/></Relationships>',
        'data/one.xml': `<x:worksheet ${ns}><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>`,
        'book/strings.xml': utf16('<?xml version="1.0" encoding="UTF-16"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Xã Đại Từ</t></si></sst>'),
      },
    });
    const g = readXlsxFast(bytes).grid;
    expect(g.sheets.map(s => s.name)).toEqual(['Prefixed']);
    expect(g.sheets[0]?.rows[0]?.[0]?.v).toEqual({ t: 's', s: 'Xã Đại Từ' });
    expect(g.sheets[0]?.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
  });

  test('malformed XML is an error, not a partial grid', () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>' }] });
    expect(() => readXlsxFast(bytes)).toThrow(/sheet1\.xml/);
    expect(() => readXlsxFast(buildXlsx({ sheets: [], extra: { 'xl/workbook.xml': strToU8('<workbook') } }))).toThrow();
  });
});
