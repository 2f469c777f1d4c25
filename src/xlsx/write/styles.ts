/**
 * The styles part: one cell format (xf) per distinct planned CellStyle, with the fonts, fills and number formats it
 * needs. Looks follow plan-sheets.ts (the exceljs renderer): wrap also aligns to the top, colours are solid fills.
 * https://learn.microsoft.com/en-us/dotnet/api/documentformat.openxml.spreadsheet.stylesheet
 */
import type { CellStyle } from '../../core/plan/types';
import { esc, XML_HEAD } from './xml';

/** Number formats Excel knows by id (ECMA-376 Part 1, 18.8.30); others get ids from 164. */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = {
  General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '0.00E+00': 11, '@': 49,
};

const FONT_TAIL = '<sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/>';

function hex(c: string): string {
  return `FF${c.replace(/^#/, '').toUpperCase()}`;
}

/**
 * Where an existing workbook's style lists end, when sheets are added to it (see append.ts): new fonts, fills and
 * cell formats are numbered after them. Its first font and fills 0–1 (none, gray125) stand for the defaults, as in
 * every styles part Excel writes; our plain cell format comes first among the added ones.
 */
export interface StyleBase {
  readonly fonts: number;
  readonly fills: number;
  readonly xfs: number;
  /** The first free custom number format id (164 or more). */
  readonly nextFormatId: number;
}

/** New entries of each list, for a styles part that already has its own. */
export interface StyleAdditions {
  readonly numFmts: readonly string[];
  readonly fonts: readonly string[];
  readonly fills: readonly string[];
  readonly xfs: readonly string[];
}

export class StyleTable {
  private readonly byObject = new WeakMap<CellStyle, number>();
  private readonly byKey = new Map<string, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly fonts = new Map<string, number>([[`<font>${FONT_TAIL}</font>`, 0]]);
  private readonly fills = new Map<string, number>([['<fill><patternFill patternType="none"/></fill>', 0], ['<fill><patternFill patternType="gray125"/></fill>', 1]]);
  private readonly formats = new Map<string, number>();

  /** The xf index of a style (0: none). Plans share style objects, so most lookups are a WeakMap hit. */
  private last: CellStyle | null = null;
  private lastId = 0;

  /** Without a base: a styles part of our own, numbered from 0. */
  constructor(private readonly base?: StyleBase) {}

  id(style: CellStyle | undefined): number {
    // Added to a workbook, an unstyled cell gets a plain format of ours: the file's first one may carry a number format.
    if (!style) return this.base ? this.base.xfs : 0;
    if (style === this.last) return this.lastId;
    const id = this.lookup(style);
    this.last = style;
    this.lastId = id;
    return id;
  }

  private lookup(style: CellStyle): number {
    const known = this.byObject.get(style);
    if (known !== undefined) return known;
    const key = JSON.stringify([style.fill, style.fontColor, style.bold, style.wrap, style.numFmt, style.align]);
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = (this.base?.xfs ?? 0) + this.xfs.length;
      this.xfs.push(this.xf(style));
      this.byKey.set(key, id);
    }
    this.byObject.set(style, id);
    return id;
  }

  private xf(s: CellStyle): string {
    const b = this.base;
    const localFont = s.bold || s.fontColor
      ? intern(this.fonts, `<font>${s.bold ? '<b/>' : ''}${s.fontColor ? `<color rgb="${hex(s.fontColor)}"/>` : ''}${FONT_TAIL}</font>`)
      : 0;
    const localFill = s.fill ? intern(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${hex(s.fill)}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    // Past the defaults, an existing workbook's ids continue after its own lists.
    const font = b && localFont > 0 ? b.fonts + localFont - 1 : localFont;
    const fill = b && localFill > 1 ? b.fills + localFill - 2 : localFill;
    let fmt = 0;
    if (s.numFmt) fmt = BUILT_IN_FORMATS[s.numFmt] ?? (this.formats.get(s.numFmt) ?? this.newFormat(s.numFmt));
    const align = s.wrap || s.align
      ? `<alignment${s.align ? ` horizontal="${s.align}"` : ''}${s.wrap ? ' vertical="top" wrapText="1"' : ''}/>`
      : '';
    const applies = `${fmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
    return `<xf numFmtId="${fmt}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"${applies}${align ? `>${align}</xf>` : '/>'}`;
  }

  private newFormat(code: string): number {
    const id = (this.base?.nextFormatId ?? 164) + this.formats.size;
    this.formats.set(code, id);
    return id;
  }

  /** What an existing styles part gains: every font and fill past the defaults, and all our cell formats. */
  additions(): StyleAdditions {
    return {
      numFmts: [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`),
      fonts: [...this.fonts.keys()].slice(1),
      fills: [...this.fills.keys()].slice(2),
      xfs: this.xfs,
    };
  }

  xml(): string {
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
    return `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
      + (formats.length ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` : '')
      + `<fonts count="${this.fonts.size}">${[...this.fonts.keys()].join('')}</fonts>`
      + `<fills count="${this.fills.size}">${[...this.fills.keys()].join('')}</fills>`
      + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
      + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
      + `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>`
      + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
      + '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>'
      + '</styleSheet>';
  }
}

function intern(map: Map<string, number>, xml: string): number {
  let id = map.get(xml);
  if (id === undefined) {
    id = map.size;
    map.set(xml, id);
  }
  return id;
}
