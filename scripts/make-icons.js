#!/usr/bin/env node
/**
 * Draws the ribbon icons (assets/<name>-<size>.png) with plain Node: shapes are sampled 4×4 per pixel for
 * smooth edges and written by a minimal PNG encoder over zlib. Every glyph sits on a white sheet with a
 * mid-tone border, so it reads on the light and the dark ribbon alike. Run: node scripts/make-icons.js
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZES = [16, 20, 24, 32, 40, 48, 64, 80];
const OUT = path.join(__dirname, '..', 'assets');

const C = {
  border: [118, 128, 140, 255], // mid-tone slate: ≥ 3.5:1 contrast on white and on #1f1f1f ribbons
  sheet: [255, 255, 255, 255],
  grid: [176, 184, 194, 255],
  header: [33, 115, 70, 255], // Excel green header band
  check: [16, 124, 65, 255],
  white: [255, 255, 255, 255],
  good: [99, 190, 123, 255],
  bad: [232, 89, 91, 255],
  neutral: [245, 196, 66, 255],
  bar: [43, 108, 176, 255],
  back: [214, 220, 228, 255],
};

// ---- geometry (unit square, y down) ----
function rect(x0, y0, x1, y1, color, r = 0) { return { kind: 'rect', x0, y0, x1, y1, r, color }; }
function line(x0, y0, x1, y1, w, color) { return { kind: 'line', x0, y0, x1, y1, w, color }; }
function circle(cx, cy, r, color) { return { kind: 'circle', cx, cy, r, color }; }

function inside(s, x, y) {
  switch (s.kind) {
    case 'rect': {
      if (x < s.x0 || x > s.x1 || y < s.y0 || y > s.y1) return false;
      if (s.r <= 0) return true;
      const cx = Math.min(Math.max(x, s.x0 + s.r), s.x1 - s.r);
      const cy = Math.min(Math.max(y, s.y0 + s.r), s.y1 - s.r);
      return (x - cx) ** 2 + (y - cy) ** 2 <= s.r ** 2;
    }
    case 'line': {
      const dx = s.x1 - s.x0, dy = s.y1 - s.y0;
      const t = Math.max(0, Math.min(1, ((x - s.x0) * dx + (y - s.y0) * dy) / (dx * dx + dy * dy || 1)));
      return (x - s.x0 - t * dx) ** 2 + (y - s.y0 - t * dy) ** 2 <= (s.w / 2) ** 2;
    }
    case 'circle': return (x - s.cx) ** 2 + (y - s.cy) ** 2 <= s.r ** 2;
    default: return false;
  }
}

/** Rasterises shapes (painter's order) at `size` px; returns RGBA bytes. */
function raster(size, shapes) {
  const ss = 4;
  const px = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const u = (x + (sx + 0.5) / ss) / size;
          const v = (y + (sy + 0.5) / ss) / size;
          let hit = null;
          for (const s of shapes) if (inside(s, u, v)) hit = s.color;
          if (hit) { r += hit[0] * hit[3]; g += hit[1] * hit[3]; b += hit[2] * hit[3]; a += hit[3]; }
        }
      }
      const o = (y * size + x) * 4;
      const n = ss * ss;
      px[o] = a ? Math.round(r / a) : 0;
      px[o + 1] = a ? Math.round(g / a) : 0;
      px[o + 2] = a ? Math.round(b / a) : 0;
      px[o + 3] = Math.round(a / n);
    }
  }
  return px;
}

// ---- PNG ----
const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- glyphs ----
/** A sheet: white body, mid-tone border, green header band, grid lines (fewer when small). */
function sheet(size, x0, y0, x1, y1, opts = {}) {
  const b = Math.max(1, Math.round(size / 16)) / size; // border ≥ 1 px
  const out = [rect(x0, y0, x1, y1, C.border, 1.5 / 16), rect(x0 + b, y0 + b, x1 - b, y1 - b, C.sheet, 1 / 16)];
  const headerBottom = y0 + (y1 - y0) * 0.26;
  out.push(rect(x0 + b, y0 + b, x1 - b, headerBottom, C.header, 1 / 16));
  out.push(rect(x0 + b, headerBottom - b, x1 - b, headerBottom, C.header));
  if (opts.grid !== false) {
    const lw = Math.max(1, Math.round(size / 24)) / size;
    const rows = size < 24 ? 2 : 3;
    for (let i = 1; i <= rows; i++) {
      const y = headerBottom + ((y1 - b - headerBottom) * i) / (rows + 1);
      out.push(line(x0 + b, y, x1 - b, y, lw, C.grid));
    }
    const xc = x0 + (x1 - x0) * 0.36;
    out.push(line(xc, headerBottom, xc, y1 - b, lw, C.grid));
  }
  return out;
}

function checkGlyph(size) {
  return [
    ...sheet(size, 0.06, 0.08, 0.8, 0.86),
    circle(0.7, 0.72, 0.26, C.white),
    circle(0.7, 0.72, 0.22, C.check),
    line(0.59, 0.72, 0.67, 0.81, 0.075, C.white),
    line(0.67, 0.81, 0.82, 0.63, 0.075, C.white),
  ];
}

function colourGlyph(size) {
  const x0 = 0.08, x1 = 0.92, y0 = 0.1, y1 = 0.9;
  const shapes = sheet(size, x0, y0, x1, y1, { grid: false });
  const b = Math.max(1, Math.round(size / 16)) / size;
  const top = y0 + (y1 - y0) * 0.26;
  const rowH = (y1 - b - top) / 3;
  const fills = [C.good, C.bad, C.neutral];
  fills.forEach((f, i) => {
    const ya = top + i * rowH + b * 0.5;
    shapes.push(rect(x0 + b, ya, x1 - b, ya + rowH - b, f));
  });
  const xc = x0 + (x1 - x0) * 0.36;
  shapes.push(line(xc, top, xc, y1 - b, Math.max(1, Math.round(size / 24)) / size, C.white));
  return shapes;
}

function rollupGlyph(size) {
  const shapes = [
    rect(0.3, 0.04, 0.94, 0.64, C.border, 1.5 / 16), rect(0.3 + 1 / size, 0.04 + 1 / size, 0.94 - 1 / size, 0.64 - 1 / size, C.back, 1 / 16),
    rect(0.18, 0.14, 0.82, 0.74, C.border, 1.5 / 16), rect(0.18 + 1 / size, 0.14 + 1 / size, 0.82 - 1 / size, 0.74 - 1 / size, C.back, 1 / 16),
    ...sheet(size, 0.06, 0.26, 0.7, 0.96, { grid: false }),
  ];
  const base = 0.9;
  const bars = [[0.17, 0.62], [0.31, 0.5], [0.45, 0.7]];
  const w = 0.1;
  for (const [x, top] of bars) shapes.push(rect(x, top, x + w, base, C.bar));
  return shapes;
}

const GLYPHS = { check: checkGlyph, colour: colourGlyph, rollup: rollupGlyph };

function main() {
  fs.mkdirSync(OUT, { recursive: true });
  for (const [name, glyph] of Object.entries(GLYPHS)) {
    for (const size of SIZES) {
      const file = path.join(OUT, `${name}-${size}.png`);
      fs.writeFileSync(file, png(size, raster(size, glyph(size))));
    }
  }
  console.log(`Wrote ${Object.keys(GLYPHS).length * SIZES.length} icons to ${path.relative(process.cwd(), OUT) || OUT}`);
}

if (require.main === module) main();
module.exports = { png, raster, SIZES, GLYPHS, COLOURS: C };
