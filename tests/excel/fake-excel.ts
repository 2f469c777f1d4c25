/**
 * A small in-memory Excel behind office-addin-mock proxies, for testing the Office.js adapter.
 *
 * Every object the adapter touches is an OfficeMockObject, so reading a property that was not loaded and synced
 * yields the mock's error string instead of data (tests then fail on values). On top of the mock this fake adds
 * what it lacks: a workbook model the proxies are built from, writes applied at context.sync (method calls in
 * order, then property assignments), a context.sync counter, request/response size estimates per sync with
 * Excel on the web's 5 MB limits, and the API level of an older Excel (methods beyond it are simply absent).
 */
import { OfficeMockObject } from 'office-addin-mock';
import type { OfficeEnv, SettingsLike } from '../../src/excel/env';
import { areaAddress, columnNumber, parseArea } from '../../src/core/grid/address';
import type { Area } from '../../src/core/grid/types';

export interface FakeCell {
  value?: string | number | boolean;
  error?: string;
  formula?: string;
  numberFormat?: string;
  /** "#RRGGBB"; undefined / null = no fill. */
  fill?: string | null;
  pattern?: string;
  patternColor?: string;
  fontColor?: string;
  /** Theme tints (tintAndShade). */
  tint?: number;
  fontTint?: number;
  fontName?: string;
  hyperlink?: unknown;
}

const NOT_LOADED = ['Error, property was not loaded', 'Error, context.sync() was not called'];
const isMockError = (v: unknown): boolean => typeof v === 'string' && NOT_LOADED.includes(v);

/** Bytes an action costs in a request besides its arguments (object path + action record). */
const ACTION = 200;
const size = (v: unknown): number => Buffer.byteLength(JSON.stringify(v ?? null), 'utf8');

/** The area each range mock stands for, readable without a load (the writer never loads it). */
const RANGE_ADDRESS = new WeakMap<object, string>();

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  merges: Area[] = [];
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protected = false;
  frozenRows = 0;
  frozenColumns = 0;
  readonly columnWidths = new Map<number, number>();
  /** Charts added, with what was set on them. */
  readonly charts: { type: string; source: string; seriesBy: string; title?: string; position?: string; seriesName?: string; xValues?: string; legend?: boolean }[] = [];
  constructor(public name: string, public readonly id: string) {}

  get(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  cell(row: number, col: number): FakeCell {
    const k = `${row},${col}`;
    let c = this.cells.get(k);
    if (!c) this.cells.set(k, (c = {}));
    return c;
  }

  /** Sets cells from "B7" → value (numbers, text, or a partial FakeCell). */
  put(entries: Record<string, string | number | boolean | FakeCell>): this {
    for (const [addr, v] of Object.entries(entries)) {
      const a = parseArea(addr);
      if (!a) throw new Error(`bad address ${addr}`);
      const cell = this.cell(a.top, a.left);
      if (typeof v === 'object') Object.assign(cell, v);
      else cell.value = v;
    }
    return this;
  }

  /** Fill / font of a cell as a comparable string. */
  look(addr: string): string {
    const a = parseArea(addr) as Area;
    const c = this.get(a.top, a.left);
    const tints = c?.tint || c?.fontTint ? `|${c?.tint ?? 0}|${c?.fontTint ?? 0}` : '';
    return `${c?.fill ?? 'none'}|${c?.pattern ?? ''}|${c?.fontColor ?? '#000000'}${tints}`;
  }

  hasValue(c: FakeCell | undefined): boolean {
    return !!c && ((c.value !== undefined && c.value !== '') || c.formula !== undefined || c.error !== undefined);
  }

  usedArea(valuesOnly: boolean): Area | null {
    let a: Area | null = null;
    for (const [k, c] of this.cells) {
      if (valuesOnly ? !this.hasValue(c) : Object.keys(c).length === 0) continue;
      const [r, col] = k.split(',').map(Number) as [number, number];
      a = a ? { top: Math.min(a.top, r), left: Math.min(a.left, col), bottom: Math.max(a.bottom, r), right: Math.max(a.right, col) } : { top: r, left: col, bottom: r, right: col };
    }
    return a;
  }
}

