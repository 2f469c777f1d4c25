/**
 * The bad-input corpus: files an official may receive by mistake, each with the reason the tool must give.
 * Built from a real fixture (damaged copies) or from scratch at test time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from '../../helpers/fixtures';
import { encryptedXlsx, legacyXls } from './cfb';
import { centralDirectory, centralEntries, flipBytes } from './zip';

export const GOOD_FIXTURE = path.join(FIXTURES, 'phu-thinh-bao-cao-thang-4-2026.xlsx');

/** What the message must say, by kind of problem (Vietnamese first, as the CLI and the pane show it). */
export const SAYS = {
  corrupt: /Tệp \.xlsx bị hỏng, không đọc được/,
  tooLarge: /Tệp quá lớn hoặc giải nén vượt giới hạn an toàn/,
  csv: /Tệp là văn bản CSV được đổi tên thành \.xlsx, không phải sổ tính Excel/,
  html: /Tệp là trang HTML được đổi tên thành \.xlsx, không phải sổ tính Excel/,
  encrypted: /Tệp được đặt mật khẩu — hãy gỡ mật khẩu/,
  xls: /lưu lại dưới dạng \.xlsx/,
  empty: /Tệp rỗng \(0 byte\)/,
} as const;

export interface BadCase {
  /** File name in the corpus folder (the extension is what the sender gave it). */
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly says: RegExp;
}

export function badCorpus(): BadCase[] {
  const good = new Uint8Array(readFileSync(GOOD_FIXTURE));
  const cd = centralDirectory(good);
  const entries = centralEntries(good);
  const sheet = entries.find(e => e.name === 'xl/worksheets/sheet1.xml');
  if (!sheet) throw new Error('fixture without sheet1');
  const dataStart = sheet.localOffset + 30 + sheet.name.length;
  const enc = new TextEncoder();
  return [
    // Cut off at several points (an interrupted download or a full USB stick).
    ...[4, 30, 0.1, 0.5, 0.9, cd.offset + 10, good.length - 22, good.length - 1].map(at => {
      const n = at < 1 ? Math.floor(good.length * at) : at;
      return { file: `cat-${n}.xlsx`, bytes: good.slice(0, n), says: SAYS.corrupt };
    }),
    // A block lost from the middle.
    { file: 'thieu-giua.xlsx', bytes: new Uint8Array([...good.subarray(0, 2000), ...good.subarray(3000)]), says: SAYS.corrupt },
    // Bytes flipped in the central directory and in the end record.
    { file: 'cd-chu-ky.xlsx', bytes: flipBytes(good, [cd.offset]), says: SAYS.corrupt },
    { file: 'cd-vi-tri.xlsx', bytes: flipBytes(good, [cd.eocd + 17]), says: SAYS.corrupt },
    { file: 'cd-so-muc.xlsx', bytes: flipBytes(good, [cd.eocd + 10]), says: SAYS.corrupt },
    { file: 'cd-dau-muc.xlsx', bytes: flipBytes(good, [sheet.at + 42]), says: SAYS.corrupt },
    { file: 'cd-do-dai-ten.xlsx', bytes: flipBytes(good, [sheet.at + 28]), says: SAYS.corrupt },
    { file: 'cd-nen.xlsx', bytes: flipBytes(good, [sheet.at + 10]), says: SAYS.corrupt },
    { file: 'cd-co.xlsx', bytes: flipBytes(good, [sheet.at + 8]), says: SAYS.corrupt },
    // A size field blown up: refused either way, never inflated blindly.
    { file: 'cd-kich-thuoc.xlsx', bytes: flipBytes(good, [sheet.at + 27]), says: new RegExp(`${SAYS.corrupt.source}|${SAYS.tooLarge.source}`) },
    // Damaged compressed data inside the sheet.
    { file: 'du-lieu-hong.xlsx', bytes: flipBytes(good, [dataStart + 20, dataStart + 21]), says: SAYS.corrupt },
    // Other formats under an .xlsx name.
    { file: 'bang-tinh.xlsx', bytes: enc.encode('\ufeffTT,Chỉ tiêu,Đơn vị tính,Mục tiêu,Kết quả\n1,Tỷ lệ hồ sơ trực tuyến,%,80,85\n'), says: SAYS.csv },
    { file: 'bang-tinh-cham-phay.xlsx', bytes: enc.encode('TT;Chỉ tiêu;Kết quả\r\n1;Tỷ lệ;"72,5"\r\n'), says: SAYS.csv },
    { file: 'trang-web.xlsx', bytes: enc.encode('<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body><table><tr><td>TT</td><td>Chỉ tiêu</td></tr></table></body></html>'), says: SAYS.html },
    { file: 'bang-html.xlsx', bytes: enc.encode('\ufeff\r\n  <table border="1"><tr><td>TT</td><td>Chỉ tiêu</td></tr></table>'), says: SAYS.html },
    { file: 'mat-khau.xlsx', bytes: encryptedXlsx(), says: SAYS.encrypted },
    { file: 'excel-cu.xls', bytes: legacyXls(), says: SAYS.xls },
    { file: 'excel-cu-doi-ten.xlsx', bytes: legacyXls(), says: SAYS.xls },
    { file: 'rong.xlsx', bytes: new Uint8Array(0), says: SAYS.empty },
  ];
}
