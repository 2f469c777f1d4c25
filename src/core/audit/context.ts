/** What every rule receives: the workbook, one sheet's view, and the formulas of the whole workbook. */
import type { WorkbookGrid } from '../grid/types';
import type { FileReport } from '../check/report';
import type { SheetView } from './view';
import type { FormulaCell } from './workbook';

export interface AuditContext {
  readonly book: WorkbookGrid;
  readonly view: SheetView;
  /** Every formula of the workbook (all sheets), for "who reads this cell?". */
  readonly formulas: readonly FormulaCell[];
  /** The check report of the same workbook, when the caller has one (for stated evaluations). */
  readonly report: FileReport | null;
}
