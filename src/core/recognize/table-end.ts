import { textAt } from '../grid/access';
import type { SheetGrid } from '../grid/types';
import { fold } from '../text/fold';

/**
 * What closes a table in Vietnamese administrative documents: the recipients list ("Nơi nhận"), notes
 * ("Ghi chú: …", "(*) …"), the place-and-date line ("Phú Thịnh, ngày 24 tháng 4 năm 2026") and the signature block
 * (KT. CHỦ TỊCH, PHÓ CHỦ TỊCH, NGƯỜI LẬP BIỂU …). See Nghị định 30/2020/NĐ-CP, Phụ lục I, for the layout of the
 * signature block. None of these is a row, and nothing below them belongs to the table.
 */
const STARTS = /^(noi nhan|ghi chu\s*[:.]|\(\*+\)|\*\s|luu y\s*:|chu thich\s*:)/;
/** "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN": a signing title with its authority prefix. */
const SIGNING_FOR = /^(kt|tm|tl|q|ktl)\.?\s+(chu tich|pho chu tich|uy ban nhan dan|ubnd|thu truong|giam doc|truong phong|bi thu|dang uy)\b.{0,40}$/;
/** A signer's title alone ("PHÓ CHỦ TỊCH", "NGƯỜI LẬP BIỂU"): only in capitals, as signature blocks write it, since a
 * lead column may well say "Chủ tịch UBND". */
const TITLE = /^(chu tich|pho chu tich|nguoi lap bieu|nguoi lap|nguoi tong hop|can bo tong hop|thu truong don vi|thu truong co quan|lanh dao duyet|nguoi duyet|xac nhan cua .{0,40})\s*[:.]?$/;
const PLACE_DATE = /^[a-z][a-z .-]{1,40}, ngay [0-9 .]{0,5}thang [0-9 .]{0,5}nam\s*(20[0-9]{2})?\s*$/;
const SIGN_HINT = /^\((ky|da ky)[, ].{0,40}\)$/;

type EndKind = 'note' | 'signature' | null;

function endKind(text: string): EndKind {
  const f = fold(text);
  if (f === '' || f.length > 200) return null;
  if (STARTS.test(f)) return 'note';
  if (SIGNING_FOR.test(f) || PLACE_DATE.test(f) || SIGN_HINT.test(f)) return 'signature';
  return TITLE.test(f) && text === text.toUpperCase() ? 'signature' : null;
}

export function isTableEndText(text: string): boolean {
  return endKind(text) !== null;
}

/**
 * Whether the row opens the closing part of the document. An item row never does (its order cell holds a code): a
 * note column may well say "Ghi chú: …". Notes and "Nơi nhận" are written at the left, in the order or name column;
 * signature titles and the place-date line stand anywhere, often on the right.
 */
export function isTableEndRow(sheet: SheetGrid, row: number, codeCol: number, nameCol: number): boolean {
  const cells = sheet.rows[row - 1];
  if (!cells) return false;
  const code = textAt(sheet, row, codeCol);
  if (code !== '' && (/^[0-9IVXivx.,)]+$/.test(code) || endKind(code) === null)) return false;
  for (let c = 1; c <= cells.length; c++) {
    const cell = cells[c - 1];
    if (cell?.v.t !== 's') continue;
    const k = endKind(textAt(sheet, row, c));
    if (k === 'signature' || (k === 'note' && c <= Math.max(codeCol, nameCol))) return true;
  }
  return false;
}
