import type { ReadBudget } from './limits';
import { parsePart, type XmlHandler } from './xml';
import type { ZipEntry, Archive } from './zip';

/** What a cell style (an index into cellXfs) contributes to the grid. */
export interface XfInfo {
  /** Number format code, omitted for General. */
  readonly fmt?: string;
  readonly font?: string;
  /** The format shows a date: the cached number is normalised as exceljs does (whole milliseconds). */
  readonly date: boolean;
  /**
   * The format shows a time of day or a duration ("h:mm", "[hh]:mm:ss") and no calendar date: the number is not
   * moved to the 1900 system in a 1904 workbook, since it counts hours rather than days since an epoch.
   */
  readonly timeOnly?: boolean;
}

/** Excel's built-in number formats (ids below 164 need no <numFmt>); the codes exceljs uses, for equal grids. */
const BUILTIN: Readonly<Record<number, string>> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm',
  21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** exceljs's test for a date format (it turns such numbers into Date objects); mirrored for equal grids. */
function isDateCode(fmt: string): boolean {
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** A time or duration format without a day, month or year: "h:mm", "mm:ss", "[hh]:mm:ss", "[m]". */
function isTimeOnlyCode(fmt: string): boolean {
  if (/\[(h+|m+|s+)]/i.test(fmt)) return true;
  const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[hs]/i.test(bare) && !/[dy]/i.test(bare) && !/(^|[^hms:m])m+(?![m:s])/i.test(bare.replace(/AM\/PM|A\/P/gi, ''));
}

function int(v: string | undefined, fallback: number): number {
  const n = v === undefined ? NaN : parseInt(v, 10);
  return Number.isFinite(n) ? n : fallback;
}

export function xfInfo(numFmtId: number, fontName: string | undefined, custom: ReadonlyMap<number, string>): XfInfo {
  const code = numFmtId ? custom.get(numFmtId) ?? BUILTIN[numFmtId] : undefined;
  const fmt = code !== undefined && code !== 'General' ? code : undefined;
  return {
    ...(fmt !== undefined ? { fmt } : {}),
    ...(fontName !== undefined ? { font: fontName } : {}),
    date: fmt !== undefined && isDateCode(fmt),
    ...(fmt !== undefined && isDateCode(fmt) && isTimeOnlyCode(fmt) ? { timeOnly: true } : {}),
  };
}

/** The cell styles of styles.xml, by index. Fonts and formats inside <dxfs> (conditional formats) do not count. */
export function readStyles(zip: Archive, e: ZipEntry, budget: ReadBudget): XfInfo[] {
  const custom = new Map<number, string>();
  const fonts: (string | undefined)[] = [];
  const xfs: { numFmtId: number; fontId: number }[] = [];
  let section = '';
  // Markup compatibility (ECMA-376 Part 3): an mc:AlternateContent is one entry of its list, and a reader that does not
  // know a choice's extension takes the fallback (POI's style-alternate-content.xlsx: 29 cell formats, 36 <xf>).
  let choice = 0;
  const h: XmlHandler = {
    open(name, a) {
      if (name === 'Choice') choice++;
      if (choice > 0) return;
      switch (name) {
        case 'numFmts': case 'fonts': case 'cellXfs': case 'cellStyleXfs': case 'dxfs': section = name; break;
        case 'numFmt':
          if (section === 'numFmts' && a['formatCode'] !== undefined) custom.set(int(a['numFmtId'], -1), a['formatCode']);
          break;
        case 'font': if (section === 'fonts') fonts.push(undefined); break;
        case 'name': if (section === 'fonts' && fonts.length > 0) fonts[fonts.length - 1] = a['val']; break;
        case 'xf': if (section === 'cellXfs') xfs.push({ numFmtId: int(a['numFmtId'], 0), fontId: int(a['fontId'], 0) }); break;
      }
    },
    close(name) {
      if (name === 'Choice') choice--;
      else if (name === section) section = '';
    },
    text() { /* styles carry no text the grid needs */ },
  };
  parsePart(zip, e, budget, h);
  return xfs.map(x => xfInfo(x.numFmtId, fonts[x.fontId], custom));
}
