/**
 * Judges many files on a small pool of worker threads (this machine's second core), handing the reports over in input
 * order so everything printed or written is the same as judged one by one. The main thread keeps the order, the
 * matching, the rollup model and the writer; workers only read, normalise, recognise and judge.
 *
 * Memory stays bounded: at most WINDOW files are in flight or waiting for an earlier one, and each worker's heap is
 * capped. A worker that fails (a crash, its heap limit) is not trusted again: the files it held and every file after
 * are judged in this thread, as with --jobs 1, so a file that throws here throws as it always did.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileReport } from '../core/check/report';
import { judgeFile, type JudgeOptions } from './judge-file';

export interface JobRequest { readonly index: number; readonly file: string; readonly opts: JudgeOptions }
/** `report` is the FileReport as JSON text (see worker.ts). */
export interface JobResult { readonly index: number; readonly report: string }

/** Fewer files than this are judged in process: starting a worker (~0.1 s of module loading) would not pay off. */
export const MIN_FILES_FOR_POOL = 8;
/** Files posted to one worker before it answers: one at work, one waiting, so it never idles between files. */
const PER_WORKER = 2;
/** Files dispatched but not yet handed over (in flight, or done and waiting for an earlier slow file). */
const WINDOW = 8;
/**
 * A worker holds one commune's grid at a time (a few MB); the cap keeps a pathological file from growing the process
 * past what one thread would (https://nodejs.org/api/worker_threads.html#new-workerfilename-options, resourceLimits).
 */
const WORKER_HEAP_MB = 256;
/** A small young generation: a commune's cells die young, and every thread's nursery adds to the process's peak. */
const WORKER_YOUNG_MB = 8;

/** The pool's size when --jobs is not given: this machine's cores, at most 2 (the reading is bounded by the disk and by the main thread). */
export function defaultJobs(): number {
  return Math.max(1, Math.min(2, os.availableParallelism()));
}

/** The compiled worker next to this module; absent when the CLI runs from its TypeScript sources (tests), then in process. */
function workerScript(): string | null {
  const js = path.join(__dirname, 'worker.js');
  return existsSync(js) ? js : null;
}

/** Judges `files` with up to `jobs` worker threads and calls `visit` with each report in the order of `files`. */
export async function judgeInOrder(files: readonly string[], opts: JudgeOptions, jobs: number, visit: (r: FileReport) => void): Promise<void> {
  const script = workerScript();
  const size = Math.min(jobs, files.length);
  if (size <= 1 || files.length < MIN_FILES_FOR_POOL || script === null) {
    for (const file of files) visit(await judgeFile(file, opts));
    return;
  }
  const from = await judgeOnWorkers(files, opts, size, script, visit);
  for (let i = from; i < files.length; i++) visit(await judgeFile(files[i] as string, opts));
}

/**
 * Runs the pool until every file is handed over (returns files.length) or a worker fails (returns the index of the
 * first file not handed over; the caller judges the rest in process).
 */
function judgeOnWorkers(files: readonly string[], opts: JudgeOptions, size: number, script: string, visit: (r: FileReport) => void): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const workers: Worker[] = [];
    const busy = new Map<Worker, number>();
    const done = new Map<number, FileReport>();
    let dispatched = 0;
    let emitted = 0;
    let finished = false;

    const finish = (next: number, error?: unknown): void => {
      if (finished) return;
      finished = true;
      // Waiting for the threads to end returns their heaps before the rollup builds its model.
      void Promise.allSettled(workers.map(w => w.terminate())).then(() => {
        if (error !== undefined) reject(error as Error);
        else resolve(next);
      });
    };

    const pump = (): void => {
      for (const w of workers) {
        while (dispatched < files.length && dispatched - emitted < WINDOW && (busy.get(w) ?? 0) < PER_WORKER) {
          const req: JobRequest = { index: dispatched, file: files[dispatched] as string, opts };
          w.postMessage(req);
          busy.set(w, (busy.get(w) ?? 0) + 1);
          dispatched++;
        }
      }
    };

    const onResult = (w: Worker, res: JobResult): void => {
      if (finished) return;
      busy.set(w, (busy.get(w) ?? 1) - 1);
      done.set(res.index, JSON.parse(res.report) as FileReport);
      try {
        for (let r = done.get(emitted); r !== undefined; r = done.get(emitted)) {
          done.delete(emitted);
          emitted++;
          visit(r);
        }
      } catch (e) {
        finish(emitted, e);
        return;
      }
      if (emitted === files.length) finish(emitted);
      else pump();
    };

    for (let i = 0; i < size; i++) {
      const w = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
      workers.push(w);
      busy.set(w, 0);
      w.on('message', (res: JobResult) => { onResult(w, res); });
      // Whatever went wrong, the files from the first not handed over on are judged again in process.
      w.on('error', () => { finish(emitted); });
      w.on('exit', () => { if (!finished) finish(emitted); });
    }
    pump();
  });
}
