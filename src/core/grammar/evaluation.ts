/**
 * Stated evaluations ("Tự đánh giá", "Đánh giá hiện tại 2025"): Đạt / Chưa đạt / Khó đạt / Chưa đánh giá.
 * The verdict is read from how the text begins, so "Chưa đạt do thiếu kinh phí" is not met and
 * "Đạt (vượt 5%)" is met. Negated and hedged phrases are tried before the bare "đạt" they contain.
 */
import { type Token, startPhrase, tokens } from './words';
import { memoText } from '../text/memo';

export type Verdict = 'met' | 'not_met' | 'at_risk' | 'no_data';

const NOT_MET = [
  'chưa đạt', 'không đạt', 'chưa hoàn thành', 'không hoàn thành', 'đạt một phần', 'hoàn thành một phần',
];
const AT_RISK = [
  'có nguy cơ không đạt', 'có nguy cơ không hoàn thành', 'nguy cơ không đạt', 'nguy cơ không hoàn thành',
  'có khả năng không đạt', 'khó đạt', 'khó hoàn thành',
];
const NO_DATA = [
  'chưa đánh giá', 'chưa có số liệu', 'chưa có dữ liệu', 'không có số liệu', 'không có dữ liệu',
  'chưa cập nhật', 'đang cập nhật', 'chưa có kết quả', 'chưa báo cáo',
];
const MET = [
  'đã hoàn thành', 'hoàn thành', 'đã đạt', 'đạt', 'vượt', 'đã vượt',
];

/** Remembered per distinct text (see memoText): the same wording recurs in every commune's file. */
export const parseVerdict = memoText(parseVerdictOf);

function parseVerdictOf(text: string): Verdict | null {
  return verdictOf(tokens(text));
}

export function verdictOf(toks: readonly Token[]): Verdict | null {
  if (toks.length === 0) return null;
  if (startPhrase(toks, NO_DATA) !== null) return 'no_data';
  if (startPhrase(toks, AT_RISK) !== null) return 'at_risk';
  if (startPhrase(toks, NOT_MET) !== null) return 'not_met';
  if (startPhrase(toks, MET) !== null) return 'met';
  // Anything else ("Không phát sinh", a number, a remark) is not a verdict.
  return null;
}
