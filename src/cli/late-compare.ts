/**
 * "So với kỳ trước" as a late sheet (write/index.ts, writeWorkbookWithLate): made on the comparison thread while the
 * other sheets are written here, or here after them when the thread could not (its part is then written as any other).
 */
import { changeTotals, compareMonths, type ChangeTotals } from '../core/rollup/compare';
import { COMPARE_SHEET, compareIndicators, comparePalette, comparePlan, compareSeedStrings } from '../core/rollup/plan-compare';
import { planContext, type RollupPlanOptions } from '../core/rollup/plan-context';
import { snapshotOfModel } from '../core/rollup/previous';
import type { RollupModel } from '../core/rollup/types';
import { packSnapshot } from '../core/rollup/snapshot-codec';
import type { LateResult, LateSheet } from '../xlsx/write';
import type { CompareThread } from './compare-thread';
import { readPreviousFile } from './previous-file';

export interface LateComparison {
  readonly sheet: LateSheet;
  /** The changes counted, once the sheet is made (wherever it was). */
  readonly totals: Promise<ChangeTotals>;
}

export function lateComparison(thread: CompareThread, model: RollupModel, source: string, options: RollupPlanOptions): LateComparison {
  const indicators = compareIndicators(model);
  const order = model.indicators.map(i => i.key);
  const heading = planContext(model, options).heading;
  const strings = compareSeedStrings(model.columns.map(c => c.commune), indicators);
  let totals: (t: ChangeTotals) => void = () => {};
  const counted = new Promise<ChangeTotals>(resolve => { totals = resolve; });
  // Here after all: last month read again (the thread held it), compared and planned as without a thread.
  const here = async (): Promise<LateResult> => {
    const read = await readPreviousFile(source);
    if (!read.ok) throw new Error(read.messages.join('; '));
    const comparison = compareMonths(read.snapshot, snapshotOfModel(model), order);
    totals(changeTotals(comparison.changes));
    return { kind: 'plan', plan: comparePlan(comparison, indicators, { heading }) };
  };
  // Packed at once, not kept: this thread holds none of the 56,000 entries (3,321 communes) while it writes.
  const made = thread.compare({ after: packSnapshot(snapshotOfModel(model)), order, indicators, heading, strings }).then(async (a): Promise<LateResult> => {
    thread.close();
    if ('error' in a) return here();
    totals(a.totals);
    return { kind: 'stored', plan: { ...a.plan, rows: () => [][Symbol.iterator]() }, stored: a.stored, references: a.references };
  });
  return { sheet: { late: true, name: COMPARE_SHEET, seed: { strings, styles: comparePalette() }, sheet: made }, totals: counted };
}
