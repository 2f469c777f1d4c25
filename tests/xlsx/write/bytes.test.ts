/**
 * The byte writer against plain strings: whatever the pieces and wherever the buffer fills, the bytes handed over are
 * the UTF-8 of the same text built as a string (numbers as String() writes them).
 */
import fc from 'fast-check';
import { asciiBytes, ByteWriter } from '../../../src/xlsx/write/bytes';

type Op = { k: 'ascii'; s: string } | { k: 'int'; n: number } | { k: 'number'; n: number } | { k: 'text'; s: string }
  | { k: 'cell'; parts: readonly [string, string, string, string]; n: number };

const markup = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map(c => String.fromCharCode(c)), maxLength: 24 });

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant('ascii' as const), s: fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map(c => String.fromCharCode(c)), maxLength: 40 }) }),
  fc.record({ k: fc.constant('int' as const), n: fc.oneof(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(0, 9, 10, 99, 100, 999_999_999, 1_000_000_000, 2 ** 31 - 1)) }),
  fc.record({ k: fc.constant('number' as const), n: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constantFrom(-0, -(2 ** 31), 2 ** 31, 1e21, 1e-7, 0.1 + 0.2)) }),
  // A whole cell in one call: its pieces of markup around an index, short or longer than a small buffer.
  fc.record({
    k: fc.constant('cell' as const),
    parts: fc.tuple(markup, markup, markup, markup),
    n: fc.oneof(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(0, 9, 10, 99, 100, 12_345, 999_999_999, 1_000_000_000, 2 ** 31 - 1)),
  }),
  fc.record({ k: fc.constant('text' as const), s: fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('Tỷ lệ phủ sóng 5G — ≥ 90%', '𝔘𝔫𝔦', 'x'.repeat(500))) }),
);

function run(ops: readonly Op[], cap: number): { bytes: Uint8Array; calls: number } {
  const chunks: Uint8Array[] = [];
  const w = new ByteWriter(b => { chunks.push(b.slice()); }, cap);
  for (const o of ops) {
    switch (o.k) {
      case 'ascii': w.bytes(asciiBytes(o.s)); break;
      case 'int': w.int(o.n); break;
      case 'number': w.number(o.n); break;
      case 'text': w.text(o.s); break;
      case 'cell': w.cell(asciiBytes(o.parts[0]), asciiBytes(o.parts[1]), asciiBytes(o.parts[2]), o.n, asciiBytes(o.parts[3])); break;
    }
  }
  w.flush();
  return { bytes: Buffer.concat(chunks), calls: chunks.length };
}

function expected(ops: readonly Op[]): Uint8Array {
  return new TextEncoder().encode(ops.map(o => {
    switch (o.k) {
      case 'int':
      case 'number': return String(o.n);
      case 'cell': return `${o.parts[0]}${o.parts[1]}${o.parts[2]}${o.n}${o.parts[3]}`;
      case 'ascii':
      case 'text': return o.s;
    }
  }).join(''));
}

describe('ByteWriter', () => {
  it('hands over the UTF-8 of the same text built as a string, whatever the buffer size', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 80 }), fc.constantFrom(16, 17, 64, 1000, 1 << 16), (ops, cap) => {
      const { bytes } = run(ops, cap);
      expect(Buffer.from(bytes).equals(Buffer.from(expected(ops)))).toBe(true);
    }), { numRuns: 400 });
  });

  it('writes every integer below 100,000 and each power of ten and its neighbours as String() does', () => {
    // Digits go out two at a time (a table of pairs): every pair, length and carry is among these.
    const ns: number[] = [];
    for (let n = 0; n < 100_000; n++) ns.push(n);
    for (let p = 10; p <= 1e9; p *= 10) ns.push(p - 1, p, p + 1);
    ns.push(2 ** 31 - 1);
    const ops: Op[] = ns.map(n => ({ k: 'int', n }));
    const { bytes } = run(ops, 1 << 16);
    expect(Buffer.from(bytes).toString('latin1')).toBe(ns.join(''));
  });

  it('writes a number it has written before the same way (the remembered texts), -0 as 0', () => {
    // Few distinct values, so that most are repeats, as a rollup's figures are.
    const repeated = fc.array(fc.constantFrom(0.1, 0.5, 87.25, -3.75, 1e21, 1e-7, -0, 0.1 + 0.2, 2 ** 31, -(2 ** 40) - 0.5), { maxLength: 60 });
    fc.assert(fc.property(repeated, fc.constantFrom(16, 64, 1 << 16), (ns, cap) => {
      const ops: Op[] = ns.map(n => ({ k: 'number', n }));
      expect(Buffer.from(run(ops, cap).bytes).toString('latin1')).toBe(ns.map(String).join(''));
    }));
  });

  it('reuses its buffer: a consumer that keeps a view sees it overwritten (so the writer must copy)', () => {
    const kept: Uint8Array[] = [];
    const w = new ByteWriter(b => { kept.push(b); }, 16);
    w.bytes(asciiBytes('a'.repeat(16)));
    w.bytes(asciiBytes('b'.repeat(16)));
    w.flush();
    expect(kept).toHaveLength(2);
    expect(kept[0]?.buffer).toBe(kept[1]?.buffer);
  });

  it('refuses markup that is not ASCII', () => {
    expect(() => asciiBytes('Tỷ')).toThrow(/not ASCII/);
  });
});
