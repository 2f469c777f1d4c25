/** Audit findings: one per (cell, rule), the JSON contract of `phuluc audit --json`. */

export type Severity = 'error' | 'warning' | 'info';

export type RuleId =
  | 'error-value'
  | 'hard-coded'
  | 'inconsistent-formula'
  | 'constant-in-formula'
  | 'circular-reference'
  | 'total-range'
  | 'empty-reference'
  | 'text-number'
  | 'text-number-used'
  | 'external-link'
  | 'percent-out-of-range'
  | 'evaluation-contradiction';

export interface Finding {
  readonly sheet: string;
  /** A1 address without `$`. */
  readonly cell: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  /** Vietnamese: what is wrong and how to fix it (English gloss after " / "). */
  readonly message: string;
  /** The cell's formula with its leading "=", or null for a constant. */
  readonly formula: string | null;
  /**
   * Shared by the cells of one cause: one inconsistent block, one linked workbook, one mis-ranged total column.
   * Readable and stable: `rule:Sheet!span` (e.g. `inconsistent-formula:Sheet1!G6:G15`).
   */
  readonly group: string;
}

/** One cause and the cells it explains (`files[].groups[]` of `phuluc audit --json`). */
export interface AuditGroup {
  readonly id: string;
  readonly rule: RuleId;
  readonly severity: Severity;
  /** Qualified addresses ("Sheet1!G7"), in sheet, row, column order. */
  readonly cells: readonly string[];
  /** Vietnamese: the cause and the fix for the whole group (English gloss after " / "). */
  readonly message: string;
  /** Sort key, larger first: severity, then how many cells the cause touches (see `auditGroups`). */
  readonly risk: number;
}

export interface RuleInfo {
  readonly severity: Severity;
  /** Short Vietnamese title for grouping, with an English gloss. */
  readonly title: string;
}

/** Rules in the order reports list them. */
export const RULES: Readonly<Record<RuleId, RuleInfo>> = {
  'error-value': { severity: 'info', title: 'Công thức trả về lỗi / formula returns an error' },
  'circular-reference': { severity: 'error', title: 'Công thức tham chiếu chính nó / circular reference' },
  'hard-coded': { severity: 'error', title: 'Số gõ tay giữa các công thức / hard-coded number among formulas' },
  'inconsistent-formula': { severity: 'error', title: 'Công thức khác các ô cùng dãy / formula inconsistent with neighbours' },
  'constant-in-formula': { severity: 'warning', title: 'Hằng số trong công thức thay cho tham chiếu / constant instead of a reference' },
  'total-range': { severity: 'error', title: 'Vùng cộng tổng sai / total range omits or includes cells' },
  'text-number': { severity: 'info', title: 'Số lưu dạng văn bản / number stored as text' },
  'text-number-used': { severity: 'warning', title: 'Công thức dùng số lưu dạng văn bản / formula uses a number stored as text' },
  'empty-reference': { severity: 'warning', title: 'Công thức tham chiếu ô trống / formula refers to empty cells' },
  'external-link': { severity: 'info', title: 'Liên kết đến sổ tính khác / link to another workbook' },
  'percent-out-of-range': { severity: 'warning', title: 'Tỷ lệ ngoài khoảng 0–100% / rate out of range' },
  'evaluation-contradiction': { severity: 'error', title: 'Tự đánh giá trái với kết quả / stated evaluation contradicts the result' },
};

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** How a rule may set a finding apart from its rule's defaults. */
export interface FindingOptions {
  /** The cause's key within the rule (a span, a workbook name); default: the cell itself. */
  readonly group?: string;
  /** A severity other than the rule's (e.g. a text number some formula reads is a warning, not a note). */
  readonly severity?: Severity;
}

export function groupId(rule: RuleId, sheet: string, key: string): string {
  return `${rule}:${sheet}!${key}`;
}

export function finding(
  sheet: string, cell: string, rule: RuleId, message: string, formula: string | undefined | null, options: FindingOptions = {},
): Finding {
  return {
    sheet, cell, rule, severity: options.severity ?? RULES[rule].severity, message,
    formula: formula === undefined || formula === null ? null : `=${formula.replace(/^=/, '')}`,
    group: options.group ?? groupId(rule, sheet, cell),
  };
}
