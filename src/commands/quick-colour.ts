/**
 * "Tô màu nhanh": judge the workbook and colour the active sheet's tables without opening the pane,
 * then say in one line what happened. Whatever happens, the ribbon's event is completed.
 */
import { STATUS_LABELS } from '../core/check/labels';
import type { CheckOptions, ColumnOverride } from '../core/check/options';
import type { FileReport, RowStatus } from '../core/check/report';
import type { WorkbookGrid } from '../core/grid/types';
import { planColours } from '../core/plan/colour';
import type { FormatChange } from '../core/plan/types';
import type { ColourOutcome } from '../excel/colours';
import { describeOfficeError, officeErrorCode } from '../excel/errors';
import type { WorkbookRead } from '../excel/read-grid';
import { COMMAND_STRINGS, type CommandLanguage } from './strings';

export interface QuickColourHost {
  readWorkbook(): Promise<WorkbookRead>;
  colour(changes: readonly FormatChange[]): Promise<ColourOutcome>;
  loadOverrides(): Promise<ColumnOverride[]>;
}

export interface QuickColourDeps {
  readonly host: QuickColourHost;
  readonly check: (grid: WorkbookGrid, options: CheckOptions) => FileReport;
  /** File name shown in the report. */
  readonly file: string;
}

export type QuickColourResult =
  | { readonly kind: 'coloured'; readonly sheet: string; readonly rows: number; readonly cells: number; readonly counts: ReadonlyArray<readonly [RowStatus, number]> }
  | { readonly kind: 'no-tables'; readonly sheet: string }
  | { readonly kind: 'protected'; readonly sheet: string }
  | { readonly kind: 'no-sheet' }
  /** `detail` is our own wording for the error's code (never Office's localized message); `code` for support. */
  | { readonly kind: 'failed'; readonly detail: string; readonly code: string | null };

const STATUS_ORDER: readonly RowStatus[] = [
  'met', 'done', 'not_met', 'overdue', 'at_risk', 'in_progress', 'invalid', 'manual', 'no_target', 'no_data', 'not_applicable', 'not_started',
];

export async function quickColour(deps: QuickColourDeps): Promise<QuickColourResult> {
  const { grid, activeSheet } = await deps.host.readWorkbook();
  if (activeSheet === null) return { kind: 'no-sheet' };
  const overrides = await deps.host.loadOverrides();
  const report = deps.check(grid, { file: deps.file, overrides });
  const tables = report.tables.filter(t => t.sheet === activeSheet);
  if (tables.length === 0) return { kind: 'no-tables', sheet: activeSheet };
  if (grid.sheets.find(s => s.name === activeSheet)?.protected) return { kind: 'protected', sheet: activeSheet };
  const outcome = await deps.host.colour(planColours(report, { sheets: [activeSheet] }));
  if (outcome.skippedSheets.includes(activeSheet)) return { kind: 'protected', sheet: activeSheet };
  const counts = new Map<RowStatus, number>();
  let rows = 0;
  for (const t of tables) {
    for (const r of t.rows) {
      counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
      rows++;
    }
  }
  return {
    kind: 'coloured',
    sheet: activeSheet,
    rows,
    cells: outcome.coloured,
    counts: STATUS_ORDER.filter(s => counts.has(s)).map(s => [s, counts.get(s) ?? 0] as const),
  };
}

/** The one-line notification. */
export function resultMessage(r: QuickColourResult, lang: CommandLanguage): string {
  const t = COMMAND_STRINGS[lang];
  switch (r.kind) {
    case 'coloured': {
      const parts = r.counts.map(([s, n]) => `${n} ${STATUS_LABELS[s][lang]}`);
      return parts.length > 0 ? `${t.coloured(r.rows, r.sheet)} ${parts.join(' · ')}` : t.coloured(r.rows, r.sheet);
    }
    case 'no-tables': return t.noTables(r.sheet);
    case 'protected': return t.protectedSheet(r.sheet);
    case 'no-sheet': return t.noSheet;
    case 'failed': return t.failed(r.detail);
  }
}

/** Rejects after `ms`, so a hung request cannot keep the ribbon button busy. */
function within<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error(`timeout ${ms} ms`), { code: 'Timeout' })), ms);
    p.then(v => { clearTimeout(timer); resolve(v); }, e => { clearTimeout(timer); reject(e); });
  });
}

export interface CommandEvent {
  completed(): void;
}

export interface RunOptions {
  readonly lang: CommandLanguage;
  readonly notify: (message: string) => Promise<void>;
  /** Longest the work may take before the button is released with an error (Office gives up at 5 minutes). */
  readonly timeoutMs?: number;
}

/** Runs the command for a ribbon event: never throws, always completes the event. */
export async function runQuickColour(event: CommandEvent, deps: QuickColourDeps, options: RunOptions): Promise<QuickColourResult> {
  let result: QuickColourResult;
  try {
    result = await within(quickColour(deps), options.timeoutMs ?? 240_000);
  } catch (e) {
    result = { kind: 'failed', detail: describeOfficeError(e, options.lang), code: officeErrorCode(e) };
  }
  try {
    await within(options.notify(resultMessage(result, options.lang)), 15_000);
  } catch {
    // The notification is a courtesy: the colours are already there.
  } finally {
    event.completed();
  }
  return result;
}
