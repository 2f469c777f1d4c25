import type { IndicatorStatus } from '../../src/core/check/report';
import { planColours } from '../../src/core/plan/colour';
import { STATUS_COLOURS } from '../../src/core/plan/palette';
import { OfficeWorkbookHost } from '../../src/excel';
import { RECORD_NAMESPACE, RECORD_SETTING } from '../../src/excel/colour-record';
import { indicatorRow, indicatorTable, report } from '../core/plan/build-report';
import { FakeExcel, type FakeSheet } from './fake-excel';
import { ALL_PROFILES, EXCEL_2016, EXCEL_2019, EXCEL_WEB, MICROSOFT_365, type HostProfile } from './host-profiles';
import { indicatorSheet } from './sheets';

// Excel before 1.9 reads mixed runs cell by cell: thousands of mock ranges take a few seconds in the fake.
jest.setTimeout(60_000);

const STATUSES: IndicatorStatus[] = ['met', 'not_met', 'at_risk', 'no_data', 'manual'];

/** The colour plan of a sheet whose rows 6.. cycle through statuses (the worst case for merging runs). */
function changesFor(sheet: string, rows: number, top = 6, col = 'E') {
  const t = indicatorTable(sheet, `A${top - 1}:${col}${top - 1 + rows}`, top - 1, Array.from({ length: rows }, (_, i) => indicatorRow(top + i, STATUSES[i % STATUSES.length] as IndicatorStatus, { actual: `${col}${top + i}` })));
  return planColours(report([t]));
}

/** Gives the result column mixed original looks: no fill, white, yellow with a blue font, a pattern, a theme tint. */
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

function looks(s: FakeSheet, rows: number, top = 6, col = 5): string[] {
  return Array.from({ length: rows }, (_, i) => s.look(`${String.fromCharCode(64 + col)}${top + i}`));
}

const fullFidelity = (p: HostProfile): boolean => p.excelApi !== '1.1' && Number(p.excelApi.split('.')[1]) >= 9;

/**
 * What a restore can give back on this host. Before ExcelApi 1.9 there is no tintAndShade and no pattern:
 * white reads like no fill (and comes back as no fill), patterns and theme tints come back as plain colours.
 */
function restorable(p: HostProfile): (look: string) => string {
  if (fullFidelity(p)) return l => l;
  return l => (l === '#FFFFFF||#000000' ? 'none||#000000' : l.replace('|Gray25|', '||').replace('|0.8|-0.25', ''));
}

