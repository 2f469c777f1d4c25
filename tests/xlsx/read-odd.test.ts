import { zipSync, strToU8 } from 'fflate';
import { readWorkbook } from '../../src/xlsx/read';

describe('readWorkbook on archives that are no workbook', () => {
  it('says a workbook cut to its first bytes is damaged, not a CSV', async () => {
    for (const bytes of [[0x50], [0x50, 0x4b], [0x50, 0x4b, 0x03]]) {
      const r = await readWorkbook(new Uint8Array(bytes));
      expect(r).toMatchObject({ ok: false });
      if (!r.ok) expect(r.error).toMatch(/bị hỏng/);
    }
  });

  it('refuses a zip without a workbook (an empty archive, a renamed .docx)', async () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    for (const bytes of [zipSync({}), docx]) {
      const r = await readWorkbook(bytes);
      expect(r).toMatchObject({ ok: false });
      if (!r.ok) expect(r.error).toMatch(/không có trang tính|bị hỏng/);
    }
  });
});
