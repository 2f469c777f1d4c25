import { readFileSync } from 'fs';
import { join } from 'path';
import { inflateSync } from 'zlib';

// The generator is plain Node (scripts/ is not TypeScript); its exports are typed here for the test.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const icons = require('../../scripts/make-icons.js') as {
  png(size: number, rgba: Buffer): Buffer;
  raster(size: number, shapes: unknown[]): Buffer;
  SIZES: number[];
  GLYPHS: Record<string, (size: number) => unknown[]>;
  COLOURS: Record<string, [number, number, number, number]>;
};

const luminance = ([r, g, b]: number[]): number => {
  const lin = (c: number) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
};
const contrast = (a: number[], b: number[]): number => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};

/** RGBA pixels of a non-interlaced 8-bit RGBA PNG written with filter 0. */
function decode(file: string): { size: number; rgba: Buffer } {
  const b = readFileSync(file);
  const size = b.readUInt32BE(16);
  let off = 8;
  const idat: Buffer[] = [];
  while (off < b.length) {
    const len = b.readUInt32BE(off);
    const type = b.subarray(off + 4, off + 8).toString('ascii');
    if (type === 'IDAT') idat.push(b.subarray(off + 8, off + 8 + len));
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) raw.copy(rgba, y * size * 4, y * (size * 4 + 1) + 1, (y + 1) * (size * 4 + 1));
  return { size, rgba };
}

describe('ribbon icons', () => {
  it('are exactly what scripts/make-icons.js draws (the committed files are not hand-edited)', () => {
    for (const [name, glyph] of Object.entries(icons.GLYPHS)) {
      for (const size of icons.SIZES) {
        const expected = icons.png(size, icons.raster(size, glyph(size)));
        expect(readFileSync(join(__dirname, '../../assets', `${name}-${size}.png`)).equals(expected)).toBe(true);
      }
    }
  });

  it('outline every glyph in a mid-tone that stands out on light and dark ribbons', () => {
    const border = icons.COLOURS.border as number[];
    for (const ribbon of [[255, 255, 255], [243, 243, 243], [43, 43, 43], [31, 31, 31]]) {
      expect(contrast(border, ribbon)).toBeGreaterThanOrEqual(3.5);
    }
    for (const [name] of Object.entries(icons.GLYPHS)) {
      for (const size of icons.SIZES) {
        const { rgba } = decode(join(__dirname, '../../assets', `${name}-${size}.png`));
        let opaque = 0;
        let bordered = 0;
        for (let i = 0; i < rgba.length; i += 4) {
          if ((rgba[i + 3] ?? 0) > 200) opaque++;
          if (rgba[i] === border[0] && rgba[i + 1] === border[1] && rgba[i + 2] === border[2]) bordered++;
        }
        // A solid glyph, not a faint outline, with its border colour present at every size.
        expect(opaque / (size * size)).toBeGreaterThan(0.4);
        expect(bordered).toBeGreaterThan(0);
      }
    }
  });
});
