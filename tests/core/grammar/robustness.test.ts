/**
 * Every parser of the grammar runs on every cell of thousands of files: it must never throw,
 * must answer fast on any input, and must keep its output well formed.
 */
import fc from 'fast-check';
import type { Cell } from '../../../src/core/grid/types';
import {
  numbersIn, parseDeadline, parsePeriodHeader, parseReportDate, parseResultCell, parseResultText, parseTarget,
  parseTargetCell, parseTaskProgress, parseVerdict, parseVnNumber, yearsIn,
} from '../../../src/core/grammar';

const textParsers: ReadonlyArray<[string, (s: string) => unknown]> = [
  ['parseVnNumber', parseVnNumber],
  ['numbersIn', numbersIn],
  ['parseTarget', parseTarget],
  ['parseTargetCell', s => parseTargetCell({ v: { t: 's', s } })],
  ['parseResultText', parseResultText],
  ['parseVerdict', parseVerdict],
  ['parseTaskProgress', parseTaskProgress],
  ['parseDeadline', s => parseDeadline(s)],
  ['yearsIn', yearsIn],
  ['parsePeriodHeader', parsePeriodHeader],
  ['parseReportDate', parseReportDate],
];

/** Pieces of the real grammar, so random texts reach deep into the parsers. */
const piece = fc.constantFrom(
  '≥', '>=', '=>', '>', '<', '≤', '%', ',', '.', '-', '–', '/', '(', ')', '&', ';', ' ', '  ', '\u00a0', '\u200b',
  'Đạt', 'đạt', 'chưa', 'Chưa', 'không', 'đang', 'Đã', 'hoàn thành', 'phát sinh', 'Trên', 'Dưới', 'Tối đa', 'Tối thiểu',
  'Phấn đấu', 'Duy trì', 'trở lên', 'đến', 'và', 'Quý', 'II', 'IV', 'tháng', 'năm', 'ngày', 'Hàng năm', 'Thường xuyên',
  'Báo cáo', '0', '3', '12', '31', '72,5', '1.484', '2025', '2026', '100', '99,67', 'x', 'Đ', 'đ', '\u0301', '\u0323',
);
const grammarish = fc.array(piece, { maxLength: 40 }).map(parts => parts.join(''));
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), grammarish);

function timed<T>(f: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = f();
  return { value, ms: performance.now() - start };
}

describe('never throws, answers fast', () => {
  test.each(textParsers)('%s on any string', (_name, parse) => {
    fc.assert(fc.property(anyText, text => {
      const { ms } = timed(() => parse(text));
      // Generous per call (GC pauses on a busy CI); catastrophic backtracking takes seconds.
      expect(ms).toBeLessThan(100);
    }), { numRuns: 300 });
  });

  const adversarial = [
    '1.'.repeat(50_000),
    '1,'.repeat(50_000),
    '9'.repeat(100_000),
    '1 '.repeat(50_000),
    'ngay '.repeat(20_000),
    'ngày 1/'.repeat(14_000),
    'quy i'.repeat(20_000),
    'tháng 1 '.repeat(12_500),
    'đang '.repeat(20_000),
    'chưa '.repeat(20_000),
    '≥ '.repeat(50_000),
    ' '.repeat(100_000),
    '\u00a0'.repeat(100_000),
    'a\u0301'.repeat(50_000),
    '12/'.repeat(33_000),
    '2025-'.repeat(20_000),
    '(3%) & '.repeat(14_000),
  ];

  test.each(textParsers)('%s on 100k-character strings', (_name, parse) => {
    for (const text of adversarial) {
      const { ms } = timed(() => parse(text));
      expect(ms).toBeLessThan(1500);
    }
  });
});

describe('well-formed output', () => {
  const formats = fc.constantFrom(undefined, '0', '0.00', '0%', '0.00%', 'dd/mm/yyyy', 'm/d/yy', '@', 'General');
  const anyNumber = fc.oneof(fc.double(), fc.integer({ min: -1e6, max: 1e7 }), fc.double({ min: 0, max: 1, noNaN: true }));
  const numberCell = fc.record({ n: anyNumber, fmt: formats }).map(({ n, fmt }): Cell =>
    fmt === undefined ? { v: { t: 'n', n } } : { v: { t: 'n', n }, fmt });

  test('numeric targets and results hold finite numbers', () => {
    fc.assert(fc.property(fc.oneof(anyText.map((s): Cell => ({ v: { t: 's', s } })), numberCell), cell => {
      const t = parseTargetCell(cell);
      if (t.kind === 'numeric') {
        expect(Number.isFinite(t.value)).toBe(true);
        if (t.upper !== undefined) expect(t.upper).toBeGreaterThanOrEqual(t.value);
      }
      const r = parseResultCell(cell);
      if (r.kind === 'number') expect(Number.isFinite(r.value)).toBe(true);
    }), { numRuns: 500 });
  });

  test('deadlines are real calendar days', () => {
    fc.assert(fc.property(anyText, fc.option(numberCell, { nil: undefined }), (text, cell) => {
      const d = parseDeadline(text, cell);
      if (d.kind === 'date') {
        expect(d.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(new Date(`${d.due}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d.due);
      }
    }), { numRuns: 500 });
  });

  test('report dates are real calendar days', () => {
    fc.assert(fc.property(grammarish, text => {
      const iso = parseReportDate(`ngày ${text}`);
      if (iso !== null) expect(new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10)).toBe(iso);
    }), { numRuns: 500 });
  });

  test('a period header month is 1–12 and its year 2000–2100', () => {
    fc.assert(fc.property(anyText, text => {
      const p = parsePeriodHeader(text);
      if (p.month !== null) expect(p.month >= 1 && p.month <= 12).toBe(true);
      if (p.year !== null) expect(p.year >= 2000 && p.year <= 2100).toBe(true);
    }), { numRuns: 500 });
  });
});
