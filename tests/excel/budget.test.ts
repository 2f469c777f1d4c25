import fc from 'fast-check';
import { packOps, runOps, utf8Length, type Op } from '../../src/excel/budget';

describe('request budget', () => {
  it('packs ops in order into groups within the budget; only an oversized op stands alone (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 200 }), fc.integer({ min: 1, max: 8000 }), (sizes, budget) => {
      const ops: Op[] = sizes.map(bytes => ({ bytes, queue: () => undefined }));
      const groups = packOps(ops, budget);
      expect(groups.flat()).toEqual(ops);
      for (const g of groups) {
        const total = g.reduce((n, o) => n + o.bytes, 0);
        expect(total <= budget || g.length === 1).toBe(true);
      }
    }));
  });

  it('syncs once per group, queuing each op exactly once', async () => {
    const queued: number[] = [];
    let syncs = 0;
    const ops: Op[] = [1, 2, 3, 4, 5].map(i => ({ bytes: 40, queue: () => { queued.push(i); } }));
    await runOps({ sync: async () => { syncs++; } }, ops, 100);
    expect(queued).toEqual([1, 2, 3, 4, 5]);
    expect(syncs).toBe(3);
    expect(await runOps({ sync: async () => { syncs++; } }, [], 100)).toBe(0);
    expect(await runOps({ sync: async () => { syncs++; } }, [], 100, true)).toBe(1);
  });

  it('counts UTF-8 bytes like the wire does', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), s => {
      expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
    }));
    expect(utf8Length('Đạt')).toBe(Buffer.byteLength('Đạt'));
  });
});