describe.each(ALL_PROFILES.map(p => [p.name, p] as const))('colouring and clearing on %s', (_name, profile) => {
  const keep = restorable(profile);

  async function colourAndClear(rows: number) {
    const fake = new FakeExcel({ profile });
    const s = indicatorSheet(fake, 'PL mục tiêu', rows);
    decorate(s, rows);
    const before = looks(s, rows);
    const host = new OfficeWorkbookHost(fake.env());
    fake.resetStats();
    const outcome = await host.colour(changesFor('PL mục tiêu', rows));
    const colourSyncs = fake.syncCount;
    const colourMaxRequest = fake.maxRequest;
    const coloured = looks(s, rows);
    fake.resetStats();
    const cleared = await host.uncolour();
    return { fake, s, before, coloured, after: looks(s, rows), outcome, cleared, colourSyncs, colourMaxRequest, clearSyncs: fake.syncCount };
  }

  it('colours each result cell and restores the originals: no fill stays no fill, white stays white, theme tints stay', async () => {
    const r = await colourAndClear(12);
    expect(r.fake.violations).toEqual([]);
    expect(r.outcome).toEqual({ coloured: 12, skippedSheets: [], skippedCells: 0 });
    r.coloured.forEach((look, i) => {
      const c = STATUS_COLOURS[STATUSES[i % STATUSES.length] as IndicatorStatus];
      // A black / Automatic font is never touched (it could not be given back as Automatic); others take the status font.
      const font = i % 5 === 2 || i % 5 === 4 ? `#${c.font}` : '#000000';
      expect(look).toBe(`#${c.fill}||${font}`);
    });
    expect(r.after).toEqual(r.before.map(keep));
    expect(r.cleared).toEqual({ restored: 12, leftAlone: 0, skippedSheets: [], unmatched: [] });
    expect(r.before).toContain('none||#000000');
    expect(r.before).toContain('#FFFFFF||#000000');
    if (fullFidelity(profile)) {
      expect(r.after).toContain('#FFFFFF||#000000');
      expect(r.after).toContain('#4472C4||#44546A|0.8|-0.25');
      expect(r.after).toContain('#D9D9D9|Gray25|#000000');
    }
    // The record is gone from both stores once everything is restored; cells outside the plan were never touched.
    expect([...r.fake.parts.values()].some(x => x.includes(RECORD_NAMESPACE))).toBe(false);
    expect(r.fake.savedSettings[RECORD_SETTING]).toBeUndefined();
    expect(r.s.look('D6')).toBe('none||#000000');
  });

  it('uses the same number of syncs for 70 and 5,000 rows, every request within the budget', async () => {
    const small = await colourAndClear(70);
    const large = await colourAndClear(fullFidelity(profile) ? 5000 : 1500);
    expect(large.after).toEqual(large.before.map(keep));
    expect(large.colourSyncs).toBe(small.colourSyncs);
    expect(large.clearSyncs).toBe(small.clearSyncs);
    expect(small.colourSyncs).toBeLessThanOrEqual(4);
    expect(small.clearSyncs).toBeLessThanOrEqual(5);
    expect(large.colourMaxRequest).toBeLessThan(4_000_000);
    expect(large.fake.maxRequest).toBeLessThan(4_000_000);
    expect(large.fake.maxResponse).toBeLessThan(5_000_000);
  });

  it('reorder + reopen + clear: each sheet gets its own originals back', async () => {
    const fake = new FakeExcel({ profile });
    const a = indicatorSheet(fake, 'PL xã A', 10);
    const b = indicatorSheet(fake, 'PL xã B', 10);
    decorate(a, 10);
    for (let i = 0; i < 10; i++) b.cell(6 + i, 5).fill = '#00B050';
    const beforeA = looks(a, 10);
    const beforeB = looks(b, 10);
    await new OfficeWorkbookHost(fake.env()).colour([...changesFor('PL xã A', 10), ...changesFor('PL xã B', 10)]);
    fake.moveSheet('PL xã B', 0);
    fake.reopen();
    const cleared = await new OfficeWorkbookHost(fake.env()).uncolour();
    expect(looks(a, 10)).toEqual(beforeA.map(keep));
    expect(looks(b, 10)).toEqual(beforeB);
    expect(cleared.restored).toBe(20);
  });

  it('rename + reopen + clear: the renamed sheet is found (custom property key, else its text) and restored', async () => {
    const fake = new FakeExcel({ profile });
    const s = indicatorSheet(fake, 'PL', 10);
    decorate(s, 10);
    const before = looks(s, 10);
    await new OfficeWorkbookHost(fake.env()).colour(changesFor('PL', 10));
    s.name = 'PL đã đổi tên';
    fake.reopen();
    const cleared = await new OfficeWorkbookHost(fake.env()).uncolour();
    expect(cleared.unmatched).toEqual([]);
    expect(looks(s, 10)).toEqual(before.map(keep));
  });

  it('keeps the record of a sheet it cannot find instead of deleting it', async () => {
    const fake = new FakeExcel({ profile });
    const s = indicatorSheet(fake, 'PL', 5);
    await new OfficeWorkbookHost(fake.env()).colour(changesFor('PL', 5));
    fake.sheets.splice(0, 1, fake.addSheet('Khác'));
    fake.sheets.length = 1;
    fake.reopen();
    const cleared = await new OfficeWorkbookHost(fake.env()).uncolour();
    expect(cleared.unmatched).toEqual(['PL']);
    expect(fake.savedSettings[RECORD_SETTING]).toContain('PL');
    // The sheet comes back (undo, another copy of the file): the kept record restores it.
    fake.sheets.push(s);
    await new OfficeWorkbookHost(fake.env()).clearColours();
    expect(looks(s, 5).every(l => l === 'none||#000000')).toBe(true);
  });

  it('a row inserted above the table + clear: the originals follow their cells, the header keeps its own look', async () => {
    const fake = new FakeExcel({ profile });
    const s = indicatorSheet(fake, 'PL', 10);
    decorate(s, 10);
    s.cell(5, 5).fill = '#BDD7EE'; // the header's own fill
    const before = looks(s, 10);
    const host = new OfficeWorkbookHost(fake.env());
    await host.colour(changesFor('PL', 10));
    s.insertRows(3);
    const cleared = await host.uncolour();
    expect(s.look('E6')).toBe('#BDD7EE||#000000'); // the header, one row down, untouched
    expect(looks(s, 10, 7)).toEqual(before.map(keep));
    expect(cleared).toEqual({ restored: 10, leftAlone: 0, skippedSheets: [], unmatched: [] });
  });

  it('a column inserted before the result column + clear: the originals land in the moved column', async () => {
    const fake = new FakeExcel({ profile });
    const s = indicatorSheet(fake, 'PL', 10);
    decorate(s, 10);
    const before = looks(s, 10);
    const host = new OfficeWorkbookHost(fake.env());
    await host.colour(changesFor('PL', 10));
    s.insertColumns(5);
    const cleared = await host.uncolour();
    expect(looks(s, 10, 6, 5).every(l => l === 'none||#000000')).toBe(true); // the new column E: never painted
    expect(looks(s, 10, 6, 6)).toEqual(before.map(keep));
    expect(cleared.restored).toBe(10);
  });

  it('a row inserted inside the table + clear: both parts of the split table get their own originals back', async () => {
    const fake = new FakeExcel({ profile });
    const s = indicatorSheet(fake, 'PL', 12);
    decorate(s, 12);
    const before = looks(s, 12);
    const host = new OfficeWorkbookHost(fake.env());
    await host.colour(changesFor('PL', 12));
    s.insertRows(12); // between the 6th and 7th indicator rows
    s.put({ B12: 'Chỉ tiêu mới do xã thêm', E12: { fill: '#FFFF00' } }); // the user's new row, own colour
    const cleared = await host.uncolour();
    expect(looks(s, 6)).toEqual(before.slice(0, 6).map(keep));
    expect(looks(s, 6, 13)).toEqual(before.slice(6).map(keep));
    expect(s.look('E12')).toBe('#FFFF00||#000000');
    expect(cleared).toEqual({ restored: 12, leftAlone: 0, skippedSheets: [], unmatched: [] });
  });

  it('rows deleted above the table + clear: every cell gets its own original back, none another\'s', async () => {
    const fake = new FakeExcel({ profile });
    const s = indicatorSheet(fake, 'PL', 12);
    decorate(s, 12);
    const before = looks(s, 12);
    const host = new OfficeWorkbookHost(fake.env());
    await host.colour(changesFor('PL', 12));
    s.deleteRows(1, 2); // two caption rows above the table: everything moves up by two
    const cleared = await host.uncolour();
    expect(looks(s, 12, 4)).toEqual(before.map(keep));
    expect(cleared.restored).toBe(12);
  });

  it("a user's own edit of a coloured cell survives clear, and colouring twice keeps the first originals", async () => {
    const fake = new FakeExcel({ profile });
    const s = indicatorSheet(fake, 'PL', 10);
    decorate(s, 10);
    const before = looks(s, 10);
    const host = new OfficeWorkbookHost(fake.env());
    await host.colour(changesFor('PL', 10));
    s.put({ E6: 99, E7: 'Đạt' });
    s.cell(8, 5).fill = '#00B0F0';
    s.cell(6, 4).fill = '#FF0000';
    await host.colour(changesFor('PL', 10));
    const cleared = await host.uncolour();
    // E8 was recoloured by the user, then coloured again: its original is now the user's blue, which comes back.
    const expected = before.map(keep);
    expected[2] = keep('#00B0F0||#1F4E78');
    expect(looks(s, 10)).toEqual(expected);
    expect(s.cell(8, 5).fill).toBe('#00B0F0');
    expect(s.get(6, 5)?.value).toBe(99);
    expect(s.look('D6')).toBe('#FF0000||#000000');
    expect(cleared.leftAlone).toBe(0);
  });

  it('reports cells it leaves alone because the user recoloured them after clearing started', async () => {
    const fake = new FakeExcel({ profile });
    const s = indicatorSheet(fake, 'PL', 5);
    const host = new OfficeWorkbookHost(fake.env());
    await host.colour(changesFor('PL', 5));
    s.cell(7, 5).fill = '#7030A0';
    const cleared = await host.uncolour();
    expect(cleared).toEqual({ restored: 4, leftAlone: 1, skippedSheets: [], unmatched: [] });
    expect(s.cell(7, 5).fill).toBe('#7030A0');
  });

  it('leaves protected sheets alone and reports them as skipped', async () => {
    const fake = new FakeExcel({ profile });
    const s = indicatorSheet(fake, 'PL', 5);
    const other = indicatorSheet(fake, 'PL 2', 5);
    s.protected = true;
    const outcome = await new OfficeWorkbookHost(fake.env()).colour([...changesFor('PL', 5), ...changesFor('PL 2', 5)]);
    expect(outcome).toEqual({ coloured: 5, skippedSheets: ['PL'], skippedCells: 0 });
    expect(looks(s, 5).every(l => l === 'none||#000000')).toBe(true);
    expect(looks(other, 5).every(l => l !== 'none||#000000')).toBe(true);
    // Protected after colouring: clearing skips it, says so, and keeps its record.
    other.protected = true;
    const cleared = await new OfficeWorkbookHost(fake.env()).uncolour();
    expect(cleared.skippedSheets).toEqual(['PL 2']);
    other.protected = false;
    expect((await new OfficeWorkbookHost(fake.env()).uncolour()).restored).toBe(5);
  });

  it('splits a write over the request budget into several requests, none over it', async () => {
    const fake = new FakeExcel({ profile });
    const rows = fullFidelity(profile) ? 2000 : 600;
    const s = indicatorSheet(fake, 'PL', rows);
    decorate(s, rows);
    const before = looks(s, rows);
    const budget = fullFidelity(profile) ? 60_000 : 30_000;
    const host = new OfficeWorkbookHost(fake.env({ maxRequestBytes: budget }));
    await host.colour(changesFor('PL', rows));
    expect(fake.syncCount).toBeGreaterThan(3);
    // Each request holds at most one budget of work plus the proxies it names; the record itself is one action.
    const recordBytes = Math.max(0, ...[...fake.parts.values()].map(x => Buffer.byteLength(x)));
    expect(fake.maxRequest).toBeLessThan(budget * 1.5 + recordBytes);
    await host.clearColours();
    expect(looks(s, rows)).toEqual(before.map(keep));
  });

  it('does nothing, without a round trip, when there is nothing to colour', async () => {
    const fake = new FakeExcel({ profile });
    indicatorSheet(fake, 'PL', 3);
    expect(await new OfficeWorkbookHost(fake.env()).colour([])).toEqual({ coloured: 0, skippedSheets: [], skippedCells: 0 });
    expect(fake.syncCount).toBe(0);
  });
});

