import { checkWorkbook, unreadableFile } from '../../core/check/check';
import type { FileReport, Notice } from '../../core/check/report';
import { PartMemo } from '../../xlsx/fast/part-memo';
import { readNotices, readWorkbook } from '../../xlsx/read';
import type { CheckRequest, CheckResponse } from './protocol';

/** The small parts of the files this worker has read, reused where a file holds the same bytes (see part-memo.ts). */
const partMemo = new PartMemo();

/** A file's bytes → its check report; an unreadable file gives a report carrying the reason. Never throws. */
export async function checkFileBytes(name: string, bytes: Uint8Array): Promise<FileReport> {
  const read = await readWorkbook(bytes, { memo: partMemo });
  if (!read.ok) return unreadableFile(name, read.error);
  const report = checkWorkbook(read.grid, { file: name });
  // A sheet cut to the reader's window (or a damaged package) is said out loud, as the CLI does.
  const cut: Notice[] = readNotices(read);
  return cut.length > 0 ? { ...report, notices: [...report.notices, ...cut] } : report;
}

/** The worker's whole job, kept apart from `self` so tests can call it directly. */
export async function answer(request: CheckRequest): Promise<CheckResponse> {
  try {
    const report = request.kind === 'bytes'
      ? await checkFileBytes(request.name, new Uint8Array(request.bytes))
      : checkWorkbook(request.grid, { file: request.name });
    return { id: request.id, ok: true, report };
  } catch (e) {
    return { id: request.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
