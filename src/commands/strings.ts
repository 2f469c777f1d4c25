/** Every text the ribbon command shows, Vietnamese first. */
export type CommandLanguage = 'vi' | 'en';

export const COMMAND_STRINGS = {
  vi: {
    coloured: (rows: number, sheet: string) => `Đã tô màu ${rows} dòng trên trang "${sheet}".`,
    noTables: (sheet: string) => `Trang "${sheet}" không có bảng chỉ tiêu hay nhiệm vụ nào. Hãy mở trang có bảng Phụ lục rồi bấm lại.`,
    protectedSheet: (sheet: string) => `Trang "${sheet}" đang được bảo vệ: cần bỏ bảo vệ để tô màu.`,
    failed: (detail: string) => `Không tô màu được: ${detail}`,
    noSheet: 'Không xác định được trang đang mở.',
    close: 'Đóng',
    title: 'Phụ lục 57',
  },
  en: {
    coloured: (rows: number, sheet: string) => `Coloured ${rows} rows on sheet "${sheet}".`,
    noTables: (sheet: string) => `Sheet "${sheet}" has no indicator or task table. Open a sheet with an appendix table and try again.`,
    protectedSheet: (sheet: string) => `Sheet "${sheet}" is protected: unprotect it to colour it.`,
    failed: (detail: string) => `Could not colour: ${detail}`,
    noSheet: 'Could not tell which sheet is open.',
    close: 'Close',
    title: 'Appendix 57',
  },
} as const;

/** English only for an English Office; Vietnamese otherwise. */
export function commandLanguage(displayLanguage: string | undefined): CommandLanguage {
  return displayLanguage?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
