/**
 * The fake's own behaviours, each as Microsoft documents it or the office-js tracker reports it (links in
 * fake-excel.ts). These pin the fake so the adapter tests stand on Excel's behaviour, not on ours.
 */
import { FakeExcel } from './fake-excel';
import { ALL_PROFILES, EXCEL_2016, EXCEL_2019, EXCEL_WEB, MICROSOFT_365 } from './host-profiles';

const run = <T>(fake: FakeExcel, batch: (c: Excel.RequestContext) => Promise<T>, options: Excel.RunOptions = {}): Promise<T> => fake.env().run(options, batch);

describe('the fake Excel', () => {
  it('gives worksheets new, positional ids after reopening (office-js-docs #297)', async () => {
    const fake = new FakeExcel();
    fake.addSheet('A');
    fake.addSheet('B');
    const before = fake.sheets.map(s => s.id);
    fake.moveSheet('B', 0);
    fake.reopen();
    expect(fake.sheets.map(s => s.id)).toEqual(['{00000000-0001-0000-0000-000000000000}', '{00000000-0001-0000-0001-000000000000}']);
    expect(fake.sheets.map(s => s.id)).not.toEqual(before);
  });

  it('tells no fill from white only through tintAndShade (office-js #4900)', async () => {
    const fake = new FakeExcel({ profile: MICROSOFT_365 });
    fake.addSheet('S').put({ A2: { fill: '#FFFFFF' }, A3: { fill: '#4472C4', tint: 0.4 } });
    const props = await run(fake, async c => {
      const r = c.workbook.worksheets.getItem('S').getRange('A1:A3').getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
      await c.sync();
      return r.value.map(row => row[0]?.format?.fill);
    });
    expect(props).toEqual([
      { color: '#FFFFFF', pattern: null, tintAndShade: null },
      { color: '#FFFFFF', pattern: null, tintAndShade: 0 },
      { color: '#4472C4', pattern: null, tintAndShade: 0.4 },
    ]);
  });

  it('reads a range-level format as null when its cells differ (RangeFill.color)', async () => {
    const fake = new FakeExcel();
    fake.addSheet('S').put({ A1: { fill: '#FF0000' }, A2: { fill: '#FF0000' }, A3: { fill: '#00FF00' } });
    const [same, mixed] = await run(fake, async c => {
      const ws = c.workbook.worksheets.getItem('S');
      const a = ws.getRange('A1:A2').format.fill;
      const b = ws.getRange('A1:A3').format.fill;
      a.load('color');
      b.load('color');
      await c.sync();
      return [a.color, b.color];
    });
    expect(same).toBe('#FF0000');
    expect(mixed).toBeNull();
  });

  it('refuses format changes on a protected sheet at sync; refuses activating or selecting on a hidden one', async () => {
    const fake = new FakeExcel();
    fake.addSheet('P').protected = true;
    fake.addSheet('H').visibility = 'Hidden';
    await expect(run(fake, async c => {
      c.workbook.worksheets.getItem('P').getRange('A1').format.fill.color = '#FF0000';
      await c.sync();
    })).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(fake.sheet('P').get(1, 1)?.fill).toBeUndefined();
    await expect(run(fake, async c => { c.workbook.worksheets.getItem('H').activate(); await c.sync(); })).rejects.toMatchObject({ code: 'InvalidOperation' });
    await expect(run(fake, async c => { c.workbook.worksheets.getItem('H').getRange('A1').select(); await c.sync(); })).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('fails getActiveWorksheet when a chart sheet is the active tab (office-js #2444)', async () => {
    const fake = new FakeExcel();
    fake.addSheet('S');
    fake.addChartSheet('Chart1', true);
    await expect(run(fake, async c => {
      const ws = c.workbook.worksheets.getActiveWorksheet();
      ws.load('name');
      await c.sync();
    })).rejects.toMatchObject({ code: 'GeneralException' });
  });

  it('fails a batch during cell edit unless delayForCellEdit is asked for and supported (ExcelApi 1.11)', async () => {
    for (const profile of [EXCEL_2019, MICROSOFT_365]) {
      const fake = new FakeExcel({ profile });
      fake.addSheet('S');
      fake.startCellEdit();
      const plain = run(fake, async c => { c.workbook.worksheets.load('items/name'); await c.sync(); });
      await expect(plain).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
      const delayed = run(fake, async c => { c.workbook.worksheets.load('items/name'); await c.sync(); return 'done'; }, { delayForCellEdit: true });
      if (profile === EXCEL_2019) await expect(delayed).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
      else {
        setTimeout(() => fake.endCellEdit(), 5);
        await expect(delayed).resolves.toBe('done');
      }
    }
  });

  it('limits requests and responses to 5 MB on the web only, and gets to five million cells on desktop', async () => {
    const big = 'x'.repeat(5_100_000);
    for (const profile of [EXCEL_WEB, MICROSOFT_365]) {
      const fake = new FakeExcel({ profile });
      fake.addSheet('S');
      const write = run(fake, async c => { c.workbook.worksheets.getItem('S').getRange('A1').values = [[big]]; await c.sync(); });
      if (profile === EXCEL_WEB) await expect(write).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
      else await expect(write).resolves.toBeUndefined();
    }
    const desktop = new FakeExcel({ profile: MICROSOFT_365, cellLimit: 100 });
    desktop.addSheet('S');
    await expect(run(desktop, async c => { const r = c.workbook.worksheets.getItem('S').getRange('A1:J11'); r.load('values'); await c.sync(); })).rejects.toMatchObject({ code: 'GeneralException' });
  });

  it('offers each host only its requirement sets', () => {
    const offered = ALL_PROFILES.map(p => {
      const env = new FakeExcel({ profile: p }).env();
      return [p.name, ['1.1', '1.2', '1.5', '1.8', '1.9', '1.11', '1.12', '1.13', '1.17', '1.18'].filter(v => env.isSetSupported('ExcelApi', v))];
    });
    expect(offered).toEqual([
      ['excel2016', ['1.1']],
      ['excel2019', ['1.1', '1.2', '1.5', '1.8']],
      ['m365', ['1.1', '1.2', '1.5', '1.8', '1.9', '1.11', '1.12', '1.13', '1.17']],
      ['web', ['1.1', '1.2', '1.5', '1.8', '1.9', '1.11', '1.12', '1.13', '1.17']],
    ]);
  });

  it('lacks what Excel 2016 lacks: custom XML parts, cell properties, custom properties', async () => {
    const fake = new FakeExcel({ profile: EXCEL_2016 });
    fake.addSheet('S');
    await run(fake, async c => {
      const wb = c.workbook as unknown as Record<string, unknown>;
      expect(wb.customXmlParts).toBeUndefined();
      const range = c.workbook.worksheets.getItem('S').getRange('A1') as unknown as Record<string, unknown>;
      expect(range.getCellProperties).toBeUndefined();
      expect((c.workbook.worksheets.getItem('S') as unknown as Record<string, unknown>).customProperties).toBeUndefined();
    });
  });

  it('ignores activating the first sheet added in the same batch on the web (office-js #930)', async () => {
    for (const profile of [EXCEL_WEB, MICROSOFT_365]) {
      const fake = new FakeExcel({ profile });
      fake.addSheet('S');
      await run(fake, async c => { c.workbook.worksheets.add('New').activate(); await c.sync(); });
      expect(fake.sheets[fake.active]?.name).toBe(profile === EXCEL_WEB ? 'S' : 'New');
    }
  });
});
