import { auditWorkbook } from '../../../../src/core/audit/audit';
import { checkWorkbook } from '../../../../src/core/check/check';
import type { FileReport, IndicatorTableJson } from '../../../../src/core/check/report';
import { bookOf } from '../../../helpers/grid';
import { put, ratioTable, sheet, valueAt } from '../build';

/** A table with its stated evaluations as they should be, then one flipped each way. */
function spoiled(): { book: ReturnType<typeof bookOf>; metRow: number; notMetRow: number; col: string } {
  const t = ratioTable({ rows: 10, seed: 11 });
  let metRow = 0;
  let notMetRow = 0;
  for (let r = t.first; r <= t.last; r++) {
    const rate = valueAt(t.grid, `${t.col.rate}${r}`);
    const target = valueAt(t.grid, `${t.col.target}${r}`);
    if (rate >= target && metRow === 0) metRow = r;
    if (rate < target && notMetRow === 0) notMetRow = r;
  }
  // Make sure both cases exist whatever the seed gave.
  if (metRow === 0) { metRow = t.first; put(t.grid, `${t.col.target}${metRow}`, 10); }
  if (notMetRow === 0) { notMetRow = t.last; put(t.grid, `${t.col.target}${notMetRow}`, 100); }
  put(t.grid, `${t.col.eval}${metRow}`, 'Chưa đạt');
  put(t.grid, `${t.col.eval}${notMetRow}`, 'Đạt');
  return { book: bookOf(sheet(t.grid)), metRow, notMetRow, col: t.col.eval };
}

describe('stated evaluation contradicting the result', () => {
  it('fires on "Chưa đạt" beside a met target and "Đạt" beside a missed one', () => {
    const { book, metRow, notMetRow, col } = spoiled();
    const f = auditWorkbook(book).filter(x => x.rule === 'evaluation-contradiction');
    expect(f.map(x => x.cell).sort()).toEqual([`${col}${metRow}`, `${col}${notMetRow}`].sort());
    expect(f[0]).toMatchObject({ severity: 'error', formula: null });
    expect(f.find(x => x.cell === `${col}${metRow}`)?.message).toContain('"Đạt"');
  });

  it('uses a report the caller already has, and stays silent with none', () => {
    const { book } = spoiled();
    const report = checkWorkbook(book, { file: 'x.xlsx' });
    expect(auditWorkbook(book, { report }).filter(x => x.rule === 'evaluation-contradiction')).toHaveLength(2);
    expect(auditWorkbook(book, { report: null })).toEqual([]);
  });

  it('does not fire on consistent evaluations, on rows without a clear status, or on flags the verdict does not back', () => {
    const t = ratioTable({ rows: 8, seed: 3 });
    put(t.grid, `${t.col.rate}${t.first}`, { f: `${t.col.num}${t.first}/${t.col.den}${t.first}*100`, v: { e: '#DIV/0!' } });
    put(t.grid, `${t.col.den}${t.first}`, 0);
    put(t.grid, `${t.col.eval}${t.first}`, 'Đạt');
    put(t.grid, `${t.col.eval}${t.first + 1}`, 'Không phát sinh');
    const book = bookOf(sheet(t.grid));
    expect(auditWorkbook(book).filter(x => x.rule === 'evaluation-contradiction')).toEqual([]);

    // A report row flagged as a contradiction whose stated text is no verdict is not reported.
    const report = checkWorkbook(book, { file: 'x.xlsx' });
    const table = report.tables[0] as IndicatorTableJson;
    const row = table.rows[1];
    expect(row).toBeDefined();
    const forged: FileReport = { ...report, tables: [{ ...table, rows: [{ ...row!, contradiction: true, status: 'met' }] }] };
    expect(auditWorkbook(book, { report: forged }).filter(x => x.rule === 'evaluation-contradiction')).toEqual([]);
  });

  it('stays silent when most stated verdicts disagree (columns misread) or the result is a share above 100%', () => {
    const t = ratioTable({ rows: 8, seed: 5 });
    for (let r = t.first; r <= t.last; r++) {
      const rate = valueAt(t.grid, `${t.col.rate}${r}`);
      put(t.grid, `${t.col.eval}${r}`, rate >= valueAt(t.grid, `${t.col.target}${r}`) ? 'Chưa đạt' : 'Đạt');
    }
    expect(auditWorkbook(bookOf(sheet(t.grid))).filter(x => x.rule === 'evaluation-contradiction')).toEqual([]);

    const u = ratioTable({ rows: 8, seed: 5 });
    const r = u.first + 2;
    put(u.grid, `${u.col.num}${r}`, 2 * valueAt(u.grid, `${u.col.den}${r}`));
    put(u.grid, `${u.col.rate}${r}`, { f: `${u.col.num}${r}/${u.col.den}${r}*100`, v: 200 });
    put(u.grid, `${u.col.eval}${r}`, 'Chưa đạt');
    expect(auditWorkbook(bookOf(sheet(u.grid))).map(x => [x.cell, x.rule])).toEqual([[`${u.col.rate}${r}`, 'percent-out-of-range']]);
  });
});
