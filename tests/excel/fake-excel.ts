/**
 * A small in-memory Excel behind office-addin-mock proxies, for testing the Office.js adapter.
 *
 * Every object the adapter touches is an OfficeMockObject, so reading a property that was not loaded and synced
 * yields the mock's error string instead of data (tests then fail on values). On top of the mock this fake adds
 * a workbook model the proxies are built from, writes applied at context.sync (method calls in order, then property
 * assignments), a context.sync counter and request/response size estimates per sync, and a host profile
 * (host-profiles.ts): the requirement sets, limits and quirks of Excel 2016, 2019, Microsoft 365 or the web.
 *
 * Each behaviour beyond plain storage is one Microsoft documents or the office-js tracker confirms; the link is
 * beside it. Where the documentation is silent (an error's exact code, the font's tintAndShade) the fake picks
 * something the adapter must not depend on, and says so. README ("Verified against documented behaviour") lists
 * what only real Excel can confirm.
 */
import { OfficeMockObject } from 'office-addin-mock';
import type { OfficeEnv, SettingsLike } from '../../src/excel/env';
import { atLevel, MICROSOFT_365, type HostProfile } from './host-profiles';
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
  bold?: boolean;
  wrap?: boolean;
  align?: string;
  hyperlink?: unknown;
}

/** An Office.js error as the adapter receives it: `code` from Excel.ErrorCodes
 *  (https://learn.microsoft.com/en-us/javascript/api/excel/excel.errorcodes), a localized message. */
export function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, debugInfo: { code, message } });
}

const NOT_LOADED = ['Error, property was not loaded', 'Error, context.sync() was not called'];
const isMockError = (v: unknown): boolean => typeof v === 'string' && NOT_LOADED.includes(v);

/** Bytes an action costs in a request besides its arguments (object path + action record). */
const ACTION = 200;
const size = (v: unknown): number => Buffer.byteLength(JSON.stringify(v ?? null), 'utf8');

