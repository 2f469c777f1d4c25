/**
 * `rollup --previous <workbook>` with the comparison on a thread of its own (compare-worker.ts). On two cores the
 * judging keeps both busy, but the writing leaves one mostly idle (the deflate thread works a fifth of the time,
 * profiled): the comparison and its sheet, 0.4 s of a national rollup, are made there while this thread writes the
 * other sheets. The sheet's cells point into the workbook's shared strings and styles through a seed both threads
 * number first (write/lone-sheet.ts). Where the thread is missing (tests run from the sources) or fails, the caller
 * does the work here as before.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ChangeTotals } from '../core/rollup/compare';
import type { CompareIndicator } from '../core/rollup/plan-compare';
import type { PackedSnapshot } from '../core/rollup/snapshot-codec';
import type { SheetPlan } from '../core/plan/types';
import type { StoredData } from '../xlsx/write';

/** This month, as the thread needs it. */
export interface CompareRequest {
  readonly after: PackedSnapshot;
  /** This month's indicator order. */
  readonly order: readonly string[];
  readonly indicators: readonly CompareIndicator[];
  readonly heading: string;
  /** The shared strings both threads number first (compareSeedStrings). */
  readonly strings: readonly string[];
}

/** The written sheet: its plan without rows (for the workbook's defined names), its part, the changes counted. */
export interface CompareAnswer {
  readonly plan: Omit<SheetPlan, 'rows'>;
  readonly stored: StoredData;
  readonly references: number;
  readonly totals: ChangeTotals;
}

export type ThreadMessage =
  | { readonly type: 'read'; readonly ok: boolean; readonly lines: readonly string[] }
  | ({ readonly type: 'sheet' } & CompareAnswer)
  | { readonly type: 'failed'; readonly error: string };

export interface CompareThread {
  /** Last month read there: the lines for stderr, and whether it could be. */
  readonly read: Promise<{ readonly ok: boolean; readonly lines: readonly string[] }>;
  /** The sheet, or why the thread could not make it (the caller then makes it itself). */
  readonly compare: (req: CompareRequest) => Promise<CompareAnswer | { readonly error: string }>;
  readonly close: () => void;
}

/**
 * The thread's heap holds last month, this month and the comparison: tens of MB for 3,321 communes. A small young
 * generation, as the pool's workers have: every thread's nursery adds to the process's peak.
 */
const HEAP_MB = 256;
const YOUNG_MB = 8;

function script(): string | null {
  const js = path.join(__dirname, 'compare-worker.js');
  return existsSync(js) ? js : null;
}

/** Starts reading `source` (a workbook) on its own thread; null where the compiled worker is not there. */
export function startCompareThread(source: string): CompareThread | null {
  const js = script();
  if (js === null) return null;
  const worker = new Worker(js, { workerData: { source }, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: YOUNG_MB } });
  let onRead: (r: { ok: boolean; lines: readonly string[] }) => void = () => {};
  let onAnswer: ((a: CompareAnswer | { error: string }) => void) | null = null;
  let failure: string | null = null;
  const read = new Promise<{ ok: boolean; lines: readonly string[] }>(resolve => { onRead = resolve; });
  const fail = (error: string): void => {
    failure ??= error;
    onRead({ ok: false, lines: [error] });
    onAnswer?.({ error });
  };
  worker.on('message', (m: ThreadMessage) => {
    switch (m.type) {
      case 'read': onRead({ ok: m.ok, lines: m.lines }); return;
      case 'sheet': onAnswer?.({ plan: m.plan, stored: m.stored, references: m.references, totals: m.totals }); return;
      case 'failed': onAnswer?.({ error: m.error }); return;
    }
  });
  worker.on('error', e => { fail(`comparison thread: ${e.message}`); });
  worker.on('exit', code => { fail(`comparison thread stopped (${code})`); });
  return {
    read,
    compare: req => new Promise(resolve => {
      if (failure !== null) { resolve({ error: failure }); return; }
      onAnswer = resolve;
      const after = req.after;
      worker.postMessage(req, [after.entries.buffer, after.values.buffer, after.hasValue.buffer, after.communes.buffer] as ArrayBuffer[]);
    }),
    close: () => { void worker.terminate(); },
  };
}
