/**
 * A pool worker (see pool.ts): judges the files the main thread posts, one at a time, and posts each report back.
 * Only the compact report crosses the thread boundary; the workbook's grid stays and dies here.
 */
import { parentPort } from 'node:worker_threads';
import { judgeFile } from './judge-file';
import { RESULTS_PER_MESSAGE, type JobRequest, type JobResult } from './pool';

const port = parentPort;
if (port !== null) {
  // Requests are handled in turn: those still queued wait in the chain, so the worker never idles between files.
  let chain: Promise<void> = Promise.resolve();
  let queued = 0;
  let batch: JobResult[] = [];
  port.on('message', (reqs: readonly JobRequest[]) => {
    queued += reqs.length;
    for (const req of reqs) {
      chain = chain.then(async () => {
        // As JSON text: the structured clone of a report's many small objects cost ~0.15 ms per file (3,321 communes:
        // 0.5 s per worker, profiled), JSON.stringify a fraction of that, and a report is JSON by contract (CheckReport).
        batch.push({ index: req.index, report: JSON.stringify(await judgeFile(req.file, req.opts)) });
        queued--;
        // A few reports per message, each waking the main thread once: or the last one queued, not to keep it waiting.
        if (batch.length >= RESULTS_PER_MESSAGE || queued === 0) {
          port.postMessage(batch);
          batch = [];
        }
      });
    }
  });
}
