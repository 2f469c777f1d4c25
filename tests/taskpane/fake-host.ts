import type { ColumnOverride } from '../../src/core/check/options';
import type { WorkbookGrid } from '../../src/core/grid/types';
import type { FormatChange, SheetPlan } from '../../src/core/plan/types';
import type { WorkbookHost } from '../../src/taskpane/host';

type CellWrite = { address: string; value: string; fill?: string; fontColor?: string };

/** A WorkbookHost over a grid in memory that records what the pane asked of it. */
export class FakeHost implements WorkbookHost {
  readonly kind = 'office' as const;
  readonly coloured: FormatChange[][] = [];
  readonly selected: Array<{ sheet: string; address: string }> = [];
  readonly sheetsWritten: SheetPlan[][] = [];
  readonly cellsWritten: Array<{ sheet: string; cells: CellWrite[] }> = [];
  overrides: ColumnOverride[] = [];
  saves = 0;
  clears = 0;
  reads = 0;
  /** Addresses writeCells reports as non-empty. */
  occupied = new Set<string>();
  failNext: string | null = null;

  constructor(public grid: WorkbookGrid) {}

  private maybeFail(): void {
    if (this.failNext) {
      const m = this.failNext;
      this.failNext = null;
      throw new Error(m);
    }
  }

  async readGrid(): Promise<WorkbookGrid> { this.reads++; this.maybeFail(); return this.grid; }
  async applyColours(changes: readonly FormatChange[]): Promise<void> { this.maybeFail(); this.coloured.push([...changes]); }
  async clearColours(): Promise<void> { this.maybeFail(); this.clears++; }
  async selectCell(sheet: string, address: string): Promise<void> { this.maybeFail(); this.selected.push({ sheet, address }); }
  async writeSheets(plans: readonly SheetPlan[]): Promise<string[]> {
    this.maybeFail();
    this.sheetsWritten.push([...plans]);
    return plans.map(p => p.name);
  }
  async writeCells(sheet: string, cells: ReadonlyArray<CellWrite>): Promise<string[]> {
    this.maybeFail();
    this.cellsWritten.push({ sheet, cells: [...cells] });
    return cells.filter(c => this.occupied.has(`${sheet}!${c.address}`)).map(c => c.address);
  }
  async loadOverrides(): Promise<ColumnOverride[]> { return this.overrides; }
  async saveOverrides(overrides: readonly ColumnOverride[]): Promise<void> { this.saves++; this.overrides = [...overrides]; }
}
