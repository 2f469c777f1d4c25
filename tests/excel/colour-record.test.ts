import fc from 'fast-check';
import {
  cellKey, cellsToRuns, EMPTY_RECORD, mergeRecords, recordFromJson, recordFromXml, recordToXml, runsToCells, withSheet,
  type CellRecords, type OriginalStyle, type RecordedCell,
} from '../../src/excel/colour-record';

const colour = fc.constantFrom('#FFFFFF', '#C6EFCE', '#000000', '#1F4E78');
const style: fc.Arbitrary<OriginalStyle> = fc.oneof(
  fc.record({ fill: fc.option(colour, { nil: null }), font: fc.option(colour, { nil: null }) }),
  fc.record({ fill: colour, font: colour, pattern: fc.constantFrom('Gray25', 'Checker'), patternColor: colour }),
  fc.record({ fill: colour, font: colour, tint: fc.constantFrom(0.8, -0.25, 0.4), fontTint: fc.constantFrom(-0.5, 0.6) }),
  fc.record({ fill: fc.constant(null), font: colour, fontTint: fc.constantFrom(-0.5, 0.6) }),
);
const recorded: fc.Arbitrary<RecordedCell> = fc.oneof(
  style.map(original => ({ original })),
  fc.tuple(style, colour, fc.option(colour, { nil: null })).map(([original, fill, font]) => ({ original, applied: { fill, font } })),
);
const cells: fc.Arbitrary<CellRecords> = fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 4 }), recorded), { maxLength: 80 })
  .map(list => new Map(list.map(([r, c, s]) => [cellKey(r, c), s])));
const sketch = fc.option(fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { minLength: 3, maxLength: 32 }), { nil: null });

describe('colour record', () => {
  it('run-length compression loses nothing (property)', () => {
    fc.assert(fc.property(cells, m => {
      expect(runsToCells(cellsToRuns(m))).toEqual(m);
    }));
  });

  it('compresses a uniform column into one run', () => {
    const cell: RecordedCell = { original: { fill: null, font: '#000000' }, applied: { fill: '#C6EFCE', font: null } };
    const m: CellRecords = new Map(Array.from({ length: 5000 }, (_, i) => [cellKey(6 + i, 5), cell]));
    expect(cellsToRuns(m)).toEqual([{ address: 'E6:E5005', style: cell.original, applied: cell.applied }]);
  });

  it('survives the XML round trip, keys, sketches and sheet names with markup included (property)', () => {
    fc.assert(fc.property(cells, fc.string({ maxLength: 30 }), fc.option(fc.string({ maxLength: 10 }), { nil: null }), sketch, (m, name, key, sk) => {
      const record = withSheet(EMPTY_RECORD, -1, { key, name, sketch: sk, runs: cellsToRuns(m) });
      expect(recordFromXml(recordToXml(record))).toEqual(record);
    }));
    const tricky = withSheet(EMPTY_RECORD, -1, { key: null, name: 'A<&>]]>"\'', sketch: null, runs: [{ address: 'A1', style: { fill: null, font: null } }] });
    expect(recordFromXml(recordToXml(tricky))?.sheets[0]?.name).toBe('A<&>]]>"\'');
  });

  it('reads version 1 records of earlier releases, dropping their per-session worksheet ids', () => {
    expect(recordFromJson('{"version":1,"sheets":[{"id":"{00000000-0001-0000-0000-000000000000}","name":"S","runs":[["not an address",null,null],["B2",null,"#000000"]]}]}'))
      .toEqual({ version: 2, sheets: [{ key: null, name: 'S', sketch: null, runs: [{ address: 'B2', style: { fill: null, font: '#000000' } }] }] });
  });

  it('merges the two stores: a sheet in both keeps the first store\'s cells and gains the other\'s', () => {
    const a = withSheet(EMPTY_RECORD, -1, { key: 'k1', name: 'PL', sketch: null, runs: [{ address: 'E6', style: { fill: null, font: null } }] });
    const b = withSheet(withSheet(EMPTY_RECORD, -1, { key: 'k1', name: 'PL cũ', sketch: [1, 2, 3], runs: [{ address: 'E6:E7', style: { fill: '#FFFF00', font: null } }] }), -1,
      { key: null, name: 'Khác', sketch: null, runs: [{ address: 'A1', style: { fill: null, font: null } }] });
    const m = mergeRecords(a, b);
    expect(m?.sheets.map(s => s.name)).toEqual(['PL', 'Khác']);
    const pl = runsToCells(m?.sheets[0]?.runs ?? []);
    expect(pl.get(cellKey(6, 5))?.original.fill).toBeNull();
    expect(pl.get(cellKey(7, 5))?.original.fill).toBe('#FFFF00');
    expect(m?.sheets[0]?.sketch).toEqual([1, 2, 3]);
    expect(mergeRecords(null, b)).toBe(b);
  });

  it('ignores damaged or foreign records instead of throwing (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), s => {
      const r = recordFromXml(`<colourOriginals>${s}</colourOriginals>`);
      expect(r === null || r.version === 2).toBe(true);
      const j = recordFromJson(s);
      expect(j === null || j.version === 2).toBe(true);
    }));
    expect(recordFromXml('<other/>')).toBeNull();
    expect(recordFromJson('{"version":3,"sheets":[]}')).toBeNull();
    expect(recordFromJson('{"version":2,"sheets":[{"name":"S","key":5,"sketch":["x"],"runs":[]}]}')).toEqual({ version: 2, sheets: [{ key: null, name: 'S', sketch: null, runs: [] }] });
  });
});
