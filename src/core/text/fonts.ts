/**
 * What a cell's font name says about its encoding. The ABC fonts (.VnTime, .VnArial, .VnTimeH …) were made for
 * TCVN3, the VNI fonts (VNI-Times, VNI-Helve …) for VNI. A font is only a hint: many Unicode workbooks still
 * carry .VnTime as their default font, and Windows draws the Unicode letters with a fallback font.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

const TCVN3_FONT = /^\.?vn(?!i[-_ ])/i;
const VNI_FONT = /^vni[-_ ]/i;
/** ".VnTimeH", ".VnArial NarrowH": the H ("hoa", capitals) companions whose glyphs are all upper case. */
const CAPS_FONT = /[a-z ]H$/;

/** The legacy encoding a font name implies, or null for any other font. */
export function fontEncoding(font: string | undefined): LegacyEncoding | null {
  if (font === undefined) return null;
  const name = font.trim();
  if (VNI_FONT.test(name)) return 'vni';
  if (TCVN3_FONT.test(name)) return 'tcvn3';
  return null;
}

/** True for a TCVN3 capitals font: text shown in it is upper case whatever the codes say. */
export function isCapsFont(font: string | undefined): boolean {
  return font !== undefined && fontEncoding(font) === 'tcvn3' && CAPS_FONT.test(font.trim());
}
