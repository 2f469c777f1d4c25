/**
 * Task results ("Kết quả tháng 4/2026" of a task table): done, in progress or not started.
 *
 * Short answers lead with their status; long ones describe the situation, often mixing a finished
 * part with an ongoing one ("… đã được triển khai …; đối với UBND xã đang từng bước nghiên cứu").
 * Precedence, first rule that applies:
 * 1. how the text begins: "Chưa hoàn thành"/"Chưa xong" → in progress (work began, not finished);
 *    other "Chưa …", "Không thực hiện" → not started; "Đang …" → in progress;
 *    "(Đã) hoàn thành/xong/hoàn tất" → done, unless a share below 100% or "một phần" follows;
 *    "Đã …" → done unless an ongoing or unfinished word follows;
 * 2. anywhere: an ongoing word ("đang", "từng bước", "tiếp tục", "một phần") → in progress;
 * 3. anywhere: "chưa thực hiện/triển khai/…" → not started; "hoàn thành" or "đã" → done.
 */
import { clean } from '../text/fold';
import { numbersIn } from './number';
import { type Token, findPhrase, hasPhrase, startPhrase, tokens } from './words';

export type TaskProgress = 'done' | 'in_progress' | 'not_started';

const UNFINISHED_START = ['chưa hoàn thành', 'chưa hoàn tất', 'chưa xong', 'chưa thực hiện xong', 'chưa triển khai xong'];
const NOT_STARTED_START = ['chưa', 'không thực hiện', 'không triển khai', 'không tổ chức'];
const IN_PROGRESS_START = ['đang'];
const DONE_START = [
  'đã hoàn thành', 'hoàn thành', 'đã hoàn tất', 'hoàn tất', 'đã xong', 'xong', 'đã thực hiện xong',
  'đã triển khai xong', 'cơ bản hoàn thành',
];
const DONE_PREFIX = ['đã'];

const ONGOING = [
  'đang', 'từng bước', 'tiếp tục', 'một phần', 'bước đầu', 'chưa hoàn thành', 'chưa hoàn tất', 'chưa xong',
  'dở dang',
];
const NOT_STARTED_ANYWHERE = [
  'chưa thực hiện', 'chưa triển khai', 'chưa bắt đầu', 'chưa tổ chức', 'chưa được triển khai', 'chưa được thực hiện',
];
const DONE_ANYWHERE = ['hoàn thành', 'hoàn tất', 'đã'];

export function parseTaskProgress(text: string): TaskProgress | null {
  const s = clean(text);
  const toks = tokens(s);
  if (toks.length === 0) return null;

  if (startPhrase(toks, UNFINISHED_START) !== null) return 'in_progress';
  if (startPhrase(toks, NOT_STARTED_START) !== null) return 'not_started';
  if (startPhrase(toks, IN_PROGRESS_START) !== null) return 'in_progress';
  if (startPhrase(toks, DONE_START) !== null) return partial(s, toks) ? 'in_progress' : 'done';
  if (startPhrase(toks, DONE_PREFIX) !== null) return hasPhrase(toks, ONGOING) ? 'in_progress' : 'done';

  if (hasPhrase(toks, ONGOING)) return 'in_progress';
  if (hasPhrase(toks, NOT_STARTED_ANYWHERE)) return 'not_started';
  if (hasPhrase(toks, DONE_ANYWHERE)) return 'done';
  return null;
}

/** "Hoàn thành 80%", "Hoàn thành một phần": finished only in part. */
function partial(s: string, toks: readonly Token[]): boolean {
  if (findPhrase(toks, ['một phần']) >= 0) return true;
  return numbersIn(s).some(n => n.percent && n.value !== null && n.value < 100);
}
