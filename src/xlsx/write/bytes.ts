/**
 * XML written straight into bytes. A sheet's body is ASCII but for formulas and cached text (cells point into the
 * shared strings by index), so its markup, references, style ids and integers are stored byte by byte into a 64 KB
 * buffer instead of being built as strings: the string writer allocated 650 MB for a national rollup (sampled), each
 * cell's pieces joined, flattened and then encoded again.
 */

import { memoNumber } from '../../core/text/memo';

const CAP = 1 << 16;
const encoder = new TextEncoder();

/** Bytes of an ASCII string, for the markup a sheet repeats (computed once per piece). */
export function asciiBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) throw new Error(`not ASCII: ${s}`);
    b[i] = c;
  }
  return b;
}

export class ByteWriter {
  private readonly buf: Uint8Array;
  private at = 0;

  /**
   * `out` is given each full buffer, to read during the call only: the buffer is then filled again (a new one each time
   * made 63 MB of buffers for the collector on a national rollup).
   */
  constructor(private readonly out: (bytes: Uint8Array) => void, private readonly cap = CAP) {
    // Room for the widest single write that is not handed over on its own: an integer's 10 digits, 16 markup bytes.
    if (cap < 16) throw new Error('buffer too small');
    this.buf = new Uint8Array(cap);
  }

  /** Bytes from asciiBytes (or any bytes). */
  bytes(b: Uint8Array): void {
    const n = b.length;
    if (this.at + n > this.cap) { this.flush(); if (n > this.cap) { this.out(b); return; } }
    const buf = this.buf;
    let at = this.at;
    // A loop beats set() for the few bytes of a markup piece.
    if (n <= 16) { for (let i = 0; i < n; i++) buf[at++] = b[i] as number; } else { buf.set(b, at); at += n; }
    this.at = at;
  }

  /** A non-negative integer below 2^31, in decimal as String() writes it. */
  int(v: number): void {
    if (this.at + 10 > this.cap) this.flush();
    this.at = digits(this.buf, this.at, v);
  }

  /**
   * `a`, `b` and `c`, the integer `v` (non-negative, below 2^31) in decimal, then `d`: a whole cell in one call (`<c
   * r="B` · `12` · `" s="5" t="s"><v>` · index · `</v></c>`), with one check of room instead of five calls making
   * five: a national rollup writes two million cells, and copying their bytes took a quarter of the writer's time.
   */
  cell(a: Uint8Array, b: Uint8Array, c: Uint8Array, v: number, d: Uint8Array): void {
    const need = a.length + b.length + c.length + 10 + d.length;
    if (need > this.cap) { this.bytes(a); this.bytes(b); this.bytes(c); this.int(v); this.bytes(d); return; }
    if (this.at + need > this.cap) this.flush();
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < a.length; i++) buf[at++] = a[i] as number;
    for (let i = 0; i < b.length; i++) buf[at++] = b[i] as number;
    for (let i = 0; i < c.length; i++) buf[at++] = c[i] as number;
    at = digits(buf, at, v);
    for (let i = 0; i < d.length; i++) buf[at++] = d[i] as number;
    this.at = at;
  }

  /** A number's <v> text: what String() writes (small integers digit by digit, others through String, remembered). */
  number(v: number): void {
    // (v | 0) === v: an integer within 32 bits (-0 included, written "0" as String writes it).
    if ((v | 0) === v) {
      if (v >= 0) this.int(v);
      else { this.bytes(MINUS); this.int(-v); }
      return;
    }
    this.bytes(decimalBytes(v));
  }

  /** Any text, as UTF-8 (already escaped for XML by the caller). */
  text(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.at + s.length * 3 > this.cap) {
      this.flush();
      if (s.length * 3 > this.cap) { this.out(encoder.encode(s)); return; }
    }
    this.at += encoder.encodeInto(s, this.buf.subarray(this.at)).written;
  }

  /** Hands over what is buffered. */
  flush(): void {
    if (this.at === 0) return;
    const full = this.buf.subarray(0, this.at);
    this.at = 0;
    this.out(full);
  }
}

const MINUS = asciiBytes('-');

/** "00" … "99" as ASCII digit pairs: a number is then written two digits per division. */
const PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) { PAIRS[2 * i] = 48 + Math.floor(i / 10); PAIRS[2 * i + 1] = 48 + (i % 10); }

/**
 * Writes `v` (non-negative, below 2^31) in decimal into `buf` at `at`, as String() writes it; returns the end. Two
 * digits per step: the divisions were the largest item of a national write's profile (50 ns a call), and halving them
 * wrote "Dữ liệu" 7–10% faster (warm, in process, 48 alternating writes, 2026-12-04).
 */
function digits(buf: Uint8Array, at: number, v: number): number {
  if (v < 10) { buf[at] = 48 + v; return at + 1; }
  const end = at + (v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 : v < 1000000 ? 6 : v < 10000000 ? 7
    : v < 100000000 ? 8 : v < 1000000000 ? 9 : 10);
  let p = end;
  let x = v;
  while (x >= 100) {
    const q = (x / 100) | 0;
    const r = (x - q * 100) * 2;
    buf[--p] = PAIRS[r + 1] as number;
    buf[--p] = PAIRS[r] as number;
    x = q;
  }
  if (x >= 10) {
    buf[--p] = PAIRS[2 * x + 1] as number;
    buf[--p] = PAIRS[2 * x] as number;
  } else buf[--p] = 48 + x;
  return end;
}

/**
 * The bytes of a number that is not a small integer, as String() writes it (ASCII: digits, sign, point, exponent).
 * A rollup repeats its figures (targets, shares, confidences) across communes, and printing a double costs several
 * times a lookup: writing a national rollup with --previous took 1.41–1.70 s before, 1.20–1.44 s after (warm, three
 * alternating processes each, 2026-12-02).
 */
const decimalBytes = memoNumber(v => asciiBytes(String(v)));
