import type { WorkbookGrid } from '../grid/types';
import { areaAddress, columnLetter } from '../grid/address';
import { isPlaceDateLine, parseReportDate } from '../grammar';
import { captionTexts, communeOf } from '../recognize/context';
import { recognizeSheet } from '../recognize/tables';
import type { ColumnMap, RecognizedTable } from '../recognize/table';
import { normalizeWorkbookText } from '../text';
import { fold } from '../text/fold';
import type { CheckOptions, ColumnOverride } from './options';
import { headerPeriod } from './period';
import type { ColumnsJson, FileReport, Notice, TableJson } from './report';
import { indicatorRow, taskRow } from './rows';

export function columnsJson(c: ColumnMap): ColumnsJson {
  const out: Record<string, string | Record<string, string>> = {};
  for (const [role, col] of Object.entries(c)) {
    if (role === 'milestones' || role.endsWith('Year') || typeof col !== 'number') continue;
    out[role] = columnLetter(col);
  }
  if (c.milestones.length > 0) out.milestones = Object.fromEntries(c.milestones.map(m => [String(m.year), columnLetter(m.col)]));
  return out;
}

function applyOverride(t: RecognizedTable, overrides: readonly ColumnOverride[] | undefined): RecognizedTable {
  const o = overrides?.find(x => x.sheet === t.sheet && x.headerRow === t.headerRow);
  if (!o) return t;
  const columns: Record<string, unknown> = { ...t.columns };
  for (const [role, col] of Object.entries(o.columns)) {
    if (col === null) delete columns[role];
    else if (col !== undefined) columns[role] = col;
  }
  return { ...t, columns: columns as unknown as ColumnMap };
}

/** A report judged against milestone columns: say when the year judged has none of its own, or is unknown. */
function periodNotices(t: RecognizedTable, period: number | null): Notice[] {
  const years = t.columns.milestones.map(m => m.year).sort((a, b) => a - b);
  const cell = `${columnLetter(t.columns.milestones[0]?.col ?? t.columns.name)}${t.headerRow}`;
  if (period === null) {
    return [{ sheet: t.sheet, cell, code: 'period-unknown', message: `Không rõ năm đánh giá (các mốc ${years.join(', ')}): hãy chọn năm (--period) / The year judged is unknown: choose it` }];
  }
  if (years.includes(period)) return [];
  const next = years.find(y => y > period);
  const against = next !== undefined ? `so với mốc năm ${next}` : `so với mốc cuối năm ${years[years.length - 1] ?? ''}`;
  return [{ sheet: t.sheet, cell, code: 'period-without-milestone', message: `Năm ${period} không có cột mốc riêng (các mốc ${years.join(', ')}): đánh giá ${against} / ${period} has no milestone column` }];
}

/** Judges every indicator and task of a workbook. User-data problems come back as notices, never as exceptions. */
export function checkWorkbook(source: WorkbookGrid, options: CheckOptions): FileReport {
  const { grid, encoding, converted } = normalizeWorkbookText(source);
  const notices: Notice[] = [];
  if (converted > 0) {
    notices.push({ sheet: null, cell: null, code: 'legacy-encoding', message: `Đã chuyển ${converted} ô từ bảng mã ${encoding.toUpperCase()} sang Unicode` });
  }
  const found = grid.sheets.flatMap(sheet => recognizeSheet(sheet).map(t => ({ sheet, table: applyOverride(t, options.overrides) })));

  const captions = grid.sheets.flatMap(sheet => {
    const first = found.find(f => f.sheet === sheet)?.table.headerTop ?? 12;
    return captionTexts(sheet, first - 1);
  });
  const commune = communeOf(captions, options.file);
  // The place-and-date line dates the document itself; other caption dates come next (cited documents' are skipped).
  const dated = [...captions.filter(isPlaceDateLine), ...captions];
  const reportDate = dated.map(parseReportDate).find((d): d is string => d !== null) ?? options.date ?? null;

  // Which year is judged: the one asked for (--period, the pane's year) always; else the result or evaluation
  // header's; else the year of the report's own date. A plan's issue date ("kèm theo Kế hoạch số … năm 2025") is
  // when the plan was made, not the period reported.
  const headerYears = found.map(f => headerPeriod(f.table)).filter((y): y is number => y !== null);
  const reportCaption = dated.find(t => parseReportDate(t) !== null && (isPlaceDateLine(t) || !/\bke hoach\b/.test(fold(t))));
  const captionYear = reportCaption !== undefined ? Number((parseReportDate(reportCaption) ?? '').slice(0, 4)) : null;
  const filePeriod = headerYears[0] ?? captionYear ?? (options.date ? Number(options.date.slice(0, 4)) : null);

  const tables: TableJson[] = found.map(({ sheet, table }) => {
    const isReport = table.columns.actual !== undefined || table.columns.evaluation !== undefined;
    const period = isReport ? options.period ?? headerPeriod(table) ?? filePeriod : null;
    if (isReport && table.kind === 'indicators' && table.columns.target === undefined && table.columns.milestones.length > 0) {
      notices.push(...periodNotices(table, period));
    }
    const base = {
      sheet: table.sheet,
      range: areaAddress(table.area),
      headerRow: table.headerRow,
      period,
      columns: columnsJson(table.columns),
    };
    if (table.kind === 'indicators') {
      return { ...base, kind: 'indicators', rows: table.rows.map(r => indicatorRow(sheet, table, r, period)) };
    }
    return { ...base, kind: 'tasks', rows: table.rows.map(r => taskRow(sheet, table, r, reportDate)) };
  });

  if (tables.length === 0) {
    notices.push({ sheet: null, cell: null, code: 'no-tables', message: 'Không tìm thấy bảng chỉ tiêu hay nhiệm vụ nào (cần hàng tiêu đề có cột TT/STT và cột Chỉ tiêu/Nhiệm vụ)' });
  }
  for (const s of grid.sheets) {
    if (s.protected && found.some(f => f.sheet === s)) {
      notices.push({ sheet: s.name, cell: null, code: 'protected', message: `Trang "${s.name}" đang được bảo vệ: cần bỏ bảo vệ để tô màu` });
    }
  }
  const periods = tables.map(t => t.period).filter((p): p is number => p !== null);
  return {
    file: options.file,
    commune,
    encoding,
    error: null,
    period: periods[0] ?? null,
    reportDate,
    tables,
    notices,
  };
}

/** The report of a file that could not be read at all. */
export function unreadableFile(file: string, error: string): FileReport {
  return { file, commune: null, encoding: 'unicode', error, period: null, reportDate: null, tables: [], notices: [] };
}
