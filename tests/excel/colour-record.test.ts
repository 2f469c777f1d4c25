import fc from 'fast-check';
import {
  addOriginals, cellKey, cellsToRuns, EMPTY_RECORD, recordFromJson, recordFromXml, recordToXml, runsToCells,
  type CellStyles, type OriginalStyle,
} from '../../src/excel/colour-record';

const colour = fc.constantFrom('#FFFFFF', '#C6EFCE', '#000000', '#1F4E78');
const style: fc.Arbitrary<OriginalStyle> = fc.oneof(
  fc.record({ fill: fc.option(colour, { nil: null }), font: fc.option(colour, { nil: null }) }),
  fc.record({ fill: colour, font: colour, pattern: fc.constantFrom('Gray25', 'Checker'), patternColor: colour }),
  fc.record({ fill: colour, font: colour, tint: fc.constantFrom(0.8, -0.25, 0.4), fontTint: fc.constantFrom(-0.5, 0.6) }),
  fc.record({ fill: fc.constant(null), font: colour, fontTint: fc.constantFrom(-0.5, 0.6) }),
);
const cells: fc.Arbitrary<CellStyles> = fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 4 }), style), { maxLength: 80 })
  .map(list => new Map(list.map(([r, c, s]) => [cellKey(r, c), s])));

describe('colour record', () => {
  it('run-length compression loses nothing (property)', () => {
    fc.assert(fc.property(cells, m => {
      expect(runsToCells(cellsToRuns(m))).toEqual(m);
    }));
  });

  it('compresses a uniform column into one run', () => {
    const m: CellStyles = new Map(Array.from({ length: 5000 }, (_, i) => [cellKey(6 + i, 5), { fill: null, font: '#000000' }]));
    expect(cellsToRuns(m)).toEqual([{ address: 'E6:E5005', style: { fill: null, font: '#000000' } }]);
  });

  it('survives the XML round trip, sheet names with markup included (property)', () => {
    fc.assert(fc.property(cells, fc.string({ maxLength: 30 }), fc.option(fc.string({ maxLength: 10 }), { nil: null }), (m, name, id) => {
      const record = addOriginals(EMPTY_RECORD, { id, name }, m);
      const back = recordFromXml(recordToXml(record));
      expect(back).toEqual(record);
    }));
    const tricky = addOriginals(EMPTY_RECORD, { id: null, name: 'A<&>]]>"\'' }, new Map([[cellKey(1, 1), { fill: null, font: null }]]));
    expect(recordFromXml(recordToXml(tricky))?.sheets[0]?.name).toBe('A<&>]]>"\'');
  });

  it('keeps the first original of a cell coloured twice, and matches sheets by id', () => {
    const first = addOriginals(EMPTY_RECORD, { id: '{1}', name: 'PL' }, new Map([[cellKey(6, 5), { fill: null, font: '#000000' }]]));
    const second = addOriginals(first, { id: '{1}', name: 'PL mới' }, new Map([
      [cellKey(6, 5), { fill: '#C6EFCE', font: '#006100' }],
      [cellKey(7, 5), { fill: '#FFFF00', font: '#000000' }],
    ]));
    expect(second.sheets).toHaveLength(1);
    expect(second.sheets[0]?.name).toBe('PL mới');
    expect(runsToCells(second.sheets[0]?.runs ?? []).get(cellKey(6, 5))).toEqual({ fill: null, font: '#000000' });
  });

  it('ignores damaged or foreign records instead of throwing (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), s => {
      const r = recordFromXml(`<colourOriginals>${s}</colourOriginals>`);
      expect(r === null || r.version === 1).toBe(true);
      expect(recordFromJson(s) === null || recordFromJson(s)?.version === 1).toBe(true);
    }));
    expect(recordFromXml('<other/>')).toBeNull();
    expect(recordFromJson('{"version":2,"sheets":[]}')).toBeNull();
    expect(recordFromJson('{"version":1,"sheets":[{"name":"S","runs":[["not an address",null,null],["B2",null,"#000000"]]}]}'))
      .toEqual({ version: 1, sheets: [{ id: null, name: 'S', runs: [{ address: 'B2', style: { fill: null, font: '#000000' } }] }] });
  });
});
