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
}

export interface RuleInfo {
  readonly severity: Severity;
  /** Short Vietnamese title for grouping, with an English gloss. */
  readonly title: string;
}

/** Rules in the order reports list them. */
export const RULES: Readonly<Record<RuleId, RuleInfo>> = {
  'error-value': { severity: 'error', title: 'Công thức trả về lỗi / formula returns an error' },
  'circular-reference': { severity: 'error', title: 'Công thức tham chiếu chính nó / circular reference' },
  'hard-coded': { severity: 'error', title: 'Số gõ tay giữa các công thức / hard-coded number among formulas' },
  'inconsistent-formula': { severity: 'error', title: 'Công thức khác các ô cùng dãy / formula inconsistent with neighbours' },
  'constant-in-formula': { severity: 'warning', title: 'Hằng số trong công thức thay cho tham chiếu / constant instead of a reference' },
  'total-range': { severity: 'error', title: 'Vùng cộng tổng sai / total range omits or includes cells' },
  'text-number': { severity: 'warning', title: 'Số lưu dạng văn bản / number stored as text' },
  'text-number-used': { severity: 'warning', title: 'Công thức dùng số lưu dạng văn bản / formula uses a number stored as text' },
  'empty-reference': { severity: 'warning', title: 'Công thức tham chiếu ô trống / formula refers to empty cells' },
  'external-link': { severity: 'warning', title: 'Liên kết đến sổ tính khác / link to another workbook' },
  'percent-out-of-range': { severity: 'warning', title: 'Tỷ lệ ngoài khoảng 0–100% / rate out of range' },
  'evaluation-contradiction': { severity: 'error', title: 'Tự đánh giá trái với kết quả / stated evaluation contradicts the result' },
};

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function finding(sheet: string, cell: string, rule: RuleId, message: string, formula: string | undefined | null): Finding {
  return { sheet, cell, rule, severity: RULES[rule].severity, message, formula: formula === undefined || formula === null ? null : `=${formula.replace(/^=/, '')}` };
}
