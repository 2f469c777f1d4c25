import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { DEFAULT_LIMITS } from '../../../src/xlsx/fast/limits';
import { answer, checkFileBytes } from '../../../src/taskpane/worker/check-file';
import { WebWorkbookHost } from '../../../src/taskpane/web/web-host';
import { sampleGrid } from '../sample';

jest.setTimeout(60000);

/** A sheet with values below the reader's row window. */
async function tallWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dài');
  ws.getCell('A1').value = 'TT';
  ws.getCell(DEFAULT_LIMITS.maxRows + 5, 1).value = 'cuối';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('checkFileBytes', () => {
  it('says when a sheet was cut to the reader\'s window, in the report and in the web host', async () => {
    const bytes = await tallWorkbook();
    const report = await checkFileBytes('dai.xlsx', bytes);
    expect(report.error).toBeNull();
    expect(report.notices.filter(n => n.code === 'truncated').map(n => n.sheet)).toEqual(['Dài']);
    const host = new WebWorkbookHost();
    await host.open('dai.xlsx', bytes);
    expect(host.readNotices).toHaveLength(1);
    expect(host.readNotices[0]).toMatch(/Dài/);
  });

  it('never throws and always answers with the request id, whatever the bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.nat(), async (bytes, id) => {
      const r = await answer({ id, kind: 'bytes', name: 'x.xlsx', bytes: bytes.slice().buffer });
      expect(r.id).toBe(id);
      expect(r.ok).toBe(true);
      if (r.ok) expect(typeof r.report.error === 'string' || r.report.error === null).toBe(true);
    }), { numRuns: 60 });
  });

  it('a grid request is judged as the engine judges it', async () => {
    const r = await answer({ id: 7, kind: 'grid', name: 'S', grid: sampleGrid() });
    expect(r).toMatchObject({ id: 7, ok: true, report: { file: 'S', commune: 'Phú Thịnh' } });
  });
});
