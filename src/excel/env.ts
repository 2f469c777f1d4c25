/**
 * The Office.js globals the adapter uses, gathered in one object so tests can hand in a mock workbook
 * (office-addin-mock) and count its context.sync calls.
 */
import type { IsSetSupported } from './features';

export type ExcelRun = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Every batch waits while the person is typing in a cell instead of failing
 * (delayForCellEdit, https://learn.microsoft.com/en-us/javascript/api/excel/excel.runoptions; an Excel without
 * RunOptions ignores it and fails with InvalidOperationInCellEditMode, which errors.ts words in Vietnamese).
 */
export const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

export function runBatch<T>(env: OfficeEnv, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return env.run(RUN_OPTIONS, batch);
}

/** The part of Office.Settings used here (stored inside the workbook file). */
export interface SettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback: (result: { status: unknown; error?: { message?: string } }) => void): void;
}

export interface OfficeEnv {
  readonly run: ExcelRun;
  readonly isSetSupported: IsSetSupported;
  /** Office.context.document.settings; null where the host has none. */
  readonly settings: SettingsLike | null;
  /** Largest request the adapter queues before syncing (bytes); default 4 MB, under Excel on the web's 5 MB. */
  readonly maxRequestBytes?: number;
}

/** The real Office environment; call only once Office.onReady has fired. */
export function officeEnv(): OfficeEnv {
  const settings = (Office.context?.document?.settings ?? null) as unknown as SettingsLike | null;
  return {
    run: (options, batch) => Excel.run(options, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    settings,
  };
}

/** Settings.saveAsync as a promise. */
export function saveSettings(settings: SettingsLike): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.saveAsync(result => {
      if (String(result.status).toLowerCase() === 'failed') reject(new Error(result.error?.message ?? 'saveAsync failed'));
      else resolve();
    });
  });
}
