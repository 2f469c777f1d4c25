import type { FileReport } from '../../src/core/check/report';
import type { TruthWorkbook } from '../helpers/fixtures';

/** The same comparison the project's scorer makes, held per workbook so a regression names its row. */
export function compare(w: TruthWorkbook, got: FileReport): string[] {
  const misses: string[] = [];
  const rows = new Map<string, { status: string; actual: { value: number | null } | null; target?: { op: string | null; value: number | null } | null }>();
  for (const t of got.tables) for (const r of t.rows) rows.set(`${t.sheet}!${t.kind}!${r.row}`, r as never);
  const want = new Set<string>();
  for (const sh of w.sheets) for (const t of sh.tables) for (const r of t.rows) {
    const k = `${sh.sheet}!${t.kind}!${r.row}`;
    want.add(k);
    const g = rows.get(k);
    if (!g) { misses.push(`${k} missing (truth ${r.status})`); continue; }
    if (g.status !== r.status) misses.push(`${k} status ${g.status} != ${r.status}`);
    if (r.actual !== undefined && !(g.actual && typeof g.actual.value === 'number' && Math.abs(g.actual.value - r.actual) < 0.011)) {
      misses.push(`${k} actual ${JSON.stringify(g.actual)} != ${r.actual}`);
    }
    if (r.target && t.kind === 'indicators') {
      const gt = g.target;
      if (!gt || gt.op !== r.target.op || typeof gt.value !== 'number' || Math.abs(gt.value - r.target.value) >= 0.011) {
        misses.push(`${k} target ${JSON.stringify(gt)} != ${JSON.stringify(r.target)}`);
      }
    }
  }
  for (const k of rows.keys()) if (!want.has(k)) misses.push(`${k} reported but is not an indicator/task row`);
  for (const name of w.nonIndicatorSheets ?? []) if (got.tables.some(t => t.sheet === name)) misses.push(`sheet ${name} wrongly recognized`);
  const norm = (s: string | null) => (s ?? '').normalize('NFC').toLowerCase().replace(/^(xã|phường|thị trấn|ubnd)\s+/u, '').trim();
  if (w.commune && norm(got.commune) !== norm(w.commune)) misses.push(`commune ${got.commune} != ${w.commune}`);
  return misses;
}

