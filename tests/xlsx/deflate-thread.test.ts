/**
 * The CLI's deflate on a second thread gives the file the synchronous path gives: the same parts, and the same deflate
 * segments (so the same size), whether the thread starts at once, part-way through a part, or never; with a window of
 * one segment in flight, or many.
 */
import { unzipSync } from 'fflate';
import path from 'node:path';
import { checkWorkbook } from '../../src/core/check/check';
import type { SheetPlan } from '../../src/core/plan/types';
import { buildRollup } from '../../src/core/rollup/build';
import { rollupPlans } from '../../src/core/rollup/plan';
import { threadedDeflate, type ThreadedDeflateOptions } from '../../src/xlsx/deflate-thread';
import { nodeDeflate } from '../../src/xlsx/node-deflate';
import { workbookBytes } from '../../src/xlsx/write';
import { ZipWriter } from '../../src/xlsx/write/zip';
import { FIXTURES, readFixture } from '../helpers/fixtures';
import { checkedEntries } from './write/zip-check';
import { everything } from './write/plans';

jest.setTimeout(60_000);

const now = new Date('2026-05-01T00:00:00Z');

let province: SheetPlan[];
beforeAll(async () => {
  const dir = path.join(FIXTURES, 'province-2026-04');
  const names = (await import('node:fs')).readdirSync(dir).filter(f => f.endsWith('.xlsx')).sort();
  const files = await Promise.all(names.map(async f => checkWorkbook(await readFixture(path.join(dir, f)), { file: f })));
  province = rollupPlans(buildRollup({ files }));
});

function threaded(plans: readonly SheetPlan[], options: ThreadedDeflateOptions): Uint8Array {
  const codec = threadedDeflate(options);
  if (!codec) throw new Error('no crc32 in this Node');
  try {
    return workbookBytes(plans, { now, deflate: codec }).bytes;
  } finally {
    codec.close();
  }
}

describe('deflating on a second thread', () => {
  const cases: [string, ThreadedDeflateOptions][] = [
    ['from the first byte, one segment in flight', { syncBytes: 0, maxInFlight: 1 }],
    ['from the first byte, a wide window', { syncBytes: 0, maxInFlight: 64 }],
    ['from part-way through a sheet', { syncBytes: 100_000, maxInFlight: 4 }],
    ['never (a small output)', {}],
  ];

  it.each(cases)('writes the province rollup as the synchronous path does: %s', (_name, options) => {
    const sync = workbookBytes(province, { now, deflate: nodeDeflate! }).bytes;
    const ours = threaded(province, options);
    // Only the entries' modification times (written by fflate from the clock) may differ.
    expect(ours.length).toBe(sync.length);
    const [a, b] = [unzipSync(sync), unzipSync(ours)];
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const [name, data] of Object.entries(a)) expect(Buffer.from(b[name] as Uint8Array).equals(Buffer.from(data))).toBe(true);
    // Every checksum and size the directory declares holds (zip-check.ts).
    expect(checkedEntries(ours).size).toBe(Object.keys(a).length);
  });

  it('writes awkward plans and empty parts the same way, one segment in flight', () => {
    const sync = unzipSync(workbookBytes(everything(), { now, deflate: nodeDeflate! }).bytes);
    const ours = unzipSync(threaded(everything(), { syncBytes: 0, maxInFlight: 1 }));
    expect(Object.keys(ours)).toEqual(Object.keys(sync));
    for (const [name, data] of Object.entries(sync)) expect(Buffer.from(ours[name] as Uint8Array).equals(Buffer.from(data))).toBe(true);
  });

  it('can be closed before it was ever used, and closed twice', () => {
    const codec = threadedDeflate({ syncBytes: 0 });
    expect(codec).not.toBeNull();
    codec?.close();
    codec?.close();
  });
});

describe('deflating on a second thread: segments larger than a slot', () => {
  it('posts a segment too large for the shared slots, between ones that fit, in order', () => {
    const codec = threadedDeflate({ syncBytes: 0, maxInFlight: 3 });
    if (!codec) throw new Error('no crc32 in this Node');
    const chunks: Uint8Array[] = [];
    const big = new TextEncoder().encode('<c r="A1" t="s"><v>7</v></c>Tỷ lệ '.repeat(20_000));
    expect(big.length).toBeGreaterThan(256 << 10);
    try {
      const z = new ZipWriter(c => { chunks.push(c.slice()); }, 1, codec);
      const p = z.part('a.xml');
      p.emit('<a>');
      p.emitBytes(big);
      p.emit('x'.repeat(70_000));
      p.emitBytes(big);
      p.end();
      z.file('b.xml', '<b/>');
      z.end();
    } finally {
      codec.close();
    }
    const entries = checkedEntries(Buffer.concat(chunks));
    const text = new TextDecoder().decode(big);
    expect(entries.get('a.xml')).toBe(`<a>${text}${'x'.repeat(70_000)}${text}`);
    expect(entries.get('b.xml')).toBe('<b/>');
  });
});