class FakeSettings implements SettingsLike {
  private live: Map<string, string>;
  constructor(private readonly owner: FakeExcel) {
    this.live = new Map(Object.entries(owner.savedSettings));
  }
  get(name: string): unknown {
    const v = this.live.get(name);
    return v === undefined ? null : JSON.parse(v);
  }
  set(name: string, value: unknown): void {
    this.live.set(name, JSON.stringify(value));
  }
  remove(name: string): void {
    this.live.delete(name);
  }
  saveAsync(cb: (r: { status: unknown }) => void): void {
    this.owner.savedSettings = Object.fromEntries(this.live);
    cb({ status: 'succeeded' });
  }
}

export interface SyncRecord {
  readonly request: number;
  readonly response: number;
}

export interface FakeOptions {
  /** Highest ExcelApi version this Excel supports, e.g. "1.13" or "1.1". */
  readonly version?: string;
  readonly requestLimit?: number;
  readonly responseLimit?: number;
}

function versionAtMost(v: string, max: string): boolean {
  const [a1, a2] = v.split('.').map(Number) as [number, number];
  const [b1, b2] = max.split('.').map(Number) as [number, number];
  return a1 < b1 || (a1 === b1 && a2 <= b2);
}

let guid = 0;
const nextId = (): string => `{00000000-0000-4000-8000-${String(++guid).padStart(12, '0')}}`;

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  active = 0;
  selection: { sheet: string; address: string } | null = null;
  /** Custom XML parts: id → xml. They are part of the file, so they survive reopen(). */
  readonly parts = new Map<string, string>();
  savedSettings: Record<string, string> = {};
  settings: FakeSettings;
  syncCount = 0;
  readonly syncLog: SyncRecord[] = [];
  readonly violations: string[] = [];
  readonly version: string;
  readonly requestLimit: number;
  readonly responseLimit: number;

  constructor(options: FakeOptions = {}) {
    this.version = options.version ?? '1.13';
    this.requestLimit = options.requestLimit ?? 5_000_000;
    this.responseLimit = options.responseLimit ?? 5_000_000;
    this.settings = new FakeSettings(this);
  }

  supports(v: string): boolean {
    return versionAtMost(v, this.version);
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name, nextId());
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find(x => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** Closing and reopening a saved file: settings not saved with saveAsync are lost, the rest stays. */
  reopen(): void {
    this.settings = new FakeSettings(this);
  }

  env(overrides: Partial<OfficeEnv> = {}): OfficeEnv {
    return {
      run: batch => new Batch(this).run(batch),
      isSetSupported: (name, v) => name === 'ExcelApi' && this.supports(v),
      settings: this.settings,
      ...overrides,
    };
  }

  resetStats(): void {
    this.syncCount = 0;
    this.syncLog.length = 0;
  }

  get maxRequest(): number {
    return Math.max(0, ...this.syncLog.map(s => s.request));
  }

  get maxResponse(): number {
    return Math.max(0, ...this.syncLog.map(s => s.response));
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Mock = Record<string, any>;

const mock_ = (m: OfficeMockObject): Mock => m as unknown as Mock;

/** The mock's private bookkeeping, reached into where its public surface cannot express Excel (null values). */
interface MockInternals {
  readonly _properties: Map<string, MockInternals>;
  readonly _isObject?: boolean;
  _valueBeforeLoaded?: unknown;
}
const internals = (m: Mock): MockInternals => m as unknown as MockInternals;

/** Overrides a leaf the mock cannot be populated with (null). */
function setLeaf(mock: Mock, prop: string, value: unknown): void {
  const child = internals(mock)._properties.get(prop);
  if (child) child._valueBeforeLoaded = value;
}

const quote = (name: string): string => `'${name.replace(/'/g, "''")}'`;

function parseAddress(address: string, sheet: FakeSheet): Area {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const cols = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/i.exec(local.trim());
  if (cols) {
    const used = sheet.usedArea(false);
    return { top: 1, bottom: Math.max(1, used?.bottom ?? 1), left: columnNumber(cols[1] as string), right: columnNumber(cols[2] as string), whole: true } as Area;
  }
  const a = parseArea(local);
  if (!a) throw new Error(`InvalidArgument: ${address}`);
  return a;
}

function valueType(c: FakeCell | undefined): string {
  if (!c) return 'Empty';
  if (c.error !== undefined) return 'Error';
  const v = c.value;
  if (v === undefined || v === '') return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

/** What Excel makes of a value written through range.values. */
function parseInput(v: unknown): Pick<FakeCell, 'value' | 'formula' | 'error'> {
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  const s = String(v ?? '');
  if (s === '') return {};
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (s.startsWith('=')) return { formula: s.slice(1), value: '' };
  if (/^[+-]?\d+(\.\d+)?$/.test(s)) return { value: Number(s) };
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === 'true' };
  if (/^\d{1,2}\/\d{4}$/.test(s)) return { value: 45000 }; // Excel reads "12/2025" as a date
  return { value: s };
}

const RANGE_WRITES = ['values', 'formulas', 'numberFormat', 'hyperlink', 'format.fill.color', 'format.font.color', 'format.font.bold', 'format.columnWidth', 'format.wrapText', 'format.horizontalAlignment'] as const;

function getPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o == null ? undefined : (o as Record<string, unknown>)[k]), obj);
}

