import type { IndicatorStatus } from '../../src/core/check/report';
import { planColours } from '../../src/core/plan/colour';
import { STATUS_COLOURS } from '../../src/core/plan/palette';
import { OfficeWorkbookHost } from '../../src/excel';
import { RECORD_NAMESPACE, RECORD_SETTING } from '../../src/excel/colour-record';
import { indicatorRow, indicatorTable, report } from '../core/plan/build-report';
import { FakeExcel, type FakeSheet } from './fake-excel';
import { indicatorSheet } from './sheets';

const STATUSES: IndicatorStatus[] = ['met', 'not_met', 'at_risk', 'no_data', 'manual'];

/** The colour plan of a sheet whose rows 6.. cycle through statuses (the worst case for merging runs). */
function changesFor(sheet: string, rows: number) {
  const t = indicatorTable(sheet, `A5:E${5 + rows}`, 5, Array.from({ length: rows }, (_, i) => indicatorRow(6 + i, STATUSES[i % STATUSES.length] as IndicatorStatus, { actual: `E${6 + i}` })));
  return planColours(report([t]));
}

/** Gives the result column mixed original looks: no fill, white, yellow, a pattern, a tinted theme colour. */
function decorate(s: FakeSheet, rows: number): void {
  for (let i = 0; i < rows; i++) {
    const c = s.cell(6 + i, 5);
    switch (i % 5) {
      case 0: break;
      case 1: c.fill = '#FFFFFF'; break;
      case 2: c.fill = '#FFFF00'; c.fontColor = '#1F4E78'; break;
      case 3: c.fill = '#D9D9D9'; c.pattern = 'Gray25'; c.patternColor = '#7F7F7F'; break;
      default: c.fill = '#4472C4'; c.tint = 0.8; c.fontColor = '#44546A'; c.fontTint = -0.25;
    }
  }
}

function looks(s: FakeSheet, rows: number): string[] {
  return Array.from({ length: rows }, (_, i) => s.look(`E${6 + i}`));
}

async function colourAndClear(rows: number, version = '1.13') {
  const fake = new FakeExcel({ version });
  const s = indicatorSheet(fake, 'PL mục tiêu', rows);
  decorate(s, rows);
  const before = looks(s, rows);
  const host = new OfficeWorkbookHost(fake.env());
  const changes = changesFor('PL mục tiêu', rows);
  fake.resetStats();
  const outcome = await host.colour(changes);
  const colourSyncs = fake.syncCount;
  const colourMaxRequest = fake.maxRequest;
  const coloured = looks(s, rows);
  fake.resetStats();
  await host.clearColours();
  return { fake, s, before, coloured, after: looks(s, rows), outcome, colourSyncs, colourMaxRequest, clearSyncs: fake.syncCount, clearMaxRequest: fake.maxRequest };
}

