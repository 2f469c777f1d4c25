/**
 * Colour arithmetic for checking the status palette: sRGB → CIE L*a*b* (D65), CIEDE2000 colour difference, the
 * greyscale a printer makes of a colour, and WCAG 2 contrast. Written from the published definitions:
 * - sRGB: IEC 61966-2-1 (https://www.w3.org/Graphics/Color/srgb), D65 white X=0.95047 Y=1 Z=1.08883;
 * - CIEDE2000: G. Sharma, W. Wu, E. N. Dalal, "The CIEDE2000 color-difference formula: implementation notes,
 *   supplementary test data, and mathematical observations", Color Res. Appl. 30(1), 2005 (equations 1–22);
 * - contrast: WCAG 2.1 relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).
 */

export interface Lab { readonly L: number; readonly a: number; readonly b: number }

function channel(hex: string, i: number): number {
  const v = parseInt(hex.slice(i, i + 2), 16) / 255;
  // sRGB transfer function inverted (IEC 61966-2-1; WCAG uses the same curve with 0.03928, equal in 8 bits).
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

function linear(hex: string): [number, number, number] {
  const h = hex.replace(/^#/, '');
  if (!/^[0-9a-fA-F]{6}$/.test(h)) throw new RangeError(`not an RGB hex colour: ${hex}`);
  return [channel(h, 0), channel(h, 2), channel(h, 4)];
}

/** WCAG relative luminance (= CIE Y of sRGB, white = 1). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = linear(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, 1 … 21. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a), lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const WHITE = { X: 0.95047, Y: 1, Z: 1.08883 };

function f(t: number): number {
  const d = 6 / 29;
  return t > d ** 3 ? Math.cbrt(t) : t / (3 * d * d) + 4 / 29;
}

export function xyzToLab(X: number, Y: number, Z: number): Lab {
  const fx = f(X / WHITE.X), fy = f(Y / WHITE.Y), fz = f(Z / WHITE.Z);
  return { L: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

export function hexToLab(hex: string): Lab {
  const [r, g, b] = linear(hex);
  return xyzToLab(
    0.4124 * r + 0.3576 * g + 0.1805 * b,
    0.2126 * r + 0.7152 * g + 0.0722 * b,
    0.0193 * r + 0.1192 * g + 0.9505 * b,
  );
}

/** A greyscale print keeps lightness only: the same L*, no chroma. */
export function greyOf(lab: Lab): Lab {
  return { L: lab.L, a: 0, b: 0 };
}

const deg = (r: number) => (r * 180) / Math.PI;
const rad = (d: number) => (d * Math.PI) / 180;

/** Hue angle in degrees 0 … 360, 0 for a neutral colour (Sharma eq. 4). */
function hue(b: number, a: number): number {
  if (a === 0 && b === 0) return 0;
  const h = deg(Math.atan2(b, a));
  return h >= 0 ? h : h + 360;
}

/** CIEDE2000 ΔE00 with kL = kC = kH = 1 (Sharma et al. 2005, eqs. 1–22). */
export function ciede2000(x: Lab, y: Lab): number {
  const C1 = Math.hypot(x.a, x.b), C2 = Math.hypot(y.a, y.b);
  const Cbar = (C1 + C2) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cbar ** 7 / (Cbar ** 7 + 25 ** 7)));
  const a1 = (1 + G) * x.a, a2 = (1 + G) * y.a;
  const C1p = Math.hypot(a1, x.b), C2p = Math.hypot(a2, y.b);
  const h1p = hue(x.b, a1), h2p = hue(y.b, a2);

  const dLp = y.L - x.L;
  const dCp = C2p - C1p;
  let dhp: number;
  if (C1p * C2p === 0) dhp = 0;
  else if (Math.abs(h2p - h1p) <= 180) dhp = h2p - h1p;
  else if (h2p - h1p > 180) dhp = h2p - h1p - 360;
  else dhp = h2p - h1p + 360;
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin(rad(dhp / 2));

  const Lbp = (x.L + y.L) / 2;
  const Cbp = (C1p + C2p) / 2;
  let hbp: number;
  if (C1p * C2p === 0) hbp = h1p + h2p;
  else if (Math.abs(h1p - h2p) <= 180) hbp = (h1p + h2p) / 2;
  else if (h1p + h2p < 360) hbp = (h1p + h2p + 360) / 2;
  else hbp = (h1p + h2p - 360) / 2;

  const T = 1 - 0.17 * Math.cos(rad(hbp - 30)) + 0.24 * Math.cos(rad(2 * hbp))
    + 0.32 * Math.cos(rad(3 * hbp + 6)) - 0.2 * Math.cos(rad(4 * hbp - 63));
  const dTheta = 30 * Math.exp(-(((hbp - 275) / 25) ** 2));
  const RC = 2 * Math.sqrt(Cbp ** 7 / (Cbp ** 7 + 25 ** 7));
  const SL = 1 + (0.015 * (Lbp - 50) ** 2) / Math.sqrt(20 + (Lbp - 50) ** 2);
  const SC = 1 + 0.045 * Cbp;
  const SH = 1 + 0.015 * Cbp * T;
  const RT = -Math.sin(rad(2 * dTheta)) * RC;
  return Math.sqrt((dLp / SL) ** 2 + (dCp / SC) ** 2 + (dHp / SH) ** 2 + RT * (dCp / SC) * (dHp / SH));
}