interface Tracked {
  readonly mock: Mock;
  readonly apply?: (path: string, value: unknown) => void;
  baseline?: Map<string, unknown>;
}

/** One Excel.run: the proxies it hands out and the work queued until the next sync. */
class Batch {
  private readonly tracked: Tracked[] = [];
  private ops: { bytes: number; run: () => void }[] = [];
  private loads: { mock: Mock; props: string[] }[] = [];
  private requestBytes = 0;
  private pendingSheets = new Map<string, FakeSheet>();
  private worksheetsProxy: Mock | null = null;

  constructor(private readonly fake: FakeExcel) {}

  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const workbook: Record<string, unknown> = {};
    Object.defineProperty(workbook, 'worksheets', { get: () => this.worksheets() });
    if (this.fake.supports('1.5')) {
      Object.defineProperty(workbook, 'customXmlParts', { get: () => this.customXmlParts() });
    }
    const context = { workbook, sync: () => this.sync() };
    return batch(context as unknown as Excel.RequestContext);
  }

  private track(mock: Mock, apply?: (path: string, value: unknown) => void): Mock {
    const entry: Tracked = { mock, ...(apply ? { apply } : {}) };
    if (apply) entry.baseline = new Map(RANGE_WRITES.map(p => [p, getPath(mock, p)]));
    this.tracked.push(entry);
    this.requestBytes += 150;
    this.wrapLoads(mock);
    return mock;
  }

  /** Wraps load on a mock and its nested mocks to measure responses. */
  private wrapLoads(mock: Mock): void {
    const original = mock.load.bind(mock);
    mock.load = (arg?: string | string[]) => {
      const props = (Array.isArray(arg) ? arg : String(arg ?? '').split(',')).map(p => p.trim()).filter(Boolean);
      this.loads.push({ mock, props });
      this.requestBytes += 150;
      return original(arg);
    };
    for (const [, child] of internals(mock)._properties) {
      if (child._isObject) this.wrapLoads(child as unknown as Mock);
    }
  }

  private op(bytes: number, run: () => void): void {
    this.ops.push({ bytes: ACTION + bytes, run });
  }

  private clientResult(value: unknown): Mock {
    const mock = mock_(new OfficeMockObject({ value: [] }));
    setLeaf(mock, 'value', value);
    this.track(mock);
    mock.load('value');
    return mock;
  }

  private collection(items: () => Mock[], methods: Record<string, unknown>): Mock {
    const mock = mock_(new OfficeMockObject({ items: [], ...methods }));
    this.track(mock);
    const original = OfficeMockObject.prototype.load;
    mock.load = (arg?: string) => {
      const list = items();
      setLeaf(mock, 'items', list);
      original.call(mock as unknown as OfficeMockObject, 'items');
      const sub = String(arg ?? '').split(',').map(p => p.trim()).filter(p => p.startsWith('items/')).map(p => p.slice('items/'.length));
      if (sub.length > 0) for (const item of list) item.load(sub.join(','));
      this.requestBytes += 150;
      return mock;
    };
    return mock;
  }

  private findSheet(name: string): FakeSheet {
    const s = this.fake.sheets.find(x => x.name === name) ?? this.pendingSheets.get(name);
    if (!s) throw new Error(`ItemNotFound: worksheet ${name}`);
    return s;
  }

  private worksheets(): Mock {
    if (this.worksheetsProxy) return this.worksheetsProxy;
    const fake = this.fake;
    this.worksheetsProxy = this.collection(() => fake.sheets.map(s => this.worksheet(s)), {
      getItem: (name: string) => this.worksheet(this.findSheet(name)),
      getActiveWorksheet: () => this.worksheet(fake.sheets[fake.active] as FakeSheet),
      add: (name: string) => {
        if (fake.sheets.some(s => s.name.toLowerCase() === name.toLowerCase()) || this.pendingSheets.has(name)) {
          throw new Error(`ItemAlreadyExists: ${name}`);
        }
        const sheet = new FakeSheet(name, nextId());
        this.pendingSheets.set(name, sheet);
        this.op(size(name), () => { fake.sheets.push(sheet); this.pendingSheets.delete(name); });
        return this.worksheet(sheet);
      },
    });
    return this.worksheetsProxy;
  }

  private worksheet(sheet: FakeSheet): Mock {
    const fake = this.fake;
    const data: Record<string, unknown> = {
      name: sheet.name,
      id: sheet.id,
      visibility: sheet.visibility,
      getUsedRange: (valuesOnly?: boolean) => {
        if (valuesOnly !== undefined && !fake.supports('1.2')) fake.violations.push('getUsedRange(valuesOnly) needs ExcelApi 1.2');
        return this.range(sheet, sheet.usedArea(valuesOnly === true) ?? { top: 1, left: 1, bottom: 1, right: 1 });
      },
      getRange: (address: string) => this.range(sheet, parseAddress(address, sheet)),
      activate: () => this.op(0, () => { fake.active = fake.sheets.indexOf(sheet); }),
    };
    if (fake.supports('1.2')) data.protection = { protected: sheet.protected };
    if (fake.supports('1.7')) {
      data.freezePanes = {
        freezeRows: (n: number) => this.op(8, () => { sheet.frozenRows = n; }),
        freezeColumns: (n: number) => this.op(8, () => { sheet.frozenColumns = n; }),
        freezeAt: (address: string) => this.op(8, () => {
          const a = parseAddress(address, sheet);
          sheet.frozenRows = a.bottom;
          sheet.frozenColumns = a.right;
        }),
      };
    }
    const worksheet = this.track(mock_(new OfficeMockObject(data)));
    // Charts are plain recorders: what the writer sets lands on FakeSheet.charts when the batch syncs.
    (worksheet as unknown as Record<string, unknown>).charts = {
      add: (type: string, range: object, seriesBy: string) => {
        const chart: FakeSheet['charts'][number] = { type, source: RANGE_ADDRESS.get(range) ?? '?', seriesBy };
        this.op(40, () => { sheet.charts.push(chart); });
        const series = {
          set name(v: string) { chart.seriesName = v; },
          setXAxisValues: (r: object) => {
            if (!fake.supports('1.7')) fake.violations.push('setXAxisValues needs ExcelApi 1.7');
            chart.xValues = RANGE_ADDRESS.get(r) ?? '?';
          },
        };
        return {
          title: { set text(v: string) { chart.title = v; } },
          legend: { set visible(v: boolean) { chart.legend = v; } },
          setPosition: (a: string) => { chart.position = a; },
          series: { getItemAt: () => series },
        };
      },
    };
    return worksheet;
  }

  private range(sheet: FakeSheet, area: Area): Mock {
    const fake = this.fake;
    const whole = (area as Area & { whole?: boolean }).whole === true;
    const rows: FakeCell[][] = [];
    if (!whole) {
      for (let r = area.top; r <= area.bottom; r++) {
        const row: FakeCell[] = [];
        for (let c = area.left; c <= area.right; c++) row.push(sheet.get(r, c) ?? {});
        rows.push(row);
      }
    }
    const map = <T>(fn: (c: FakeCell) => T): T[][] => rows.map(r => r.map(fn));
    const flat = rows.flat();
    const uniform = <T>(fn: (c: FakeCell) => T): T | null => {
      const set = new Set(flat.map(fn));
      return set.size === 1 ? ([...set][0] as T) : null;
    };
    const eachCell = (fn: (c: FakeCell, r: number, col: number) => void): void => {
      for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) fn(sheet.cell(r, c), r, c);
    };
    const fillData: Record<string, unknown> = {
      color: '',
      clear: () => this.op(0, () => eachCell(c => { delete c.fill; delete c.pattern; delete c.patternColor; delete c.tint; })),
    };
    if (fake.supports('1.9')) { fillData.pattern = ''; fillData.patternColor = ''; }
    const data: Record<string, unknown> = {
      address: `${quote(sheet.name)}!${areaAddress(area)}`,
      rowIndex: area.top - 1,
      columnIndex: area.left - 1,
      rowCount: area.bottom - area.top + 1,
      columnCount: area.right - area.left + 1,
      values: map(c => (c.error ?? c.value ?? '')),
      formulas: map(c => (c.formula !== undefined ? `=${c.formula}` : c.error ?? c.value ?? '')),
      numberFormat: map(c => c.numberFormat ?? 'General'),
      valueTypes: map(valueType),
      format: {
        fill: fillData,
        font: { color: '', name: '', bold: false },
        columnWidth: 48,
        wrapText: false,
        horizontalAlignment: 'General',
      },
      getLastRow: () => this.range(sheet, { ...area, top: area.bottom }),
      select: () => this.op(0, () => { fake.selection = { sheet: sheet.name, address: areaAddress(area) }; }),
    };
    if (fake.supports('1.2')) {
      data.merge = () => this.op(0, () => { sheet.merges.push({ top: area.top, left: area.left, bottom: area.bottom, right: area.right }); });
    }
    if (fake.supports('1.9')) {
      data.getCellProperties = (opts: Excel.CellPropertiesLoadOptions) => {
        const wantFill = opts.format?.fill ?? {};
        const wantFont = opts.format?.font ?? {};
        return this.clientResult(map(c => {
          const fill: Record<string, unknown> = {};
          if (wantFill.color) fill.color = c.fill ?? '#FFFFFF';
          if (wantFill.pattern) fill.pattern = c.fill ? c.pattern ?? 'Solid' : 'None';
          if (wantFill.patternColor) fill.patternColor = c.patternColor ?? '#000000';
          if (wantFill.tintAndShade) fill.tintAndShade = c.tint ?? 0;
          const font: Record<string, unknown> = {};
          if (wantFont.color) font.color = c.fontColor ?? '#000000';
          if (wantFont.tintAndShade) font.tintAndShade = c.fontTint ?? 0;
          return { format: { fill, font } };
        }));
      };
      data.setCellProperties = (props: Excel.SettableCellProperties[][]) => {
        if (props.length !== area.bottom - area.top + 1 || props.some(r => r.length !== area.right - area.left + 1)) {
          throw new Error('InvalidArgument: setCellProperties dimensions');
        }
        this.op(size(props), () => eachCell((c, r, col) => {
          const p = props[r - area.top]?.[col - area.left];
          const fill = p?.format?.fill;
          if (fill) {
            if (fill.pattern === 'None') { delete c.fill; delete c.pattern; }
            else if (fill.color !== undefined) c.fill = fill.color.toUpperCase();
            if (fill.pattern && fill.pattern !== 'None' && fill.pattern !== 'Solid') c.pattern = fill.pattern;
            else if (fill.pattern === 'Solid') delete c.pattern;
            if (fill.patternColor) c.patternColor = fill.patternColor;
            if (fill.tintAndShade !== undefined) { if (fill.tintAndShade) c.tint = fill.tintAndShade; else delete c.tint; }
          }
          const font = p?.format?.font;
          if (font?.color !== undefined) c.fontColor = font.color.toUpperCase();
          if (font?.tintAndShade !== undefined) { if (font.tintAndShade) c.fontTint = font.tintAndShade; else delete c.fontTint; }
        }));
      };
    }
    if (fake.supports('1.13')) {
      data.getMergedAreasOrNullObject = () => {
        const inside = sheet.merges.filter(m => m.top >= area.top && m.bottom <= area.bottom && m.left >= area.left && m.right <= area.right);
        const mock = mock_(new OfficeMockObject({ address: inside.map(m => `${quote(sheet.name)}!${areaAddress(m)}`).join(', '), isNullObject: inside.length === 0 }));
        this.track(mock);
        const load = mock.load;
        mock.load = (arg?: string) => load(arg ? `${arg},isNullObject` : 'isNullObject');
        return mock;
      };
    }
    const mock = mock_(new OfficeMockObject(data));
    setLeaf(mock.format.fill, 'color', uniform(c => c.fill ?? '#FFFFFF'));
    if (fake.supports('1.9')) {
      setLeaf(mock.format.fill, 'pattern', uniform(c => (c.fill ? c.pattern ?? 'Solid' : 'None')));
      setLeaf(mock.format.fill, 'patternColor', uniform(c => c.patternColor ?? '#000000'));
    }
    setLeaf(mock.format.font, 'color', uniform(c => c.fontColor ?? '#000000'));
    setLeaf(mock.format.font, 'name', uniform(c => c.fontName ?? 'Calibri'));
    RANGE_ADDRESS.set(mock as object, areaAddress(area));

    return this.track(mock, (path, value) => {
      switch (path) {
        case 'values':
        case 'formulas': {
          const m = value as unknown[][];
          if (!Array.isArray(m) || m.length !== area.bottom - area.top + 1 || m.some(r => !Array.isArray(r) || r.length !== area.right - area.left + 1)) {
            throw new Error(`InvalidArgument: ${path} dimensions for ${areaAddress(area)}`);
          }
          eachCell((c, r, col) => {
            delete c.value; delete c.formula; delete c.error;
            Object.assign(c, parseInput(m[r - area.top]?.[col - area.left]));
          });
          break;
        }
        case 'hyperlink':
          if (!fake.supports('1.7')) fake.violations.push('hyperlink needs ExcelApi 1.7');
          eachCell(c => { c.hyperlink = value; });
          break;
        case 'format.fill.color':
          // An RGB colour replaces a theme colour and its tint.
          eachCell(c => { c.fill = String(value).toUpperCase(); delete c.pattern; delete c.tint; });
          break;
        case 'format.font.color':
          eachCell(c => { c.fontColor = String(value).toUpperCase(); delete c.fontTint; });
          break;
        case 'format.columnWidth':
          if (!fake.supports('1.2')) fake.violations.push('columnWidth needs ExcelApi 1.2');
          for (let col = area.left; col <= area.right; col++) sheet.columnWidths.set(col, Number(value));
          break;
        default:
          break; // formats the tests do not look at
      }
    });
  }

  private customXmlParts(): Mock {
    const fake = this.fake;
    const part = (id: string): Mock => {
      const mock = mock_(new OfficeMockObject({
        id,
        getXml: () => this.clientResult(fake.parts.get(id) ?? ''),
        delete: () => this.op(0, () => { fake.parts.delete(id); }),
        setXml: (xml: string) => this.op(size(xml), () => { fake.parts.set(id, xml); }),
      }));
      return this.track(mock);
    };
    const mock = mock_(new OfficeMockObject({
      getByNamespace: (ns: string) => this.collection(
        () => [...fake.parts].filter(([, xml]) => new RegExp(`xmlns="${ns.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).test(xml)).map(([id]) => part(id)),
        {},
      ),
      add: (xml: string) => {
        const id = nextId();
        this.op(size(xml), () => { fake.parts.set(id, xml); });
        return part(id);
      },
    }));
    return this.track(mock);
  }

  private async sync(): Promise<void> {
    const fake = this.fake;
    fake.syncCount++;
    // Property writes made since the last sync, found by comparing with what each proxy held then.
    const writes: { t: Tracked; path: string; value: unknown }[] = [];
    for (const t of this.tracked) {
      if (!t.apply || !t.baseline) continue;
      for (const path of RANGE_WRITES) {
        const now = getPath(t.mock, path);
        if (now !== t.baseline.get(path) && !isMockError(now)) {
          writes.push({ t, path, value: now });
        }
      }
    }
    const request = this.requestBytes + this.ops.reduce((n, o) => n + o.bytes, 0) + writes.reduce((n, w) => n + ACTION + size(w.value), 0);
    const ops = this.ops;
    const loads = this.loads;
    this.ops = [];
    this.loads = [];
    this.requestBytes = 0;
    const rebaseline = (): void => {
      for (const t of this.tracked) if (t.baseline) for (const p of RANGE_WRITES) t.baseline.set(p, getPath(t.mock, p));
    };
    if (request > fake.requestLimit) {
      rebaseline();
      fake.syncLog.push({ request, response: 0 });
      throw Object.assign(new Error('The request payload size has exceeded the limit.'), { code: 'RequestPayloadSizeLimitExceeded' });
    }
    // Loads are answered with the state before this batch's writes, as every load here precedes its writes.
    for (const t of this.tracked) await t.mock.sync();
    await new Promise(resolve => setImmediate(resolve));
    let response = 0;
    for (const { mock, props } of loads) {
      for (const p of props) response += size(getPath(mock, p.replace(/\//g, '.')));
    }
    fake.syncLog.push({ request, response });
    if (response > fake.responseLimit) {
      rebaseline();
      throw Object.assign(new Error('The response payload size has exceeded the limit.'), { code: 'ResponsePayloadSizeLimitExceeded' });
    }
    for (const o of ops) o.run();
    for (const w of writes) w.t.apply?.(w.path, w.value);
    rebaseline();
  }
}
