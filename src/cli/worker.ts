/**
 * A pool worker (see pool.ts): judges the files the main thread posts, one at a time, and posts each report back.
 * Only the compact report crosses the thread boundary; the workbook's grid stays and dies here.
 */
import { parentPort } from 'node:worker_threads';
import { judgeFile } from './judge-file';
import type { JobRequest, JobResult } from './pool';

const port = parentPort;
if (port !== null) {
  // Requests are handled in turn: a second request waits in the port's queue, so the worker never idles between files.
  let chain: Promise<void> = Promise.resolve();
  port.on('message', (req: JobRequest) => {
    chain = chain.then(async () => {
      // As JSON text: the structured clone of a report's many small objects cost ~0.15 ms per file (3,321 communes:
      // 0.5 s per worker, profiled), JSON.stringify a fraction of that, and a report is JSON by contract (CheckReport).
      const result: JobResult = { index: req.index, report: JSON.stringify(await judgeFile(req.file, req.opts)) };
      port.postMessage(result);
    });
  });
}
