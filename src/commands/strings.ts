/** Every text the ribbon command shows, Vietnamese first. */
import { OLD_OFFICE_EN, OLD_OFFICE_VI } from '../legacy/text';

export type CommandLanguage = 'vi' | 'en';

export const COMMAND_STRINGS = {
  vi: {
    coloured: (rows: number, sheet: string) => `Đã tô màu ${rows} dòng trên trang "${sheet}".`,
    noTables: (sheet: string) => `Trang "${sheet}" không có bảng chỉ tiêu hay nhiệm vụ nào. Hãy mở trang có bảng Phụ lục rồi bấm lại.`,
    protectedSheet: (sheet: string) => `Trang "${sheet}" đang được bảo vệ: cần bỏ bảo vệ để tô màu.`,
    failed: (detail: string) => `Không tô màu được. ${detail}`,
    noSheet: 'Trang đang mở không phải trang tính (có thể là trang biểu đồ). Hãy mở trang có bảng Phụ lục rồi bấm lại.',
    oldOffice: OLD_OFFICE_VI,
    close: 'Đóng',
    title: 'Phụ lục 57',
  },
  en: {
    coloured: (rows: number, sheet: string) => `Coloured ${rows} rows on sheet "${sheet}".`,
    noTables: (sheet: string) => `Sheet "${sheet}" has no indicator or task table. Open a sheet with an appendix table and try again.`,
    protectedSheet: (sheet: string) => `Sheet "${sheet}" is protected: unprotect it to colour it.`,
    failed: (detail: string) => `Could not colour. ${detail}`,
    noSheet: 'The open sheet is not a worksheet (perhaps a chart sheet). Open a sheet with an appendix table and try again.',
    oldOffice: OLD_OFFICE_EN,
    close: 'Close',
    title: 'Appendix 57',
  },
} as const;

/** English only for an English Office; Vietnamese otherwise. */
export function commandLanguage(displayLanguage: string | undefined): CommandLanguage {
  return displayLanguage?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
