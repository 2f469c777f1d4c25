/**
 * Preloaded (node -r) into a command measured end to end: at exit, writes the process's peak memory and CPU time to
 * the file named by BENCH_RSS_FILE, since a parent process cannot read a child's resource usage in Node — and
 * whether exceljs was loaded at all (a new rollup file and `check` should not need it). maxRSS and cpuUsage are the
 * whole process's, worker threads included.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';

const out = process.env['BENCH_RSS_FILE'];
// A preload runs in every worker thread too (the CLI's pool): only the main thread, which exits last, reports.
if (out && isMainThread) {
  process.on('exit', () => {
    const c = process.cpuUsage();
    const exceljs = Object.keys(require.cache).some(k => k.includes(`node_modules${path.sep}exceljs${path.sep}`));
    writeFileSync(out, JSON.stringify({ rssMB: process.resourceUsage().maxRSS / 1024, cpuMs: (c.user + c.system) / 1000, exceljs }));
  });
}
