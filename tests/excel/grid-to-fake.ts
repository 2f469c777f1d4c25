/** Puts a grid read from a real workbook file into the fake Excel, cell for cell. */
import type { WorkbookGrid } from '../../src/core/grid/types';
import type { FakeExcel } from './fake-excel';

export function loadGrid(fake: FakeExcel, grid: WorkbookGrid): void {
  for (const g of grid.sheets) {
    const s = fake.addSheet(g.name);
    s.merges = [...g.merges];
    if (g.hidden) s.visibility = 'Hidden';
    if (g.protected) s.protected = true;
    g.rows.forEach((row, r) => row?.forEach((cell, c) => {
      if (!cell) return;
      const target = s.cell(r + 1, c + 1);
      switch (cell.v.t) {
        case 'n': target.value = cell.v.n; break;
        case 's': target.value = cell.v.s; break;
        case 'b': target.value = cell.v.b; break;
        case 'e': target.error = cell.v.e; break;
      }
      if (cell.f !== undefined) target.formula = cell.f;
      if (cell.fmt !== undefined) target.numberFormat = cell.fmt;
      if (cell.font !== undefined) target.fontName = cell.font;
    }));
  }
}