/** The area each range mock stands for, readable without a load (the writer never loads it). */
const RANGE_ADDRESS = new WeakMap<object, string>();
/** How many cells each range mock covers (for the desktop cell limit). */
const RANGE_CELLS = new WeakMap<object, number>();

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  /** Worksheet custom properties (ExcelApi 1.12): saved in the file, keys case-insensitive.
   *  https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetcustompropertycollection */
  readonly customProperties = new Map<string, { key: string; value: string }>();
  merges: Area[] = [];
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protected = false;
  frozenRows = 0;
  frozenColumns = 0;
  readonly columnWidths = new Map<number, number>();
  /** Charts added, with what was set on them. */
  readonly charts: { type: string; source: string; seriesBy: string; title?: string; position?: string; seriesName?: string; xValues?: string; legend?: boolean }[] = [];
  constructor(public name: string, public id: string) {}

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

  /**
   * The user inserts `count` rows before row `before` (Home > Insert): every cell and merge at or below moves down,
   * formats travelling with their cells, as Range.insert(Excel.InsertShiftDirection.down) documents
   * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-insert-member(1)).
   */
  insertRows(before: number, count = 1): this {
    return this.shift((r, c) => (r >= before ? [r + count, c] : [r, c]), m => (m.top >= before ? { ...m, top: m.top + count, bottom: m.bottom + count } : m));
  }

  insertColumns(before: number, count = 1): this {
    return this.shift((r, c) => (c >= before ? [r, c + count] : [r, c]), m => (m.left >= before ? { ...m, left: m.left + count, right: m.right + count } : m));
  }

  /** The user deletes rows: their cells are gone, the rows below move up (Range.delete(up)). */
  deleteRows(first: number, count = 1): this {
    return this.shift((r, c) => (r >= first && r < first + count ? null : r >= first + count ? [r - count, c] : [r, c]), m => (m.top >= first + count ? { ...m, top: m.top - count, bottom: m.bottom - count } : m));
  }

  private shift(move: (r: number, c: number) => [number, number] | null, moveMerge: (m: Area) => Area): this {
    const moved = [...this.cells].map(([k, cell]) => {
      const [r, c] = k.split(',').map(Number) as [number, number];
      return { to: move(r, c), cell };
    });
    this.cells.clear();
    for (const { to, cell } of moved) if (to) this.cells.set(`${to[0]},${to[1]}`, cell);
    this.merges = this.merges.map(moveMerge);
    return this;
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
  /** The host: requirement sets, limits, quirks. Default Microsoft 365. */
  readonly profile?: HostProfile;
  /** Shorthand for a Microsoft 365 profile capped at this ExcelApi version, e.g. "1.1". */
  readonly version?: string;
  readonly requestLimit?: number;
  readonly responseLimit?: number;
  /** Overrides the profile's cells-per-get limit (a test cannot afford five million cells). */
  readonly cellLimit?: number;
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
  /** Chart sheets: in the workbook's tabs, but not in the worksheets collection. */
  readonly chartSheets: string[] = [];
  active = 0;
  /** Set when a chart sheet is the active tab: getActiveWorksheet then fails (office-js #2444,
   *  https://github.com/OfficeDev/office-js/issues/2444). */
  activeChartSheet: string | null = null;
  /** The user is typing in a cell: batches fail unless they asked to wait (Excel.RunOptions.delayForCellEdit,
   *  https://learn.microsoft.com/en-us/javascript/api/excel/excel.runoptions). */
  private editing = false;
  private editWaiters: (() => void)[] = [];
  /** Sheets added by the add-in since the workbook was opened (Excel on the web's first-new-sheet quirk). */
  addedThisSession = 0;
  selection: { sheet: string; address: string } | null = null;
  /** Custom XML parts: id → xml. They are part of the file, so they survive reopen(). */
  readonly parts = new Map<string, string>();
  savedSettings: Record<string, string> = {};
  settings: FakeSettings;
  syncCount = 0;
  readonly syncLog: SyncRecord[] = [];
  readonly violations: string[] = [];
  readonly profile: HostProfile;
  readonly version: string;
  readonly requestLimit: number;
  readonly responseLimit: number;
  readonly cellLimit: number;

  constructor(options: FakeOptions = {}) {
    this.profile = options.profile ?? (options.version ? atLevel(options.version) : MICROSOFT_365);
    this.version = this.profile.excelApi;
    // Desktop documents no byte limit; the generous default still lets tests measure what each sync carries.
    this.requestLimit = options.requestLimit ?? this.profile.payloadLimit ?? 50_000_000;
    this.responseLimit = options.responseLimit ?? this.profile.payloadLimit ?? 50_000_000;
    this.cellLimit = options.cellLimit ?? this.profile.cellLimit ?? Number.POSITIVE_INFINITY;
    this.settings = new FakeSettings(this);
  }

  /** The user starts editing a cell (F2) and stays in edit mode until endCellEdit(). */
  startCellEdit(): void {
    this.editing = true;
  }

  endCellEdit(): void {
    this.editing = false;
    const waiting = this.editWaiters;
    this.editWaiters = [];
    for (const w of waiting) w();
  }

  get inCellEdit(): boolean {
    return this.editing;
  }

  /** Resolves when the user leaves cell edit mode. */
  whenNotEditing(): Promise<void> {
    return this.editing ? new Promise(resolve => this.editWaiters.push(resolve)) : Promise.resolve();
  }

  addChartSheet(name: string, active = false): void {
    this.chartSheets.push(name);
    if (active) this.activeChartSheet = name;
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

  /**
   * Closing and reopening a saved file: settings not saved with saveAsync are lost, the rest (cells, custom XML
   * parts, worksheet custom properties) stays. Worksheet ids are per session: after reopening they are new and
   * positional, e.g. {00000000-0001-0000-0000-000000000000} for the first sheet (office-js-docs #297,
   * https://github.com/OfficeDev/office-js-docs/issues/297; office-js #1390 and #552).
   */
  reopen(): void {
    this.settings = new FakeSettings(this);
    this.sheets.forEach((s, i) => { s.id = `{00000000-0001-0000-${String(i).padStart(4, '0')}-000000000000}`; });
    this.editing = false;
    this.addedThisSession = 0;
  }

  /**
   * The saved file opened in another Excel (e.g. coloured in Microsoft 365, cleared in Excel 2016): the same cells,
   * custom XML parts, custom properties and saved settings, new session ids.
   */
  openIn(profile: HostProfile): FakeExcel {
    const other = new FakeExcel({ profile });
    other.sheets.push(...this.sheets);
    for (const [id, xml] of this.parts) other.parts.set(id, xml);
    other.savedSettings = { ...this.savedSettings };
    other.reopen();
    return other;
  }

  /** Moves a sheet's tab (the user drags it). */
  moveSheet(name: string, to: number): void {
    const s = this.sheet(name);
    this.sheets.splice(this.sheets.indexOf(s), 1);
    this.sheets.splice(to, 0, s);
  }

  env(overrides: Partial<OfficeEnv> = {}): OfficeEnv {
    return {
      run: (options, batch) => new Batch(this).run(options, batch),
      // Office.context.requirements.isSetSupported: https://learn.microsoft.com/en-us/office/dev/add-ins/develop/specify-api-requirements-runtime
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

const RANGE_WRITES = [
  'values', 'formulas', 'numberFormat', 'hyperlink', 'format.fill.color', 'format.fill.tintAndShade', 'format.font.color', 'format.font.tintAndShade',
  'format.font.bold', 'format.columnWidth', 'format.wrapText', 'format.horizontalAlignment',
] as const;

/** What each write needs beyond ExcelApi 1.1 (per the API reference's "API set" remarks). */
const WRITE_LEVEL: Partial<Record<(typeof RANGE_WRITES)[number], string>> = {
  hyperlink: '1.7', 'format.columnWidth': '1.2', 'format.fill.tintAndShade': '1.9', 'format.font.tintAndShade': '1.9',
};

function getPath(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o == null ? undefined : (o as Record<string, unknown>)[k]), obj);
}

/** FillPattern values Excel cannot be given back through the API: a gradient is not a settable pattern. */
const GRADIENTS = new Set(['LinearGradient', 'RectangularGradient']);

interface Tracked {
  readonly mock: Mock;
  readonly apply?: (path: string, value: unknown) => void;
  baseline?: Map<string, unknown>;
}

/** What a queued method call touches, so the rules of protected and hidden sheets can be enforced at sync. */
interface OpTarget {
  readonly sheet: FakeSheet;
  /** A change to cells or their formats. */
  readonly write?: boolean;
  /** activate() / select(): needs a visible sheet. */
  readonly ui?: boolean;
}

/**
 * Refusals, checked when the batch runs (Excel reports them from context.sync, not from the call):
 * - a protected sheet refuses changes to its (locked) cells and formats
 *   (https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-worksheets#data-protection); the code
 *   AccessDenied is what office-js #6784 shows for protection; the adapter must not depend on it;
 * - a hidden sheet cannot be activated, nor a range on it selected (Excel's rule that a hidden sheet is never the
 *   active one; selecting on it fails, issue 10); the code InvalidOperation is the fake's choice.
 */
function refuse(t: OpTarget): void {
  if (t.write && t.sheet.protected) throw officeError('AccessDenied', `Sheet ${t.sheet.name} is protected.`);
  if (t.ui && t.sheet.visibility !== 'Visible') throw officeError('InvalidOperation', `Sheet ${t.sheet.name} is hidden.`);
}

/** One Excel.run: the proxies it hands out and the work queued until the next sync. */
class Batch {
  private readonly tracked: Tracked[] = [];
  private ops: { bytes: number; run: () => void; target?: OpTarget }[] = [];
  private loads: { mock: Mock; props: string[] }[] = [];
  private requestBytes = 0;
  private pendingSheets = new Map<string, FakeSheet>();
  private worksheetsProxy: Mock | null = null;
  /** Failures queued by calls, raised by the next sync (e.g. getActiveWorksheet on a chart sheet). */
  private failures: Error[] = [];
  private delayForCellEdit = false;

  constructor(private readonly fake: FakeExcel) {}

  async run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    // delayForCellEdit is honoured where RunOptions exist (ExcelApi 1.11); older Excel ignores the option.
    this.delayForCellEdit = options.delayForCellEdit === true && this.fake.supports('1.11');
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

  private op(bytes: number, run: () => void, target?: OpTarget): void {
    this.ops.push({ bytes: ACTION + bytes, run, ...(target ? { target } : {}) });
  }

  private need(version: string, what: string): void {
    if (!this.fake.supports(version)) this.fake.violations.push(`${what} needs ExcelApi ${version}`);
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

  private findSheet(name: string): FakeSheet | undefined {
    // Worksheet names are case-insensitive in Excel.
    const lower = name.toLowerCase();
    return this.fake.sheets.find(x => x.name.toLowerCase() === lower) ?? this.pendingSheets.get(name);
  }

  private worksheets(): Mock {
    if (this.worksheetsProxy) return this.worksheetsProxy;
    const fake = this.fake;
    const methods: Record<string, unknown> = {
      getItem: (name: string) => {
        const s = this.findSheet(name);
        if (!s) {
          // getItem fails at sync with ItemNotFound (a chart sheet's name included: it is no worksheet).
          this.failures.push(officeError('ItemNotFound', `The requested resource doesn't exist: ${name}`));
          return this.worksheet(new FakeSheet(name, '{missing}'));
        }
        return this.worksheet(s);
      },
      getActiveWorksheet: () => {
        if (fake.activeChartSheet !== null) {
          this.failures.push(officeError('GeneralException', 'There was an internal error while processing the request.'));
          return this.worksheet(new FakeSheet(fake.activeChartSheet, '{chart}'));
        }
        return this.worksheet(fake.sheets[fake.active] as FakeSheet);
      },
      add: (name: string) => {
        if (this.findSheet(name)) throw officeError('ItemAlreadyExists', `Resource already exists: ${name}`);
        const sheet = new FakeSheet(name, nextId());
        this.pendingSheets.set(name, sheet);
        this.op(size(name), () => {
          fake.sheets.push(sheet);
          this.pendingSheets.delete(name);
          fake.addedThisSession++;
          this.addedInThisSync.add(sheet);
        });
        return this.worksheet(sheet);
      },
    };
    if (fake.supports('1.4')) {
      methods.getItemOrNullObject = (name: string) => {
        const s = this.findSheet(name);
        const ws = this.worksheet(s ?? new FakeSheet(name, '{null}'));
        setLeaf(ws, 'isNullObject', !s);
        return ws;
      };
    }
    this.worksheetsProxy = this.collection(() => fake.sheets.map(s => this.worksheet(s)), methods);
    return this.worksheetsProxy;
  }

  /** Sheets whose add() ran in the sync being applied (for the web's add-then-activate quirk). */
  private addedInThisSync = new Set<FakeSheet>();

  private worksheet(sheet: FakeSheet): Mock {
    const fake = this.fake;
    const data: Record<string, unknown> = {
      name: sheet.name,
      id: sheet.id,
      visibility: sheet.visibility,
      isNullObject: false,
      getUsedRange: (valuesOnly?: boolean) => {
        if (valuesOnly !== undefined) this.need('1.2', 'getUsedRange(valuesOnly)');
        return this.range(sheet, sheet.usedArea(valuesOnly === true) ?? { top: 1, left: 1, bottom: 1, right: 1 });
      },
      getRange: (address: string) => this.range(sheet, parseAddress(address, sheet)),
      activate: () => this.op(0, () => {
        // Excel on the web ignores activating the first sheet added this session when add() and activate() share
        // one batch (office-js #930, https://github.com/OfficeDev/office-js/issues/930).
        if (fake.profile.online && this.addedInThisSync.has(sheet) && fake.addedThisSession === 1) return;
        fake.active = fake.sheets.indexOf(sheet);
        fake.activeChartSheet = null;
      }, { sheet, ui: true }),
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
    if (fake.supports('1.12')) (worksheet as unknown as Record<string, unknown>).customProperties = this.customProperties(sheet);
    // Charts are plain recorders: what the writer sets lands on FakeSheet.charts when the batch syncs.
    (worksheet as unknown as Record<string, unknown>).charts = {
      add: (type: string, range: object, seriesBy: string) => {
        const chart: FakeSheet['charts'][number] = { type, source: RANGE_ADDRESS.get(range) ?? '?', seriesBy };
        this.op(40, () => { sheet.charts.push(chart); }, { sheet, write: true });
        const series = {
          set name(v: string) { chart.seriesName = v; },
          setXAxisValues: (r: object) => {
            this.need('1.7', 'setXAxisValues');
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

  /** Worksheet.customProperties (ExcelApi 1.12): getItemOrNullObject(key) and add(key, value), keys case-insensitive. */
  private customProperties(sheet: FakeSheet): Mock {
    const mock = mock_(new OfficeMockObject({
      getItemOrNullObject: (key: string) => {
        const found = sheet.customProperties.get(key.toLowerCase());
        const item = mock_(new OfficeMockObject({ key, value: '', isNullObject: !found }));
        setLeaf(item, 'value', found ? found.value : null);
        this.track(item);
        return item;
      },
      add: (key: string, value: string) => {
        // Custom properties are workbook content, but the docs do not say protection refuses them: no write target.
        this.op(size([key, value]), () => { sheet.customProperties.set(key.toLowerCase(), { key, value }); });
      },
    }));
    return this.track(mock);
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
    /** A range-level format property is null when the cells differ
     *  (e.g. RangeFill.color: "null if the range has different colors",
     *  https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangefill#excel-excel-rangefill-color-member). */
    const uniform = <T>(fn: (c: FakeCell) => T): T | null => {
      const set = new Set(flat.map(fn));
      return set.size === 1 ? ([...set][0] as T) : null;
    };
    const eachCell = (fn: (c: FakeCell, r: number, col: number) => void): void => {
      for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) fn(sheet.cell(r, c), r, c);
    };
    const writes: OpTarget = { sheet, write: true };
    const fillData: Record<string, unknown> = {
      color: '',
      // RangeFill.clear(): "Resets the range background" (no fill).
      clear: () => this.op(0, () => eachCell(c => { delete c.fill; delete c.pattern; delete c.patternColor; delete c.tint; }), writes),
    };
    if (fake.supports('1.9')) { fillData.pattern = ''; fillData.patternColor = ''; fillData.tintAndShade = 0; }
    const fontData: Record<string, unknown> = { color: '', name: '', bold: false };
    if (fake.supports('1.9')) fontData.tintAndShade = 0;
    const cells = rows.length * (rows[0]?.length ?? 0);
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
        font: fontData,
        columnWidth: 48,
        wrapText: false,
        horizontalAlignment: 'General',
      },
      getLastRow: () => this.range(sheet, { ...area, top: area.bottom }),
      select: () => this.op(0, () => { fake.selection = { sheet: sheet.name, address: areaAddress(area) }; }, { sheet, ui: true }),
    };
    if (fake.supports('1.2')) {
      data.merge = () => this.op(0, () => { sheet.merges.push({ top: area.top, left: area.left, bottom: area.bottom, right: area.right }); }, writes);
    }
    if (fake.supports('1.9')) {
      data.getCellProperties = (opts: Excel.CellPropertiesLoadOptions) => {
        const wantFill = opts.format?.fill ?? {};
        const wantFont = opts.format?.font ?? {};
        this.cellReads.push({ sheet, cells });
        return this.clientResult(map(c => {
          const fill: Record<string, unknown> = {};
          // No fill and a white fill both read as color #FFFFFF and pattern null; only tintAndShade tells them
          // apart: null for no fill, a number for any fill (office-js #4900,
          // https://github.com/OfficeDev/office-js/issues/4900; RangeFill.tintAndShade in the API reference).
          if (wantFill.color) fill.color = c.fill ?? '#FFFFFF';
          if (wantFill.pattern) fill.pattern = c.fill && c.pattern ? c.pattern : null;
          if (wantFill.patternColor) fill.patternColor = c.patternColor ?? '#000000';
          if (wantFill.tintAndShade) fill.tintAndShade = c.fill ? c.tint ?? 0 : null;
          const font: Record<string, unknown> = {};
          // An Automatic font reads as #000000, like an explicit black one.
          if (wantFont.color) font.color = c.fontColor ?? '#000000';
          // Not documented for Automatic; the fake says null and the adapter does not depend on it.
          if (wantFont.tintAndShade) font.tintAndShade = c.fontColor ? c.fontTint ?? 0 : null;
          return { format: { fill, font } };
        }));
      };
      data.setCellProperties = (props: Excel.SettableCellProperties[][]) => {
        if (props.length !== area.bottom - area.top + 1 || props.some(r => r.length !== area.right - area.left + 1)) {
          throw officeError('InvalidArgument', 'setCellProperties dimensions');
        }
        this.op(size(props), () => {
          // A gradient is read as its FillPattern but cannot be set back: the whole call fails (issue 10).
          if (props.some(r => r.some(p => GRADIENTS.has(String(p.format?.fill?.pattern))))) throw officeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
          eachCell((c, r, col) => {
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
          });
        }, writes);
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
      setLeaf(mock.format.fill, 'pattern', uniform(c => (c.fill && c.pattern ? c.pattern : null)));
      setLeaf(mock.format.fill, 'patternColor', uniform(c => c.patternColor ?? '#000000'));
      setLeaf(mock.format.fill, 'tintAndShade', uniform(c => (c.fill ? c.tint ?? 0 : null)));
      setLeaf(mock.format.font, 'tintAndShade', uniform(c => (c.fontColor ? c.fontTint ?? 0 : null)));
    }
    setLeaf(mock.format.font, 'color', uniform(c => c.fontColor ?? '#000000'));
    setLeaf(mock.format.font, 'name', uniform(c => c.fontName ?? 'Calibri'));
    RANGE_ADDRESS.set(mock as object, areaAddress(area));
    RANGE_CELLS.set(mock as object, cells);

    return this.track(mock, (path, value) => {
      refuse(writes);
      const level = WRITE_LEVEL[path as (typeof RANGE_WRITES)[number]];
      if (level) this.need(level, path);
      switch (path) {
        case 'values':
        case 'formulas': {
          const m = value as unknown[][];
          if (!Array.isArray(m) || m.length !== area.bottom - area.top + 1 || m.some(r => !Array.isArray(r) || r.length !== area.right - area.left + 1)) {
            throw officeError('InvalidArgument', `${path} dimensions for ${areaAddress(area)}`);
          }
          eachCell((c, r, col) => {
            delete c.value; delete c.formula; delete c.error;
            Object.assign(c, parseInput(m[r - area.top]?.[col - area.left]));
          });
          break;
        }
        case 'numberFormat': {
          const m = value as unknown[][];
          eachCell((c, r, col) => { c.numberFormat = String(m[r - area.top]?.[col - area.left] ?? 'General'); });
          break;
        }
        case 'hyperlink': {
          eachCell(c => { c.hyperlink = value; });
          // textToDisplay is "the string that is displayed in the top left most cell in the range"
          // (https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangehyperlink): it replaces that cell's value.
          // Without it the shown text is undocumented: modelled pessimistically as the link's target replacing the value.
          const link = (value ?? {}) as { textToDisplay?: unknown; documentReference?: unknown; address?: unknown };
          const corner = sheet.cell(area.top, area.left);
          const shown = link.textToDisplay ?? link.documentReference ?? link.address;
          if (typeof shown === 'string') { delete corner.formula; delete corner.error; corner.value = shown; }
          break;
        }
        case 'format.fill.color':
          // An RGB colour replaces a theme colour and its tint.
          eachCell(c => { c.fill = String(value).toUpperCase(); delete c.pattern; delete c.tint; });
          break;
        case 'format.fill.tintAndShade':
          eachCell(c => { if (Number(value)) c.tint = Number(value); else delete c.tint; });
          break;
        case 'format.font.color':
          eachCell(c => { c.fontColor = String(value).toUpperCase(); delete c.fontTint; });
          break;
        case 'format.font.tintAndShade':
          eachCell(c => { if (Number(value)) c.fontTint = Number(value); else delete c.fontTint; });
          break;
        case 'format.font.bold':
          eachCell(c => { c.bold = value === true; });
          break;
        case 'format.wrapText':
          eachCell(c => { c.wrap = value === true; });
          break;
        case 'format.horizontalAlignment':
          eachCell(c => { c.align = String(value); });
          break;
        case 'format.columnWidth':
          for (let col = area.left; col <= area.right; col++) sheet.columnWidths.set(col, Number(value));
          break;
      }
    });
  }

  /** getCellProperties calls queued in this sync (for the desktop cell limit). */
  private cellReads: { sheet: FakeSheet; cells: number }[] = [];

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
    if (fake.inCellEdit) {
      // "When false, if the user is in cell edit when the batch request is processed by the host, the batch
      // automatically fails" (Excel.RunOptions.delayForCellEdit).
      if (!this.delayForCellEdit) {
        this.ops = [];
        this.loads = [];
        throw officeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
      }
      await fake.whenNotEditing();
    }
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
    const failures = this.failures;
    const cellReads = this.cellReads;
    this.ops = [];
    this.loads = [];
    this.failures = [];
    this.cellReads = [];
    const rebaseline = (): void => {
      for (const t of this.tracked) if (t.baseline) for (const p of RANGE_WRITES) t.baseline.set(p, getPath(t.mock, p));
    };
    if (request > fake.requestLimit) {
      rebaseline();
      fake.syncLog.push({ request, response: 0 });
      throw officeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    if (failures[0]) {
      rebaseline();
      fake.syncLog.push({ request, response: 0 });
      throw failures[0];
    }
    // Desktop: a get over more than five million cells fails; the error's code is not documented, so the fake
    // raises a generic one and the adapter must fall back on any failure of its one-shot read.
    const bigLoad = loads.some(({ mock, props }) => (RANGE_CELLS.get(mock) ?? 0) > fake.cellLimit && props.some(p => /values|formulas|numberFormat|valueTypes/.test(p)))
      || cellReads.some(r => r.cells > fake.cellLimit);
    if (bigLoad) {
      rebaseline();
      fake.syncLog.push({ request, response: 0 });
      throw officeError('GeneralException', 'There was an internal error while processing the request.');
    }
    // Loads are answered with the state before this batch's writes, as every load here precedes its writes.
    for (const t of this.tracked) await t.mock.sync();
    await new Promise(resolve => setImmediate(resolve));
    // The mocks' own sync may re-enter load(); that is no request of the adapter's.
    this.requestBytes = 0;
    this.loads = [];
    let response = 0;
    for (const { mock, props } of loads) {
      for (const p of props) response += size(getPath(mock, p.replace(/\//g, '.')));
    }
    fake.syncLog.push({ request, response });
    if (response > fake.responseLimit) {
      rebaseline();
      throw officeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    // Queued calls run in order; a refused one stops the batch there, earlier ones stay done (as in Excel).
    this.addedInThisSync = new Set();
    try {
      for (const o of ops) {
        if (o.target) refuse(o.target);
        o.run();
      }
      for (const w of writes) w.t.apply?.(w.path, w.value);
    } finally {
      rebaseline();
    }
  }
}