describe('colouring by status and clearing', () => {
  it('colours each result cell with its status colour, then restores the exact originals (no fill, white, patterns)', async () => {
    const r = await colourAndClear(12);
    expect(r.fake.violations).toEqual([]);
    expect(r.outcome).toEqual({ coloured: 12, skippedSheets: [] });
    r.coloured.forEach((look, i) => {
      const c = STATUS_COLOURS[STATUSES[i % STATUSES.length] as IndicatorStatus];
      expect(look).toBe(`#${c.fill}||#${c.font}`);
    });
    expect(r.after).toEqual(r.before);
    expect(r.before).toContain('none||#000000');
    expect(r.before).toContain('#FFFFFF||#000000');
    expect(r.before).toContain('#D9D9D9|Gray25|#000000');
    expect(r.before).toContain('#4472C4||#44546A|0.8|-0.25');
    expect(r.fake.parts.size).toBe(0); // the record is gone once restored
    // Cells outside the plan were never touched.
    expect(r.s.look('D6')).toBe('none||#000000');
  });

  it('uses the same number of syncs for 70 and 5,000 rows, all requests under 4 MB', async () => {
    const small = await colourAndClear(70);
    const large = await colourAndClear(5000);
    expect(large.after).toEqual(large.before);
    expect(small.colourSyncs).toBe(3);
    expect(large.colourSyncs).toBe(small.colourSyncs);
    expect(small.clearSyncs).toBe(3);
    expect(large.clearSyncs).toBe(small.clearSyncs);
    expect(large.colourMaxRequest).toBeLessThan(4_000_000);
    expect(large.clearMaxRequest).toBeLessThan(4_000_000);
    expect(large.fake.maxResponse).toBeLessThan(4_000_000);
  });

  it('works on ExcelApi 1.1 (settings instead of a custom XML part, per-run formats) with constant syncs', async () => {
    const small = await colourAndClear(70, '1.1');
    const large = await colourAndClear(1000, '1.1');
    expect(small.fake.violations).toEqual([]);
    // Without fill patterns Excel 1.1 cannot tell white from no fill: white comes back as no fill, all else exact.
    // Nor patterns or theme tints: those come back as plain colours.
    const expected = (b: string[]) => b.map(l => (l === '#FFFFFF||#000000' ? 'none||#000000' : l.replace('|Gray25|', '||').replace('|0.8|-0.25', '')));
    expect(small.after).toEqual(expected(small.before));
    expect(large.after).toEqual(expected(large.before));
    expect(large.colourSyncs).toBe(small.colourSyncs);
    expect(large.clearSyncs).toBe(small.clearSyncs);
    expect(small.fake.savedSettings[RECORD_SETTING]).toBeUndefined();
  });

  it('keeps the originals in the workbook: clearing works after save and reopen', async () => {
    for (const version of ['1.13', '1.1']) {
      const fake = new FakeExcel({ version });
      const s = indicatorSheet(fake, 'PL', 20);
      decorate(s, 20);
      const before = looks(s, 20);
      await new OfficeWorkbookHost(fake.env()).colour(changesFor('PL', 20));
      if (version === '1.13') expect([...fake.parts.values()].some(x => x.includes(RECORD_NAMESPACE))).toBe(true);
      fake.reopen();
      await new OfficeWorkbookHost(fake.env()).clearColours();
      const plain = (l: string) => (version === '1.13' ? l : l.replace('#FFFFFF||', 'none||').replace('|Gray25|', '||').replace('|0.8|-0.25', ''));
      expect(looks(s, 20)).toEqual(before.map(plain));
    }
  });

  it('restores the originals even when the user edited cells in between, and colouring twice keeps the first originals', async () => {
    const fake = new FakeExcel();
    const s = indicatorSheet(fake, 'PL', 10);
    decorate(s, 10);
    const before = looks(s, 10);
    const host = new OfficeWorkbookHost(fake.env());
    await host.colour(changesFor('PL', 10));
    // The user types new results, recolours one coloured cell by hand and fills a cell we never touched.
    s.put({ E6: 99, E7: 'Đạt' });
    s.cell(8, 5).fill = '#00B0F0';
    s.cell(6, 4).fill = '#FF0000';
    // A second check colours again (statuses shifted): the record must still hold the first originals.
    await host.colour(changesFor('PL', 10).map(c => ({ ...c, fill: STATUS_COLOURS.invalid.fill })));
    await host.clearColours();
    expect(looks(s, 10)).toEqual(before);
    expect(s.get(6, 5)?.value).toBe(99);
    expect(s.look('D6')).toBe('#FF0000||#000000');
  });

  it('leaves protected sheets alone and says so', async () => {
    const fake = new FakeExcel();
    const s = indicatorSheet(fake, 'PL', 5);
    s.protected = true;
    const outcome = await new OfficeWorkbookHost(fake.env()).colour(changesFor('PL', 5));
    expect(outcome).toEqual({ coloured: 0, skippedSheets: ['PL'] });
    expect(looks(s, 5).every(l => l === 'none||#000000')).toBe(true);
  });

  it('finds a renamed sheet by its id when clearing', async () => {
    const fake = new FakeExcel();
    const s = indicatorSheet(fake, 'PL', 6);
    const before = looks(s, 6);
    const host = new OfficeWorkbookHost(fake.env());
    await host.colour(changesFor('PL', 6));
    s.name = 'PL đã đổi tên';
    await host.clearColours();
    expect(looks(s, 6)).toEqual(before);
  });

  it('splits a write over the request budget into several requests, none over it', async () => {
    const fake = new FakeExcel();
    const s = indicatorSheet(fake, 'PL', 2000);
    decorate(s, 2000);
    const before = looks(s, 2000);
    const budget = 60_000;
    const host = new OfficeWorkbookHost(fake.env({ maxRequestBytes: budget }));
    await host.colour(changesFor('PL', 2000));
    const syncs = fake.syncCount;
    expect(syncs).toBeGreaterThan(3);
    // Each request holds at most one budget of work plus the proxies it names.
    expect(fake.maxRequest).toBeLessThan(budget * 1.5);
    await host.clearColours();
    expect(looks(s, 2000)).toEqual(before);
  });

  it('does nothing, without a round trip, when there is nothing to colour', async () => {
    const fake = new FakeExcel();
    indicatorSheet(fake, 'PL', 3);
    expect(await new OfficeWorkbookHost(fake.env()).colour([])).toEqual({ coloured: 0, skippedSheets: [] });
    expect(fake.syncCount).toBe(0);
  });
});
