/**
 * The rollup's file queue: reads each file (with progress), hands it to a pool of check workers, and lets the
 * person cancel any file — queued, being read, or being checked (its worker is then terminated and replaced).
 */
import type { FileReport } from '../../core/check/report';
import type { WorkbookGrid } from '../../core/grid/types';
import type { CheckRequest, CheckResponse, WorkerLike } from './protocol';

export type ItemState = 'queued' | 'reading' | 'checking' | 'done' | 'failed' | 'cancelled';

export interface QueueItem {
  readonly id: number;
  readonly name: string;
  readonly size: number;
  readonly state: ItemState;
  /** 0..1 while reading, null when the worker is busy (indeterminate), 1 when finished. */
  readonly progress: number | null;
  /** The check report; an unreadable file has one too, carrying the reason ("failed"). */
  readonly report: FileReport | null;
  readonly error: string | null;
}

export type QueueSource =
  | { readonly kind: 'file'; readonly name: string; readonly size: number; readonly blob: Blob }
  | { readonly kind: 'grid'; readonly name: string; readonly grid: WorkbookGrid };

export type ReadBytes = (blob: Blob, onProgress: (fraction: number) => void, signal: AbortSignal) => Promise<ArrayBuffer>;

export interface QueueDeps {
  readonly spawn: () => WorkerLike;
  readonly read: ReadBytes;
  /** Files read and checked at once; two keeps a 2-core commune PC usable. */
  readonly concurrency: number;
}

interface Job { item: QueueItem; source: QueueSource; abort: AbortController; worker: WorkerLike | null }

const FINISHED: readonly ItemState[] = ['done', 'failed', 'cancelled'];

export class FileQueue {
  private list: QueueItem[] = [];
  private jobs = new Map<number, Job>();
  private waiting: number[] = [];
  private idle: WorkerLike[] = [];
  private running = 0;
  private nextId = 1;
  private listeners = new Set<() => void>();

  constructor(private readonly deps: QueueDeps) {}

  get items(): readonly QueueItem[] { return this.list; }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  add(sources: readonly QueueSource[]): void {
    for (const source of sources) {
      const id = this.nextId++;
      const item: QueueItem = {
        id, name: source.name, size: source.kind === 'file' ? source.size : 0,
        state: 'queued', progress: 0, report: null, error: null,
      };
      this.list = [...this.list, item];
      this.jobs.set(id, { item, source, abort: new AbortController(), worker: null });
      this.waiting.push(id);
    }
    this.changed();
    this.pump();
  }

  cancel(id: number): void {
    const job = this.jobs.get(id);
    if (!job || FINISHED.includes(job.item.state)) return;
    const wasRunning = job.item.state !== 'queued';
    this.waiting = this.waiting.filter(x => x !== id);
    job.abort.abort();
    // A worker cannot be interrupted mid-parse: it is terminated, and the next job spawns a fresh one.
    job.worker?.terminate();
    job.worker = null;
    this.update(id, { state: 'cancelled', progress: 0 });
    this.jobs.delete(id);
    if (wasRunning) this.running--;
    this.pump();
  }

  cancelAll(): void {
    for (const item of this.list) this.cancel(item.id);
  }

  /** Forgets a finished item. */
  remove(id: number): void {
    this.cancel(id);
    this.list = this.list.filter(i => i.id !== id);
    this.changed();
  }

  clear(): void {
    this.cancelAll();
    this.list = [];
    this.changed();
  }

  dispose(): void {
    this.cancelAll();
    for (const w of this.idle) w.terminate();
    this.idle = [];
    this.listeners.clear();
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  private update(id: number, patch: Partial<QueueItem>): void {
    this.list = this.list.map(i => (i.id === id ? { ...i, ...patch } : i));
    const job = this.jobs.get(id);
    if (job) job.item = this.list.find(i => i.id === id) ?? job.item;
    this.changed();
  }

  private pump(): void {
    while (this.running < this.deps.concurrency && this.waiting.length > 0) {
      const id = this.waiting.shift();
      const job = id === undefined ? undefined : this.jobs.get(id);
      if (!job) continue;
      this.running++;
      void this.runJob(job);
    }
  }

  private async runJob(job: Job): Promise<void> {
    const { id } = job.item;
    const live = () => this.jobs.get(id) === job && !job.abort.signal.aborted;
    let request: CheckRequest;
    try {
      if (job.source.kind === 'file') {
        this.update(id, { state: 'reading', progress: 0 });
        const bytes = await this.deps.read(job.source.blob, f => { if (live()) this.update(id, { progress: f }); }, job.abort.signal);
        if (!live()) return;
        request = { id, kind: 'bytes', name: job.source.name, bytes };
      } else {
        request = { id, kind: 'grid', name: job.source.name, grid: job.source.grid };
      }
      this.update(id, { state: 'checking', progress: null });
      const response = await this.post(job, request);
      if (!live()) return;
      if (response.ok) {
        this.update(id, { state: response.report.error === null ? 'done' : 'failed', progress: 1, report: response.report, error: response.report.error });
      } else {
        this.update(id, { state: 'failed', progress: 1, error: response.error });
      }
    } catch (e) {
      if (!live()) return;
      this.update(id, { state: 'failed', progress: 1, error: e instanceof Error ? e.message : String(e) });
    }
    this.jobs.delete(id);
    this.running--;
    this.pump();
  }

  private post(job: Job, request: CheckRequest): Promise<CheckResponse> {
    const worker = this.idle.pop() ?? this.deps.spawn();
    job.worker = worker;
    return new Promise((resolve, reject) => {
      job.abort.signal.addEventListener('abort', () => reject(new Error('cancelled')), { once: true });
      worker.onmessage = event => {
        job.worker = null;
        worker.onmessage = null;
        worker.onerror = null;
        this.idle.push(worker);
        resolve(event.data);
      };
      worker.onerror = event => {
        // A crashed worker is not reused.
        job.worker = null;
        worker.terminate();
        reject(new Error(event.message || 'worker error'));
      };
      worker.postMessage(request, request.kind === 'bytes' ? [request.bytes] : []);
    });
  }
}
