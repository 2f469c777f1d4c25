import type { FileReport } from '../../core/check/report';
import type { WorkbookGrid } from '../../core/grid/types';

/** What the pane asks the check worker: a file's bytes (transferred, not copied) or a grid already read. */
export type CheckRequest =
  | { readonly id: number; readonly kind: 'bytes'; readonly name: string; readonly bytes: ArrayBuffer }
  | { readonly id: number; readonly kind: 'grid'; readonly name: string; readonly grid: WorkbookGrid };

/** The worker's answer. An unreadable file is a report with `error`; `ok: false` is a crash of the worker code. */
export type CheckResponse =
  | { readonly id: number; readonly ok: true; readonly report: FileReport }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** The part of a Worker the queue uses, so tests can run the same code in-process. */
export interface WorkerLike {
  postMessage(message: CheckRequest, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<CheckResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}