describe('colouring across hosts and what only newer Excel can see', () => {
  it.each([[MICROSOFT_365, EXCEL_2016], [EXCEL_2016, MICROSOFT_365], [EXCEL_WEB, EXCEL_2019], [EXCEL_2019, EXCEL_WEB]])(
    'colour in %s, clear in %s: the record is found and colouring again never records our colours as originals',
    async (first, second) => {
      const fake = new FakeExcel({ profile: first });
      const s = indicatorSheet(fake, 'PL', 10);
      decorate(s, 10);
      const before = looks(s, 10);
      await new OfficeWorkbookHost(fake.env()).colour(changesFor('PL', 10));
      const there = fake.openIn(second);
      // Colouring again on the other host must keep the first originals.
      await new OfficeWorkbookHost(there.env()).colour(changesFor('PL', 10));
      const cleared = await new OfficeWorkbookHost(there.env()).uncolour();
      expect(cleared.restored).toBe(10);
      // What the first host could read and the second can write: white needs tintAndShade to be read, patterns and
      // tints need ExcelApi 1.9 on both sides.
      const expected = before.map(l => {
        let out = l;
        if (!fullFidelity(first) && out === '#FFFFFF||#000000') out = 'none||#000000';
        if (!fullFidelity(first) || !fullFidelity(second)) out = out.replace('|Gray25|', '||').replace('|0.8|-0.25', '');
        return out;
      });
      expect(looks(s, 10)).toEqual(expected);
      expect(there.violations).toEqual([]);
    },
  );

  it('leaves a gradient cell uncoloured (its look could not be given back) and colours the rest', async () => {
    const fake = new FakeExcel({ profile: MICROSOFT_365 });
    const s = indicatorSheet(fake, 'PL', 5);
    Object.assign(s.cell(7, 5), { fill: '#5B9BD5', pattern: 'LinearGradient' });
    const host = new OfficeWorkbookHost(fake.env());
    expect(await host.colour(changesFor('PL', 5))).toEqual({ coloured: 4, skippedSheets: [], skippedCells: 1 });
    expect(s.look('E7')).toBe('#5B9BD5|LinearGradient|#000000');
    expect((await host.uncolour()).restored).toBe(4);
    expect(looks(s, 5).filter(l => l === 'none||#000000')).toHaveLength(4);
  });
});
