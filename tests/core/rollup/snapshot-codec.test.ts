/** The packed snapshot handed to the comparison thread reads back as the snapshot it was made from. */
import fc from 'fast-check';
import { INDICATOR_STATUSES } from '../../../src/core/check/report';
import type { MonthSnapshot } from '../../../src/core/rollup/previous';
import { packSnapshot, unpackSnapshot } from '../../../src/core/rollup/snapshot-codec';

const name = fc.constantFrom('Xã A', 'Phường Bến Nghé', 'xa a', '', 'unmatched:ty_le', 'C1.01');
const entry = fc.record({
  commune: name, communeKey: name, indicator: name, indicatorName: fc.string(),
  status: fc.constantFrom(...INDICATOR_STATUSES),
  value: fc.option(fc.double({ noNaN: true }), { nil: null }),
  op: fc.option(fc.constantFrom('>=', '<=', '>', '<', '='), { nil: null }),
});
const snapshot: fc.Arbitrary<MonthSnapshot> = fc.record({
  entries: fc.array(entry, { maxLength: 40 }),
  communes: fc.array(fc.record({ name, key: name }), { maxLength: 10 }),
});

describe('packSnapshot', () => {
  it('unpacks to the snapshot it packed, values and missing values alike', () => {
    fc.assert(fc.property(snapshot, s => { expect(unpackSnapshot(packSnapshot(s))).toEqual(s); }));
  });

  it('keeps each distinct string once', () => {
    const e = { commune: 'Xã A', communeKey: 'xa a', indicator: 'C1', indicatorName: 'Tỷ lệ', status: 'met' as const, value: 1, op: '>=' };
    const packed = packSnapshot({ entries: [e, e, { ...e, value: null }], communes: [{ name: 'Xã A', key: 'xa a' }] });
    expect(packed.strings).toEqual(['Xã A', 'xa a', 'C1', 'Tỷ lệ', '>=']);
    expect([...packed.hasValue]).toEqual([1, 1, 0]);
  });
});
