import fc from 'fast-check';
import { strToU8 } from 'fflate';
import { DEFAULT_LIMITS, type ReadLimits } from '../../../src/xlsx/fast';
import { PartMemo } from '../../../src/xlsx/fast/part-memo';
import { readWorkbook, type ReadResult } from '../../../src/xlsx/read';
import { buildXlsx, rawZip, stylesXml } from './build';

/** Small parts reused across workbooks by their bytes (src/xlsx/fast/part-memo.ts): the same grids, errors and limits. */

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const sheet = (value: string) => `<sheetData><row r="1"><c r="A1" s="1" t="inlineStr"><is><t>${value}</t></is></c><c r="B1" s="1"><v>0.5</v></c></row></sheetData>`;

function template(value: string, font = 'Times New Roman'): Uint8Array {
  return buildXlsx({ sheets: [{ name: 'Phụ lục', xml: sheet(value) }], styles: stylesXml(['Calibri', font], { 164: '0.0%' }, [[0, 0], [164, 1]]) });
}

/**
 * A package of stored parts whose directory says CRC 0 for all of them: parts of the same length then share the memo's
 * key, and only their bytes tell them apart.
 */
function stored(parts: { sheetName: string; target: string; font: string; value: string }): Uint8Array {
  const text = (name: string, s: string) => ({ name, data: strToU8(s), method: 0 as const, size: strToU8(s).length });
  return rawZip([
    text('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    text('xl/workbook.xml', `${HEAD}<workbook ${NS}><sheets><sheet name="${parts.sheetName}" sheetId="1" r:id="s1"/></sheets></workbook>`),
    text('xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s1" Type="${REL}/worksheet" Target="worksheets/${parts.target}"/><Relationship Id="y" Type="${REL}/styles" Target="styles.xml"/></Relationships>`),
    text('xl/styles.xml', `${HEAD}<styleSheet ${NS}>${stylesXml(['Calibri', parts.font], {}, [[0, 0], [0, 1]])}</styleSheet>`),
    text('xl/worksheets/sheet1.xml', `${HEAD}<worksheet ${NS}>${sheet(`${parts.value} one`)}</worksheet>`),
    text('xl/worksheets/sheet2.xml', `${HEAD}<worksheet ${NS}>${sheet(`${parts.value} two`)}</worksheet>`),
  ]);
}

const read = (bytes: Uint8Array, memo?: PartMemo, limits: ReadLimits = DEFAULT_LIMITS): Promise<ReadResult> =>
  readWorkbook(bytes, { limits, ...(memo ? { memo } : {}) });

describe('part memo', () => {
  test('files of one template: the second reuses the first one\'s relationships, workbook and styles, and reads the same', async () => {
    const memo = new PartMemo();
    const first = template('Xã Phúc Lương');
    const second = template('Xã Vũ Hòa');
    expect(await read(first, memo)).toEqual(await read(first));
    expect(memo.hits).toBe(0);
    const r = await read(second, memo);
    // _rels/.rels, xl/_rels/workbook.xml.rels, xl/workbook.xml and xl/styles.xml.
    expect(memo.hits).toBe(4);
    expect(r).toEqual(await read(second));
    expect(r.ok && r.grid.sheets[0]?.rows[0]).toMatchObject([{ v: { t: 's', s: 'Xã Vũ Hòa' }, font: 'Times New Roman' }, { v: { t: 'n', n: 0.5 }, fmt: '0.0%' }]);
  });

  test('parts with the same name, size and declared CRC but other bytes are read for what they say', async () => {
    const memo = new PartMemo();
    const a = stored({ sheetName: 'Sheet1', target: 'sheet1.xml', font: 'Arial', value: 'a' });
    const b = stored({ sheetName: 'Sheet2', target: 'sheet2.xml', font: 'Arian', value: 'b' });
    await read(a, memo);
    const r = await read(b, memo);
    expect(memo.hits).toBe(1); // only _rels/.rels is the same
    expect(r).toEqual(await read(b));
    if (!r.ok) throw new Error(r.error);
    expect(r.grid.sheets.map(s => s.name)).toEqual(['Sheet2']);
    expect(r.grid.sheets[0]?.rows[0]?.[0]).toMatchObject({ v: { t: 's', s: 'b two' }, font: 'Arian' });
  });

  test('a damaged part is not remembered: it fails each time as without the memo', async () => {
    const memo = new PartMemo();
    const broken = buildXlsx({ sheets: [{ name: 'S', xml: sheet('x') }], extra: { 'xl/workbook.xml': `${HEAD}<workbook ${NS}><sheets><sheet name="S"` } });
    const alone = await read(broken);
    expect(alone.ok).toBe(false);
    expect(await read(broken, memo)).toEqual(alone);
    expect(await read(broken, memo)).toEqual(alone);
    expect(memo.hits).toBe(2); // the two relationships parts, on the third read
  });

  test('a reused part charges the read budget as reading it did: every limit gives the same result', async () => {
    const memo = new PartMemo();
    const first = template('Xã Phúc Lương');
    const second = template('Xã Vũ Hòa');
    await read(first, memo);
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: 6000 }), fc.integer({ min: 0, max: 6000 }), async (maxInflatedBytes, maxParsedBytes) => {
      const limits: ReadLimits = { ...DEFAULT_LIMITS, maxInflatedBytes, maxParsedBytes, maxParsedTotalBytes: maxParsedBytes * 2 };
      expect(await read(second, memo, limits)).toEqual(await read(second, undefined, limits));
    }), { numRuns: 150 });
    expect(memo.hits).toBeGreaterThan(0);
  });

  test('hundreds of unlike workbooks: the memo stays within a few megabytes and reads them as without it', async () => {
    const memo = new PartMemo();
    // Styles parts of ~40 KB each, all different: 400 of them would be 16 MB if all were kept.
    const fonts = (k: number) => Array.from({ length: 600 }, (_, i) => `Font ${k}-${i * 7919 % 1000}`);
    let largest = 0;
    for (let k = 0; k < 400; k++) {
      const bytes = buildXlsx({ sheets: [{ name: 'S', xml: sheet(`x${k}`) }], styles: stylesXml(fonts(k), {}, [[0, 0], [0, k % 600]]) });
      const r = await read(bytes, memo);
      if (k % 50 === 0) expect(r).toEqual(await read(bytes));
      largest = Math.max(largest, memo.keptBytes);
    }
    expect(largest).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(largest).toBeGreaterThan(1024 * 1024);
  });
});
