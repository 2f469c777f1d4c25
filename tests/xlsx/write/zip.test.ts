import { threadedDeflate } from '../../../src/xlsx/deflate-thread';
import { nodeDeflate } from '../../../src/xlsx/node-deflate';
import { ZipWriter, type SegmentDeflate } from '../../../src/xlsx/write/zip';
import { checkedEntries } from './zip-check';

function written(deflate: SegmentDeflate | undefined, write: (z: ZipWriter) => void): Uint8Array {
  const chunks: Uint8Array[] = [];
  const z = new ZipWriter(c => { chunks.push(c.slice()); }, 1, deflate);
  write(z);
  z.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

const onThread = threadedDeflate({ syncBytes: 0, maxInFlight: 1 }) ?? undefined;
afterAll(() => onThread?.close());

describe.each([["Node's zlib", nodeDeflate], ['fflate', undefined], ['a second thread', onThread]])('the zip writer with %s', (_name, deflate) => {
  it('refuses a second entry of one name, in any case (OPC part names compare case-insensitively)', () => {
    expect(() => written(deflate, z => { z.file('xl/a.xml', '<a/>'); z.file('XL/A.xml', '<a/>'); })).toThrow(/two zip entries/);
    expect(() => written(deflate, z => { z.file('a.xml', '<a/>'); z.stored('a.xml', { method: 0, crc: 0, size: 0, data: new Uint8Array(0) }); })).toThrow(/two zip entries/);
  });

  it('records the right CRC when a part ends on an empty chunk (its text already flushed, or given as bytes)', () => {
    const zip = written(deflate, z => {
      const a = z.part('a.xml');
      a.emitBytes(new TextEncoder().encode('<a>hello</a>'));
      a.end();
      const b = z.part('b.xml');
      // Exactly one chunk's worth: the last emit flushes, end() then pushes nothing.
      b.emit('x'.repeat(1 << 16));
      b.end();
      z.file('c.xml', ['<c>', 'Tỷ lệ', '</c>']);
    });
    const entries = checkedEntries(zip);
    expect([...entries.keys()]).toEqual(['a.xml', 'b.xml', 'c.xml']);
    expect(entries.get('a.xml')).toBe('<a>hello</a>');
    expect(entries.get('b.xml')).toHaveLength(1 << 16);
    expect(entries.get('c.xml')).toBe('<c>Tỷ lệ</c>');
  });
});
